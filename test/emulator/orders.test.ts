// Orders: billing mistakes cost real money, so every charge, refusal and ledger line is checked.
import { describe, expect, it } from "vitest";
import { admin, call, registerParams, start } from "./helpers";

const credits = async (emu: Awaited<ReturnType<typeof start>>) => (await call(emu, "GET", "/billing/credits")).body;

describe("register", () => {
  it("registers, debits price × years and writes the ledger", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/order/domains/register", registerParams("new-shop.com", { regperiod: 2 }));
    expect(r).toMatchObject({ status: 200, body: "success" });
    expect(await credits(emu)).toBe("472.50");
    const ledger = (await admin(emu, "GET", "/ledger")).body;
    expect(ledger).toEqual([expect.objectContaining({ id: 1, account: "demo@example.com", type: "register", domain: "new-shop.com", years: 2, amount: "27.50", balanceAfter: "472.50" })]);
    const state = (await admin(emu, "GET", "/domains/new-shop.com")).body;
    expect(state.nameservers).toEqual(["ns1.example.net", "ns2.example.net"]);
    expect(state.expiryDate).toBe(`${new Date().getUTCFullYear() + 2}${new Date().toISOString().slice(4, 10)}`);
  });

  it("accepts a nameserver list, GO54 nameserverN keys, zipcode/phone aliases and a capitalised role", async () => {
    const emu = await start();
    const { postcode, phonenumber, ...rest } = registerParams("x").contacts as any;
    void postcode; void phonenumber;
    const contacts = { Registrant: { ...rest.registrant, zipcode: "SW1Y 4JH", phone: "+44.2071234567" } };
    delete contacts.Registrant.postcode;
    delete contacts.Registrant.phonenumber;
    const list = await call(emu, "POST", "/order/domains/register", registerParams("list-ns.com", { nameservers: ["ns1.a.net", "ns2.a.net", "ns3.a.net"], contacts }));
    expect(list.body).toBe("success");
    const params = registerParams("go54-ns.com");
    delete params.nameservers;
    const go54 = await call(emu, "POST", "/order/domains/register", { ...params, nameserver1: "ns1.b.net", nameserver2: "ns2.b.net" });
    expect(go54.body).toBe("success");
    expect((await admin(emu, "GET", "/domains/list-ns.com")).body.nameservers).toHaveLength(3);
  });

  it.each([
    ["one nameserver", { nameservers: { ns1: "ns1.a.net" } }, /nameservers: at least 2/],
    ["six nameservers", { nameservers: ["a.n.net", "b.n.net", "c.n.net", "d.n.net", "e.n.net", "f.n.net"] }, /at most 5/],
    ["bad nameserver", { nameservers: ["ns1.a.net", "not a host"] }, /ns2 .* is not a valid host name/],
    ["missing registrant", { contacts: { tech: {} } }, /contacts\[registrant\] is required/],
    ["registrant without email", { contacts: { registrant: { firstname: "A" } } }, /contacts\[registrant\]\[lastname\] is required/],
    ["bad country", { contacts: { registrant: { firstname: "A", lastname: "B", email: "a@b.co", address1: "x", city: "c", postcode: "1", country: "Britain", phonenumber: "+44.1234567" } } }, /\[country\] must be a two-letter/],
    ["regperiod 11", { regperiod: 11 }, /regperiod must be one of/],
    ["unknown TLD", { domain: "shop.example-tld" }, /TLD of "shop.example-tld" is not offered/],
    ["bad domainfields", { domainfields: "Zm9v" }, /domainfields/],
  ])("rejects %s with 400 naming the field and charges nothing", async (_name, extra, message) => {
    const emu = await start();
    const r = await call(emu, "POST", "/order/domains/register", registerParams("fresh-name.com", extra));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
    expect(await credits(emu)).toBe("500.00");
    expect((await admin(emu, "GET", "/ledger")).body).toEqual([]);
  });

  it("refuses a name that is taken, here or elsewhere", async () => {
    const emu = await start();
    for (const name of ["acme-widgets.com", "taken-name.com"]) {
      const r = await call(emu, "POST", "/order/domains/register", registerParams(name));
      expect(r.status).toBe(400);
      expect(r.body.error).toMatch(/not available/);
    }
  });

  it("refuses an order the credit cannot cover with HTTP 500 and changes nothing", async () => {
    const emu = await start();
    await admin(emu, "PUT", "/accounts/demo@example.com/credit", { credit: "10.00" });
    const r = await call(emu, "POST", "/order/domains/register", registerParams("too-dear.com"));
    expect(r).toMatchObject({ status: 500, body: { error: "Reseller does not have enough credits on his account" } });
    expect(await credits(emu)).toBe("10.00");
    expect((await admin(emu, "GET", "/domains/too-dear.com")).status).toBe(404);
    expect((await admin(emu, "GET", "/ledger")).body).toEqual([]);
  });
});

