/**
 * Charging an order against the reseller's credit and writing it to the ledger. Runs inside the
 * request transaction, so an order that fails after charging leaves the balance untouched.
 */
import type { Account, Store } from "./db/store";
import { ApiError, INSUFFICIENT_CREDIT } from "./errors";
import { isoTime } from "./clock";

export function charge(store: Store, account: Account, type: string, domain: string, years: number, amountCents: number, now: number): void {
  const fresh = store.account(account.email);
  const balance = fresh?.creditCents ?? 0;
  // HTTP 500 with this exact message is what a real server answered (reference §2.5).
  if (balance < amountCents) throw new ApiError(500, INSUFFICIENT_CREDIT);
  const after = balance - amountCents;
  store.setCredit(account.email, after);
  store.addLedger({ account: account.email, type, domain, years, amountCents, balanceAfterCents: after, at: isoTime(now) });
}

/** A refund (failed transfer) is a negative ledger entry. */
export function refund(store: Store, email: string, type: string, domain: string, years: number, amountCents: number, now: number): void {
  const balance = store.account(email)?.creditCents ?? 0;
  const after = balance + amountCents;
  store.setCredit(email, after);
  store.addLedger({ account: email, type, domain, years, amountCents: -amountCents, balanceAfterCents: after, at: isoTime(now) });
}
