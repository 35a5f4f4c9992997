// What the account says about one domain: whether it holds it (and in what state), whether the name
// can be registered, and what an order would cost. Reads only.
import { DomainsResellerError, type RouteResult } from "../../client";
import type { ApiClient } from "../sharedReads";
import { isGoneStatus, provesGone } from "../gone";

export type Information = RouteResult<"information">;

/** The domain as the account holds it, or undefined when the account does not (never held, or proven gone). */
export async function accountDomain(client: ApiClient, name: string): Promise<Information | undefined> {
  try {
    const info = await client.call("information", { domain: name });
    return isGoneStatus(info) ? undefined : info;
  } catch (error) {
    if (await provesGone(client, name, error)) return undefined;
    throw error;
  }
}

/**
 * Whether an error of `information` says, in the API's own words, that the account does not hold
 * the domain: how a server answers that is unknown (404, 400, 500, or 200 with an `error`), so the
 * status is not what decides. Words are never proof on their own: callers add a second signal.
 */
export function saysNotHeld(error: unknown): boolean {
  if (!(error instanceof DomainsResellerError)) return false;
  return error.code === "not_found" || /not found|not owned|does not belong|no such domain|unknown domain|not in (your|this) account/i.test(error.apiMessage ?? "");
}

/** The domain as the account holds it; undefined also when the API only says so in words (never orders on that alone). */
export async function accountDomainOrWords(client: ApiClient, name: string): Promise<Information | undefined> {
  try {
    return await accountDomain(client, name);
  } catch (error) {
    if (saysNotHeld(error)) return undefined;
    throw error;
  }
}

/**
 * Whether the account holds `name`, to decide an order (register, transfer) or an adopt, and the
 * preview's quote. The API's words that it does not hold the domain are checked against the
 * registry's availability: a free name is not held (register it), a taken one is held elsewhere
 * (transfer it; a registration is then refused as taken). When the two disagree for the order at
 * hand, nothing is ordered and the message says why.
 */
export async function accountDomainForOrder(client: ApiClient, name: string, source: "register" | "transfer" | "adopt"): Promise<Information | undefined> {
  try {
    return await accountDomain(client, name);
  } catch (error) {
    if (!saysNotHeld(error)) throw error;
    if (source === "adopt") return undefined; // the adopt is refused as "not in the account": nothing is ordered
    const { available } = await availability(client, name);
    if (source === "register" && available !== undefined) return undefined;
    if (source === "transfer" && available === false) return undefined;
    const said = error instanceof DomainsResellerError ? `"${error.apiMessage ?? error.code}"${error.status !== undefined ? ` (HTTP ${error.status})` : ""}` : "an error";
    const registry = available === undefined ? "the registry lookup does not say whether it is registered" : "the registry lookup says the name is free, so there is nothing to transfer";
    throw new Error(
      `the account answered ${said} for ${name}, and ${registry}: the two signals do not agree, so nothing is ordered. ` +
        `Check with \`npx domainsreseller call GET /domains/${name}/information\` and \`npx domainsreseller call POST /domains/lookup searchTerm=…\`, then run \`pulumi up\` again.`,
    );
  }
}

/**
 * Availability and premium pricing of one name from the lookup route. `premiumPrice` is the price of
 * `kind` (register by default): a premium name costs its registry price to register, transfer and
 * renew alike, and each must be quoted at what will really be billed.
 */
export async function availability(client: ApiClient, name: string, kind: "register" | "transfer" | "renew" = "register"): Promise<{ available: boolean | undefined; premium: boolean; premiumPrice: string | undefined }> {
  const dot = name.indexOf(".");
  const results = await client.call("lookup", { searchTerm: name.slice(0, dot), tldsToInclude: [name.slice(dot)], premiumEnabled: true });
  const hit = results.find((r) => r.domainName.toLowerCase() === name);
  const premiumPrice = hit?.premiumCostPricing ? priceOf(hit.premiumCostPricing, kind) : undefined;
  return { available: hit?.isAvailable, premium: hit?.isPremium === true, premiumPrice };
}

const PRICE_KEYS: Record<"register" | "transfer" | "renew", string[]> = {
  register: ["register", "registration", "price", "1"],
  transfer: ["transfer", "price", "1"],
  renew: ["renew", "renewal", "price", "1"],
};

function priceOf(pricing: Record<string, unknown>, kind: "register" | "transfer" | "renew"): string | undefined {
  for (const key of PRICE_KEYS[kind]) {
    const value = pricing[key];
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return undefined;
}

/** The price list of an order kind for `name`, and the account's currency for its TLD. */
export async function priceList(client: ApiClient, kind: "register" | "transfer" | "renew", name: string): Promise<{ pricing: { years: number; price: string }[]; currency: string }> {
  const pricing = await client.call("orderPricing", { type: kind, domain: name });
  const tld = name.slice(name.indexOf("."));
  const row = (await client.call("tldPricing", {})).find((t) => t.tld === tld);
  return { pricing, currency: row?.currencyCode ?? "" };
}

export async function creditBalance(client: ApiClient): Promise<string> {
  return client.call("credits", {});
}
