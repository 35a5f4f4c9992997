// Every route of the client's table, sent by the real client to the real emulator: a route whose
// request the emulator misreads, or whose answer the client cannot normalise, fails here even when
// each side passes its own tests. This file is a test, so it may import the client (the emulator
// itself may not).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient, routeNames, type RouteName, type RouteParams, type RouteResult } from "../../provider/client";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { admin, DEMO, REGISTRANT } from "./helpers";

type Emu = EmulatorHandle;
interface Case<R extends RouteName> {
  params: RouteParams<R>;
  /** What a user would notice: the normalized result, and for writes the state it left. */
  check: (result: RouteResult<R>, emu: Emu) => void | Promise<void>;
}
type Cases = { [R in RouteName]: Case<R> };

const state = async (emu: Emu, domain: string) => (await admin(emu, "GET", `/domains/${domain}`)).body;
const ledgerOf = async (emu: Emu, domain: string) => (await admin(emu, "GET", "/ledger")).body.filter((e: { domain: string }) => e.domain === domain);
const order = { regperiod: 1, nameservers: { ns1: "ns1.example.net", ns2: "ns2.example.net" }, contacts: { registrant: REGISTRANT }, addons: { dnsmanagement: true } };

// Each write has a domain of its own (seeded below), so the cases hold in any order.
const SCRATCH = [
  "route-renew.com", "route-release.com", "route-contacts.com", "route-lock.com", "route-dns.com", "route-delete.com",
  "route-transfersync.com", "route-email.com", "route-protectid.com", "route-ns.com", "route-ns-register.com",
  "route-ns-modify.com", "route-ns-delete.com",
];

