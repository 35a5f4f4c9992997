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
