// What an order or renewal will cost, from the account's own price list (orderPricing: years →
// the price for that many years), and the refusals that must come before anything is ordered.
// Pure: the runtime fetches the price list, balance and premium price, this decides.
import type { CheckFailure } from "../check";
import { centsOfNumber, formatCents, parseCents, withCurrency } from "./money";

export type QuoteKind = "register" | "transfer" | "renew";

/** JSON-clean (it is stored as the `lastQuote` output). */
export interface Quote {
  kind: QuoteKind;
  years: number;
  /** Two decimals, in `currency`: the whole price for `years`, not per year. */
  amount: string;
  currency: string;
}

export type QuoteOutcome = { ok: true; quote: Quote } | { ok: false; property: string; reason: string };

const yearsText = (n: number) => (n === 1 ? "1 year" : `${n} years`);
const what = (q: Pick<Quote, "kind" | "years">) => `the ${q.kind === "renew" ? "renewal" : q.kind} for ${yearsText(q.years)}`;
const yearsProperty = (kind: QuoteKind) => (kind === "renew" ? "renewal.years" : "years");

export interface QuoteRequest {
  kind: QuoteKind;
  years: number;
  pricing: readonly { years: number; price: string }[];
  currency: string;
  /** The registry's own price when the name is premium (lookup's premiumCostPricing). */
  premium?: { price: string } | undefined;
}

export function quoteFor(request: QuoteRequest): QuoteOutcome {
  const { kind, years, pricing, currency } = request;
  const property = yearsProperty(kind);
  // A negative price ("-1.00") is the API's "not applicable": that period is not sold.
  const offered = pricing.filter((p) => (parseCents(p.price, "up") ?? 0) >= 0);
  const row = offered.find((p) => p.years === years);
  if (row === undefined) {
    const list = offered.map((p) => p.years).sort((a, b) => a - b);
    const reason =
      list.length === 0
        ? `the price list has no ${kind} price for this TLD, so nothing can be quoted or ordered (ask your provider whether it sells ${kind === "renew" ? "renewals" : `${kind}s`} of it)`
        : `the TLD does not sell ${what({ kind, years })}: it offers ${list.join(", ")} ${list.length === 1 && list[0] === 1 ? "year" : "years"}; set "${property}" to one of them`;
    return { ok: false, property, reason };
  }
  const listCents = parseCents(row.price, "up");
  if (listCents === undefined) {
    return { ok: false, property, reason: `the price list gives ${what({ kind, years })} as ${JSON.stringify(row.price)}, which is not an amount: nothing can be quoted, so nothing is ordered (ask your provider to fix its price list)` };
  }
  let cents = listCents;
  if (request.premium !== undefined) {
    const premiumCents = parseCents(request.premium.price, "up");
    if (premiumCents === undefined) {
      return { ok: false, property: "maxPrice", reason: `the name is premium but its price reads ${JSON.stringify(request.premium.price)}, which is not an amount: nothing is ordered` };
    }
    // The API does not say how a premium price scales with years: quoted at the upper bound
    // (premium price for every year), so maxPrice and the balance never see less than may be charged.
    cents = Math.max(cents, premiumCents * years);
  }
  return { ok: true, quote: { kind, years, amount: formatCents(cents), currency } };
}

export interface QuoteCheck {
  quote: Quote;
  maxPrice?: number | undefined;
  /** The credit balance as the credits route reports it, e.g. "150.50". */
  balance: string;
  premium?: { price: string } | undefined;
}

/** Why the quoted order must not be sent; empty when it may. */
export function checkQuote({ quote, maxPrice, balance, premium }: QuoteCheck): CheckFailure[] {
  const property = yearsProperty(quote.kind);
  const cost = parseCents(quote.amount, "up");
  if (cost === undefined) return [{ property, reason: `${what(quote)} is quoted as ${JSON.stringify(quote.amount)}, which is not an amount: nothing is ordered` }];
  const money = (cents: number) => withCurrency(cents, quote.currency);
  const limit = maxPrice === undefined ? undefined : centsOfNumber(maxPrice);
  const failures: CheckFailure[] = [];
  if (premium !== undefined) {
    // A premium name is never bought by default: only a maxPrice that covers it is consent.
    const premiumCents = parseCents(premium.price, "up");
    const needed = Math.max(cost, premiumCents ?? 0);
    if (premiumCents === undefined) {
      failures.push({ property: "maxPrice", reason: `the name is premium but its price reads ${JSON.stringify(premium.price)}, which is not an amount: nothing is ordered` });
    } else if (limit === undefined || limit < needed) {
      failures.push({
        property: "maxPrice",
        reason:
          `"maxPrice" ${limit === undefined ? "is not set" : `is ${formatCents(limit)}`}, but the name is premium (registry price ${money(premiumCents)}) and ${what(quote)} may cost ${money(needed)}: ` +
          `set maxPrice to ${formatCents(needed)} or more to accept the premium price, or choose another name`,
      });
    }
  } else if (limit !== undefined && cost > limit) {
    failures.push({
      property: "maxPrice",
      reason: `"maxPrice" is ${formatCents(limit)}, but ${what(quote)} is quoted at ${money(cost)}: raise maxPrice to ${formatCents(cost)} or more, or choose fewer years`,
    });
  }
  const credit = parseCents(balance, "down");
  if (credit === undefined) {
    failures.push({ property, reason: `the account's credit balance reads ${JSON.stringify(balance)}, which is not an amount, so ${what(quote)} (${money(cost)}) cannot be checked against it: nothing is ordered` });
  } else if (credit < cost) {
    failures.push({
      property,
      reason: `${what(quote)} is quoted at ${money(cost)}, but the account's credit balance is ${money(credit)}: add at least ${money(cost - credit)} of credit to the reseller account, then run the update again`,
    });
  }
  return failures;
}

export interface ChargeNoticeFacts {
  /** The canonical domain name. */
  domain: string;
  quote: Quote;
  /** The resource's maxPrice, when set. */
  maxPrice?: number | undefined;
  /** What the orders and renewals of this run add up to so far, this one included (two decimals). */
  runningTotal: string;
  /** domainsreseller:maxChargePerRun, when set. */
  maxChargePerRun?: number | undefined;
}

/**
 * The one line an order or renewal prints in the plain preview and in `up`, so the money shows
 * without `--diff`: "Domain example.com: register 2 years, 27.50 USD (maxPrice 100.00; this run
 * 27.50 of maxChargePerRun 50.00)". A limit that is not set is left out.
 */
export function chargeNotice({ domain, quote, maxPrice, runningTotal, maxChargePerRun }: ChargeNoticeFacts): string {
  const price = [quote.amount, quote.currency].filter((part) => part !== "").join(" ");
  const limits = [
    ...(maxPrice === undefined ? [] : [`maxPrice ${formatCents(centsOfNumber(maxPrice))}`]),
    `this run ${runningTotal}${maxChargePerRun === undefined ? "" : ` of maxChargePerRun ${formatCents(centsOfNumber(maxChargePerRun))}`}`,
  ];
  return `Domain ${domain}: ${quote.kind} ${yearsText(quote.years)}, ${price} (${limits.join("; ")})`;
}
