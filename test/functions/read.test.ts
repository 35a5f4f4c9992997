// The plain read functions against a real emulator over loopback: what a script gets back, what it
// is refused before any request, and that the EPP code never reaches an error or a log.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EmulatorHandle } from "../../emulator";
import { DomainsResellerClient, isDomainsResellerError } from "../../provider/client";
import { clientOf, fetchAvailability, fetchCreditBalance, fetchDomainInfo, fetchEppCode, fetchPricing, fetchTlds, toDomainInfo } from "../../provider/functions/read";
import { DEMO, KNOWN_EPP, everythingIn, startSeeded } from "./helpers";

let emulator: EmulatorHandle;
let client: DomainsResellerClient;
const logLines: string[] = [];

beforeAll(async () => {
  emulator = await startSeeded();
  client = new DomainsResellerClient({ endpoint: emulator.endpoint, ...DEMO, logger: (line) => logLines.push(line), onRequest: (r) => logLines.push(JSON.stringify(r)) });
});
afterAll(async () => {
  await client?.close();
  await emulator?.close();
});

const credentials = () => ({ endpoint: emulator.endpoint, ...DEMO });
const isJsonClean = (value: unknown) => expect(JSON.parse(JSON.stringify(value))).toEqual(value);

describe("fetchDomainInfo", () => {
  it("returns the documented fields of a seeded domain, JSON-clean", async () => {
    const info = await fetchDomainInfo(client, "acme-widgets.com");
    expect(info).toMatchObject({ name: "acme-widgets.com", status: "Active", locked: true, idProtection: false, dnsManagement: true, emailForwarding: true, restorable: false, nameservers: ["ns1.emulator.test", "ns2.emulator.test"] });
    expect(info.expiryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    isJsonClean(info);
  });

  it("canonicalises the name first, so any spelling of it reads the same domain", async () => {
    expect((await fetchDomainInfo(client, "  ACME-Mail.COM. ")).name).toBe("acme-mail.com");
  });

  it("an unknown domain fails with code not_found, naming the domain", async () => {
    const failure = await fetchDomainInfo(client, "never-held-here.com").catch((e: unknown) => e);
    expect(isDomainsResellerError(failure, "not_found")).toBe(true);
    expect((failure as Error).message).toContain("never-held-here.com");
  });

  it("a bad name is refused before any request, naming the argument and the fix", async () => {
    const before = client.stats.requestsSent;
    const failure = await fetchDomainInfo(client, "https://acme-widgets.com/").catch((e: unknown) => e);
    expect(isDomainsResellerError(failure, "validation")).toBe(true);
    expect((failure as Error).message).toMatch(/^fetchDomainInfo: argument "name" must be a domain name .*got "https:\/\/acme-widgets.com\/".*What to do: pass the bare registered name/);
    expect(client.stats.requestsSent).toBe(before);
  });

  it("a flag the server leaves out is null, never false", () => {
    const info = toDomainInfo("x.com", { domain: null, nameservers: [], transferLock: undefined, expiryDate: "2030-01-02T10:00:00Z", status: null, restorable: undefined, idProtection: undefined, dnsManagement: false, emailForwarding: undefined, transferLockExpiryDate: null, registrantEmailAddress: null });
    expect(info).toEqual({ name: "x.com", status: null, expiryDate: "2030-01-02", locked: null, idProtection: null, dnsManagement: false, emailForwarding: null, restorable: null, nameservers: [] });
  });
});

describe("fetchEppCode", () => {
  it("returns the code, and neither the client's log nor the terminal ever shows it", async () => {
    const out = vi.spyOn(process.stdout, "write");
    const err = vi.spyOn(process.stderr, "write");
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    try {
      expect(await fetchEppCode(client, "ACME-WIDGETS.com")).toBe(KNOWN_EPP);
      expect(await fetchEppCode(credentials(), "acme-widgets.com")).toBe(KNOWN_EPP);
      const printed = [out, err, ...spies].flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(" ")));
      expect(printed.join("\n")).not.toContain(KNOWN_EPP);
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.join("\n")).not.toContain(KNOWN_EPP);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("no failure around the code carries it: unknown domain, bad name, wrong key, missing credentials", async () => {
    const failures = await Promise.all([
      fetchEppCode(client, "never-held-here.com"),
      fetchEppCode(client, `acme-widgets.com/${KNOWN_EPP}`),
      fetchEppCode({ ...credentials(), apiKey: "wrong-key-for-this-test" }, "acme-widgets.com"),
      fetchEppCode({ ...credentials(), apiKey: "" }, "acme-widgets.com"),
    ].map((p) => p.then(() => undefined, (e: unknown) => e)));
    expect(failures.map((f) => (f as { code?: string }).code)).toEqual(["not_found", "validation", "authentication", "configuration"]);
    // The refused name quotes what was passed, so only the other three are checked for the code.
    for (const failure of [failures[0], failures[2], failures[3]]) expect(everythingIn(failure)).not.toContain(KNOWN_EPP);
    expect(everythingIn(failures[2])).not.toContain("wrong-key-for-this-test");
    expect((failures[3] as Error).message).toContain("lack apiKey");
  });
});

describe("fetchAvailability", () => {
  it("answers each distinct name in the order asked, one lookup per SLD", async () => {
    const before = client.stats.requestsSent;
    const result = await fetchAvailability(client, ["acme-widgets.com", "Brand-New-Name.com", "brand-new-name.io", "brand-new-name.com", "taken-thing.net"]);
    expect(result).toEqual([
      { name: "acme-widgets.com", available: false, premium: false, status: "registered" },
      { name: "brand-new-name.com", available: true, premium: false, status: "available for registration" },
      { name: "brand-new-name.io", available: true, premium: false, status: "available for registration" },
      { name: "taken-thing.net", available: false, premium: false, status: "registered" },
    ]);
    expect(client.stats.requestsSent - before).toBe(3);
    isJsonClean(result);
  });

  it("an empty list sends nothing; a bad entry is refused by its index before any request", async () => {
    const before = client.stats.requestsSent;
    expect(await fetchAvailability(client, [])).toEqual([]);
    const failure = await fetchAvailability(client, ["ok-name.com", "not a name"]).catch((e: unknown) => e);
    expect((failure as Error).message).toMatch(/^fetchAvailability: argument "names\[1\]" must be a domain name/);
    expect(client.stats.requestsSent).toBe(before);
  });

  it("a TLD the reseller does not sell is reported by the server's status, not guessed", async () => {
    expect(await fetchAvailability(client, ["brand-new-name.xyz"])).toEqual([{ name: "brand-new-name.xyz", available: false, premium: false, status: "tld not supported" }]);
  });
});

describe("fetchPricing", () => {
  it("a TLD gives its price-list row: one-year prices, currency and periods", async () => {
    const pricing = await fetchPricing(client, ".COM");
    expect(pricing).toEqual({ tld: ".com", currency: "USD", register: "13.75", renew: "13.75", transfer: "13.75", years: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], graceFee: "0.00", graceDays: -1, redemptionFee: "-1.00", redemptionDays: -1, domain: null, quotes: null });
    isJsonClean(pricing);
  });

  it("a multi-label TLD without its dot is a TLD, not a name", async () => {
    expect(await fetchPricing(client, "co.uk")).toMatchObject({ tld: ".co.uk", register: "8.99", transfer: "0.00", domain: null, quotes: null });
  });

  it("a full name adds the cart quotes of every period for register, renew and transfer", async () => {
    const pricing = await fetchPricing(client, "new-shop.io");
    expect(pricing).toMatchObject({ tld: ".io", domain: "new-shop.io", register: "49.00" });
    expect(pricing.quotes?.register).toEqual([1, 2, 3, 4, 5].map((years) => ({ years, price: (49 * years).toFixed(2) })));
    expect(pricing.quotes?.renew).toHaveLength(5);
    expect(pricing.quotes?.transfer?.[0]).toEqual({ years: 1, price: "49.00" });
  });

  it("a TLD not sold fails with not_found listing what is; a malformed one is refused before any request", async () => {
    const unsold = await fetchPricing(client, ".xyz").catch((e: unknown) => e);
    expect(isDomainsResellerError(unsold, "not_found")).toBe(true);
    expect((unsold as Error).message).toContain(".com, .net");
    const before = client.stats.requestsSent;
    const bad = await fetchPricing(client, ".c om").catch((e: unknown) => e);
    expect((bad as Error).message).toMatch(/^fetchPricing: argument "tld" must be a TLD such as "\.com"/);
    expect(client.stats.requestsSent).toBe(before);
  });
});

describe("account reads", () => {
  it("fetchCreditBalance gives the server's text, a number and the price list's currency", async () => {
    expect(await fetchCreditBalance(client)).toEqual({ balance: "500.00", amount: 500, currency: "USD" });
  });

  it("fetchTlds lists the TLDs with a leading dot", async () => {
    const tlds = await fetchTlds(credentials());
    expect(tlds).toContain(".com");
    expect(tlds).toContain(".co.uk");
    expect(tlds.every((t) => t.startsWith("."))).toBe(true);
  });
});

describe("client reuse", () => {
  it("one client per credential set: equal credentials share it, another key gets its own", () => {
    const first = clientOf("test", credentials());
    expect(clientOf("test", { ...credentials() })).toBe(first);
    expect(clientOf("test", { ...credentials(), apiKey: "another-key" })).not.toBe(first);
    expect(clientOf("test", client)).toBe(client);
  });
});
