// The price of an order or renewal, from the account's own price list, and the refusals that must
// come before anything is ordered: over maxPrice, more than the credit balance, a premium name
// that maxPrice does not cover, a number of years the TLD does not sell.
import { checkQuote, quoteFor, type DomainInputs, type Quote } from "../../model/domain";
import type { KindContext } from "../kind";
import { availability, creditBalance, priceList } from "./account";

export interface QuoteOutcome {
  quote: Quote | undefined;
  /** Why no quote could be made (e.g. years the TLD does not offer). */
  refusal: string | undefined;
  premium: { price: string } | undefined;
  /** Register only: whether the lookup says the name can be registered (undefined: not asked, or not said). */
  available: boolean | undefined;
}

export async function quoteOrder(ctx: KindContext, kind: "register" | "transfer" | "renew", name: string, years: number): Promise<QuoteOutcome> {
  const { pricing, currency } = await priceList(ctx.client, kind, name);
  // Premium names cost their registry price for every kind of order, renewals and transfers included.
  const premium = await availability(ctx.client, name, kind);
  const premiumPrice = premium.premium && premium.premiumPrice !== undefined ? { price: premium.premiumPrice } : undefined;
  const made = quoteFor({ kind, years, pricing, currency, ...(premiumPrice ? { premium: premiumPrice } : {}) });
  const available = kind === "register" ? premium.available : undefined;
  return made.ok ? { quote: made.quote, refusal: undefined, premium: premiumPrice, available } : { quote: undefined, refusal: made.reason, premium: premiumPrice, available };
}

/** Check failures (property and reason) for a quote; empty when the order may go ahead. */
export async function quoteFailures(ctx: KindContext, inputs: DomainInputs, outcome: QuoteOutcome): Promise<{ property: string; reason: string }[]> {
  if (outcome.quote === undefined) return [{ property: "years", reason: outcome.refusal ?? "no price could be quoted" }];
  const balance = await creditBalance(ctx.client);
  return checkQuote({ quote: outcome.quote, maxPrice: inputs.maxPrice, balance, ...(outcome.premium ? { premium: outcome.premium } : {}) });
}
