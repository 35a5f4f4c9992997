// Account-wide reads: the credit balance orders are paid from, and the TLDs the reseller sells.
import type { ClientSource } from "./clientSource";
import { clientOf } from "./source";

export interface CreditBalance {
  /** The balance as the server formats it, e.g. "150.50". */
  balance: string;
  /** The same as a number, for comparisons; null if the server's text is not a plain number. */
  amount: number | null;
  /**
   * The currency of the account's price list, e.g. "USD". The credits route does not state one;
   * WHMCS keeps a client's credit and prices in the client's one currency. Null if the list is empty.
   */
  currency: string | null;
}

/** The reseller credit (`GET /billing/credits`) and its currency (`GET /tlds/pricing`). */
export function fetchCreditBalance(source: ClientSource): Promise<CreditBalance> {
  return readCreditBalance("fetchCreditBalance", source);
}

export async function readCreditBalance(fn: string, source: ClientSource): Promise<CreditBalance> {
  const client = clientOf(fn, source);
  const [balance, rows] = await Promise.all([client.call("credits", {}), client.call("tldPricing", {})]);
  const amount = /^-?\d+(\.\d+)?$/.test(balance.trim()) ? Number(balance) : null;
  return { balance, amount, currency: rows[0]?.currencyCode ?? null };
}

/** The TLDs the reseller sells (`GET /tlds`), lower case with a leading dot (".com"), in the server's order. */
export function fetchTlds(source: ClientSource): Promise<string[]> {
  return readTlds("fetchTlds", source);
}

export async function readTlds(fn: string, source: ClientSource): Promise<string[]> {
  const tlds = await clientOf(fn, source).call("tlds", {});
  return [...new Set(tlds)];
}
