// A registration that left the account (transferred away, cancelled, expired past redemption) is
// kept in the stack with the status the account gives, never dropped by a refresh: a dropped
// Domain would be ordered again by the next `up` (a new registration, or a transfer with a stale
// EPP code). The next update says so and orders nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as runtime from "../../provider/runtime";
import { startTestEmulator, type TestEmulator } from "../e2e/harness";

const REGISTRANT = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" };
let emulator: TestEmulator;
let printed: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator();
  const { email, apiKey } = emulator.account;
  const values: Record<string, string> = { "domainsreseller:endpoint": emulator.handle.endpoint, "domainsreseller:username": email, "domainsreseller:apiKey": apiKey, "domainsreseller:requestsPerMinute": "6000" };
  await runtime.configure("Domain", { config: { get: (key: string) => values[key] } });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await emulator?.close();
});

describe("a Domain that left the account", () => {
  it.each(["Transferred Away", "Cancelled"])("(%s) is kept on refresh with its status, and the next up orders nothing", async (status) => {
    const name = `leaving-${status.replace(/\s/g, "").toLowerCase()}.com`;
    const inputs = { name, source: "register", years: 1, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: REGISTRANT }, maxPrice: 50 };
    const checked = await runtime.check("Domain", {}, inputs);
    const { id, outs } = await runtime.create("Domain", checked.inputs ?? {});
    await emulator.drift(name, { status });
    printed = [];
    const refreshed = await runtime.read("Domain", id, outs);
    expect(refreshed.id).toBe(id);
    expect(refreshed.props).toMatchObject({ name, status });
    expect(printed.join("")).toContain(`Domain ${name}: no longer in the reseller account (${status})`);
    await emulator.resetCounters();
    await expect(runtime.update("Domain", id, refreshed.props ?? {}, checked.inputs ?? {})).rejects.toThrow(/no longer in the account/);
    const counters = await emulator.counters();
    expect(Object.keys(counters).filter((route) => route.startsWith("POST /order/"))).toEqual([]);
    expect((await emulator.ledger()).filter((e) => e.domain === name)).toHaveLength(1); // the first registration only
  });
});