describe("renew", () => {
  it("extends expiry from the current expiry and debits the renewal", async () => {
    const emu = await start();
    await admin(emu, "PATCH", "/domains/acme-widgets.com", { expiryDate: "2030-06-01" });
    const r = await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 1 });
    expect(r.body).toBe("success");
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body.expiryDate).toBe("2031-06-01");
    expect(await credits(emu)).toBe("486.25");
  });

  it("refuses a renewal that would put expiry more than 10 years ahead", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/order/domains/renew", { domain: "acme-widgets.com", regperiod: 10 });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/more than 10 years/);
    expect(await credits(emu)).toBe("500.00");
  });

  it("answers 404 for a domain the reseller does not own", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/order/domains/renew", { domain: "nobody-has.com", regperiod: 1 });
    expect(r).toMatchObject({ status: 404, body: { error: "Domain not found" } });
  });
});

describe("transfer", () => {
  it("stays pending until transfersync after the delay, then completes", async () => {
    const emu = await start({ transferDelaySeconds: 3600 });
    const r = await call(emu, "POST", "/order/domains/transfer", registerParams("moving-in.com", { eppcode: "Xy12-abc!9" }));
    expect(r.body).toBe("success");
    expect((await call(emu, "GET", "/domains/moving-in.com/information")).body.status).toBe("Pending Transfer");
    expect((await call(emu, "POST", "/domains/moving-in.com/transfersync")).body).toEqual({});
    await admin(emu, "POST", "/clock", { offsetSeconds: 3601 });
    // the client's clock moves with the server's, as the hour-stamped token requires
    const done = await call(emu, "POST", "/domains/moving-in.com/transfersync", undefined, { at: Math.floor(Date.now() / 1000) + 3601 });
    expect(done.body).toMatchObject({ completed: true, expirydate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await admin(emu, "GET", "/ledger")).body[0]).toMatchObject({ type: "transfer", amount: "13.75" });
  });

  it("fails at transfersync for an EPP code the losing registrar rejects, and refunds", async () => {
    const emu = await start();
    await call(emu, "POST", "/order/domains/transfer", registerParams("bad-code.com", { eppcode: "invalid-123" }));
    const r = await call(emu, "POST", "/domains/bad-code.com/transfersync");
    expect(r.body).toMatchObject({ failed: true, reason: expect.stringMatching(/EPP/) });
    expect(await credits(emu)).toBe("500.00");
    expect((await admin(emu, "GET", "/ledger")).body.map((e: any) => e.amount)).toEqual(["13.75", "-13.75"]);
  });

  it.each([
    ["no eppcode", {}, /eppcode is required/],
    ["short eppcode", { eppcode: "abc" }, /eppcode must be/],
  ])("rejects %s", async (_n, extra, message) => {
    const emu = await start();
    const r = await call(emu, "POST", "/order/domains/transfer", registerParams("moving-in.com", extra));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
  });

  it("lets a failed transfer be ordered again, charging the new order", async () => {
    const emu = await start();
    await call(emu, "POST", "/order/domains/transfer", registerParams("retry-me.com", { eppcode: "invalid-123" }));
    expect((await call(emu, "POST", "/domains/retry-me.com/transfersync")).body.failed).toBe(true);
    expect((await call(emu, "POST", "/order/domains/transfer", registerParams("retry-me.com", { eppcode: "Right-Code-7" }))).body).toBe("success");
    expect((await call(emu, "GET", "/domains/retry-me.com/information")).body.status).toBe("Pending Transfer");
    expect((await call(emu, "POST", "/domains/retry-me.com/transfersync")).body).toMatchObject({ completed: true });
    expect((await admin(emu, "GET", "/ledger")).body.map((e: any) => e.amount)).toEqual(["13.75", "-13.75", "13.75"]);
    expect(await credits(emu)).toBe("486.25");
  });

  it("lets another reseller transfer in a domain that was transferred away from this one", async () => {
    const emu = await start();
    await call(emu, "POST", "/domains/acme-widgets.com/release", { transfertag: "OTHER" });
    await admin(emu, "POST", "/accounts", { email: "rival@example.net", apiKey: "rival-key", credit: "100.00" });
    const as = { email: "rival@example.net", apiKey: "rival-key" };
    expect((await call(emu, "POST", "/order/domains/transfer", registerParams("acme-widgets.com", { eppcode: "Their-Code-1" }), as)).body).toBe("success");
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body).toMatchObject({ owner: "rival@example.net", status: "Pending Transfer" });
    expect((await call(emu, "GET", "/domains/acme-widgets.com/information")).status).toBe(404); // no longer the demo reseller's
  });

  it("refuses to transfer in a domain this registrar already holds", async () => {
    const emu = await start();
    const r = await call(emu, "POST", "/order/domains/transfer", registerParams("acme-widgets.com", { eppcode: "abcdef12" }));
    expect(r.status).toBe(400);
  });
});
