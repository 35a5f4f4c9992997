// The one line each order and due renewal prints from the Domain check (the engine shows the
// provider's standard error in the plain preview and in `up`: test/e2e/domainMoney.test.ts), so a
// user sees the money without `--diff`: amount and currency, the limits that are set, and the run's
// total so far; once per process; nothing for what costs nothing; never the API key.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { checkResource as check } from "../../provider/runtime";
import { configureFrom } from "../../provider/runtime/settings";

const REGISTRANT = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" };
const register = (name: string, years: number, extra: Record<string, unknown> = {}) => ({ name, source: "register", years, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: REGISTRANT }, ...extra });

let emulator: EmulatorHandle;
let account: { email: string; apiKey: string };
let printed: string[] = [];

const settings = (extra: Record<string, string> = {}) => {
  const values: Record<string, string> = { "domainsreseller:endpoint": emulator.endpoint, "domainsreseller:username": account.email, "domainsreseller:apiKey": account.apiKey, ...extra };
  configureFrom({ get: (key: string) => values[key] });
};

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, admin: true, seed: "default" });
  account = emulator.accounts[0] as { email: string; apiKey: string };
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  printed = [];
});
afterAll(async () => {
  vi.restoreAllMocks();
  configureFrom({ get: () => undefined });
  await emulator?.close();
});

describe("Domain check prints what an order or renewal will cost", () => {
  it("a registration: years, amount and currency, maxPrice and the run against maxChargePerRun; once per process", async () => {
    settings({ "domainsreseller:maxChargePerRun": "50" });
    const inputs = register("notice-one.com", 2, { maxPrice: 100 });
    expect((await check("Domain", {}, inputs)).failures).toBeUndefined();
    expect(printed).toEqual(["warning: Domain notice-one.com: register 2 years, 27.50 USD (maxPrice 100.00; this run 27.50 of maxChargePerRun 50.00)\n"]);
    await check("Domain", {}, inputs); // the engine checks again: the same line is not repeated
    expect(printed).toHaveLength(1);
    expect(printed.join("")).not.toContain(account.apiKey);
  });

  it("leaves out the limits that are not set, and adds each order to the run's total", async () => {
    settings();
    await check("Domain", {}, register("notice-two.com", 1));
    expect(printed).toEqual(["warning: Domain notice-two.com: register 1 year, 13.75 USD (this run 41.25)\n"]);
  });

  it("a declared renewal that is due: renew, its years and price", async () => {
    settings();
    const expiry = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await fetch(`${emulator.origin}/__admin/domains`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ owner: account.email, domain: "notice-renew.com", expiryDate: expiry }) });
    const inputs = { name: "notice-renew.com", source: "adopt", renewal: { minDaysRemaining: 30, years: 1 }, maxPrice: 20 };
    expect((await check("Domain", inputs, inputs)).failures).toBeUndefined();
    expect(printed).toEqual(["warning: Domain notice-renew.com: renew 1 year, 13.75 USD (maxPrice 20.00; this run 55.00)\n"]);
  });

  it("prints nothing for what costs nothing: an adoption, a renewal not due, a refused order", async () => {
    settings();
    await check("Domain", {}, { name: "notice-renew.com", source: "adopt" });
    const later = { name: "notice-renew.com", source: "adopt", renewal: { minDaysRemaining: 5, years: 1 } };
    await check("Domain", later, later);
    expect((await check("Domain", {}, register("notice-dear.com", 2, { maxPrice: 20 }))).failures?.[0]?.property).toBe("maxPrice");
    expect(printed).toEqual([]);
  });
});
