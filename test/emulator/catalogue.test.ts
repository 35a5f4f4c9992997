// Account-level routes: the shapes WHMCS and the provider parse (strings for money, leading dots).
import { describe, expect, it } from "vitest";
import { call, start } from "./helpers";

describe("catalogue and account", () => {
  it("lists TLDs with leading dots, including a second-level one", async () => {
    const emu = await start();
    const tlds = (await call(emu, "GET", "/tlds")).body;
    expect(tlds).toEqual(expect.arrayContaining([".com", ".net", ".org", ".io", ".dev", ".co.uk"]));
  });

  it("prices TLDs as strings with currency and allowed years", async () => {
    const emu = await start();
    const com = (await call(emu, "GET", "/tlds/pricing")).body.find((t: any) => t.tld === ".com");
    expect(com).toEqual({ tld: ".com", registrationPrice: "13.75", renewalPrice: "13.75", transferPrice: "13.75", graceFee: "0.00", graceDays: -1, redemptionDays: -1, redemptionFee: "-1.00", currencyCode: "USD", years: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
  });

  it("quotes cart prices per period for a domain sent in the query or the body", async () => {
    const emu = await start();
    const q = await call(emu, "GET", "/order/pricing/domains/renew", { domain: "shop.io" });
    expect(q.body).toEqual({ "1": "49.00", "2": "98.00", "3": "147.00", "4": "196.00", "5": "245.00" });
    const uk = await call(emu, "GET", "/order/pricing/domains/register", { domain: "shop.co.uk" });
    expect(uk.body["1"]).toBe("8.99");
  });

  it.each([
    ["/order/pricing/domains/lease", { domain: "a.com" }, /type "lease" must be register, renew or transfer/],
    ["/order/pricing/domains/register", {}, /domain is required/],
    ["/order/pricing/domains/register", { domain: "a.example-tld" }, /not offered/],
  ])("rejects %s %j", async (route, params, message) => {
    const emu = await start();
    const r = await call(emu, "GET", route, params);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
  });

  it("answers credits and version as JSON strings", async () => {
    const emu = await start();
    expect((await call(emu, "GET", "/billing/credits")).text).toBe('"500.00"');
    expect(typeof (await call(emu, "GET", "/version")).body).toBe("string");
  });
});

describe("lookup and suggestions", () => {
  it("reports availability per TLD in the SearchResult shape", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/domains/lookup", { searchTerm: "acme-widgets", tldsToInclude: [".com", ".dev", ".zzz"], isIdnDomain: 0, premiumEnabled: 0, isWhmcs: 1 });
    const [com, dev, zzz] = r.body;
    expect(com).toMatchObject({ domainName: "acme-widgets.com", sld: "acme-widgets", tld: "com", status: "registered", legacyStatus: "unavailable", isAvailable: false, isRegistered: true });
    expect(dev).toMatchObject({ domainName: "acme-widgets.dev", status: "available for registration", legacyStatus: "available", isAvailable: true, premiumCostPricing: [] });
    expect(dev.pricing["1"]).toEqual({ register: "15.00", renew: "15.00", transfer: "15.00" });
    expect(zzz).toMatchObject({ status: "tld not supported", isAvailable: false });
  });

  it("uses punyCodeSearchTerm over searchTerm and rejects a missing or invalid term", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/domains/lookup", { searchTerm: "ignored", punyCodeSearchTerm: "xn--bcher-kva", tldsToInclude: [".com"] });
    expect(r.body[0].domainName).toBe("xn--bcher-kva.com");
    expect((await call(emu, "POST", "/domains/lookup", {})).body.error).toMatch(/searchTerm is required/);
    expect((await call(emu, "POST", "/domains/lookup", { searchTerm: "no spaces" })).status).toBe(400);
  });

  it("suggests only available names", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/domains/lookup/suggestions", { searchTerm: "acme-widgets", tldsToInclude: [".com", ".net"], suggestionSettings: [] });
    expect(r.body.length).toBeGreaterThan(0);
    expect(r.body.every((x: any) => x.isAvailable)).toBe(true);
    expect(r.body.map((x: any) => x.domainName)).not.toContain("acme-widgets.com");
  });
});
