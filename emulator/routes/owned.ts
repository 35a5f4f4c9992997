/**
 * Which domain a domain-scoped route may touch, in one place: the path domain must exist and
 * belong to the caller (otherwise one answer for both cases, so no reseller can probe another's),
 * must still be in the account (not transferred away, cancelled or deleted after expiry), and,
 * for a write, must not be pending deletion. "Not in the account" is decided only here, and
 * answered with the status of the admin behaviour `unknownDomainStatus` (404 by default).
 */
import type { Context } from "../context";
import type { Addons, DomainState } from "../domain-state";
import { ApiError, domainNotFound } from "../errors";
import { isGone, isReadOnly } from "../domain-phase";

/** The answer for a domain that is not in the caller's account, whatever the reason. */
export function notInAccount(ctx: Context): ApiError {
  return domainNotFound(ctx.behaviour.unknownDomainStatus);
}

/** The caller's domain called `name`, in whatever state; not-in-account when missing or another reseller's. */
export function ownedByName(ctx: Context, name: string): DomainState {
  const d = ctx.store.domain(name);
  if (!d || d.owner.toLowerCase() !== ctx.account.email.toLowerCase()) throw notInAccount(ctx);
  return d;
}

/**
 * For the status routes (information, sync, transfersync): they answer for a domain that has
 * left the account, because reporting that it left is their job.
 */
export function anyOwnedDomain(ctx: Context): DomainState {
  return ownedByName(ctx, ctx.path.domain ?? "");
}

/** For reads: a domain that has left the account answers exactly like one that never was in it. */
export function ownedDomain(ctx: Context): DomainState {
  const d = anyOwnedDomain(ctx);
  if (isGone(d, ctx.now)) throw notInAccount(ctx);
  return d;
}

/** For writes: as ownedDomain, and refused while a delete request is pending. */
export function writableDomain(ctx: Context): DomainState {
  const d = ownedDomain(ctx);
  if (isReadOnly(d)) throw new ApiError(400, `domain ${d.name} is pending deletion: it can be read but not changed`);
  return d;
}

const ADDON_NAMES: Record<keyof Addons, string> = { dnsmanagement: "DNS Management", emailforwarding: "Email Forwarding" };

/** Refuses a /dns or /email call for a domain without that add-on, when the domain enforces add-ons. */
export function requireAddon(d: DomainState, addon: keyof Addons): DomainState {
  if (d.enforceAddons === true && !d.addons[addon]) {
    throw new ApiError(400, `domain ${d.name} does not have the ${ADDON_NAMES[addon]} add-on (addons[${addon}]); order the add-on to use this route`);
  }
  return d;
}

/** What every non-order mutation answers (reference §8: one shape, chosen and documented). */
export const OK = { success: true } as const;
