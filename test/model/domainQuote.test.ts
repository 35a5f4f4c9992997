// Prices: what an order costs comes from the account's own price list, exact to the cent, and an
// order that is over maxPrice, over the balance, premium without consent, or for a number of years
// the TLD does not sell is refused before anything is sent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routes } from "../../provider/client/routes";
import { checkQuote, formatCents, parseCents, quoteFor, type Quote } from "../../provider/model/domain";

const PRICES = routes.orderPricing.response.parse({ "1": "13.75", "2": "27.50", "3": 41.25, "5": "-1.00" });

describe("quoteFor", () => {
  it("quotes the price list's price for the years, as a two-decimal string", () => {
    expect(quoteFor({ kind: "register", years: 2, pricing: PRICES, currency: "EUR" })).toEqual({ ok: true, quote: { kind: "register", years: 2, amount: "27.50", currency: "EUR" } });
    expect(quoteFor({ kind: "transfer", years: 3, pricing: PRICES, currency: "EUR" })).toMatchObject({ quote: { amount: "41.25" } });
    expect(quoteFor({ kind: "renew", years: 1, pricing: [{ years: 1, price: "9" }], currency: "" })).toMatchObject({ quote: { amount: "9.00" } });
  });

  it("refuses years the TLD does not sell, listing those it does (a -1 price is not sold)", () => {
    expect(quoteFor({ kind: "register", years: 5, pricing: PRICES, currency: "EUR" })).toEqual({
      ok: false,
      property: "years",
      reason: 'the TLD does not sell the register for 5 years: it offers 1, 2, 3 years; set "years" to one of them',
    });
    expect(quoteFor({ kind: "renew", years: 2, pricing: [{ years: 1, price: "9.00" }], currency: "EUR" })).toMatchObject({ ok: false, property: "renewal.years", reason: expect.stringMatching(/it offers 1 year; set "renewal\.years"/) });
  });

  it("refuses a TLD without prices, and a price that is not an amount", () => {
    expect(quoteFor({ kind: "transfer", years: 1, pricing: [], currency: "EUR" })).toMatchObject({ ok: false, reason: expect.stringMatching(/no transfer price for this TLD/) });
    expect(quoteFor({ kind: "register", years: 1, pricing: [{ years: 1, price: "call us" }], currency: "EUR" })).toMatchObject({ ok: false, reason: expect.stringMatching(/"call us", which is not an amount/) });
  });

  it("quotes a premium name at the premium price for every year, never below the list price", () => {
    expect(quoteFor({ kind: "register", years: 2, pricing: PRICES, currency: "EUR", premium: { price: "120.00" } })).toMatchObject({ quote: { amount: "240.00" } });
    expect(quoteFor({ kind: "register", years: 1, pricing: PRICES, currency: "EUR", premium: { price: "5" } })).toMatchObject({ quote: { amount: "13.75" } });
    expect(quoteFor({ kind: "register", years: 1, pricing: PRICES, currency: "EUR", premium: { price: "?" } })).toMatchObject({ ok: false, property: "maxPrice" });
  });
});

const QUOTE: Quote = { kind: "register", years: 2, amount: "27.50", currency: "EUR" };

describe("checkQuote", () => {
  it("lets an order within maxPrice and the balance go ahead", () => {
    expect(checkQuote({ quote: QUOTE, maxPrice: 27.5, balance: "27.50" })).toEqual([]);
    expect(checkQuote({ quote: QUOTE, balance: "150.50" })).toEqual([]);
  });

  it("refuses a quote over maxPrice, naming both numbers and the fix", () => {
    expect(checkQuote({ quote: QUOTE, maxPrice: 20, balance: "100" })).toEqual([
      { property: "maxPrice", reason: '"maxPrice" is 20.00, but the register for 2 years is quoted at 27.50 EUR: raise maxPrice to 27.50 or more, or choose fewer years' },
    ]);
    // One cent over is over: no float rounding lets it through.
    expect(checkQuote({ quote: { ...QUOTE, amount: "20.01" }, maxPrice: 20, balance: "100" })).toHaveLength(1);
    expect(checkQuote({ quote: { ...QUOTE, amount: "0.30" }, maxPrice: 0.1 + 0.2, balance: "1" })).toEqual([]);
  });

  it("refuses a quote over the credit balance, naming both and how much to add", () => {
    expect(checkQuote({ quote: QUOTE, balance: "10.00" })).toEqual([
      { property: "years", reason: "the register for 2 years is quoted at 27.50 EUR, but the account's credit balance is 10.00 EUR: add at least 17.50 EUR of credit to the reseller account, then run the update again" },
    ]);
    expect(checkQuote({ quote: { ...QUOTE, kind: "renew", years: 1, amount: "13.75" }, balance: "-2.5" })).toEqual([
      { property: "renewal.years", reason: expect.stringMatching(/the renewal for 1 year is quoted at 13\.75 EUR, but the account's credit balance is -2\.50 EUR: add at least 16\.25 EUR/) },
    ]);
  });

  it("refuses a balance that is not an amount rather than guess", () => {
    expect(checkQuote({ quote: QUOTE, balance: "n/a" })).toEqual([{ property: "years", reason: expect.stringMatching(/reads "n\/a", which is not an amount.*nothing is ordered/) }]);
  });

  it("refuses a premium name unless maxPrice covers the premium price", () => {
    const premiumQuote = { ...QUOTE, years: 1, amount: "120.00" };
    expect(checkQuote({ quote: premiumQuote, balance: "500", premium: { price: "120.00" } })).toEqual([
      {
        property: "maxPrice",
        reason: '"maxPrice" is not set, but the name is premium (registry price 120.00 EUR) and the register for 1 year may cost 120.00 EUR: set maxPrice to 120.00 or more to accept the premium price, or choose another name',
      },
    ]);
    expect(checkQuote({ quote: premiumQuote, maxPrice: 100, balance: "500", premium: { price: "120.00" } })).toMatchObject([{ property: "maxPrice", reason: expect.stringMatching(/^"maxPrice" is 100\.00, but the name is premium/) }]);
    expect(checkQuote({ quote: premiumQuote, maxPrice: 120, balance: "500", premium: { price: "120.00" } })).toEqual([]);
  });

  it("reports every reason at once (maxPrice and balance)", () => {
    expect(checkQuote({ quote: QUOTE, maxPrice: 10, balance: "5" }).map((f) => f.property)).toEqual(["maxPrice", "years"]);
  });
});

describe("money", () => {
  it("reads the API's amounts to the cent, rounding prices up and balances down", () => {
    expect(parseCents("13.75", "up")).toBe(1375);
    expect(parseCents("1,234.5", "up")).toBe(123450);
    expect(parseCents("13.751", "up")).toBe(1376);
    expect(parseCents("13.759", "down")).toBe(1375);
    expect(parseCents("-0.001", "down")).toBe(-1);
    expect(parseCents("-0.001", "up")).toBe(0);
    expect(parseCents("1.2.3", "up")).toBeUndefined();
    expect(parseCents("", "up")).toBeUndefined();
  });

  it("formats and reads back every amount exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => {
        expect(parseCents(formatCents(cents), "up")).toBe(cents === 0 ? 0 : cents); // -0 reads back as 0
      }),
    );
  });
});
