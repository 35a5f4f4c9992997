// What the account says about one domain: whether it holds it (and in what state), whether the name
// can be registered, and what an order would cost. Reads only.
import type { DomainsResellerClient, RouteResult } from "../../client";
import { isGoneStatus, provesGone } from "../gone";

export type Information = RouteResult<"information">;

/** The domain as the account holds it, or undefined when the account does not (never held, or proven gone). */
export async function accountDomain(client: DomainsResellerClient, name: string): Promise<Information | undefined> {
  try {
    const info = await client.call("information", { domain: name });
    return isGoneStatus(info) ? undefined : info;
  } catch (error) {
    if (await provesGone(client, name, error)) return undefined;
    throw error;
  }
}

/** Availability and premium pricing of one name from the lookup route. */
export async function availability(client: DomainsResellerClient, name: string): Promise<{ available: boolean | undefined; premium: boolean; premiumPrice: string | undefined }> {
  const dot = name.indexOf(".");
  const results = await client.call("lookup", { searchTerm: name.slice(0, dot), tldsToInclude: [name.slice(dot)], premiumEnabled: true });
  const hit = results.find((r) => r.domainName.toLowerCase() === name);
  const premiumPrice = hit?.premiumCostPricing ? firstPrice(hit.premiumCostPricing) : undefined;
  return { available: hit?.isAvailable, premium: hit?.isPremium === true, premiumPrice };
}

function firstPrice(pricing: Record<string, unknown>): string | undefined {
  for (const key of ["register", "registration", "price", "1"]) {
    const value = pricing[key];
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return undefined;
}

/** The price list of an order kind for `name`, and the account's currency for its TLD. */
export async function priceList(client: DomainsResellerClient, kind: "register" | "transfer" | "renew", name: string): Promise<{ pricing: { years: number; price: string }[]; currency: string }> {
  const pricing = await client.call("orderPricing", { type: kind, domain: name });
  const tld = name.slice(name.indexOf("."));
  const row = (await client.call("tldPricing", {})).find((t) => t.tld === tld);
  return { pricing, currency: row?.currencyCode ?? "" };
}

export async function creditBalance(client: DomainsResellerClient): Promise<string> {
  return client.call("credits", {});
}
