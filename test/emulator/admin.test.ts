// The /__admin contract the end-to-end harness and demo are written against.
import { describe, expect, it } from "vitest";
import { admin, call, registerParams, sign, start } from "./helpers";

describe("admin surface", () => {
  it("is absent (404) unless admin is on", async () => {
    const emu = await start({ admin: false });
    expect((await admin(emu, "GET", "/counters")).status).toBe(404);
    expect((await admin(emu, "POST", "/reset", {})).status).toBe(404);
  });

  it("reset wipes accounts, domains, ledger, counters, faults and the clock, and can reseed", async () => {
    const emu = await start();
    await call(emu, "POST", "/order/domains/register", registerParams("wipe-me.com"));
    await admin(emu, "POST", "/faults", { route: "GET /version", kind: "status", status: 502 });
    await admin(emu, "POST", "/clock", { offsetSeconds: 7200 });
    expect((await admin(emu, "POST", "/reset", {})).status).toBe(200);
    expect((await admin(emu, "GET", "/accounts")).body).toEqual([]);
    expect((await admin(emu, "GET", "/ledger")).body).toEqual([]);
    expect((await admin(emu, "GET", "/counters")).body).toEqual({});
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).status).toBe(404);
    expect((await call(emu, "GET", "/version")).status).toBe(401); // account gone, fault gone
    const seeded = await admin(emu, "POST", "/reset", { seed: { accounts: [{ email: "x@y.org", apiKey: "k", credit: "5.00", domains: [{ domain: "x-y.org" }] }] } });
    expect(seeded.body.accounts).toEqual([{ email: "x@y.org", apiKey: "k" }]);
    const ok = await call(emu, "GET", "/domains/x-y.org/lock", undefined, { email: "x@y.org", apiKey: "k" });
    expect(ok.body).toBe("locked"); // clock offset back to 0: the token for now is accepted
    expect((await admin(emu, "POST", "/reset", { seed: { accounts: [{ email: "bad" }] } })).status).toBe(400);
  });

  it("creates and updates accounts and sets credit", async () => {
    const emu = await start();
    expect((await admin(emu, "POST", "/accounts", { email: "r@x.org", apiKey: "k1", credit: "500.00" })).body).toEqual({ email: "r@x.org", apiKey: "k1", credit: "500.00" });
    await admin(emu, "POST", "/accounts", { email: "r@x.org", apiKey: "k2", credit: "7.5" });
    expect((await call(emu, "GET", "/billing/credits", undefined, { email: "r@x.org", apiKey: "k2" })).body).toBe("7.50");
    expect((await admin(emu, "PUT", "/accounts/r@x.org/credit", { credit: "10.00" })).body.credit).toBe("10.00");
    expect((await admin(emu, "PUT", "/accounts/ghost@x.org/credit", { credit: "1.00" })).status).toBe(404);
    expect((await admin(emu, "POST", "/accounts", { email: "r@x.org", apiKey: "k", credit: "ten" })).status).toBe(400);
  });

  it("seeds a domain with defaults, patches it out of band and shows full state", async () => {
    const emu = await start();
    const created = await admin(emu, "POST", "/domains", { owner: "demo@example.com", domain: "Seeded.COM" });
    expect(created.body).toMatchObject({ domain: "seeded.com", owner: "demo@example.com", status: "Active", locked: true, nameservers: ["ns1.emulator.test", "ns2.emulator.test"], idProtection: false, dns: [], emailForwarding: [] });
    await admin(emu, "PATCH", "/domains/seeded.com", { locked: false, nameservers: ["x.drift.net", "y.drift.net"], dns: [{ hostname: "@", type: "A", address: "198.51.100.7" }], emailForwarding: [{ prefix: "a", forwardto: "b@c.org" }], idProtection: true, status: "Expired" });
    expect((await call(emu, "GET", "/domains/seeded.com/lock")).body).toBe("unlocked");
    expect((await call(emu, "GET", "/domains/seeded.com/nameservers")).body.ns1).toBe("x.drift.net");
    const full = (await admin(emu, "GET", "/domains/seeded.com")).body;
    expect(Object.keys(full)).toEqual(expect.arrayContaining(["owner", "status", "expiryDate", "locked", "nameservers", "dns", "emailForwarding", "idProtection", "contacts", "privateNameservers", "eppCode"]));
    expect(full.dns[0]).toMatchObject({ type: "A", priority: "N/A", recid: expect.any(String) });
    expect((await admin(emu, "POST", "/domains", { owner: "nobody@x.org", domain: "a.com" })).status).toBe(400);
    expect((await admin(emu, "PATCH", "/domains/missing.com", { locked: true })).status).toBe(404);
    expect((await admin(emu, "PATCH", "/domains/seeded.com", { expiryDate: "next year" })).body.error).toMatch(/expiryDate/);
  });

  it("moves a domain to another reseller with PATCH owner, and the old owner loses it", async () => {
    const emu = await start();
    await admin(emu, "POST", "/accounts", { email: "new@x.org", apiKey: "nk", credit: "1.00" });
    expect((await admin(emu, "PATCH", "/domains/acme-widgets.com", { owner: "new@x.org" })).body.owner).toBe("new@x.org");
    expect((await call(emu, "GET", "/domains/acme-widgets.com/lock")).status).toBe(404);
    expect((await call(emu, "GET", "/domains/acme-widgets.com/lock", undefined, { email: "new@x.org", apiKey: "nk" })).body).toBe("locked");
    // re-seeding an existing name with POST replaces it, owner included
    await admin(emu, "POST", "/domains", { owner: "demo@example.com", domain: "acme-widgets.com", locked: false });
    expect((await call(emu, "GET", "/domains/acme-widgets.com/lock")).body).toBe("unlocked");
  });

  it("counts API requests by route template, after routing, excluding admin calls", async () => {
    const emu = await start();
    await call(emu, "GET", "/domains/acme-widgets.com/lock");
    await call(emu, "GET", "/domains/acme-widgets.net/lock");
    await call(emu, "POST", "/domains/acme-widgets.com/lock", { lockstatus: "locked" });
    await call(emu, "GET", "/no/such/route");
    expect((await admin(emu, "GET", "/counters")).body).toEqual({ "GET /domains/{domain}/lock": 2, "POST /domains/{domain}/lock": 1 });
    await admin(emu, "DELETE", "/counters");
    expect((await admin(emu, "GET", "/counters")).body).toEqual({});
  });

  it("moves the clock for expiry and auth", async () => {
    const emu = await start();
    const r = await admin(emu, "POST", "/clock", { offsetSeconds: 20 * 365 * 86400 });
    expect(r.body.offsetSeconds).toBe(20 * 365 * 86400);
    const later = Math.floor(Date.now() / 1000) + 20 * 365 * 86400;
    const sync = await call(emu, "POST", "/domains/acme-widgets.com/sync", undefined, { token: sign("demo@example.com", "demo-api-key-not-secret", later) });
    expect(sync.body).toMatchObject({ expired: true, active: false });
  });

  it("sends a Date header that follows the shifted clock, so clients can correct their skew", async () => {
    const emu = await start();
    const dateOf = async () => Date.parse((await call(emu, "GET", "/version")).headers.get("date") ?? "");
    expect(Math.abs((await dateOf()) - Date.now())).toBeLessThan(5000);
    await admin(emu, "POST", "/clock", { offsetSeconds: 7200 });
    // the call is signed for real time and refused: the Date header of that 401 is what tells a client
    expect(Math.abs((await dateOf()) - (Date.now() + 7_200_000))).toBeLessThan(5000);
    await admin(emu, "POST", "/clock", { offsetSeconds: 0 });
    expect(Math.abs((await dateOf()) - Date.now())).toBeLessThan(5000);
  });

  it("seeds domains a user can adopt: DNS of several types, forwards, nameservers, ID protection on and off", async () => {
    const emu = await start();
    const types = (await call(emu, "GET", "/domains/acme-mail.com/dns")).body.map((r: any) => r.type);
    expect(new Set(types)).toEqual(new Set(["A", "AAAA", "MX", "TXT", "CNAME"]));
    expect((await call(emu, "GET", "/domains/acme-shop.io/dns")).body.map((r: any) => r.type)).toEqual(expect.arrayContaining(["CAA", "SRV", "MX", "TXT", "CNAME"]));
    expect((await call(emu, "GET", "/domains/acme-mail.com/email")).body).toHaveLength(3);
    expect((await call(emu, "GET", "/domains/acme-labs.dev/nameservers")).body).toMatchObject({ ns1: "ns-1.dnshost.test", ns4: "ns-4.dnshost.test", ns5: "" });
    expect((await call(emu, "GET", "/domains/acme-mail.com/information")).body.idProtectionStatus).toBe(true);
    expect((await call(emu, "GET", "/domains/acme-shop.io/information")).body).toMatchObject({ idProtectionStatus: false, transferLock: false });
    expect((await call(emu, "GET", "/domains/acme-widgets.co.uk/lock")).body).toBe("unlocked");
    // the three original domains are as the demo and older tests expect
    expect((await call(emu, "GET", "/domains/acme-widgets.com/dns")).body).toHaveLength(4);
    expect((await call(emu, "GET", "/domains/acme-widgets.net/lock")).body).toBe("unlocked");
  });

  it("sets add-ons, add-on enforcement and restorability with PATCH, and shows them", async () => {
    const emu = await start();
    const r = await admin(emu, "PATCH", "/domains/acme-widgets.com", { addons: { emailforwarding: false }, enforceAddons: true, restorable: true });
    expect(r.body).toMatchObject({ addons: { dnsmanagement: true, emailforwarding: false }, enforceAddons: true, restorable: true });
    expect((await call(emu, "GET", "/domains/acme-widgets.com/information")).body).toMatchObject({ dnsManagementStatus: true, emailForwardingStatus: false });
    expect((await admin(emu, "PATCH", "/domains/acme-widgets.com", { addons: { idprotection: true } })).status).toBe(400);
  });
});

