// Orders (register, transfer, renew) cost money: each is sent at most once per operation, and an
// answer that was lost (timeout, reset, 5xx after sending) is settled by reading the account, never
// by sending the order again.
import { isDomainsResellerError } from "../../client";

export type OrderOutcome = "done" | "confirmed";

/** An order was sent, its answer lost, and the account does not show it (yet): never send it again blindly. */
export class OrderOutcomeUnknown extends Error {
  override name = "OrderOutcomeUnknown";
}

/**
 * Sends `send` once. When its outcome is unknown, `confirm` reads the account: true means the order
 * went through (the caller records it, so nothing paid for is orphaned); false fails with what to
 * check, and nothing is sent again.
 */
export async function orderOnce(what: string, domain: string, send: () => Promise<unknown>, confirm: () => Promise<boolean>): Promise<OrderOutcome> {
  try {
    await send();
    return "done";
  } catch (error) {
    if (!isDomainsResellerError(error, "outcome_unknown")) throw error;
    if (await confirm()) return "confirmed";
    throw new OrderOutcomeUnknown(
      `the ${what} of ${domain} was sent but its answer was lost, and the account does not show it yet. It was NOT sent again. ` +
        `Check before running \`pulumi up\` again: \`npx domainsreseller call GET /domains/${domain}/information\` (is the domain there, with the new expiry?) ` +
        "and `npx domainsreseller call GET /billing/credits` (was credit taken?). Cause: " +
        (error instanceof Error ? error.message : String(error)),
    );
  }
}
