// Ownership in the preview (provider/runtime/ownership.ts), as the engine calls `check`, over real
// HTTP against the emulator: a settings resource new to a domain the account does not hold fails on
// "domain", naming it, the account, the profile and the fix; one read per domain serves every check
// of it; a resource already in the state for its domain costs no call; nothing short of proof fails.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as runtime from "../../provider/runtime";
import { UNKNOWN } from "../../provider/model/unknown";
import { resetOwnership } from "../../provider/runtime/ownership";
import { startTestEmulator, type TestEmulator } from "../e2e/harness";

const INFORMATION = "GET /domains/{domain}/information";
const EU = { email: "eu-ownership@example.com", apiKey: "eu-ownership-key-0123456789" };

let emulator: TestEmulator;

const nameservers = (domain: string, extra: Record<string, unknown> = {}) => ({ domain, nameservers: ["ns1.cloud.test", "ns2.cloud.test"], ...extra });
const failuresOf = async (kind: string, olds: Record<string, unknown>, news: Record<string, unknown>) => (await runtime.checkResource(kind, olds, news)).failures ?? [];

beforeAll(async () => {
  emulator = await startTestEmulator();
  const { endpoint } = emulator.handle;
  await emulator.admin("POST", "/accounts", { email: EU.email, apiKey: EU.apiKey });
  await emulator.admin("POST", "/domains", { owner: EU.email, domain: "eu-only.example" });
  await emulator.admin("POST", "/domains", { owner: emulator.account.email, domain: "moved-away.example", status: "Transferred Away" });
  const values: Record<string, string> = {
    "domainsreseller:endpoint": endpoint,
    "domainsreseller:username": emulator.account.email,
    "domainsreseller:apiKey": emulator.account.apiKey,
    "domainsreseller:profiles": JSON.stringify({ eu: { endpoint, username: EU.email, apiKey: EU.apiKey } }),
  };
  await runtime.configure("Nameservers", { config: { get: (key: string) => values[key] } });
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(async () => {
  resetOwnership(); // each case as a fresh provider process
  await emulator.admin("DELETE", "/faults");
  await emulator.resetCounters();
});

describe("a new settings resource for a domain the account does not hold", () => {
  it("fails check on \"domain\", naming the domain, the account and the fix", async () => {
    const failures = await failuresOf("Nameservers", {}, nameservers("Not-In-Account.com."));
    expect(failures).toEqual([
      {
        property: "domain",
        reason:
          "not-in-account.com is not in the reseller account of demo@example.com (the default credentials): the API answers that it was not found or is not owned by this account. " +
          "What to do: check the spelling, or the profile; `domainsreseller call GET /domains/not-in-account.com/information` shows what the account says",
      },
    ]);
    expect(await emulator.counters()).toEqual({ [INFORMATION]: 1, "GET /version": 1 });
  });

  it("passes for a domain the account holds", async () => {
    const outcome = await runtime.checkResource("Nameservers", {}, nameservers("ACME-mail.com"));
    expect(outcome.failures).toBeUndefined();
    expect(outcome.inputs).toMatchObject({ domain: "acme-mail.com" });
    expect(await emulator.counters()).toEqual({ [INFORMATION]: 1 });
  });

  it("names the profile and its account, never the API key; the same domain passes with the profile that holds it", async () => {
    const [failure] = await failuresOf("RegistrarLock", {}, { domain: "acme-mail.com", locked: true, profile: "eu" });
    expect(failure?.property).toBe("domain");
    expect(failure?.reason).toContain(`acme-mail.com is not in the reseller account of ${EU.email} (profile "eu")`);
    expect(failure?.reason).not.toContain(EU.apiKey);
    expect(await failuresOf("RegistrarLock", {}, { domain: "eu-only.example", locked: true, profile: "eu" })).toEqual([]);
  });

  it("a domain whose status says it left the account fails naming that status", async () => {
    const [failure] = await failuresOf("EmailForwarding", {}, { domain: "moved-away.example", forwards: [] });
    expect(failure).toEqual({ property: "domain", reason: expect.stringContaining('moved-away.example is no longer in the reseller account of demo@example.com (the default credentials): the API reports its status as "Transferred Away"') });
  });

  it("every settings kind is checked; Domain is not", async () => {
    const domain = "not-in-account.com";
    const cases: [string, Record<string, unknown>][] = [
      ["DnsRecordSet", { domain, records: [{ name: "@", type: "A", value: "192.0.2.1" }] }],
      ["Nameservers", nameservers(domain)],
      ["RegistrarLock", { domain, locked: true }],
      ["EmailForwarding", { domain, forwards: [] }],
      ["IdProtection", { domain, enabled: true }],
      ["PrivateNameserver", { domain, host: `ns1.${domain}`, ip: "192.0.2.53" }],
    ];
    for (const [kind, inputs] of cases) expect((await failuresOf(kind, {}, inputs)).map((f) => f.property), kind).toEqual(["domain"]);
    const adopt = await failuresOf("Domain", {}, { name: domain, source: "adopt" });
    expect(adopt.map((f) => f.reason).join("\n")).not.toContain("What to do: check the spelling, or the profile");
  });
});

describe("reads", () => {
  it("ten checks of new resources for one domain make one information call", async () => {
    const domain = "acme-mail.com";
    const outcomes = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => runtime.checkResource("Nameservers", {}, nameservers(domain, { nameservers: [`ns1.n${i}.test`, `ns2.n${i}.test`] }))),
      runtime.checkResource("RegistrarLock", {}, { domain, locked: true }),
      runtime.checkResource("EmailForwarding", {}, { domain, forwards: [] }),
      runtime.checkResource("IdProtection", {}, { domain, enabled: false }),
      runtime.checkResource("PrivateNameserver", {}, { domain, host: "ns7.acme-mail.com", ip: "192.0.2.7" }),
    ]);
    expect(outcomes.flatMap((o) => o.failures ?? [])).toEqual([]);
    expect(await emulator.counters()).toEqual({ [INFORMATION]: 1 });
  });

  it("ten checks for one foreign domain make one information call (and one version call) and all fail", async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => runtime.checkResource("RegistrarLock", {}, { domain: "acme-typo.com", locked: true })));
    expect(outcomes.map((o) => o.failures?.[0]?.property)).toEqual(Array(10).fill("domain"));
    expect(await emulator.counters()).toEqual({ [INFORMATION]: 1, "GET /version": 1 });
  });

  it("a resource already in the state for the same domain makes no call, even for a domain the account lacks", async () => {
    const olds = { ...nameservers("acme-mail.com"), __provider: "serialized" };
    expect(await failuresOf("Nameservers", olds, nameservers("ACME-Mail.com", { nameservers: ["ns1.other.test", "ns2.other.test"] }))).toEqual([]);
    expect(await failuresOf("RegistrarLock", { domain: "gone-since.example", locked: true }, { domain: "gone-since.example", locked: false })).toEqual([]);
    expect(await emulator.counters()).toEqual({});
  });

  it("a changed domain is checked like a new one", async () => {
    const failures = await failuresOf("Nameservers", nameservers("acme-mail.com"), nameservers("acme-typo.com"));
    expect(failures.map((f) => f.property)).toEqual(["domain"]);
    expect((await emulator.counters())[INFORMATION]).toBe(1);
  });

  it("a domain or profile not known yet makes no call", async () => {
    expect(await failuresOf("Nameservers", {}, nameservers(UNKNOWN))).toEqual([]);
    expect(await failuresOf("Nameservers", {}, nameservers("acme-typo.com", { profile: UNKNOWN }))).toEqual([]);
    expect(await emulator.counters()).toEqual({});
  });

  it("a domain a Domain resource of the same deployment brings in passes without a call", async () => {
    const name = "brand-new-ownership.com";
    const contacts = { registrant: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" } };
    const order = await runtime.checkResource("Domain", {}, { name, source: "register", years: 1, nameservers: ["ns1.host.test", "ns2.host.test"], contacts, maxPrice: 20 });
    expect(order.failures).toBeUndefined();
    await emulator.resetCounters();
    expect(await failuresOf("RegistrarLock", {}, { domain: name, locked: true })).toEqual([]);
    expect(await emulator.counters()).toEqual({});
  });

  it("a resource whose program declared a Domain of its name before it passes without a call, whatever order the engine checks them in", async () => {
    expect(await failuresOf("RegistrarLock", {}, { domain: "not-in-account.com", locked: true, __claim: "domain-declared" })).toEqual([]);
    expect(await emulator.counters()).toEqual({});
    // Without the hint the same check asks the account, and fails.
    expect(await failuresOf("RegistrarLock", {}, { domain: "not-in-account.com", locked: true, __claim: true })).toHaveLength(1);
  });
});

describe("nothing short of proof fails the preview", () => {
  it("a 503 from information lets the check pass", async () => {
    await emulator.admin("POST", "/faults", { route: INFORMATION, kind: "status", status: 503, retryAfter: 0 });
    expect(await failuresOf("Nameservers", {}, nameservers("acme-typo.com"))).toEqual([]);
    expect((await emulator.counters())[INFORMATION]).toBeGreaterThanOrEqual(1);
  });

  it("a 404 from every route (a wrong endpoint path) is not proof", async () => {
    await emulator.admin("POST", "/faults", { route: "*", kind: "status", status: 404 });
    expect(await failuresOf("Nameservers", {}, nameservers("acme-typo.com"))).toEqual([]);
    expect(await emulator.counters()).toMatchObject({ [INFORMATION]: 1, "GET /version": 1 });
  });
});
