// A registration or transfer that was sent and that the account does not show yet: its answer was
// lost, or it was accepted and the registrar (or WHMCS's domain sync) has not listed the domain yet.
// It stays in the resource's state, so no later `up` orders again (a second create would be a
// second invoice): a read of the account that shows the domain settles it; otherwise the user's
// consent allows exactly one more attempt.
import type { Quote } from "./quote";

export interface UnsettledOrder {
  kind: "register" | "transfer";
  /** When it was sent (ISO 8601, the registrar's clock); the consent names it. */
  sentAt: string;
  /** True when the API accepted it (the account did not show it yet); false when the answer was lost. */
  answered: boolean;
  quote: Quote | null;
}

/** The consent value that allows one more attempt: `domain@sentAt`. */
export function retryOrderConsent(domain: string, order: UnsettledOrder): string {
  return `${domain}@${order.sentAt}`;
}

/** What an `up` says while an order waits, and how to check or allow one more attempt. */
export function unsettledOrderMessage(domain: string, order: UnsettledOrder): string {
  const what = order.kind === "register" ? "registration" : "transfer";
  const how = order.answered ? "was accepted" : "was sent and its answer was lost";
  return (
    `the ${what} of ${domain} ${how} at ${order.sentAt}, and the account does not show the domain yet, so it is not ordered again ` +
    "(registrars and WHMCS's domain sync can take minutes or hours). Run `pulumi up --refresh` later: once the account shows the domain, this settles by itself. " +
    `Check with \`npx domainsreseller call GET /domains/${domain}/information\` and \`npx domainsreseller call GET /billing/credits\` (was credit taken?). ` +
    `If your provider confirms the ${what} failed, allow one more attempt: pulumi config set domainsreseller:retryOrder ${retryOrderConsent(domain, order)}`
  );
}

/**
 * An order a run sent and never recorded (it was killed before its step ended): the journal of
 * this machine remembers it (runtime/domain/journal.ts). Same checks and consent as a waiting order.
 */
export function unrecordedOrderMessage(domain: string, order: UnsettledOrder): string {
  const what = order.kind === "register" ? "registration" : "transfer";
  return (
    `a ${what} of ${domain} was sent at ${order.sentAt} by a run that ended before recording it (interrupted or killed), ` +
    "and the account does not show the domain yet, so it is not ordered again: that order may still be on its way. " +
    unsettledOrderMessage(domain, order).replace(/^.*?so it is not ordered again \(/, "(")
  );
}
