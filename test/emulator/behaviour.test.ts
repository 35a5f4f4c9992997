// "Behaviour of a real registrar" (POST/GET /__admin/behaviour): a renewal that shows late, the
// status of an unknown domain, premium names, a per-account rate limit. Each switch is checked on and off over real HTTP,
// with the independent signer of helpers.ts and, where it says what a provider user would see,
// with the provider's own client.
import { describe, expect, it } from "vitest";
import { DomainsResellerClient, isDomainsResellerError, isHttpNotFound } from "../../provider/client";
import { addYears, isoDate } from "../../emulator/clock";
import { Behaviour } from "../../emulator/behaviour";
import type { EmulatorHandle } from "../../emulator";
import { admin, call, DEMO, registerParams, sign, start, type CallOptions } from "./helpers";

const DEFAULTS = { renewalDelaySeconds: 0, unknownDomainStatus: 404, premiumDomains: {}, rateLimitPerMinute: 0 };
const OTHER = { email: "rival@example.net", apiKey: "rival-key" };
const asOther: CallOptions = OTHER;

const behaviour = async (emu: EmulatorHandle, body: unknown) => admin(emu, "POST", "/behaviour", body);
const ledger = async (emu: EmulatorHandle) => (await admin(emu, "GET", "/ledger")).body as { type: string; domain: string; years: number; amount: string; balanceAfter: string }[];
const stored = async (emu: EmulatorHandle, domain: string) => (await admin(emu, "GET", `/domains/${domain}`)).body;

/** Moves the emulator clock to real time + `seconds` and answers call options signed for it. */
async function clockAt(emu: EmulatorHandle, seconds: number): Promise<CallOptions> {
  await admin(emu, "POST", "/clock", { offsetSeconds: seconds });
  const at = Math.floor(Date.now() / 1000) + seconds;
  return { at, token: sign(DEMO.email, DEMO.apiKey, at) };
}

/** What the two status routes show as the expiry (information as a date, sync as `expirydate`). */
async function shownExpiry(emu: EmulatorHandle, domain: string, o: CallOptions = {}): Promise<{ information: string; sync: string; status: string }> {
  const info = await call(emu, "GET", `/domains/${domain}/information`, undefined, o);
  const sync = await call(emu, "POST", `/domains/${domain}/sync`, undefined, o);
  expect(info.status).toBe(200);
  expect(sync.status).toBe(200);
  return { information: String(info.body.expiryDate).slice(0, 10), sync: sync.body.expirydate, status: info.body.status };
}

