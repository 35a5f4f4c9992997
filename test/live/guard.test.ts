// The live suite's safety rules, without a server: the guard refuses orders and release in every
// mode before anything reaches the client, writes only with writes on and only on the test
// domain; reports never carry the API key; and the environment is read the way the docs say.
import { describe, expect, it } from "vitest";
import { DomainsResellerError, routeNames, routes, type RouteName } from "../../provider/client";
import { readLiveConfig, skipTitle, LIVE_VARIABLES } from "./config";
import { ContractClient, ContractGuardError, ORDER_ROUTES, type InnerClient } from "./guard";
import { failureReport, makeRedactor } from "./report";

/** Stands in for the product's client and records what reached it. */
function recorder() {
  const reached: RouteName[] = [];
  const inner = {
    call: async (route: RouteName) => {
      reached.push(route);
      return undefined;
    },
    callRaw: async (route: RouteName) => {
      reached.push(route);
      return "raw";
    },
  } as unknown as InnerClient;
  return { inner, reached };
}

const TEST_DOMAIN = "contract-test.com";
const ORDER_PARAMS: Record<string, unknown> = {
  register: { domain: TEST_DOMAIN, regperiod: 1, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: {} },
  transfer: { domain: TEST_DOMAIN, regperiod: 1, eppcode: "Abc-123" },
  renew: { domain: TEST_DOMAIN, regperiod: 1 },
  release: { domain: TEST_DOMAIN, transfertag: "NEWTAG" },
};
// Calls made the way a careless scenario would: the route name as a string.
const callAny = (client: ContractClient, route: string, params: unknown) => client.call(route as RouteName, params as never);

describe("the contract client's guard", () => {
  describe.each([false, true])("with writes %s", (writes) => {
    it.each(["register", "transfer", "renew", "release"])("refuses %s on the test domain before sending it", async (route) => {
      const { inner, reached } = recorder();
      const client = new ContractClient(inner, { testDomain: TEST_DOMAIN, writes });
      await expect(callAny(client, route, ORDER_PARAMS[route])).rejects.toThrow(ContractGuardError);
      await expect(callAny(client, route, ORDER_PARAMS[route])).rejects.toThrow(/never orders, renews, transfers or releases/);
      expect(reached).toEqual([]);
    });

    it("refuses every route that may bill or cannot be undone, not only the named orders", async () => {
      const { inner, reached } = recorder();
      const client = new ContractClient(inner, { testDomain: TEST_DOMAIN, writes });
      const once = routeNames.filter((r) => routes[r].safety === "once");
      expect(once).toEqual(expect.arrayContaining([...ORDER_ROUTES, "requestDelete", "setIdProtection", "saveContacts"]));
      for (const route of once) await expect(callAny(client, route, { domain: TEST_DOMAIN })).rejects.toThrow(ContractGuardError);
      expect(reached).toEqual([]);
    });

    it("lets reads through for any domain (the unknown-domain probe reads a name outside the account)", async () => {
      const { inner, reached } = recorder();
      const client = new ContractClient(inner, { testDomain: TEST_DOMAIN, writes });
      await client.call("information", { domain: "not-in-the-account-123.com" });
      await client.call("credits", {});
      await client.raw("getDns", { domain: TEST_DOMAIN });
      expect(reached).toEqual(["information", "credits", "getDns"]);
    });

    it("syncs only the test domain", async () => {
      const { inner, reached } = recorder();
      const client = new ContractClient(inner, { testDomain: TEST_DOMAIN, writes });
      await expect(client.call("sync", { domain: "someone-else.com" })).rejects.toThrow(/only the test domain contract-test\.com/);
      await client.call("sync", { domain: "Contract-Test.com." });
      expect(reached).toEqual(["sync"]);
    });

    it("refuses the routes the suite does not use (lookups, transfer sync, e-mail saves)", async () => {
      const { inner, reached } = recorder();
      const client = new ContractClient(inner, { testDomain: TEST_DOMAIN, writes });
      for (const route of ["lookup", "suggestions", "transferSync", "saveEmailForwarding"] as const) {
        await expect(callAny(client, route, { domain: TEST_DOMAIN })).rejects.toThrow(/not a route the contract suite uses/);
      }
      await expect(callAny(client, "noSuchRoute", {})).rejects.toThrow(/not a route of the client/);
      expect(reached).toEqual([]);
    });
  });

  it("without writes, refuses every write, naming the variable that allows them", async () => {
    const { inner, reached } = recorder();
    const client = new ContractClient(inner, { testDomain: TEST_DOMAIN, writes: false });
    await expect(client.call("saveLock", { domain: TEST_DOMAIN, lockstatus: "locked" })).rejects.toThrow(/DOMAINSRESELLER_LIVE_WRITES=1/);
    await expect(client.call("saveDns", { domain: TEST_DOMAIN, dnsrecords: [] })).rejects.toThrow(ContractGuardError);
    await expect(client.call("saveNameservers", { domain: TEST_DOMAIN, ns1: "a.host.test", ns2: "b.host.test" })).rejects.toThrow(ContractGuardError);
    expect(reached).toEqual([]);
  });

  it("with writes, changes only the test domain", async () => {
    const { inner, reached } = recorder();
    const client = new ContractClient(inner, { testDomain: TEST_DOMAIN, writes: true });
    await expect(client.call("saveLock", { domain: "other-domain.com", lockstatus: "unlocked" })).rejects.toThrow(/only the test domain/);
    await expect(client.call("saveDns", { domain: `sub.${TEST_DOMAIN}`, dnsrecords: [] })).rejects.toThrow(/only the test domain/);
    await client.call("saveLock", { domain: TEST_DOMAIN, lockstatus: "unlocked" });
    expect(reached).toEqual(["saveLock"]);
  });

  it("only re-sends reads for a raw body", async () => {
    const { inner, reached } = recorder();
    const client = new ContractClient(inner, { testDomain: TEST_DOMAIN, writes: true });
    await expect(client.raw("saveLock", { domain: TEST_DOMAIN, lockstatus: "locked" })).rejects.toThrow(/only reads/);
    expect(reached).toEqual([]);
  });

  it("refuses a test domain that is not a domain name", () => {
    expect(() => new ContractClient(recorder().inner, { testDomain: "localhost", writes: false })).toThrow(ContractGuardError);
  });
});

