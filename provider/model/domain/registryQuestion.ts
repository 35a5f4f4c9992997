// Whether a refresh of a Domain also asks the registry (the API's domain sync). The account's own
// record (`information`) is WHMCS's copy, which its sync cron keeps in step with the registry; the
// registry's view can change what the provider does only when that copy may lag at a moment that
// matters: a renewal waiting to show, a status other than Active, an expiry that is unknown, near or
// past. Anywhere else one more call per domain on every refresh buys nothing the next cron run of
// WHMCS (or `domainsreseller sync`) does not give, so it is not made.
import { daysUntil, expiryDay } from "./renewal";

/** Expiries this close (days) are checked with the registry even without a declared renewal. */
export const REGISTRY_CHECK_DAYS = 30;

export interface RegistryFacts {
  /** The account's status (`information`), e.g. "Active". */
  status: string | null | undefined;
  /** The account's expiry, as the server wrote it. */
  expiryDate: string | null | undefined;
  /** A renewal was sent and the account does not show it yet. */
  renewalWaiting: boolean;
  /** The declared renewal window, when the domain declares one. */
  minDaysRemaining: number | undefined;
  /** The registrar's clock. */
  now: Date;
}

/** Why the registry is asked, in words; undefined when the account's record settles what a refresh decides. */
export function registryQuestion(facts: RegistryFacts): string | undefined {
  if (facts.renewalWaiting) return "a renewal waits to show in the expiry";
  const status = facts.status?.trim() ?? "";
  if (status.toLowerCase() !== "active") return `the account says ${status === "" ? "no status" : JSON.stringify(status)}`;
  const expiry = expiryDay(facts.expiryDate);
  if (expiry === undefined) return "the account reports no expiry date";
  const daysRemaining = daysUntil(expiry, facts.now);
  const window = Math.max(REGISTRY_CHECK_DAYS, facts.minDaysRemaining ?? 0);
  return daysRemaining <= window ? `${daysRemaining} day(s) remain until expiry (within ${window})` : undefined;
}