describe("the behaviour admin API", () => {
  it("GET shows the defaults; POST merges the keys given and answers the whole behaviour", async () => {
    const emu = await start();
    expect((await admin(emu, "GET", "/behaviour")).body).toEqual(DEFAULTS);
    expect((await behaviour(emu, { renewalDelaySeconds: 600 })).body).toEqual({ ...DEFAULTS, renewalDelaySeconds: 600 });
    const both = await behaviour(emu, { unknownDomainStatus: 200, premiumDomains: { "Gold.COM": { register: "450", renew: 120.5 } } });
    expect(both.status).toBe(200);
    // names lower-cased, amounts written as "450.00" whatever form they came in
    expect(both.body).toEqual({ renewalDelaySeconds: 600, unknownDomainStatus: 200, premiumDomains: { "gold.com": { register: "450.00", renew: "120.50" } }, rateLimitPerMinute: 0 });
    expect((await admin(emu, "GET", "/behaviour")).body).toEqual(both.body);
    // premiumDomains is replaced as a whole; an empty body changes nothing
    expect((await behaviour(emu, { premiumDomains: { "vault.org": { transfer: "99.00" } } })).body.premiumDomains).toEqual({ "vault.org": { transfer: "99.00" } });
    expect((await behaviour(emu, undefined)).body).toEqual({ renewalDelaySeconds: 600, unknownDomainStatus: 200, premiumDomains: { "vault.org": { transfer: "99.00" } }, rateLimitPerMinute: 0 });
    // the curl example of docs/emulator.md, to the byte
    const example = '{"renewalDelaySeconds":3600,"unknownDomainStatus":200,"premiumDomains":{"gold.com":{"register":"450.00","renew":"120.00"}},"rateLimitPerMinute":120}';
    expect((await behaviour(emu, JSON.parse(example))).text).toBe(example);
    expect((await admin(emu, "GET", "/behaviour")).text).toBe(example);
  });

  it("refuses a bad body with a 400 naming the field, and keeps the behaviour as it was", async () => {
    const emu = await start();
    await behaviour(emu, { renewalDelaySeconds: 60 });
    const before = (await admin(emu, "GET", "/behaviour")).body;
    const cases: [unknown, RegExp][] = [
      [{ renewalDelay: 5 }, /^body: unknown key "renewalDelay" \(known: renewalDelaySeconds, unknownDomainStatus, premiumDomains, rateLimitPerMinute\)$/],
      [{ renewalDelaySeconds: -1 }, /^renewalDelaySeconds: /],
      [{ renewalDelaySeconds: 1.5 }, /^renewalDelaySeconds: .*int/],
      [{ renewalDelaySeconds: "60" }, /^renewalDelaySeconds: .*number/],
      [{ unknownDomainStatus: 403 }, /^unknownDomainStatus: must be one of 200, 400, 404, 500$/],
      [{ unknownDomainStatus: "404" }, /^unknownDomainStatus: must be one of 200, 400, 404, 500$/],
      [{ premiumDomains: { "gold.com": { register: "lots" } } }, /^premiumDomains\["gold\.com"\]\.register: must be an amount like "450\.00", got "lots"$/],
      [{ premiumDomains: { "gold.com": { registr: "1.00" } } }, /^premiumDomains\["gold\.com"\]: unknown key "registr" \(known: register, transfer, renew\)$/],
      [{ premiumDomains: { "gold.com": {} } }, /^premiumDomains\["gold\.com"\]: give at least one of register, transfer, renew$/],
      [{ premiumDomains: { "not a name": { register: "1.00" } } }, /^premiumDomains\["not a name"\]: "not a name" is not a valid domain name$/],
      [{ premiumDomains: { "gold.zz": { register: "1.00" } } }, /^premiumDomains\["gold\.zz"\]: .*TLD this emulator does not sell$/],
      [{ premiumDomains: { "www.gold.com": { register: "1.00" } } }, /not a registrable name under \.com/],
      [{ premiumDomains: { "gold.com": { register: "1" }, "GOLD.com": { register: "2" } } }, /^premiumDomains\["GOLD\.com"\]: .*appears twice/],
      [{ premiumDomains: ["gold.com"] }, /^premiumDomains: /],
      [{ rateLimitPerMinute: -1 }, /^rateLimitPerMinute: /],
      [{ rateLimitPerMinute: 1.5 }, /^rateLimitPerMinute: .*int/],
      [{ rateLimitPerMinute: "60" }, /^rateLimitPerMinute: .*number/],
      [{ rateLimitPerMinute: 100_001 }, /^rateLimitPerMinute: /],
      [[1, 2], /^body: /],
    ];
    for (const [body, message] of cases) {
      const r = await behaviour(emu, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error, JSON.stringify(body)).toMatch(message);
    }
    // one good key beside a bad one: nothing is applied
    expect((await behaviour(emu, { unknownDomainStatus: 500, renewalDelaySeconds: -5 })).status).toBe(400);
    expect((await admin(emu, "GET", "/behaviour")).body).toEqual(before);
  });

  it("POST /__admin/reset clears every behaviour (and a delayed renewal with it); DELETE restores the defaults", async () => {
    const emu = await start();
    await behaviour(emu, { renewalDelaySeconds: 3600, unknownDomainStatus: 500, premiumDomains: { "gold.com": { register: "450.00" } }, rateLimitPerMinute: 50 });
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 })).body).toBe("success");
    expect((await admin(emu, "POST", "/reset", { seed: { accounts: [{ email: DEMO.email, apiKey: DEMO.apiKey, credit: "500.00", domains: [{ domain: "acme-widgets.com" }] }] } })).status).toBe(200);
    expect((await admin(emu, "GET", "/behaviour")).body).toEqual(DEFAULTS);
    expect((await call(emu, "GET", "/domains/nowhere-at-all.com/dns")).status).toBe(404);
    const [gold] = (await call(emu, "POST", "/domains/lookup", { searchTerm: "gold", tldsToInclude: [".com"] })).body;
    expect(gold).toMatchObject({ isPremium: false, premiumCostPricing: [] });
    // the renewal queued before the reset is gone with it: a new one shows at once
    const expiry = (await stored(emu, "acme-widgets.com")).expiryDate;
    await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 });
    expect((await shownExpiry(emu, "acme-widgets.com")).information).toBe(addYears(expiry, 1));

    await behaviour(emu, { renewalDelaySeconds: 5, unknownDomainStatus: 200, premiumDomains: { "gold.com": { register: "1.00" } }, rateLimitPerMinute: 7 });
    expect((await admin(emu, "DELETE", "/behaviour")).body).toEqual(DEFAULTS);
    expect((await admin(emu, "GET", "/behaviour")).body).toEqual(DEFAULTS);
  });
});

