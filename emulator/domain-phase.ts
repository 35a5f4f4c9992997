/**
 * Where a domain is in its life at a given server time, as pure functions of its state and the
 * clock. Routes ask these questions instead of comparing statuses and dates themselves, so "is it
 * still in the account?" has one answer everywhere.
 *
 * The timeline (invented: the reference names `restorable` and the statuses, but no periods):
 *
 *   expiry ─ grace (30 days) ─ redemption (30 days) ─ deleted at the registry
 *   Active   Expired            Expired, restorable    gone (the name is free again)
 *
 * A domain flagged `restorable` (admin or seed) never reaches "deleted": it stays in redemption.
 */
import type { DomainState, DomainStatus } from "./domain-state";
export const GRACE_DAYS = 30;
export const REDEMPTION_DAYS = 30;

const DAY = 86_400;

// Every domain-scoped request asks these questions, and parsing two date strings per request was
// a measurable part of a DNS save; expiry dates repeat, so each one's midnight is parsed once.
const midnights = new Map<string, number>();
const MIDNIGHTS_SIZE = 50_000;

/** Unix seconds of the UTC midnight that starts `date` (YYYY-MM-DD); NaN when it is no date. */
function midnight(date: string): number {
  let t = midnights.get(date);
  if (t === undefined) {
    t = Date.parse(`${date}T00:00:00Z`) / 1000;
    if (midnights.size >= MIDNIGHTS_SIZE) midnights.clear();
    midnights.set(date, t);
  }
  return t;
}

/** Whole days from the expiry date to the server's today (negative before expiry). */
function daysPastExpiry(d: DomainState, now: number): number {
  // The UTC midnight starting today: UTC days are exactly 86,400 s in unix time (no leap seconds).
  const today = Math.floor(now / DAY) * DAY;
  return Math.round((today - midnight(d.expiryDate)) / DAY);
}

/** Statuses whose expiry date still governs the domain (not moving, leaving or left). */
function runsOnExpiry(d: DomainState): boolean {
  return d.status === "Active" || d.status === "Expired";
}

/** The status a client is shown: an Active domain whose expiry date has passed is Expired. */
export function shownStatus(d: DomainState, now: number): DomainStatus {
  return d.status === "Active" && daysPastExpiry(d, now) > 0 ? "Expired" : d.status;
}

/** Past grace and redemption, and not flagged restorable: the registry has deleted it. */
export function isDeleted(d: DomainState, now: number): boolean {
  return runsOnExpiry(d) && d.restorable !== true && daysPastExpiry(d, now) > GRACE_DAYS + REDEMPTION_DAYS;
}

/**
 * No longer in the account: transferred away, cancelled (e.g. a failed transfer) or deleted
 * after expiry. Such a domain answers like a missing one, except on the status routes.
 */
export function isGone(d: DomainState, now: number): boolean {
  return d.status === "Transferred Away" || d.status === "Cancelled" || isDeleted(d, now);
}

/** In redemption (or flagged restorable) while expired: a renewal restores it. */
export function isRestorable(d: DomainState, now: number): boolean {
  if (!runsOnExpiry(d) || shownStatus(d, now) !== "Expired" || isDeleted(d, now)) return false;
  return d.restorable === true || daysPastExpiry(d, now) > GRACE_DAYS;
}

/** After a delete request the domain can be read but not changed. */
export function isReadOnly(d: DomainState): boolean {
  return d.status === "Pending Delete";
}
