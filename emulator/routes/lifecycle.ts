/**
 * Per-domain lifecycle routes in WHMCS registrar-function shapes: information, sync,
 * transfersync, release, delete request, EPP code, lock and ID protection (reference §4.11–4.23).
 */
import type { Context } from "../context";
import type { DomainState } from "../domain-state";
import { addYears, isoDate } from "../clock";
import { refund } from "../billing";
import { tldOf } from "../catalogue";
import { invalid } from "../errors";
import { isRestorable, shownStatus } from "../domain-phase";
import { OK, anyOwnedDomain, ownedDomain, writableDomain } from "./owned";

/**
 * The domain as the status routes (information, sync, transfersync) show it: with a renewal delay
 * (admin behaviour), a renewal not yet due still shows the expiry and status from before it.
 */
function shownDomain(ctx: Context): DomainState {
  return ctx.behaviour.shown(anyOwnedDomain(ctx), ctx.now);
}

/** Answers for a domain that has left the account too: its status is how a client proves it left. */
export function information(ctx: Context): unknown {
  const d = shownDomain(ctx);
  const status = shownStatus(d, ctx.now);
  return {
    domain: d.name,
    // vicem documents a list; WHMCS' Domain::setNameservers takes ns1.. keys. The list is what
    // both documented readers iterate over, so the emulator sends the list (reference §9 q6).
    nameservers: d.nameservers,
    transferLock: d.locked,
    expiryDate: `${d.expiryDate}T00:00:00Z`,
    status,
    registrationStatus: status,
    restorable: isRestorable(d, ctx.now),
    renewBeforeExpiration: true,
    idProtectionStatus: d.idProtection,
    dnsManagementStatus: d.addons.dnsmanagement,
    emailForwardingStatus: d.addons.emailforwarding,
    transferLockExpiryDate: null,
    irtpOptOutStatus: false,
    irtpTransferLock: false,
    irtpTransferLockExpiryDate: null,
    domainContactChangePending: false,
    domainContactChangeExpiryDate: null,
    willDomainSuspend: false,
    isIrtpEnabled: false,
    irtpVerificationTriggerFields: [],
    registrantEmailAddress: d.contacts.Registrant?.["Email Address"] ?? "",
  };
}

/** A status route, like information: WHMCS learns from it that a domain expired or left. */
export function sync(ctx: Context): unknown {
  const d = shownDomain(ctx);
  const expired = d.expiryDate < isoDate(ctx.now);
  const out: Record<string, unknown> = {
    active: d.status === "Active" && !expired,
    expired,
    expirydate: d.expiryDate,
    transferredAway: d.status === "Transferred Away",
  };
  if (d.status === "Cancelled" || d.status === "Pending Delete") out.cancelled = true;
  return out;
}

/** Pending → `{}` until the delay has passed, then completed (or failed, with a refund). */
export function transferSync(ctx: Context): unknown {
  const d = anyOwnedDomain(ctx);
  if (d.status !== "Pending Transfer") {
    if (d.transferFailReason && d.status === "Cancelled") return { failed: true, reason: d.transferFailReason };
    return { completed: true, expirydate: ctx.behaviour.shown(d, ctx.now).expiryDate };
  }
  if (d.transferReadyAt !== null && ctx.now < d.transferReadyAt) return {};
  if (d.transferFailReason) {
    // What the order was charged (a premium price, if it had one), as its ledger line says.
    const charged = ctx.store.lastCharge(d.owner, "transfer", d.name) ?? (tldOf(d.name)?.transferCents ?? 0) * d.transferYears;
    refund(ctx.store, d.owner, "transfer-refund", d.name, d.transferYears, charged, ctx.now);
    ctx.store.setStatus(d, "Cancelled");
    return { failed: true, reason: d.transferFailReason };
  }
  d.status = "Active";
  d.locked = tldOf(d.name)?.registrarLock ?? true;
  d.expiryDate = addYears(isoDate(ctx.now), Math.max(1, d.transferYears));
  ctx.store.saveDomain(d);
  return { completed: true, expirydate: d.expiryDate };
}

export function release(ctx: Context): unknown {
  const d = writableDomain(ctx);
  const tag = ctx.params.required("transfertag");
  if (!/^[A-Za-z0-9-]{2,32}$/.test(tag)) throw invalid(`transfertag "${tag}" is not a valid registrar tag`);
  d.transferTag = tag.toUpperCase();
  ctx.store.setStatus(d, "Transferred Away");
  return OK;
}

/** Once requested, the domain is read-only; a second request is refused like any other write. */
export function requestDelete(ctx: Context): unknown {
  const d = writableDomain(ctx);
  ctx.store.setStatus(d, "Pending Delete");
  return OK;
}

export function eppCode(ctx: Context): unknown {
  return { eppcode: ownedDomain(ctx).eppCode };
}

/** Bare JSON strings: clients compare `json_decode($body) == "locked"` (reference §4.11). */
export function getLock(ctx: Context): unknown {
  return ownedDomain(ctx).locked ? "locked" : "unlocked";
}

/**
 * `locked` locks; any other value unlocks (docs.vicem.com). Absent is a 400. Registries without a
 * registrar lock (Nominet's .uk, DENIC's .de) refuse any change, naming the TLD.
 */
export function saveLock(ctx: Context): unknown {
  const d = writableDomain(ctx);
  const tld = tldOf(d.name);
  if (tld && !tld.registrarLock) throw invalid(`.${tld.tld} domains have no registrar lock (the registry does not offer one): the lock of ${d.name} cannot be changed`);
  const v = ctx.params.str("lockstatus");
  if (v === undefined) throw invalid("lockstatus is required (locked or unlocked)");
  d.locked = v.trim().toLowerCase() === "locked";
  ctx.store.saveDomain(d);
  return OK;
}

export function protectId(ctx: Context): unknown {
  const d = writableDomain(ctx);
  const v = ctx.params.required("status");
  if (v !== "1" && v !== "0") throw invalid(`status must be 1 (enable) or 0 (disable), got "${v}"`);
  d.idProtection = v === "1";
  ctx.store.saveDomain(d);
  return OK;
}