describe("renewalDelaySeconds", () => {
  it("off (0, the default): a renewal shows at once in information and sync", async () => {
    const emu = await start();
    const expiry = (await stored(emu, "acme-widgets.com")).expiryDate;
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 2 })).body).toBe("success");
    expect(await shownExpiry(emu, "acme-widgets.com")).toEqual({ information: addYears(expiry, 2), sync: addYears(expiry, 2), status: "Active" });
  });

  it("on: the renewal is billed at once, and its expiry shows only when the emulator clock reaches the delay", async () => {
    const emu = await start();
    await behaviour(emu, { renewalDelaySeconds: 3600 });
    const expiry = (await stored(emu, "acme-widgets.com")).expiryDate;
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 })).body).toBe("success");
    // billed now: the ledger line and the credit
    expect(await ledger(emu)).toEqual([expect.objectContaining({ type: "renew", domain: "acme-widgets.com", years: 1, amount: "13.75", balanceAfter: "486.25" })]);
    expect((await call(emu, "GET", "/billing/credits")).body).toBe("486.25");
    // stored at once (the admin view is the registrar's truth), shown late
    expect((await stored(emu, "acme-widgets.com")).expiryDate).toBe(addYears(expiry, 1));
    expect(await shownExpiry(emu, "acme-widgets.com")).toEqual({ information: expiry, sync: expiry, status: "Active" });
    // the admin clock, not real time, decides: no waiting
    expect((await shownExpiry(emu, "acme-widgets.com", await clockAt(emu, 3590))).information).toBe(expiry);
    const due = await clockAt(emu, 3605);
    expect(await shownExpiry(emu, "acme-widgets.com", due)).toEqual({ information: addYears(expiry, 1), sync: addYears(expiry, 1), status: "Active" });
    // only one charge, whatever was read meanwhile
    expect(await ledger(emu)).toHaveLength(1);
  });

  it("two renewals inside the delay both count (each adds its years) and both are billed", async () => {
    const emu = await start();
    await behaviour(emu, { renewalDelaySeconds: 600 });
    const expiry = (await stored(emu, "acme-gadgets.org")).expiryDate;
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-gadgets.org", regperiod: 1 })).body).toBe("success");
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-gadgets.org", regperiod: 2 })).body).toBe("success");
    expect((await ledger(emu)).map((e) => [e.type, e.years, e.amount])).toEqual([
      ["renew", 1, "14.25"],
      ["renew", 2, "28.50"],
    ]);
    expect((await call(emu, "GET", "/billing/credits")).body).toBe("457.25");
    expect((await shownExpiry(emu, "acme-gadgets.org")).information).toBe(expiry);
    expect((await shownExpiry(emu, "acme-gadgets.org", await clockAt(emu, 700))).information).toBe(addYears(expiry, 3));
    expect((await stored(emu, "acme-gadgets.org")).expiryDate).toBe(addYears(expiry, 3));
  });

  it("an expired domain renewed with a delay still shows Expired until the renewal is due", async () => {
    const emu = await start();
    const today = isoDate(Math.floor(Date.now() / 1000));
    const expired = isoDate(Math.floor(Date.now() / 1000) - 10 * 86_400);
    await admin(emu, "PATCH", "/domains/acme-widgets.net", { expiryDate: expired });
    await behaviour(emu, { renewalDelaySeconds: 120 });
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.net", regperiod: 1 })).body).toBe("success");
    const before = await call(emu, "POST", "/domains/acme-widgets.net/sync");
    expect(before.body).toMatchObject({ active: false, expired: true, expirydate: expired });
    expect((await shownExpiry(emu, "acme-widgets.net")).status).toBe("Expired");
    const due = await clockAt(emu, 180);
    expect((await call(emu, "POST", "/domains/acme-widgets.net/sync", undefined, due)).body).toMatchObject({ active: true, expired: false, expirydate: addYears(today, 1) });
    expect((await shownExpiry(emu, "acme-widgets.net", due)).status).toBe("Active");
  });

  it("switching the delay off does not hurry a renewal already queued, and later renewals queue behind it", async () => {
    const emu = await start();
    await behaviour(emu, { renewalDelaySeconds: 900 });
    const expiry = (await stored(emu, "acme-widgets.com")).expiryDate;
    await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 });
    await behaviour(emu, { renewalDelaySeconds: 0 });
    await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 });
    expect((await shownExpiry(emu, "acme-widgets.com")).information).toBe(expiry);
    expect((await shownExpiry(emu, "acme-widgets.com", await clockAt(emu, 1000))).information).toBe(addYears(expiry, 2));
    // other domains are not held up
    const other = (await stored(emu, "acme-mail.com")).expiryDate;
    await admin(emu, "POST", "/clock", { offsetSeconds: 0 });
    await call(emu, "POST", "/order/domains/renew", { domain: "acme-mail.com", regperiod: 1 });
    expect((await shownExpiry(emu, "acme-mail.com")).information).toBe(addYears(other, 1));
  });
});

