// When a declared renewal is due, and whether a renewal whose answer was lost went through. Both
// read only expiry dates, so renewals happen exactly once: a renewal moves the expiry at least a
// year out, past any window the schema allows (at most 364 days), so the next check is "not due".
// The clock is passed in (the server's clock, not the machine's), which keeps this pure.
import type { Quote } from "./quote";

const DAY_MS = 86_400_000;

/** The UTC midnight of an expiry date's day ("2026-01-15", "2026-01-15T05:31:56Z", "2026-01-15 00:00:00"), or undefined. */
export function expiryDay(text: string | null | undefined): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text?.trim() ?? "");
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // WHMCS writes "0000-00-00" for no date; a day that does not exist (2026-02-30) is no date either.
  const back = new Date(ms);
  return year > 0 && back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : undefined;
}

/** Whole days from `now`'s UTC day to an expiry day (`expiryDay`): 0 on the day, negative once past. */
export function daysUntil(expiry: number, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((expiry - today) / DAY_MS);
}

export interface RenewalDecision {
  due: boolean;
  /** Whole days from today (UTC) to the expiry day; 0 on the expiry day, negative once expired; null when unknown. */
  daysRemaining: number | null;
  /** Why, in words the runtime can show. */
  reason: string;
}

export function renewalDue({ expiryDate, now, minDaysRemaining }: { expiryDate: string | null; now: Date; minDaysRemaining: number }): RenewalDecision {
  const expiry = expiryDay(expiryDate);
  if (expiry === undefined) {
    const said = expiryDate === null || expiryDate.trim() === "" ? "reports no expiry date" : `reports the expiry date as ${JSON.stringify(expiryDate)}, which is not a date`;
    return { due: false, daysRemaining: null, reason: `the registrar ${said}, so nothing is renewed; refresh later, or renew by hand` };
  }
  const daysRemaining = daysUntil(expiry, now);
  if (daysRemaining < 0) {
    // Past expiry a renewal may carry a grace or redemption fee the renew price list does not
    // show, so no quote (and no maxPrice) could bound it: it is left to a person.
    return {
      due: false,
      daysRemaining,
      reason: `the domain expired ${-daysRemaining} day(s) ago; it is not renewed automatically because a late renewal may carry a grace or redemption fee that the price list does not show: renew it by hand`,
    };
  }
  if (daysRemaining <= minDaysRemaining) {
    return { due: true, daysRemaining, reason: `${daysRemaining} day(s) remain until expiry, within renewal.minDaysRemaining (${minDaysRemaining})` };
  }
  return { due: false, daysRemaining, reason: `${daysRemaining} day(s) remain until expiry, more than renewal.minDaysRemaining (${minDaysRemaining})` };
}

/**
 * A renewal was sent and its answer lost. It went through only if the expiry moved later; an
 * expiry that cannot be read proves nothing, and "not-renewed" is never a reason to send it again
 * in the same operation (the runtime reports and stops).
 */
export function afterAmbiguousRenewal({ expiryBefore, expiryNow }: { expiryBefore: string | null; expiryNow: string | null }): "renewed" | "not-renewed" {
  const before = expiryDay(expiryBefore);
  const after = expiryDay(expiryNow);
  return before !== undefined && after !== undefined && after > before ? "renewed" : "not-renewed";
}

/**
 * A renewal sent (answered, or its answer lost) that the account did not show yet. It is kept in
 * state, so that no later `up` renews again while the first one may still be applied (registrars
 * and WHMCS's domain sync can take hours): only the expiry moving later settles it, or the user's
 * consent to one more attempt.
 */
export interface UnsettledRenewal {
  expiryBefore: string | null;
  /**
   * True when the API accepted the renewal and the account did not show the new expiry yet
   * (registrars and WHMCS's domain sync can take hours); absent or false when the answer was lost.
   */
  answered?: boolean;
  years: number;
  /** When it was sent (ISO 8601); the consent names it, so it allows this attempt only. */
  sentAt: string;
  quote: Quote | null;
}

export type UnsettledVerdict = { settled: true } | { settled: false; retryAllowed: boolean; message: string };

/** The consent value that allows one more attempt after `unsettled`: `domain@sentAt`. */
export function retryConsent(domain: string, unsettled: UnsettledRenewal): string {
  return `${domain}@${unsettled.sentAt}`;
}

/** Whether an unsettled renewal is settled by the expiry read now, or what blocks renewing again. */
export function settleRenewal({ domain, unsettled, expiryNow, consents }: { domain: string; unsettled: UnsettledRenewal; expiryNow: string | null; consents: readonly string[] }): UnsettledVerdict {
  if (afterAmbiguousRenewal({ expiryBefore: unsettled.expiryBefore, expiryNow }) === "renewed") return { settled: true };
  const consent = retryConsent(domain, unsettled);
  const years = unsettled.years === 1 ? "1 year" : `${unsettled.years} years`;
  const how = unsettled.answered === true ? "was accepted (and charged)" : "was sent and its answer was lost";
  return {
    settled: false,
    retryAllowed: consents.includes(consent),
    message:
      `a renewal of ${domain} for ${years} ${how} at ${unsettled.sentAt}; the account still shows the expiry ${unsettled.expiryBefore ?? "(none)"}, ` +
      "so it is not sent again (it may still be applied: registrars can take a while). Run `pulumi up --refresh` later: once the account shows the new expiry, this settles by itself. " +
      `If your provider confirms the renewal failed (no charge in \`npx domainsreseller call GET /billing/credits\`), allow one more attempt: pulumi config set domainsreseller:retryRenewal ${consent}`,
  };
}
