// Per-domain routes: shapes WHMCS reads, errors that name the field, and one tenant never
// seeing another's domain.
import { describe, expect, it } from "vitest";
import { admin, call, registerParams, sign, start } from "./helpers";

const D = "/domains/acme-widgets.com";

describe("lock", () => {
  it("reads bare JSON strings and locks only on lockstatus=locked", async () => {
    const emu = await start();
    expect((await call(emu, "GET", `${D}/lock`)).text).toBe('"locked"');
    expect((await call(emu, "POST", `${D}/lock`, { domain: "acme-widgets.com", lockstatus: "unlocked" })).body).toEqual({ success: true });
    expect((await call(emu, "GET", `${D}/lock`)).body).toBe("unlocked");
    await call(emu, "POST", `${D}/lock`, { lockstatus: "locked" });
    expect((await call(emu, "GET", `${D}/lock`)).body).toBe("locked");
    await call(emu, "POST", `${D}/lock`, { lockstatus: "1" }); // vicem: any other value unlocks
    expect((await call(emu, "GET", `${D}/lock`)).body).toBe("unlocked");
  });

  it("rejects a save without lockstatus", async () => {
    const emu = await start();
    const r = await call(emu, "POST", `${D}/lock`, { domain: "acme-widgets.com" });
    expect(r).toMatchObject({ status: 400, body: { error: expect.stringMatching(/lockstatus is required/) } });
  });

  it("takes the path domain, percent-decoded and lower-cased, over a body domain", async () => {
    const emu = await start();
    await call(emu, "POST", "/domains/ACME-Widgets.COM/lock", { domain: "acme-widgets.net", lockstatus: "unlocked" });
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body.locked).toBe(false);
    expect((await admin(emu, "GET", "/domains/acme-widgets.net")).body.locked).toBe(false);
    const viaQuery = await call(emu, "GET", "//domains/acme%2Dgadgets.org//lock", undefined, { query: { domain: "acme-gadgets.org" } });
    expect(viaQuery.body).toBe("locked");
  });
});

describe("nameservers", () => {
  it("reads ns1..ns5 with empty strings and saves top-level ns keys", async () => {
    const emu = await start();
    expect((await call(emu, "GET", `${D}/nameservers`)).body).toEqual({ ns1: "ns1.emulator.test", ns2: "ns2.emulator.test", ns3: "", ns4: "", ns5: "" });
    await call(emu, "POST", `${D}/nameservers`, { domain: "acme-widgets.com", ns1: "A.NS.net", ns2: "b.ns.net", ns3: "c.ns.net" });
    expect((await call(emu, "GET", `${D}/nameservers`)).body).toMatchObject({ ns1: "a.ns.net", ns3: "c.ns.net", ns4: "" });
  });

  it.each([
    [{ ns1: "a.ns.net" }, /ns2 is required/],
    [{ ns1: "a.ns.net", ns2: "a.ns.net" }, /distinct/],
    [{ ns1: "a.ns.net", ns2: "bad_host!" }, /not a valid host name/],
  ])("rejects %j", async (params, message) => {
    const emu = await start();
    const r = await call(emu, "POST", `${D}/nameservers`, params);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
    expect((await call(emu, "GET", `${D}/nameservers`)).body.ns1).toBe("ns1.emulator.test");
  });

  it("registers, modifies and deletes private nameservers with their checks", async () => {
    const emu = await start();
    const ok = { success: true };
    expect((await call(emu, "POST", `${D}/nameservers/register`, { nameserver: "ns1.acme-widgets.com", ipaddress: "192.0.2.53" })).body).toEqual(ok);
    expect((await call(emu, "POST", `${D}/nameservers/register`, { nameserver: "ns1.acme-widgets.com", ipaddress: "192.0.2.54" })).body.error).toMatch(/already registered/);
    expect((await call(emu, "POST", `${D}/nameservers/register`, { nameserver: "ns1.other.com", ipaddress: "192.0.2.54" })).body.error).toMatch(/must be a host under/);
    expect((await call(emu, "POST", `${D}/nameservers/register`, { nameserver: "ns2.acme-widgets.com", ipaddress: "300.1.1.1" })).body.error).toMatch(/ipaddress/);
    expect((await call(emu, "POST", `${D}/nameservers/modify`, { nameserver: "ns1.acme-widgets.com", currentipaddress: "192.0.2.99", newipaddress: "2001:db8::53" })).body.error).toMatch(/currentipaddress/);
    expect((await call(emu, "POST", `${D}/nameservers/modify`, { nameserver: "ns1.acme-widgets.com", currentipaddress: "192.0.2.53", newipaddress: "2001:db8::53" })).body).toEqual(ok);
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body.privateNameservers).toEqual([{ nameserver: "ns1.acme-widgets.com", ipaddress: "2001:db8::53" }]);
    expect((await call(emu, "POST", `${D}/nameservers/delete`, { nameserver: "ns1.acme-widgets.com" })).body).toEqual(ok);
    expect((await call(emu, "POST", `${D}/nameservers/delete`, { nameserver: "ns1.acme-widgets.com" })).status).toBe(400);
  });
});

