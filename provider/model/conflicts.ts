// Two resources fighting over one setting: two Nameservers on one domain would each undo the other
// on every `up`. Claims are collected as resources are declared; a conflicting claim fails the
// preview naming both resources. Several merge-mode record sets with disjoint names and types are fine.
import { rrsetOfKey } from "./dns/key";

/** Kinds that own one whole setting of a domain: one resource each per domain and account. */
const WHOLE_SETTING = new Set(["Domain", "Nameservers", "EmailForwarding", "IdProtection", "RegistrarLock"]);

export interface Claim {
  /** The resource's name in the program. */
  resource: string;
  kind: string;
  domain: string;
  /** The credentials profile; undefined is the default account. */
  profile?: string | undefined;
  /** DnsRecordSet only. */
  mode?: "merge" | "authoritative" | undefined;
  /** DnsRecordSet only: the keys (`name/type/value`) of the declared records. */
  recordKeys?: readonly string[] | undefined;
  /** PrivateNameserver only: the glue host. */
  host?: string | undefined;
}

const account = (c: Claim) => c.profile ?? "default";

/** The input key that carries a resource's claim check (resources/claims.ts); `__` keys never reach the kinds. */
export const CLAIM_KEY = "__claim";

/**
 * The value of a settings resource's claim input when the program declared, before it, a `Domain`
 * of the same name and account: that Domain brings the domain in (registers, transfers or adopts
 * it), so the preview need not ask the account whether it holds the domain (runtime/ownership.ts).
 */
export const DOMAIN_DECLARED = "domain-declared";

/** Claims can conflict only within one scope: the same domain of the same account. */
export const claimScope = (c: Claim): string => `${account(c)}\n${c.domain}`;
const where = (c: Claim) => `${c.domain}${c.profile !== undefined ? ` (profile "${c.profile}")` : ""}`;

/** Why `next` cannot stand beside `earlier`, or undefined when they manage different things. */
export function conflictBetween(earlier: Claim, next: Claim): string | undefined {
  if (earlier.domain !== next.domain || account(earlier) !== account(next) || earlier.resource === next.resource) return undefined;
  const both = `${earlier.kind} "${earlier.resource}" and ${next.kind} "${next.resource}"`;
  if (earlier.kind === next.kind && WHOLE_SETTING.has(next.kind)) {
    return `${both} both manage the ${next.kind} of ${where(next)}: each \`up\` would undo the other. Keep one of them.`;
  }
  if (earlier.kind === "PrivateNameserver" && next.kind === "PrivateNameserver" && earlier.host === next.host) {
    return `${both} both register the glue record ${next.host} of ${where(next)}: keep one of them.`;
  }
  if (earlier.kind !== "DnsRecordSet" || next.kind !== "DnsRecordSet") return undefined;
  if (earlier.mode === "authoritative" || next.mode === "authoritative") {
    return `${both} both manage the DNS of ${where(next)}, and an authoritative set owns the whole zone (it would delete the other's records). Merge them into one resource, or make both mode: "merge" with disjoint records.`;
  }
  // A merge set owns every value at each name and type it declares (model/dns/ownership.ts), so
  // two sets declaring one name and type would each remove the other's values.
  const theirs = new Set((earlier.recordKeys ?? []).map(rrsetOfKey));
  const shared = [...new Set((next.recordKeys ?? []).map(rrsetOfKey).filter((set) => theirs.has(set)))];
  if (shared.length === 0) return undefined;
  return `${both} both declare records at ${shared.join(", ")} on ${where(next)}: a set owns every value of each name and type it declares, so declare each name and type in one set only.`;
}

/** Every conflict among `claims`, in declaration order (each named once, at the later claim). */
export function findConflicts(claims: readonly Claim[]): string[] {
  const problems: string[] = [];
  claims.forEach((next, index) => {
    for (const earlier of claims.slice(0, index)) {
      const problem = conflictBetween(earlier, next);
      if (problem !== undefined) problems.push(problem);
    }
  });
  return problems;
}