const CASES: Cases = {
  register: {
    params: { domain: "route-register.com", ...order },
    check: async (result, emu) => {
      expect(result).toBeUndefined();
      expect(await ledgerOf(emu, "route-register.com")).toEqual([expect.objectContaining({ type: "register", amount: "13.75" })]);
    },
  },
  transfer: {
    params: { domain: "route-transfer.net", ...order, eppcode: "Epp-Code-42" },
    check: async (_result, emu) => {
      expect((await state(emu, "route-transfer.net")).status).toBe("Pending Transfer");
      expect(await ledgerOf(emu, "route-transfer.net")).toEqual([expect.objectContaining({ type: "transfer", amount: "15.50" })]);
    },
  },
  renew: {
    params: { domain: "route-renew.com", regperiod: 2 },
    check: async (_result, emu) => {
      expect((await state(emu, "route-renew.com")).expiryDate).toBe("2032-03-01");
      expect(await ledgerOf(emu, "route-renew.com")).toEqual([expect.objectContaining({ type: "renew", years: 2, amount: "27.50" })]);
    },
  },
  release: {
    params: { domain: "route-release.com", transfertag: "NEWTAG" },
    check: async (_result, emu) => expect(await state(emu, "route-release.com")).toMatchObject({ status: "Transferred Away", transferTag: "NEWTAG" }),
  },
  getEppCode: { params: { domain: "acme-gadgets.org" }, check: (code) => expect(code).toBe("Seeded-Epp-1") },
  getContacts: {
    params: { domain: "acme-widgets.net" },
    check: (contacts) => {
      expect(Object.keys(contacts)).toEqual(["Registrant", "Technical", "Billing", "Admin"]);
      expect(contacts["Registrant"]).toMatchObject({ "First Name": "Demo", "Email Address": DEMO.email });
    },
  },
  saveContacts: {
    params: { domain: "route-contacts.com", contactdetails: { Registrant: { "First Name": "Grace", "Last Name": "Hopper", "Email Address": "grace@example.org" } } },
    check: async (_result, emu) => expect((await state(emu, "route-contacts.com")).contacts.Registrant).toMatchObject({ "First Name": "Grace", "Last Name": "Hopper" }),
  },
  getLock: { params: { domain: "acme-widgets.co.uk" }, check: (lock) => expect(lock).toBe("unlocked") },
  saveLock: {
    params: { domain: "route-lock.com", lockstatus: "unlocked" },
    check: async (_result, emu) => expect((await state(emu, "route-lock.com")).locked).toBe(false),
  },
  getDns: {
    params: { domain: "acme-mail.com" },
    check: (rows) => {
      expect(rows).toHaveLength(8);
      expect(rows).toContainEqual(expect.objectContaining({ hostname: "@", type: "MX", address: "mx2.mailhost.test", priority: "20", recid: expect.any(String) }));
      expect(rows).toContainEqual(expect.objectContaining({ hostname: "www", type: "CNAME", priority: "N/A" }));
    },
  },
  saveDns: {
    params: { domain: "route-dns.com", dnsrecords: [{ hostname: "@", type: "A", address: "192.0.2.77" }, { hostname: "@", type: "MX", address: "mx.example.net", priority: 10 }] },
    check: async (_result, emu) =>
      expect((await state(emu, "route-dns.com")).dns.map((r: { type: string; address: string; priority: string }) => [r.type, r.address, r.priority])).toEqual([
        ["A", "192.0.2.77", "N/A"],
        ["MX", "mx.example.net", "10"],
      ]),
  },
  requestDelete: {
    params: { domain: "route-delete.com" },
    check: async (_result, emu) => expect((await state(emu, "route-delete.com")).status).toBe("Pending Delete"),
  },
  transferSync: {
    params: { domain: "route-transfersync.com" },
    check: (sync) => expect(sync).toMatchObject({ status: "completed", expiryDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
  },
  sync: {
    params: { domain: "acme-shop.io" },
    check: (sync) => expect(sync).toMatchObject({ active: true, expired: false, transferredAway: false, expiryDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
  },
  getEmailForwarding: {
    params: { domain: "acme-mail.com" },
    check: (forwards) => expect(forwards).toEqual([
      { prefix: "info", forwardto: "team@acme-corp.example" },
      { prefix: "sales", forwardto: "sales@acme-corp.example" },
      { prefix: "postmaster", forwardto: "it@acme-corp.example" },
    ]),
  },
  saveEmailForwarding: {
    params: { domain: "route-email.com", prefix: ["info", "billing"], forwardto: ["a@example.org", "b@example.org"] },
    check: async (_result, emu) => expect((await state(emu, "route-email.com")).emailForwarding).toEqual([
      { prefix: "info", forwardto: "a@example.org" },
      { prefix: "billing", forwardto: "b@example.org" },
    ]),
  },
  setIdProtection: {
    params: { domain: "route-protectid.com", status: true },
    check: async (_result, emu) => expect((await state(emu, "route-protectid.com")).idProtection).toBe(true),
  },
  lookup: {
    params: { searchTerm: "acme-mail", tldsToInclude: [".com", ".dev"] },
    check: (results) => expect(results.map((r) => [r.domainName, r.isAvailable])).toEqual([["acme-mail.com", false], ["acme-mail.dev", true]]),
  },
  suggestions: {
    params: { searchTerm: "route-suggest", tldsToInclude: [".com"] },
    check: (results) => {
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.isAvailable === true && r.tld === "com")).toBe(true);
    },
  },
  getNameservers: { params: { domain: "acme-labs.dev" }, check: (ns) => expect(ns).toEqual(["ns-1.dnshost.test", "ns-2.dnshost.test", "ns-3.dnshost.test", "ns-4.dnshost.test"]) },
  saveNameservers: {
    params: { domain: "route-ns.com", ns1: "ns1.newhost.test", ns2: "ns2.newhost.test", ns3: "ns3.newhost.test" },
    check: async (_result, emu) => expect((await state(emu, "route-ns.com")).nameservers).toEqual(["ns1.newhost.test", "ns2.newhost.test", "ns3.newhost.test"]),
  },
  registerPrivateNameserver: {
    params: { domain: "route-ns-register.com", nameserver: "ns1.route-ns-register.com", ipaddress: "192.0.2.81" },
    check: async (_result, emu) => expect((await state(emu, "route-ns-register.com")).privateNameservers).toEqual([{ nameserver: "ns1.route-ns-register.com", ipaddress: "192.0.2.81" }]),
  },
  modifyPrivateNameserver: {
    params: { domain: "route-ns-modify.com", nameserver: "ns1.route-ns-modify.com", currentipaddress: "192.0.2.82", newipaddress: "2001:db8::82" },
    check: async (_result, emu) => expect((await state(emu, "route-ns-modify.com")).privateNameservers).toEqual([{ nameserver: "ns1.route-ns-modify.com", ipaddress: "2001:db8::82" }]),
  },
  deletePrivateNameserver: {
    params: { domain: "route-ns-delete.com", nameserver: "ns1.route-ns-delete.com" },
    check: async (_result, emu) => expect((await state(emu, "route-ns-delete.com")).privateNameservers).toEqual([]),
  },
  orderPricing: {
    params: { type: "renew", domain: "acme-shop.io" },
    check: (prices) => expect(prices).toEqual([1, 2, 3, 4, 5].map((years) => ({ years, price: (49 * years).toFixed(2) }))),
  },
  credits: { params: {}, check: (credit) => expect(credit).toMatch(/^\d+\.\d{2}$/) },
  version: { params: {}, check: (version) => expect(version).toBe("2.6.0-emulator") },
  tlds: { params: {}, check: (tlds) => expect(tlds).toEqual(expect.arrayContaining([".com", ".co.uk", ".de"])) },
  tldPricing: {
    params: {},
    check: (rows) => expect(rows.find((r) => r.tld === ".com")).toMatchObject({ registrationPrice: "13.75", renewalPrice: "13.75", currencyCode: "USD" }),
  },
  information: {
    params: { domain: "acme-mail.com" },
    check: (info) =>
      expect(info).toMatchObject({ domain: "acme-mail.com", status: "Active", transferLock: true, idProtection: true, dnsManagement: true, emailForwarding: true, nameservers: ["ns1.mailhost.test", "ns2.mailhost.test", "ns3.mailhost.test"] }),
  },
};

describe("every client route against the emulator", () => {
  let emu: Emu;
  let client: DomainsResellerClient;

  beforeAll(async () => {
    emu = await startEmulator({ admin: true });
    for (const domain of SCRATCH) {
      const ns = domain.startsWith("route-ns-") && domain !== "route-ns-register.com" ? [{ nameserver: `ns1.${domain}`, ipaddress: "192.0.2.82" }] : [];
      await admin(emu, "POST", "/domains", { owner: DEMO.email, domain, expiryDate: "2030-03-01", privateNameservers: ns, ...(domain === "route-transfersync.com" ? { status: "Pending Transfer" } : {}) });
    }
    await admin(emu, "PATCH", "/domains/acme-gadgets.org", { eppCode: "Seeded-Epp-1" });
    client = new DomainsResellerClient({ endpoint: emu.endpoint, username: DEMO.email, apiKey: DEMO.apiKey, requestsPerMinute: Infinity, maxRetries: 0 });
  });

  afterAll(async () => {
    await client?.close();
    await emu?.close();
  });

  it("has one case for each route of the client, and none for a route it does not have", () => {
    expect(Object.keys(CASES).sort()).toEqual([...routeNames].sort());
  });

  it.each(routeNames.map((name) => [name]))("%s: the client gets a normalized result the user would expect", async (name) => {
    const c = CASES[name] as Case<RouteName> | undefined;
    if (!c) throw new Error(`no case for route ${name}: add one to CASES`);
    const result = await client.call(name, c.params as RouteParams<typeof name>);
    await c.check(result as never, emu);
  });
});

describe("clock shift through the real client", () => {
  it("corrects the client's clock from the shifted Date header: one refused read, then signed for the server's hour", async () => {
    const emu = await startEmulator({ admin: true });
    const client = new DomainsResellerClient({ endpoint: emu.endpoint, username: DEMO.email, apiKey: DEMO.apiKey, maxRetries: 0 });
    try {
      await admin(emu, "POST", "/clock", { offsetSeconds: 3 * 3600 });
      expect(await client.call("getLock", { domain: "acme-widgets.com" })).toBe("locked");
      expect(client.stats.requestsSent).toBe(2); // the 401 taught the client the server's time
      // Calendar decisions (is a renewal due?) use the server's clock, not ours.
      expect(Math.abs(client.serverNow().getTime() - (Date.now() + 3 * 3600_000))).toBeLessThan(5_000);
      // An order is never retried after a 401, so it only succeeds if the skew was already learnt.
      await client.call("register", { domain: "shifted-clock.com", ...order });
      expect(client.stats.requestsSent).toBe(3);
      expect((await admin(emu, "GET", "/domains/shifted-clock.com")).body.status).toBe("Active");
    } finally {
      await client.close();
      await emu.close();
    }
  });
});