describe("unknownDomainStatus", () => {
  /** demo owns acme-widgets.com; a second reseller owns rival-shop.com with its own DNS and contacts. */
  async function twoResellers(): Promise<EmulatorHandle> {
    const emu = await start();
    expect((await admin(emu, "POST", "/accounts", { ...OTHER, credit: "100.00" })).status).toBe(200);
    const rival = await admin(emu, "POST", "/domains", {
      owner: OTHER.email,
      domain: "rival-shop.com",
      dns: [{ hostname: "secret", type: "TXT", address: "rival-private-token" }],
      nameservers: ["ns1.rival-host.test", "ns2.rival-host.test"],
    });
    expect(rival.status).toBe(200);
    return emu;
  }

  const DNS_SAVE = { dnsrecords: [{ hostname: "@", type: "A", address: "192.0.2.66" }] };
  // A read, a read of a list, a write and an order: each asks "is this domain in the account?".
  const probes = (domain: string) =>
    [
      ["GET", `/domains/${domain}/information`, undefined],
      ["GET", `/domains/${domain}/dns`, undefined],
      ["POST", `/domains/${domain}/dns`, DNS_SAVE],
      ["POST", "/order/domains/renew", { domain, regperiod: 1 }],
    ] as const;

  it.each([404, 200, 400, 500] as const)("%i: a missing domain and another reseller's answer alike, with an error body, and leak nothing", async (status) => {
    const emu = await twoResellers();
    if (status !== 404) await behaviour(emu, { unknownDomainStatus: status });
    const rivalBefore = await stored(emu, "rival-shop.com");
    for (const [method, route, params] of [...probes("never-registered.com"), ...probes("rival-shop.com")]) {
      const r = await call(emu, method, route, params ? { ...params } : undefined);
      expect(r.status, `${method} ${route}`).toBe(status);
      expect(r.body, `${method} ${route}`).toEqual({ error: "Domain not found" });
    }
    // identical answers: nothing tells the caller whether the other reseller holds the name
    for (const [method, route, params] of probes("rival-shop.com")) {
      const theirs = await call(emu, method, route, params ? { ...params } : undefined);
      const nobodys = await call(emu, method, route.replace("rival-shop.com", "never-registered.com"), params ? { ...params, ...("domain" in params ? { domain: "never-registered.com" } : {}) } : undefined);
      expect(theirs.text).toBe(nobodys.text);
      expect(theirs.text).not.toMatch(/rival-private-token|rival-host|rival@example|100\.00/);
    }
    // nothing of theirs changed, nobody was billed
    expect(await stored(emu, "rival-shop.com")).toEqual(rivalBefore);
    expect(await ledger(emu)).toEqual([]);
    // the owner still sees their domain, and the caller still sees their own
    expect((await call(emu, "GET", "/domains/rival-shop.com/dns", undefined, asOther)).body).toEqual([expect.objectContaining({ hostname: "secret", address: "rival-private-token" })]);
    expect((await call(emu, "GET", "/domains/acme-widgets.com/information")).status).toBe(200);
    expect((await call(emu, "POST", "/domains/acme-widgets.com/dns", DNS_SAVE)).body).toEqual({ success: true });
  });

  it("a domain that has left the account answers with the configured status too; the status routes still answer", async () => {
    const emu = await start();
    await behaviour(emu, { unknownDomainStatus: 200 });
    await admin(emu, "PATCH", "/domains/acme-widgets.net", { status: "Transferred Away" });
    const dns = await call(emu, "GET", "/domains/acme-widgets.net/dns");
    expect(dns).toMatchObject({ status: 200, body: { error: "Domain not found" } });
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.net", regperiod: 1 })).body).toEqual({ error: "Domain not found" });
    expect((await call(emu, "POST", "/domains/acme-widgets.net/sync")).body).toMatchObject({ transferredAway: true });
  });

  it("what the provider's client makes of each status: only a real 404 is proof of absence", async () => {
    const emu = await start();
    const client = new DomainsResellerClient({ endpoint: emu.endpoint, username: DEMO.email, apiKey: DEMO.apiKey, requestsPerMinute: Infinity, maxRetries: 0 });
    const failure = async () => {
      try {
        await client.call("getDns", { domain: "never-registered.com" });
      } catch (error) {
        return error;
      }
      throw new Error("getDns of a missing domain succeeded");
    };
    const seen: Record<number, unknown> = {};
    for (const status of [200, 400, 500, 404] as const) {
      await behaviour(emu, { unknownDomainStatus: status });
      const error = await failure();
      expect(isDomainsResellerError(error)).toBe(true);
      seen[status] = { code: (error as { code: string }).code, status: (error as { status?: number }).status, httpNotFound: isHttpNotFound(error) };
    }
    // only a real 404 is proof that the domain is gone; the others are refusals or failures
    expect(seen).toEqual({
      200: { code: "not_found", status: 200, httpNotFound: false },
      400: { code: "validation", status: 400, httpNotFound: false },
      500: { code: "transient", status: 500, httpNotFound: false },
      404: { code: "not_found", status: 404, httpNotFound: true },
    });
  });
});