describe("faults", () => {
  const route = "POST /domains/{domain}/lock";
  const lock = (emu: Awaited<ReturnType<typeof start>>) => call(emu, "POST", "/domains/acme-widgets.com/lock", { lockstatus: "unlocked" });
  const locked = async (emu: Awaited<ReturnType<typeof start>>) => (await admin(emu, "GET", "/domains/acme-widgets.com")).body.locked;

  it("status: answers the status the given number of times, without touching state", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route, kind: "status", status: 503, retryAfter: 2, times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await lock(emu);
      expect(r.status).toBe(503);
      expect(r.headers.get("retry-after")).toBe("2");
      expect(await locked(emu)).toBe(true);
    }
    expect((await lock(emu)).status).toBe(200);
    expect(await locked(emu)).toBe(false);
  });

  it("rateLimit: 429 with Retry-After", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route: "*", kind: "rateLimit", retryAfter: 3, times: 1 });
    const r = await call(emu, "GET", "/version");
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("3");
  });

  it("latency: delays the answer and still applies the change", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route, kind: "latency", ms: 300, times: 1 });
    const t = Date.now();
    expect((await lock(emu)).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    expect(await locked(emu)).toBe(false);
  });

  it("reset: drops the connection with no answer", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route, kind: "reset", times: 1 });
    await expect(lock(emu)).rejects.toThrow();
    expect(await locked(emu)).toBe(true);
  });

  it("malformed: a 200 that is not JSON", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route, kind: "malformed", times: 1 });
    const r = await lock(emu);
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it("error200: a 200 whose body carries an error", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route, kind: "error200" });
    const r = await lock(emu);
    expect(r.status).toBe(200);
    expect(r.body.error).toMatch(/Injected/);
    expect(await locked(emu)).toBe(true);
  });

  it("ignore: a 200 success that changes nothing", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route, kind: "ignore", times: 1 });
    const r = await lock(emu);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ success: true });
    expect(await locked(emu)).toBe(true);
  });

  it("only hits its route, and DELETE clears every fault", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route, kind: "status", status: 500 });
    expect((await call(emu, "GET", "/domains/acme-widgets.com/lock")).status).toBe(200);
    expect((await lock(emu)).status).toBe(500);
    await admin(emu, "DELETE", "/faults");
    expect((await lock(emu)).status).toBe(200);
  });

  it("rejects a fault of an unknown kind or malformed route", async () => {
    const emu = await start();
    expect((await admin(emu, "POST", "/faults", { route, kind: "explode" })).status).toBe(400);
    expect((await admin(emu, "POST", "/faults", { route: "lock", kind: "status" })).body.error).toMatch(/route/);
  });
});