describe("information, sync, eppcode", () => {
  it("emits both status and registrationStatus, with lock and expiry", async () => {
    const emu = await start();
    const info = (await call(emu, "GET", `${D}/information`)).body;
    expect(info).toMatchObject({ domain: "acme-widgets.com", status: "Active", registrationStatus: "Active", transferLock: true, nameservers: ["ns1.emulator.test", "ns2.emulator.test"] });
    expect(info.expiryDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  });

  it("syncs in the WHMCS shape and reports expiry once the clock passes it", async () => {
    const emu = await start();
    await admin(emu, "PATCH", "/domains/acme-widgets.com", { expiryDate: "2020-01-01" });
    expect((await call(emu, "POST", `${D}/sync`, { domain: "acme-widgets.com" })).body).toEqual({ active: false, expired: true, expirydate: "2020-01-01", transferredAway: false });
  });

  it("returns the EPP code", async () => {
    const emu = await start();
    await admin(emu, "PATCH", "/domains/acme-widgets.com", { eppCode: "Secret-123" });
    expect((await call(emu, "GET", `${D}/eppcode`)).body).toEqual({ eppcode: "Secret-123" });
  });
});

describe("release, delete, ID protection", () => {
  it("release needs a transfer tag and marks the domain transferred away", async () => {
    const emu = await start();
    expect((await call(emu, "POST", `${D}/release`, {})).body.error).toMatch(/transfertag is required/);
    expect((await call(emu, "POST", `${D}/release`, { transfertag: "NOMINET" })).body).toEqual({ success: true });
    expect((await call(emu, "POST", `${D}/sync`)).body.transferredAway).toBe(true);
  });

  it("delete request marks the domain pending delete", async () => {
    const emu = await start();
    expect((await call(emu, "POST", `${D}/delete`)).body).toEqual({ success: true });
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body.status).toBe("Pending Delete");
  });

  it("toggles ID protection with status 1/0 and rejects anything else", async () => {
    const emu = await start();
    await call(emu, "POST", `${D}/protectid`, { status: 1 });
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body.idProtection).toBe(true);
    await call(emu, "POST", `${D}/protectid`, { status: 0 });
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body.idProtection).toBe(false);
    expect((await call(emu, "POST", `${D}/protectid`, { status: "yes" })).body.error).toMatch(/status must be 1/);
  });
});

describe("contacts", () => {
  it("reads four WHMCS sections and saves by section and label, any case, underscores allowed", async () => {
    const emu = await start();
    const before = (await call(emu, "GET", `${D}/contact`)).body;
    expect(Object.keys(before)).toEqual(["Registrant", "Technical", "Billing", "Admin"]);
    const r = await call(emu, "POST", `${D}/contact`, { contactdetails: { Registrant: { "First Name": "Grace", Last_Name: "Hopper" }, tech: { "Email Address": "t@x.org" } } });
    expect(r.body).toEqual({ success: true });
    const after = (await call(emu, "GET", `${D}/contact`)).body;
    expect(after.Registrant).toMatchObject({ "First Name": "Grace", "Last Name": "Hopper" });
    expect(after.Technical["Email Address"]).toBe("t@x.org");
  });

  it("keeps no part of a save whose second section is invalid", async () => {
    const emu = await start();
    const r = await call(emu, "POST", `${D}/contact`, { contactdetails: { Registrant: { "First Name": "Partial" }, Admin: { "Email Address": "bad" } } });
    expect(r.status).toBe(400);
    expect((await call(emu, "GET", `${D}/contact`)).body.Registrant["First Name"]).toBe("Demo");
  });

  it.each([
    [{}, /contactdetails is required/],
    [{ contactdetails: { Owner: { "First Name": "x" } } }, /contactdetails\[Owner\] is not one of/],
    [{ contactdetails: { Registrant: { Shoe: "x" } } }, /\[Shoe\] is not a known contact field/],
    [{ contactdetails: { Registrant: { "Email Address": "nope" } } }, /Email Address\] is not a valid e-mail/],
  ])("rejects %j", async (params, message) => {
    const emu = await start();
    const r = await call(emu, "POST", `${D}/contact`, params);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
  });
});