describe("premiumDomains", () => {
  const PREMIUM = { "gold.com": { register: "450.00", renew: "120.00" }, "platinum.net": { transfer: "300.00" }, "vault.org": { transfer: "99.00" } };

  it("lookup and suggestions report premium names with their prices; other names stay standard", async () => {
    const emu = await start();
    await behaviour(emu, { premiumDomains: PREMIUM });
    const results = (await call(emu, "POST", "/domains/lookup", { searchTerm: "gold", tldsToInclude: [".com", ".net"] })).body;
    expect(results.find((r: any) => r.domainName === "gold.com")).toMatchObject({
      status: "available for registration",
      isAvailable: true,
      isPremium: true,
      premiumCostPricing: { register: "450.00", renew: "120.00", transfer: "13.75", CurrencyCode: "USD" },
    });
    expect(results.find((r: any) => r.domainName === "gold.net")).toMatchObject({ isPremium: false, premiumCostPricing: [] });
    const suggested = (await call(emu, "POST", "/domains/lookup/suggestions", { searchTerm: "gold", tldsToInclude: [".com"] })).body;
    expect(suggested.find((r: any) => r.domainName === "gold.com")).toMatchObject({ isPremium: true });
    // the cart price follows: premium × years
    expect((await call(emu, "GET", "/order/pricing/domains/register", { domain: "gold.com" })).body).toMatchObject({ "1": "450.00", "2": "900.00" });
    expect((await call(emu, "GET", "/order/pricing/domains/transfer", { domain: "gold.com" })).body).toMatchObject({ "1": "13.75" });
    // as the provider's client reads it
    const client = new DomainsResellerClient({ endpoint: emu.endpoint, username: DEMO.email, apiKey: DEMO.apiKey, requestsPerMinute: Infinity, maxRetries: 0 });
    const [hit] = await client.call("lookup", { searchTerm: "gold", tldsToInclude: [".com"], premiumEnabled: true });
    expect(hit).toMatchObject({ domainName: "gold.com", isPremium: true, premiumCostPricing: { register: "450.00" } });
  });

  it("register, renew and transfer of premium names bill the premium amount per year, in the ledger and the credit", async () => {
    const emu = await start();
    await admin(emu, "PUT", `/accounts/${DEMO.email}/credit`, { credit: "5000.00" });
    await behaviour(emu, { premiumDomains: PREMIUM });
    expect((await call(emu, "POST", "/order/domains/register", registerParams("gold.com"))).body).toBe("success");
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "gold.com", regperiod: 2 })).body).toBe("success");
    expect((await call(emu, "POST", "/order/domains/transfer", registerParams("platinum.net", { eppcode: "Epp-Code-42" }))).body).toBe("success");
    // not premium: list price as before
    expect((await call(emu, "POST", "/order/domains/register", registerParams("plain-name.com"))).body).toBe("success");
    // a premium transfer that fails is refunded what it was charged
    expect((await call(emu, "POST", "/order/domains/transfer", registerParams("vault.org", { eppcode: "invalid-code-1" }))).body).toBe("success");
    expect((await call(emu, "POST", "/domains/vault.org/transfersync")).body).toMatchObject({ failed: true });
    expect((await ledger(emu)).map((e) => [e.type, e.domain, e.years, e.amount, e.balanceAfter])).toEqual([
      ["register", "gold.com", 1, "450.00", "4550.00"],
      ["renew", "gold.com", 2, "240.00", "4310.00"],
      ["transfer", "platinum.net", 1, "300.00", "4010.00"],
      ["register", "plain-name.com", 1, "13.75", "3996.25"],
      ["transfer", "vault.org", 1, "99.00", "3897.25"],
      ["transfer-refund", "vault.org", 1, "-99.00", "3996.25"],
    ]);
    expect((await call(emu, "GET", "/billing/credits")).body).toBe("3996.25");
  });

  it("a premium price above the credit is refused with the insufficient-credit error and charges nothing", async () => {
    const emu = await start();
    await behaviour(emu, { premiumDomains: { "gold.com": { register: "600.00" } } });
    const r = await call(emu, "POST", "/order/domains/register", registerParams("gold.com"));
    expect(r).toMatchObject({ status: 500, body: { error: "Reseller does not have enough credits on his account" } });
    expect(await ledger(emu)).toEqual([]);
    expect((await admin(emu, "GET", "/domains/gold.com")).status).toBe(404);
  });

  it("off (no premium names, or cleared with {}): list prices and isPremium false", async () => {
    const emu = await start();
    await behaviour(emu, { premiumDomains: PREMIUM });
    await behaviour(emu, { premiumDomains: {} });
    const [gold] = (await call(emu, "POST", "/domains/lookup", { searchTerm: "gold", tldsToInclude: [".com"] })).body;
    expect(gold).toMatchObject({ isPremium: false, premiumCostPricing: [] });
    expect((await call(emu, "POST", "/order/domains/register", registerParams("gold.com"))).body).toBe("success");
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "gold.com", regperiod: 1 })).body).toBe("success");
    expect((await ledger(emu)).map((e) => e.amount)).toEqual(["13.75", "13.75"]);
  });
});

