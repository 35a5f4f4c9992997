/**
 * Account-level routes: TLD list and pricing, cart pricing, credit balance, version, and the
 * availability lookup/suggestions in the WHMCS SearchResult shape (reference §4.21–4.28). A
 * premium name (admin behaviour `premiumDomains`) reads `isPremium: true` with its one-year prices
 * in `premiumCostPricing` (`{register, renew, transfer, CurrencyCode}`, the WHMCS convention of
 * reference §4.21), and its cart pricing is the premium price × years.
 */
import type { Context } from "../context";
import { ORDER_KINDS, type OrderKind } from "../behaviour";
import { CURRENCY, TLDS, findTld, formatCents, isDomainName, isTakenElsewhere, type Tld } from "../catalogue";
import { invalid } from "../errors";
import { isDeleted } from "../domain-phase";
import { orderDomain } from "./orders";

export const VERSION = "2.6.0-emulator";

export const listTlds = (): unknown => TLDS.map((t) => `.${t.tld}`);

export const tldPricing = (): unknown =>
  TLDS.map((t) => ({
    tld: `.${t.tld}`,
    registrationPrice: formatCents(t.registerCents),
    renewalPrice: formatCents(t.renewCents),
    transferPrice: formatCents(t.transferCents),
    graceFee: "0.00",
    graceDays: -1,
    redemptionDays: -1,
    redemptionFee: "-1.00",
    currencyCode: CURRENCY,
    years: t.years,
  }));

const isOrderKind = (type: string): type is OrderKind => (ORDER_KINDS as readonly string[]).includes(type);

export function orderPricing(ctx: Context): unknown {
  const type = ctx.path.type ?? "";
  if (!isOrderKind(type)) throw invalid(`type "${type}" must be register, renew or transfer`);
  const { name, tld } = orderDomain(ctx);
  const cents = ctx.behaviour.yearCents(name, tld, type);
  return Object.fromEntries(tld.years.map((y) => [String(y), formatCents(cents * y)]));
}

export const credits = (ctx: Context): unknown => formatCents(ctx.store.account(ctx.account.email)?.creditCents ?? 0);

export const version = (): unknown => VERSION;

function searchResult(ctx: Context, sld: string, tldName: string, score: number): Record<string, unknown> {
  const tld = findTld(tldName);
  const name = `${sld}.${tldName}`;
  const valid = isDomainName(name);
  // Held here unless the registry deleted it after expiry (then it is free again).
  const held = valid ? ctx.store.domain(name) : undefined;
  const registered = valid && ((held !== undefined && !isDeleted(held, ctx.now)) || isTakenElsewhere(name));
  const status = !tld ? "tld not supported" : !valid ? "unknown" : registered ? "registered" : "available for registration";
  const pricing = tld ? pricingOf(tld) : {};
  const premium = tld !== undefined && valid && ctx.behaviour.premium(name) !== undefined;
  return {
    domainName: name,
    idnDomainName: name,
    tld: tldName,
    tldNoDots: tldName.replace(/\./g, ""),
    sld,
    idnSld: sld,
    status,
    legacyStatus: status === "available for registration" ? "available" : status === "registered" ? "unavailable" : "error",
    score,
    isRegistered: registered,
    isAvailable: status === "available for registration",
    isValidDomain: valid && tld !== undefined,
    domainErrorMessage: valid ? "" : `${name} is not a valid domain name`,
    pricing,
    shortestPeriod: tld ? { period: tld.years[0], ...(pricing[String(tld.years[0])] ?? {}) } : {},
    group: "",
    minLength: 0,
    maxLength: 0,
    isPremium: premium,
    // WHMCS sends an empty list when the name is not premium.
    premiumCostPricing: premium ? premiumCostPricing(ctx, name, tld) : [],
  };
}

/** One year of each order kind for a premium name (a kind without a premium price at list price). */
function premiumCostPricing(ctx: Context, name: string, tld: Tld): Record<string, string> {
  const price = (kind: OrderKind) => formatCents(ctx.behaviour.yearCents(name, tld, kind));
  return { register: price("register"), renew: price("renew"), transfer: price("transfer"), CurrencyCode: CURRENCY };
}

function pricingOf(tld: Tld): Record<string, Record<string, string>> {
  return Object.fromEntries(
    tld.years.map((y) => [String(y), { register: formatCents(tld.registerCents * y), renew: formatCents(tld.renewCents * y), transfer: formatCents(tld.transferCents * y) }]),
  );
}

function searchInput(ctx: Context): { sld: string; tlds: string[] } {
  const term = (ctx.params.str("punyCodeSearchTerm")?.trim() || ctx.params.str("searchTerm")?.trim() || "").toLowerCase();
  if (term === "") throw invalid("searchTerm is required");
  // A full name ("acme.com") searches its SLD; the TLD joins the list.
  const [sld = "", ...rest] = term.split(".");
  if (!/^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(sld)) throw invalid(`searchTerm "${term}" is not a valid domain label`);
  const listed = ctx.params.entries("tldsToInclude").map(([, v]) => (typeof v === "string" ? v : ""));
  const tlds = [...(rest.length ? [rest.join(".")] : []), ...listed].map((t) => t.trim().replace(/^\./, "").toLowerCase()).filter(Boolean);
  return { sld, tlds: tlds.length ? [...new Set(tlds)] : TLDS.map((t) => t.tld) };
}

export function lookup(ctx: Context): unknown {
  const { sld, tlds } = searchInput(ctx);
  return tlds.map((t) => searchResult(ctx, sld, t, 1));
}

/** Variants of the SLD across the TLDs; only available names, best first. */
export function suggestions(ctx: Context): unknown {
  const { sld, tlds } = searchInput(ctx);
  const variants = [sld, `get${sld}`, `${sld}hq`, `my${sld}`, `${sld}app`, `${sld}online`].filter((v) => v.length <= 63);
  const out: Record<string, unknown>[] = [];
  variants.forEach((v, vi) =>
    tlds.forEach((t, ti) => {
      const r = searchResult(ctx, v, t, Number((1 - vi * 0.1 - ti * 0.01).toFixed(2)));
      if (r.isAvailable) out.push(r);
    }),
  );
  return out.slice(0, 25);
}
