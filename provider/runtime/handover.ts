// Create-before-delete. When a resource is renamed, moved into a component, given another profile
// or replaced (`--replace`), the engine creates the new resource first and deletes the old one at
// the end of the same deployment, in this same provider process. The old one's delete must then
// leave alone what the new one now manages (never revert it, wipe it or release the domain), and
// the new one should take over the old one's record of what was there before either existed.
//
// Both are decided here, in memory, for the length of one deployment:
// - a create (or an update that takes a DNS record set over) *claims* its identity (kind and
//   domain; for DNS each record set, for glue the host); a delete skips what another resource claimed;
// - every state the provider is shown (diff of a resource being replaced, read during a refresh)
//   is *seen*; a create of the same identity inherits its takeover record from the state seen.
// A rename the engine never shows the old state for (no `--refresh`) cannot inherit: the new
// resource then records what it finds, and the stack guard's hint tells how to keep the history
// (`aliases`, docs/ownership.md).

type Props = object;

/** The whole setting: what a claim of a kind with one value per domain covers. */
export const WHOLE = "*";

const claims = new Map<string, Set<string>>();
const seen = new Map<string, Props[]>();

/**
 * What one resource manages: `DnsRecordSet|example.com`, `PrivateNameserver|example.com|ns1.example.com`.
 * No credentials profile: a domain is in one account at a time, so a profile change of a resource
 * is a replacement on the same identity.
 */
export function identityOf(kind: string, domain: string, host?: string | undefined): string {
  return [kind, domain, ...(host === undefined ? [] : [host])].join("|");
}

/** Notes that the resource now being created or updated manages `parts` of `identity` (WHOLE for a single setting). */
export function claim(identity: string, parts: Iterable<string> = [WHOLE]): void {
  const set = claims.get(identity) ?? new Set<string>();
  for (const part of parts) set.add(part);
  claims.set(identity, set);
}

/** The parts of `identity` a create or update of this deployment claimed (empty: none). */
export function claimed(identity: string): ReadonlySet<string> {
  return claims.get(identity) ?? new Set();
}

/** Notes a state the engine showed (diff or read), so a successor of the same identity can inherit from it. */
export function noteSeen(identity: string, state: Props): void {
  const states = seen.get(identity) ?? [];
  if (!states.includes(state)) states.push(state);
  seen.set(identity, states);
}

/** Every state seen for `identity` in this deployment (several DNS sets may share a domain), oldest first. */
export function seenStates(identity: string): readonly Props[] {
  return seen.get(identity) ?? [];
}

/**
 * Forgets what was claimed and seen. The engine starts one provider process per deployment, so
 * only tests that play several deployments in one process need this (configure is no such
 * boundary: the dynamic-provider host calls it once per kind, at the kind's first call).
 */
export function resetHandover(): void {
  claims.clear();
  seen.clear();
}