describe("rateLimitPerMinute", () => {
  /** A Behaviour whose window runs on a time the test sets. */
  function limited(limit: number): { b: Behaviour; at: (ms: number) => void } {
    const b = new Behaviour();
    let now = 1_000_000;
    b.nowMs = () => now;
    b.update({ rateLimitPerMinute: limit });
    return { b, at: (ms) => (now = 1_000_000 + ms) };
  }

  it("is a sliding 60 s window per account: N admitted, then Retry-After until the oldest leaves", () => {
    const { b, at } = limited(3);
    expect([b.admit("a@x.test"), b.admit("a@x.test"), b.admit("A@X.test")]).toEqual([undefined, undefined, undefined]);
    expect(b.admit("a@x.test")).toBe(60); // the three were at 0: a slot frees at 60 s
    expect(b.admit("b@x.test")).toBeUndefined(); // another account has its own window
    at(20_000);
    expect(b.admit("a@x.test")).toBe(40);
    at(59_001);
    expect(b.admit("a@x.test")).toBe(1); // rounded up: waiting exactly that long finds the slot free
    at(60_000);
    expect(b.admit("a@x.test")).toBeUndefined(); // the three from 0 have left
    expect(b.admit("a@x.test")).toBeUndefined();
    expect(b.admit("a@x.test")).toBeUndefined();
    expect(b.admit("a@x.test")).toBe(60);
  });

  it("refused requests take no slot, a lowered limit waits for enough of the oldest to leave, 0 turns it off", () => {
    const { b, at } = limited(4);
    for (const ms of [0, 10_000, 20_000, 30_000]) {
      at(ms);
      expect(b.admit("a@x.test")).toBeUndefined();
    }
    at(35_000);
    for (let i = 0; i < 50; i += 1) expect(b.admit("a@x.test")).toBe(25); // hammering does not push the slot back
    b.update({ rateLimitPerMinute: 2 });
    expect(b.admit("a@x.test")).toBe(45); // 4 held, 2 allowed: three must leave, the third (at 20 s) at 80 s
    at(70_000);
    expect(b.admit("a@x.test")).toBe(10);
    at(80_000);
    expect(b.admit("a@x.test")).toBeUndefined();
    b.update({ rateLimitPerMinute: 0 });
    for (let i = 0; i < 10; i += 1) expect(b.admit("a@x.test")).toBeUndefined();
    b.update({ rateLimitPerMinute: 1 }); // turning it back on starts from an empty window
    expect(b.admit("a@x.test")).toBeUndefined();
    expect(b.admit("a@x.test")).toBe(60);
  });

  it("over HTTP: 429, Retry-After and {error} once an account's limit is spent; counted under its route and under \"429\"", async () => {
    const emu = await start();
    await admin(emu, "POST", "/accounts", { ...OTHER, credit: "10.00" });
    expect((await behaviour(emu, { rateLimitPerMinute: 2 })).body.rateLimitPerMinute).toBe(2);
    expect((await call(emu, "GET", "/domains/acme-widgets.com/lock")).status).toBe(200);
    expect((await call(emu, "POST", "/domains/acme-widgets.com/lock", { lockstatus: "unlocked" })).status).toBe(200);
    const refused = await call(emu, "POST", "/domains/acme-widgets.com/lock", { lockstatus: "locked" });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: "Too many requests" });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    // the refused write ran nothing
    expect((await stored(emu, "acme-widgets.com")).locked).toBe(false);
    // the other reseller has its own budget; bad credentials and unknown routes spend nobody's
    expect((await call(emu, "GET", "/billing/credits", undefined, asOther)).status).toBe(200);
    expect((await call(emu, "GET", "/billing/credits", undefined, { ...asOther, apiKey: "wrong" })).status).toBe(401);
    expect((await call(emu, "GET", "/no/such/route", undefined, asOther)).status).toBe(404);
    expect((await call(emu, "GET", "/billing/credits", undefined, asOther)).status).toBe(200);
    expect((await call(emu, "GET", "/billing/credits", undefined, asOther)).status).toBe(429);
    // the admin surface is never limited
    for (let i = 0; i < 5; i += 1) expect((await admin(emu, "GET", "/behaviour")).status).toBe(200);
    expect((await admin(emu, "GET", "/counters")).body).toEqual({
      "GET /domains/{domain}/lock": 1,
      "POST /domains/{domain}/lock": 2,
      "GET /billing/credits": 4, // 401 included: counted after routing, as before
      "429": 2,
    });
    // DELETE /__admin/behaviour forgets the windows with the limit
    await admin(emu, "DELETE", "/behaviour");
    await behaviour(emu, { rateLimitPerMinute: 1 });
    expect((await call(emu, "GET", "/version")).status).toBe(200);
    expect((await call(emu, "GET", "/version")).status).toBe(429);
    await admin(emu, "POST", "/reset", {});
    expect((await admin(emu, "GET", "/behaviour")).body.rateLimitPerMinute).toBe(0);
    expect((await admin(emu, "GET", "/counters")).body).toEqual({});
  });

  it("what the provider's client sees: an order refused by the limit is rate_limited, not resent, and bills nothing", async () => {
    const emu = await start();
    await behaviour(emu, { rateLimitPerMinute: 1 });
    // fixed pacing far above the limit, so the server's 429 is what the client meets
    const client = new DomainsResellerClient({ endpoint: emu.endpoint, username: DEMO.email, apiKey: DEMO.apiKey, requestsPerMinute: 1000 });
    try {
      expect(await client.call("getLock", { domain: "acme-widgets.com" })).toBe("locked");
      const error = await client.call("renew", { domain: "acme-widgets.com", regperiod: 1 }).catch((e: unknown) => e);
      expect(isDomainsResellerError(error, "rate_limited")).toBe(true);
      expect(error).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
      expect(client.stats).toMatchObject({ requestsSent: 2, rateLimited: 1 });
      expect(await ledger(emu)).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
