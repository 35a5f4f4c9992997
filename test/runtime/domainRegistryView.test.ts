// A Domain refresh asks the registry too (the API's domain sync): WHMCS's own record can lag a cron
// run behind. A later expiry from the registry settles a renewal waiting to show and is the one a
// renewal is judged by (never renewed twice because the account's record lags); a registry that
// says the registration left is shown with a warning, and nothing is ordered.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as runtime from "../../provider/runtime";
import { resetHandover } from "../../provider/runtime/handover";
import { API_KEY, USERNAME, startServer, type TestServer } from "../client/helpers/server";

let server: TestServer;
let sync: Record<string, unknown> = {};
let printed: string[] = [];

beforeAll(async () => {
  server = await startServer((req) => {
    if (req.path.endsWith("/information")) return { json: { domain: "lagging.com", status: "Active", expiryDate: "2027-01-10", transferLock: true, nameservers: { ns1: "ns1.host.test", ns2: "ns2.host.test" } } };
    if (req.path.endsWith("/sync")) return { json: sync };
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
});
