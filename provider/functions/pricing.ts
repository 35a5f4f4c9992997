// Prices from the reseller's price list (tldPricing) and, for a full name, the cart quotes
// (orderPricing) for registering, renewing and transferring it. Money stays the server's text
// ("13.75"): a float would round what the invoice will not.
import { DomainsResellerError, isDomainsResellerError, type RouteResult } from "../client";
import { pricingArgument } from "./arguments";
import type { ClientSource } from "./clientSource";
import { clientOf, type CallingClient } from "./source";

export interface YearPrice {
  years: number;
  /** The price of the whole period, as the server formats it. */
  price: string;
}

export interface Pricing {
  /** The TLD with a leading dot: ".com", ".co.uk". */
  tld: string;
  /** The currency code of the reseller's price list, e.g. "USD". */
  currency: string;
  /** One year's price, as the server formats it. */
  register: string;
  renew: string;
  transfer: string;
  /** The registration periods (in years) offered for the TLD; empty when the server does not list them. */
  years: number[];
  /** Grace and redemption terms as the server states them (WHMCS writes -1 for "not offered"); null when absent. */
  graceFee: string | null;
  graceDays: number | null;
  redemptionFee: string | null;
  redemptionDays: number | null;
  /** The full name the quotes are for; null when a TLD was asked about. */
  domain: string | null;
  /**
   * For a full name: the cart price of each period per order kind. A kind the server refuses to
   * quote for this name (e.g. renewing a name not in the account) is null. Null for a TLD.
   */
  quotes: { register: YearPrice[] | null; renew: YearPrice[] | null; transfer: YearPrice[] | null } | null;
}

type PriceRow = RouteResult<"tldPricing">[number];
const KINDS = ["register", "renew", "transfer"] as const;

/** The TLD row for the subject: the exact TLD, or the longest listed suffix of a full name. */
function rowFor(rows: PriceRow[], text: string, tldOnly: boolean): { row: PriceRow; domain: string | null } | undefined {
  const byTld = new Map(rows.map((row) => [row.tld, row]));
  const exact = byTld.get(`.${text}`);
  if (exact !== undefined) return { row: exact, domain: null };
  if (tldOnly) return undefined;
  const labels = text.split(".");
  for (let i = 1; i < labels.length; i++) {
    const row = byTld.get(`.${labels.slice(i).join(".")}`);
    if (row !== undefined) return { row, domain: text };
  }
  return undefined;
}

async function quote(client: CallingClient, kind: (typeof KINDS)[number], domain: string): Promise<YearPrice[] | null> {
  try {
    return await client.call("orderPricing", { type: kind, domain });
  } catch (error) {
    // A refusal to quote this kind for this name is an answer; anything else (auth, network) is not.
    if (isDomainsResellerError(error, "validation") || isDomainsResellerError(error, "not_found")) return null;
    throw error;
  }
}

/**
 * Prices for `tldOrName`: a TLD (".com", "co.uk") gives the price list row; a full name
 * ("shop.com") also gives the three cart quotes for that name. A TLD the reseller does not sell
 * fails with code "not_found", listing the TLDs it does.
 */
export function fetchPricing(source: ClientSource, tldOrName: string): Promise<Pricing> {
  return readPricing("fetchPricing", source, tldOrName);
}

/** fetchPricing with the caller's name in its errors (the Pulumi wrapper is getPricing). */
export async function readPricing(fn: string, source: ClientSource, tldOrName: string): Promise<Pricing> {
  const { text, tldOnly } = pricingArgument(fn, "tld", tldOrName);
  const client = clientOf(fn, source);
  const rows = await client.call("tldPricing", {});
  const match = rowFor(rows, text, tldOnly);
  if (match === undefined) {
    const offered = rows.map((row) => row.tld).join(", ") || "none";
    throw new DomainsResellerError("not_found", `${fn}: the reseller's price list has no TLD for "${tldOrName}" (it lists: ${offered}). What to do: ask for one of those TLDs, or a name under one.`);
  }
  const { row, domain } = match;
  const quotes = domain === null ? null : await Promise.all(KINDS.map((kind) => quote(client, kind, domain)));
  return {
    tld: row.tld,
    currency: row.currencyCode,
    register: row.registrationPrice,
    renew: row.renewalPrice,
    transfer: row.transferPrice,
    years: row.years,
    graceFee: row.graceFee,
    graceDays: row.graceDays ?? null,
    redemptionFee: row.redemptionFee,
    redemptionDays: row.redemptionDays ?? null,
    domain,
    quotes: quotes === null ? null : { register: quotes[0] ?? null, renew: quotes[1] ?? null, transfer: quotes[2] ?? null },
  };
}
