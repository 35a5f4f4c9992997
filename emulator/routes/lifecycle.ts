/**
 * Per-domain lifecycle routes in WHMCS registrar-function shapes: information, sync,
 * transfersync, release, delete request, EPP code, lock and ID protection (reference §4.11–4.23).
 */
import type { Context } from "../context";
import { addYears, isoDate } from "../clock";
import { refund } from "../billing";
import { tldOf } from "../catalogue";
import { invalid } from "../errors";
import { OK, ownedDomain } from "./owned";

export function information(ctx: Context): unknown {
  const d = ownedDomain(ctx);
  return {
    domain: d.name,
    // vicem documents a list; WHMCS' Domain::setNameservers takes ns1.. keys. The list is what
    // both documented readers iterate over, so the emulator sends the list (reference §9 q6).
    nameservers: d.nameservers,
    transferLock: d.locked,
    expiryDate: `${d.expiryDate}T00:00:00Z`,
    status: d.status,
    registrationStatus: d.status,
    restorable: false,
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

export function sync(ctx: Context): unknown {
  const d = ownedDomain(ctx);
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
  const d = ownedDomain(ctx);
  if (d.status !== "Pending Transfer") {
    if (d.transferFailReason && d.status === "Cancelled") return { failed: true, reason: d.transferFailReason };
    return { completed: true, expirydate: d.expiryDate };
  }
  if (d.transferReadyAt !== null && ctx.now < d.transferReadyAt) return {};
  if (d.transferFailReason) {
    const tld = tldOf(d.name);
    refund(ctx.store, d.owner, "transfer-refund", d.name, d.transferYears, (tld?.transferCents ?? 0) * d.transferYears, ctx.now);
    ctx.store.setStatus(d, "Cancelled");
    return { failed: true, reason: d.transferFailReason };
  }
  d.status = "Active";
  d.locked = true;
  d.expiryDate = addYears(isoDate(ctx.now), Math.max(1, d.transferYears));
  ctx.store.saveDomain(d);
  return { completed: true, expirydate: d.expiryDate };
}

export function release(ctx: Context): unknown {
  const d = ownedDomain(ctx);
  const tag = ctx.params.required("transfertag");
  if (!/^[A-Za-z0-9-]{2,32}$/.test(tag)) throw invalid(`transfertag "${tag}" is not a valid registrar tag`);
  d.transferTag = tag.toUpperCase();
  ctx.store.setStatus(d, "Transferred Away");
  return OK;
}

export function requestDelete(ctx: Context): unknown {
  const d = ownedDomain(ctx);
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

/** `locked` locks; any other value unlocks (docs.vicem.com). Absent is a 400. */
export function saveLock(ctx: Context): unknown {
  const d = ownedDomain(ctx);
  const v = ctx.params.str("lockstatus");
  if (v === undefined) throw invalid("lockstatus is required (locked or unlocked)");
  d.locked = v.trim().toLowerCase() === "locked";
  ctx.store.saveDomain(d);
  return OK;
}

export function protectId(ctx: Context): unknown {
  const d = ownedDomain(ctx);
  const v = ctx.params.required("status");
  if (v !== "1" && v !== "0") throw invalid(`status must be 1 (enable) or 0 (disable), got "${v}"`);
  d.idProtection = v === "1";
  ctx.store.saveDomain(d);
  return OK;
}
