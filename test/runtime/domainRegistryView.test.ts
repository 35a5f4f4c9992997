// A Domain refresh asks the registry too (the API's domain sync): WHMCS's own record can lag a cron
// run behind. A later expiry from the registry settles a renewal waiting to show and is the one a
// renewal is judged by (never renewed twice because the account's record lags); a registry that
// says the registration left is shown with a warning, and nothing is ordered. The registry is asked
// only where the account's record could decide wrongly (model/domain/registryQuestion.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as runtime from "../../provider/runtime";
import { resetHandover } from "../../provider/runtime/handover";
import { forgetSharedReads } from "../../provider/runtime/sharedReads";
import { API_KEY, USERNAME, startServer, type TestServer } from "../client/helpers/server";

let server: TestServer;
let sync: Record<string, unknown> = {};
let printed: string[] = [];
const LAGGING = { domain: "lagging.com", status: "Active", expiryDate: "2027-01-10", transferLock: true, nameservers: { ns1: "ns1.host.test", ns2: "ns2.host.test" } };
let information: Record<string, unknown> = LAGGING;
let syncCalls = 0;

beforeAll(async () => {
  server = await startServer((req) => {
    if (req.path.endsWith("/information")) return { json: information };
    if (req.path.endsWith("/sync")) {
      syncCalls += 1;
      return { json: sync };
    }
    return { status: 404, json: { error: "not expected in this test" } };
  });
  const values: Record<string, string> = { "domainsreseller:endpoint": server.endpoint, "domainsreseller:username": USERNAME, "domainsreseller:apiKey": API_KEY };
  resetHandover();
  await runtime.configure("Domain", { config: { get: (key: string) => values[key] } });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
});

const state = {
  name: "lagging.com", source: "adopt", renewal: { minDaysRemaining: 30, years: 1 }, maxPrice: 20, onDelete: "retain",
  status: "Active", expiryDate: "2026-01-10", locked: true, idProtection: null, dnsManagement: null, emailForwarding: null, nameservers: [], lastQuote: null, transferStatus: null, transferFailureReason: null,
  unsettledRenewal: { expiryBefore: "2026-01-10", years: 1, sentAt: "2026-01-01T00:00:00.000Z", quote: null, answered: true },
  schemaVersion: 1,
};

describe("Domain refresh and the registry's view", () => {
  it("takes the registry's later expiry: the renewal waiting to show is settled, and the state holds the later day", async () => {
    sync = { active: true, expired: false, cancelled: false, transferredAway: false, expirydate: "2028-01-10" };
    const read = await runtime.read("Domain", "lagging.com", state);
    expect(read.props).toMatchObject({ expiryDate: "2028-01-10", status: "Active" });
    expect(read.props?.unsettledRenewal).toBeUndefined();
  });

  it("keeps the account's expiry when the registry's is earlier or unreadable", async () => {
    sync = { active: true, expired: false, cancelled: false, transferredAway: false, expirydate: "2025-01-10" };
    expect((await runtime.read("Domain", "lagging.com", state)).props).toMatchObject({ expiryDate: "2027-01-10" });
    sync = { active: true, expirydate: "0000-00-00" };
    expect((await runtime.read("Domain", "lagging.com", state)).props).toMatchObject({ expiryDate: "2027-01-10" });
  });

  it("shows a registration the registry says left, with a warning, and keeps it in the stack", async () => {
    printed = [];
    sync = { active: false, expired: false, cancelled: false, transferredAway: true, expirydate: "2027-01-10" };
    const read = await runtime.read("Domain", "lagging.com", state);
    expect(read.id).toBe("lagging.com");
    expect(read.props).toMatchObject({ status: "Transferred Away" });
    expect(printed.join("")).toMatch(/lagging\.com: the registry reports it Transferred Away \(the account still says Active\)/);
  });

  it("asks the registry only where the account's record could decide wrongly", async () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const { unsettledRenewal: _waiting, ...settled } = state;
    sync = { active: true, expired: false, cancelled: false, transferredAway: false, expirydate: inDays(400) };
    const asked = async (info: Record<string, unknown>, renewal: { minDaysRemaining: number; years: number } | undefined) => {
      information = { ...LAGGING, ...info };
      forgetSharedReads(); // each case is a refresh of its own
      syncCalls = 0;
      await runtime.read("Domain", "lagging.com", { ...settled, renewal });
      return syncCalls;
    };
    try {
      // Active, far from expiry, nothing waiting: the account's record stands.
      expect(await asked({ expiryDate: inDays(200) }, undefined)).toBe(0);
      expect(await asked({ expiryDate: inDays(45) }, { minDaysRemaining: 30, years: 1 })).toBe(0);
      // Within 30 days, or within a longer declared renewal window, or past.
      expect(await asked({ expiryDate: inDays(20) }, undefined)).toBe(1);
      expect(await asked({ expiryDate: inDays(80) }, { minDaysRemaining: 90, years: 1 })).toBe(1);
      expect(await asked({ expiryDate: inDays(-3) }, undefined)).toBe(1);
      // A status other than Active, or no expiry the account can show.
      expect(await asked({ expiryDate: inDays(200), status: "Pending Transfer" }, undefined)).toBe(1);
      expect(await asked({ expiryDate: "0000-00-00" }, undefined)).toBe(1);
    } finally {
      information = LAGGING;
    }
  });
});
