// Premium names are quoted at what will really be billed for every kind of order: a transfer and a
// renewal of a premium name cost its registry price, so maxPrice, the credit balance and
// maxChargePerRun judge that, not the list price (the emulator's premiumDomains on its admin surface).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as runtime from "../../provider/runtime";
import { startTestEmulator, type TestEmulator } from "../e2e/harness";

const REGISTRANT = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" };
let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const { email, apiKey } = emulator.account;
  const values: Record<string, string> = { "domainsreseller:endpoint": emulator.handle.endpoint, "domainsreseller:username": email, "domainsreseller:apiKey": apiKey, "domainsreseller:requestsPerMinute": "6000" };
  await runtime.configure("Domain", { config: { get: (key: string) => values[key] } });
  await emulator.admin("POST", "/domains", { owner: email, domain: "goldrenew.com", expiryDate: "2026-12-20" });
  await emulator.admin("POST", "/behaviour", { premiumDomains: { "takengold.com": { transfer: "300.00" }, "goldrenew.com": { renew: "200.00" } } });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await emulator?.close();
});

const transfer = (maxPrice: number) => ({ name: "takengold.com", source: "transfer", years: 1, eppCode: "Epp-Code-1234", nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: REGISTRANT }, maxPrice });
const renewing = (maxPrice: number) => ({ name: "goldrenew.com", source: "adopt", renewal: { minDaysRemaining: 30, years: 1 }, maxPrice });

describe("premium prices for transfers and renewals", () => {
  it("a premium transfer is quoted at the registry's transfer price, and refused when maxPrice does not cover it", async () => {
    const refused = await runtime.check("Domain", {}, transfer(50));
    expect(refused.failures?.map((f) => f.reason).join("\n")).toMatch(/premium \(registry price 300\.00 USD\)/);
    const accepted = await runtime.check("Domain", {}, transfer(400));
    expect(accepted.failures).toBeUndefined();
    expect(accepted.inputs?.quote).toMatchObject({ kind: "transfer", amount: "300.00" });
  });

  it("a due renewal of a premium name is quoted at the registry's renewal price, and refused when maxPrice does not cover it", async () => {
    const olds = { name: "goldrenew.com", source: "adopt", renewal: { minDaysRemaining: 30, years: 1 }, maxPrice: 50 };
    const refused = await runtime.check("Domain", olds, renewing(50));
    expect(refused.failures?.map((f) => f.reason).join("\n")).toMatch(/premium \(registry price 200\.00 USD\)/);
    const accepted = await runtime.check("Domain", olds, renewing(250));
    expect(accepted.failures).toBeUndefined();
    expect(accepted.inputs?.quote).toMatchObject({ kind: "renew", amount: "200.00" });
  });
});