// Faults that fire after the handler committed: the order went through, the answer did not. A
// client that reads such a failure as "nothing happened" and resends pays twice; the emulator
// must show the change applied exactly once so that mistake is visible.
describe("after-handler faults", () => {
  type Emu = Awaited<ReturnType<typeof start>>;
  const AFTER = [
    { kind: "resetAfter", fault: {}, sees: "a dropped connection" },
    { kind: "hangAfter", fault: { ms: 150 }, sees: "no answer, then a dropped connection" },
    { kind: "statusAfter", fault: {}, sees: "a 504 gateway page" },
  ] as const;

  const state = async (emu: Emu, domain: string) => (await admin(emu, "GET", `/domains/${domain}`)).body;
  const ledgerFor = async (emu: Emu, domain: string) => (await admin(emu, "GET", "/ledger")).body.filter((e: any) => e.domain === domain);

  // route template → the request, and what "applied exactly once" looks like afterwards.
  const ONCE: { route: string; send: (emu: Emu) => Promise<unknown>; appliedOnce: (emu: Emu) => Promise<void> }[] = [
    {
      route: "POST /order/domains/register",
      send: (emu) => call(emu, "POST", "/order/domains/register", registerParams("lost-answer.com")),
      appliedOnce: async (emu) => {
        expect(await ledgerFor(emu, "lost-answer.com")).toEqual([expect.objectContaining({ type: "register", amount: "13.75" })]);
        // resending after the lost answer is refused, not charged again
        expect((await call(emu, "POST", "/order/domains/register", registerParams("lost-answer.com"))).body.error).toMatch(/not available/);
        expect(await ledgerFor(emu, "lost-answer.com")).toHaveLength(1);
      },
    },
    {
      route: "POST /order/domains/transfer",
      send: (emu) => call(emu, "POST", "/order/domains/transfer", registerParams("lost-transfer.com", { eppcode: "Good-Code-1" })),
      appliedOnce: async (emu) => {
        expect(await ledgerFor(emu, "lost-transfer.com")).toEqual([expect.objectContaining({ type: "transfer", amount: "13.75" })]);
        expect((await state(emu, "lost-transfer.com")).status).toBe("Pending Transfer");
        expect((await call(emu, "POST", "/order/domains/transfer", registerParams("lost-transfer.com", { eppcode: "Good-Code-1" }))).status).toBe(400);
        expect(await ledgerFor(emu, "lost-transfer.com")).toHaveLength(1);
      },
    },
    {
      route: "POST /order/domains/renew",
      send: async (emu) => {
        await admin(emu, "PATCH", "/domains/acme-widgets.com", { expiryDate: "2030-06-01" });
        return call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 });
      },
      appliedOnce: async (emu) => {
        expect(await ledgerFor(emu, "acme-widgets.com")).toEqual([expect.objectContaining({ type: "renew", amount: "13.75", balanceAfter: "486.25" })]);
        expect((await state(emu, "acme-widgets.com")).expiryDate).toBe("2031-06-01");
      },
    },
    {
      route: "POST /domains/{domain}/release",
      send: (emu) => call(emu, "POST", "/domains/acme-widgets.com/release", { transfertag: "NEWTAG" }),
      appliedOnce: async (emu) => {
        expect(await state(emu, "acme-widgets.com")).toMatchObject({ status: "Transferred Away", transferTag: "NEWTAG" });
        expect((await call(emu, "POST", "/domains/acme-widgets.com/release", { transfertag: "NEWTAG" })).status).toBe(404);
      },
    },
    {
      route: "POST /domains/{domain}/delete",
      send: (emu) => call(emu, "POST", "/domains/acme-widgets.com/delete"),
      appliedOnce: async (emu) => {
        expect((await state(emu, "acme-widgets.com")).status).toBe("Pending Delete");
        expect((await call(emu, "POST", "/domains/acme-widgets.com/delete")).body.error).toMatch(/pending deletion/);
      },
    },
    {
      route: "POST /domains/{domain}/protectid",
      send: (emu) => call(emu, "POST", "/domains/acme-widgets.com/protectid", { status: 1 }),
      appliedOnce: async (emu) => expect((await state(emu, "acme-widgets.com")).idProtection).toBe(true),
    },
    {
      route: "POST /domains/{domain}/contact",
      send: (emu) => call(emu, "POST", "/domains/acme-widgets.com/contact", { contactdetails: { Registrant: { "First Name": "Grace" } } }),
      appliedOnce: async (emu) => expect((await state(emu, "acme-widgets.com")).contacts.Registrant["First Name"]).toBe("Grace"),
    },
    {
      route: "POST /domains/{domain}/nameservers/register",
      send: (emu) => call(emu, "POST", "/domains/acme-widgets.com/nameservers/register", { nameserver: "ns9.acme-widgets.com", ipaddress: "192.0.2.99" }),
      appliedOnce: async (emu) => {
        expect((await state(emu, "acme-widgets.com")).privateNameservers).toEqual([{ nameserver: "ns9.acme-widgets.com", ipaddress: "192.0.2.99" }]);
        expect((await call(emu, "POST", "/domains/acme-widgets.com/nameservers/register", { nameserver: "ns9.acme-widgets.com", ipaddress: "192.0.2.99" })).body.error).toMatch(/already registered/);
      },
    },
    {
      route: "POST /domains/{domain}/nameservers/modify",
      send: (emu) => call(emu, "POST", "/domains/acme-labs.dev/nameservers/modify", { nameserver: "ns1.acme-labs.dev", currentipaddress: "192.0.2.53", newipaddress: "192.0.2.153" }),
      appliedOnce: async (emu) => expect((await state(emu, "acme-labs.dev")).privateNameservers[0]).toEqual({ nameserver: "ns1.acme-labs.dev", ipaddress: "192.0.2.153" }),
    },
    {
      route: "POST /domains/{domain}/nameservers/delete",
      send: (emu) => call(emu, "POST", "/domains/acme-labs.dev/nameservers/delete", { nameserver: "ns2.acme-labs.dev" }),
      appliedOnce: async (emu) => expect((await state(emu, "acme-labs.dev")).privateNameservers.map((p: any) => p.nameserver)).toEqual(["ns1.acme-labs.dev"]),
    },
  ];

  const cases = AFTER.flatMap((a) => ONCE.map((o) => [a.kind, o.route, a, o] as const));
  it.each(cases)("%s on %s: the client sees a failure, the change is applied exactly once", async (_kind, _route, after, once) => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route: once.route, kind: after.kind, times: 1, ...after.fault });
    const seen = await once.send(emu).then(
      (r) => r as { status: number; text: string; headers: Headers },
      () => "dropped" as const,
    );
    if (after.kind === "statusAfter") {
      expect(seen).not.toBe("dropped");
      const r = seen as { status: number; text: string; headers: Headers };
      expect(r.status).toBe(504);
      expect(r.headers.get("content-type")).toMatch(/text\/html/);
      expect(r.text).toMatch(/504 Gateway Time-out/);
    } else expect(seen).toBe("dropped");
    await once.appliedOnce(emu);
  });

  it("hangAfter without ms holds the answer until the client gives up, with the change already made", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route: "POST /domains/{domain}/lock", kind: "hangAfter", times: 1 });
    const started = Date.now();
    const gaveUp = await call(emu, "POST", "/domains/acme-widgets.com/lock", { lockstatus: "unlocked" }, { signal: AbortSignal.timeout(300) }).then(
      () => false,
      () => true,
    );
    expect(gaveUp).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body.locked).toBe(false);
  });

  it("closing the emulator ends a request hung by hangAfter at once, not after its 30 s", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route: "GET /version", kind: "hangAfter", ms: 60_000 });
    const pending = call(emu, "GET", "/version").then(
      () => "answered",
      () => "dropped",
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // the request is in and hanging
    const started = Date.now();
    await emu.close();
    expect(await pending).toBe("dropped");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("statusAfter takes the status and Retry-After given", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route: "POST /domains/{domain}/lock", kind: "statusAfter", status: 502, retryAfter: 7, times: 1 });
    const r = await call(emu, "POST", "/domains/acme-widgets.com/lock", { lockstatus: "unlocked" });
    expect(r.status).toBe(502);
    expect(r.headers.get("retry-after")).toBe("7");
    expect(r.text).toMatch(/502 Bad Gateway/);
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body.locked).toBe(false);
    expect((await call(emu, "POST", "/domains/acme-widgets.com/lock", { lockstatus: "locked" })).status).toBe(200); // times: 1 used up
  });
});