describe("tenancy", () => {
  const routes: [method: "GET" | "POST", route: string][] = [
    ["GET", "lock"], ["POST", "lock"], ["GET", "dns"], ["POST", "dns"], ["GET", "email"], ["POST", "email"], ["GET", "nameservers"], ["POST", "nameservers"],
    ["GET", "information"], ["GET", "eppcode"], ["GET", "contact"], ["POST", "contact"], ["POST", "sync"], ["POST", "transfersync"], ["POST", "release"],
    ["POST", "delete"], ["POST", "protectid"], ["POST", "nameservers/register"], ["POST", "nameservers/modify"], ["POST", "nameservers/delete"],
  ];

  it.each(routes)("%s %s on another reseller's domain answers exactly like a missing one", async (method, route) => {
    const emu = await start();
    await admin(emu, "POST", "/accounts", { email: "rival@example.net", apiKey: "rival-key", credit: "100.00" });
    const as = { email: "rival@example.net", token: sign("rival@example.net", "rival-key", Math.floor(Date.now() / 1000)) };
    const params = { lockstatus: "unlocked", ns1: "a.b.net", ns2: "c.d.net", transfertag: "TAG", status: "0", dnsrecords: "" };
    const theirs = await call(emu, method, `/domains/acme-widgets.com/${route}`, params, as);
    const missing = await call(emu, method, `/domains/no-such-domain.com/${route}`, params, as);
    expect(theirs.status).toBe(404);
    expect(theirs.text).toBe(missing.text);
    expect(theirs.body).toEqual({ error: "Domain not found" });
    const state = (await admin(emu, "GET", "/domains/acme-widgets.com")).body;
    expect(state).toMatchObject({ owner: "demo@example.com", locked: true, status: "Active" });
  });

  it("renewing another reseller's domain is a 404 and costs nothing", async () => {
    const emu = await start();
    await admin(emu, "POST", "/accounts", { email: "rival@example.net", apiKey: "rival-key", credit: "100.00" });
    const r = await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 }, { email: "rival@example.net", apiKey: "rival-key" });
    expect(r.status).toBe(404);
    expect((await admin(emu, "GET", "/accounts")).body.find((a: any) => a.email === "rival@example.net").credit).toBe("100.00");
  });
});