describe("redaction", () => {
  const KEY = "k3y/with+odd chars&=";
  const redact = makeRedactor([
    { value: KEY, as: "[api key]" },
    { value: "reseller@example.com", as: "[username]" },
  ]);

  it("removes the key as written, form-encoded and URL-encoded, and the username", () => {
    const text = `raw ${KEY} form ${encodeURIComponent(KEY).replace(/%20/g, "+")} url ${encodeURIComponent(KEY)} user reseller@example.com`;
    expect(redact(text)).toBe("raw [api key] form [api key] url [api key] user [username]");
  });

  it("a failure report built from an error that echoes the key holds none of it", async () => {
    const client = new ContractClient(recorder().inner, { testDomain: TEST_DOMAIN, writes: false });
    await client.call("credits", {});
    const error = new DomainsResellerError("validation", `credits: the API rejected the request (HTTP 400: "bad key ${KEY}")`, { route: "credits", status: 400, apiMessage: `bad key ${KEY}` });
    const report = await failureReport({ name: "credit balance", routes: ["credits"] }, error, client, redact);
    expect(report).toContain('answer: HTTP 400, code validation, error text "bad key [api key]"');
    expect(report).toContain("request: GET /billing/credits");
    expect(report).not.toContain(KEY);
  });
});

describe("the live configuration", () => {
  const full = {
    DOMAINSRESELLER_LIVE_ENDPOINT: "https://portal.example.com/modules/addons/DomainsReseller/api/index.php",
    DOMAINSRESELLER_LIVE_USERNAME: "reseller@example.com",
    DOMAINSRESELLER_LIVE_API_KEY: " key with spaces ",
    DOMAINSRESELLER_LIVE_TEST_DOMAIN: "contract-test.com",
  };

  it("is off, naming what is missing, until every variable is set", () => {
    const setup = readLiveConfig({ ...full, DOMAINSRESELLER_LIVE_API_KEY: "", DOMAINSRESELLER_LIVE_TEST_DOMAIN: undefined });
    expect(setup).toEqual({ ok: false, missing: ["DOMAINSRESELLER_LIVE_API_KEY", "DOMAINSRESELLER_LIVE_TEST_DOMAIN"] });
    const title = skipTitle(setup.ok ? [] : setup.missing);
    for (const name of LIVE_VARIABLES) expect(title).toContain(name);
    expect(title).toContain("DOMAINSRESELLER_LIVE_WRITES=1");
    expect(title).toContain("(missing: DOMAINSRESELLER_LIVE_API_KEY, DOMAINSRESELLER_LIVE_TEST_DOMAIN)");
    expect(title).not.toContain("\n");
    expect(skipTitle([...LIVE_VARIABLES])).not.toContain("missing");
  });

  it("keeps the key byte for byte, and turns writes on only for exactly 1", () => {
    expect(readLiveConfig(full)).toEqual({ ok: true, config: { endpoint: full.DOMAINSRESELLER_LIVE_ENDPOINT, username: "reseller@example.com", apiKey: " key with spaces ", testDomain: "contract-test.com", writes: false } });
    for (const [value, writes] of [["1", true], ["0", false], ["true", false], ["yes", false]] as const) {
      const setup = readLiveConfig({ ...full, DOMAINSRESELLER_LIVE_WRITES: value });
      expect(setup.ok && setup.config.writes).toBe(writes);
    }
  });
});