describe("lifecycle", () => {
  type Emu = Awaited<ReturnType<typeof start>>;
  const now = () => Math.floor(Date.now() / 1000);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const params = { lockstatus: "unlocked", ns1: "a.b.net", ns2: "c.d.net", transfertag: "TAG", status: "1", dnsrecords: "", contactdetails: { Registrant: { "First Name": "X" } }, nameserver: "ns1.acme-widgets.com", ipaddress: "192.0.2.1" };
  // Every domain route but the three that report status (information, sync, transfersync).
  const reads: [method: "GET", route: string][] = [["GET", "lock"], ["GET", "dns"], ["GET", "email"], ["GET", "nameservers"], ["GET", "eppcode"], ["GET", "contact"]];
  const writes: [method: "POST", route: string][] = [
    ["POST", "lock"], ["POST", "dns"], ["POST", "email"], ["POST", "nameservers"], ["POST", "contact"], ["POST", "release"], ["POST", "delete"], ["POST", "protectid"],
    ["POST", "nameservers/register"], ["POST", "nameservers/modify"], ["POST", "nameservers/delete"],
  ];
  const info = async (emu: Emu, domain = "acme-widgets.com") => (await call(emu, "GET", `/domains/${domain}/information`)).body;

  it.each(["Transferred Away", "Cancelled"])("a %s domain answers 404 on every domain route, but information still reports it", async (status) => {
    const emu = await start();
    await admin(emu, "PATCH", "/domains/acme-widgets.com", { status });
    for (const [method, route] of [...reads, ...writes]) {
      const r = await call(emu, method, `${D}/${route}`, params);
      expect([route, r.status, r.body]).toEqual([route, 404, { error: "Domain not found" }]);
    }
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 })).status).toBe(404);
    expect(await info(emu)).toMatchObject({ domain: "acme-widgets.com", status, registrationStatus: status });
    expect((await admin(emu, "GET", "/ledger")).body).toEqual([]);
  });

  it("after a release the domain has left: its routes 404 and information says Transferred Away", async () => {
    const emu = await start();
    await call(emu, "POST", `${D}/release`, { transfertag: "NEWREG" });
    expect((await call(emu, "GET", `${D}/dns`)).status).toBe(404);
    expect((await info(emu)).status).toBe("Transferred Away");
  });

  it("a domain pending deletion can be read but every write is refused, naming the pending deletion", async () => {
    const emu = await start();
    await call(emu, "POST", `${D}/delete`);
    for (const [method, route] of reads) expect([route, (await call(emu, method, `${D}/${route}`)).status]).toEqual([route, 200]);
    for (const [method, route] of writes) {
      const r = await call(emu, method, `${D}/${route}`, params);
      expect([route, r.status, r.body.error]).toEqual([route, 400, expect.stringMatching(/acme-widgets\.com is pending deletion/)]);
    }
    expect(await admin(emu, "GET", "/domains/acme-widgets.com").then((r) => r.body)).toMatchObject({ status: "Pending Delete", locked: true, idProtection: false, privateNameservers: [] });
    expect((await info(emu)).status).toBe("Pending Delete");
  });

  it("information turns Expired when the emulator clock passes the expiry date, and the domain still works in grace", async () => {
    const emu = await start();
    const expiry = (await admin(emu, "GET", "/domains/acme-widgets.com")).body.expiryDate;
    const shift = 375 * 86_400; // expiry is a year ahead: this is ~10 days past it, inside grace
    await admin(emu, "POST", "/clock", { offsetSeconds: shift });
    const at = now() + shift;
    const r = await call(emu, "GET", `${D}/information`, undefined, { at });
    expect(r.body).toMatchObject({ status: "Expired", registrationStatus: "Expired", restorable: false, expiryDate: `${expiry}T00:00:00Z` });
    expect((await call(emu, "GET", `${D}/dns`, undefined, { at })).status).toBe(200);
    expect((await call(emu, "POST", `${D}/sync`, undefined, { at })).body).toMatchObject({ active: false, expired: true });
  });

  it("in redemption the domain is restorable, and a renewal restores it to Active", async () => {
    const emu = await start();
    await admin(emu, "PATCH", "/domains/acme-widgets.com", { expiryDate: daysAgo(45) });
    expect(await info(emu)).toMatchObject({ status: "Expired", restorable: true });
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 })).body).toBe("success");
    expect(await info(emu)).toMatchObject({ status: "Active", restorable: false });
  });

  it("past redemption the domain is gone (404, information Expired) and its name can be registered again", async () => {
    const emu = await start();
    await admin(emu, "PATCH", "/domains/acme-widgets.com", { expiryDate: daysAgo(61) });
    expect((await call(emu, "GET", `${D}/lock`)).status).toBe(404);
    expect(await info(emu)).toMatchObject({ status: "Expired", restorable: false });
    expect((await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 })).status).toBe(404);
    expect((await call(emu, "POST", "/domains/lookup", { searchTerm: "acme-widgets", tldsToInclude: [".com"] })).body[0].isAvailable).toBe(true);
    expect((await call(emu, "POST", "/order/domains/register", registerParams("acme-widgets.com"))).body).toBe("success");
    expect(await info(emu)).toMatchObject({ status: "Active" });
    expect((await call(emu, "GET", `${D}/dns`)).body).toEqual([]); // a new registration, not the old zone
  });

  it("a domain flagged restorable is never deleted after expiry", async () => {
    const emu = await start();
    await admin(emu, "PATCH", "/domains/acme-widgets.com", { expiryDate: daysAgo(400), restorable: true });
    expect((await call(emu, "GET", `${D}/lock`)).status).toBe(200);
    expect(await info(emu)).toMatchObject({ status: "Expired", restorable: true });
  });
});

describe("registrar lock by TLD", () => {
  it("refuses a lock change on .co.uk, naming the TLD, and keeps the domain unlocked", async () => {
    const emu = await start();
    for (const lockstatus of ["locked", "unlocked"]) {
      const r = await call(emu, "POST", "/domains/acme-widgets.co.uk/lock", { lockstatus });
      expect(r).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^\.co\.uk domains have no registrar lock/) } });
    }
    expect((await call(emu, "GET", "/domains/acme-widgets.co.uk/lock")).body).toBe("unlocked");
  });

  it("registers a .de domain unlocked and refuses to lock it, naming .de", async () => {
    const emu = await start();
    expect((await call(emu, "POST", "/order/domains/register", registerParams("acme-widgets.de"))).body).toBe("success");
    expect((await call(emu, "GET", "/domains/acme-widgets.de/lock")).body).toBe("unlocked");
    expect((await call(emu, "POST", "/domains/acme-widgets.de/lock", { lockstatus: "locked" })).body.error).toMatch(/^\.de domains have no registrar lock/);
  });
});
