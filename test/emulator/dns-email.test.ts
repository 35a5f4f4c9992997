// Whole-list saves: a save that drops, duplicates or mangles rows breaks real zones.
import { describe, expect, it } from "vitest";
import { admin, call, registerParams, start } from "./helpers";

const D = "/domains/acme-widgets.com";

describe("DNS", () => {
  it("replaces the whole set, skips the blank row, keeps recids and assigns new ones", async () => {
    const emu = await start();
    const before = (await call(emu, "GET", `${D}/dns`)).body;
    expect(before).toHaveLength(4);
    const keep = before[0];
    const r = await call(emu, "POST", `${D}/dns`, {
      dnsrecords: [
        keep,
        { hostname: "mail", type: "mx", address: "mx.example.net", priority: 20 },
        { hostname: "", type: "", address: "", priority: "N/A" },
        { hostname: "_sip._tcp", type: "SRV", address: "5 5060 sip.example.net", priority: "10" },
        { hostname: "@", type: "CAA", address: '0 issue "letsencrypt.org"', priority: "N/A" },
        { hostname: "v6", type: "AAAA", address: "2001:db8::1" },
        { hostname: "go", type: "URL", address: "https://example.org/x" },
        { hostname: "sub", type: "NS", address: "ns.example.net" },
      ],
    });
    expect(r.body).toEqual({ success: true });
    const after = (await call(emu, "GET", `${D}/dns`)).body;
    expect(after).toHaveLength(7);
    expect(after[0]).toEqual(keep);
    expect(after[1]).toMatchObject({ type: "MX", priority: "20" });
    expect(after[4]).toMatchObject({ type: "AAAA", priority: "N/A" });
    const ids = after.map((x: any) => x.recid);
    expect(new Set(ids).size).toBe(7);
  });

  it("clears the set with an empty dnsrecords", async () => {
    const emu = await start();
    await call(emu, "POST", `${D}/dns`, undefined, { rawBody: "dnsrecords=" });
    expect((await call(emu, "GET", `${D}/dns`)).body).toEqual([]);
  });

  it.each([
    [{ hostname: "@", type: "A", address: "2001:db8::1" }, /dnsrecords\[0\]\[address\] .* is not an IPv4/],
    [{ hostname: "@", type: "AAAA", address: "192.0.2.1" }, /not an IPv6/],
    [{ hostname: "www", type: "CNAME", address: "not a host" }, /not a host name/],
    [{ hostname: "@", type: "MX", address: "mx.example.net", priority: "N/A" }, /dnsrecords\[0\]\[priority\] must be a number/],
    [{ hostname: "@", type: "SRV", address: "5 sip.example.net", priority: "1" }, /weight port target/],
    [{ hostname: "@", type: "CAA", address: "issue letsencrypt.org" }, /flags tag/],
    [{ hostname: "@", type: "URL", address: "ftp://x" }, /not an http/],
    [{ hostname: "@", type: "SPF", address: "v=spf1" }, /dnsrecords\[0\]\[type\] "SPF" is not one of/],
    [{ hostname: "bad host", type: "A", address: "192.0.2.1" }, /\[hostname\]/],
    [{ hostname: "www", type: "A", address: "" }, /\[address\] is required/],
  ])("rejects %j and keeps the old set", async (row, message) => {
    const emu = await start();
    const r = await call(emu, "POST", `${D}/dns`, { dnsrecords: [row] });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
    expect((await call(emu, "GET", `${D}/dns`)).body).toHaveLength(4);
  });

  it("rejects a save without dnsrecords", async () => {
    const emu = await start();
    expect((await call(emu, "POST", `${D}/dns`, { domain: "acme-widgets.com" })).body.error).toMatch(/dnsrecords is required/);
  });
});

describe("e-mail forwarding", () => {
  it("saves parallel prefix/forwardto arrays as the whole list, skipping blank rows", async () => {
    const emu = await start();
    await call(emu, "POST", `${D}/email`, { domain: "acme-widgets.com", prefix: ["info", "", "Sales"], forwardto: ["me@example.org", "", "team+sales@example.org"] });
    expect((await call(emu, "GET", `${D}/email`)).body).toEqual([
      { prefix: "info", forwardto: "me@example.org" },
      { prefix: "sales", forwardto: "team+sales@example.org" },
    ]);
    await call(emu, "POST", `${D}/email`, { prefix: ["only"], forwardto: ["o@example.org"] });
    expect((await call(emu, "GET", `${D}/email`)).body).toEqual([{ prefix: "only", forwardto: "o@example.org" }]);
    await call(emu, "POST", `${D}/email`, { domain: "acme-widgets.com" });
    expect((await admin(emu, "GET", "/domains/acme-widgets.com")).body.emailForwarding).toEqual([]);
  });

  it.each([
    [{ prefix: ["info"], forwardto: [""] }, /forwardto\[0\] is required/],
    [{ prefix: [""], forwardto: ["a@b.org"] }, /prefix\[0\] is required/],
    [{ prefix: ["info"], forwardto: ["not-an-address"] }, /forwardto\[0\] .* not a valid e-mail/],
    [{ prefix: ["a", "a"], forwardto: ["a@b.org", "c@d.org"] }, /appears twice/],
  ])("rejects %j", async (params, message) => {
    const emu = await start();
    const r = await call(emu, "POST", `${D}/email`, params);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
  });
});

describe("add-ons", () => {
  it("by default serves DNS and forwarding for a domain ordered without the add-ons (the reference does not say servers refuse)", async () => {
    const emu = await start();
    await call(emu, "POST", "/order/domains/register", registerParams("no-addons.com", { addons: { dnsmanagement: 0, emailforwarding: 0 } }));
    expect((await call(emu, "GET", "/domains/no-addons.com/dns")).body).toEqual([]);
    expect((await call(emu, "POST", "/domains/no-addons.com/email", { prefix: ["a"], forwardto: ["a@b.org"] })).body).toEqual({ success: true });
  });

  it("with enforceAddons refuses /dns without DNS Management and /email without Email Forwarding, naming the add-on", async () => {
    const emu = await start();
    await admin(emu, "POST", "/domains", { owner: "demo@example.com", domain: "strict.com", enforceAddons: true, addons: { dnsmanagement: false, emailforwarding: true }, dns: [{ hostname: "@", type: "A", address: "192.0.2.1" }] });
    for (const method of ["GET", "POST"] as const) {
      const r = await call(emu, method, "/domains/strict.com/dns", { dnsrecords: "" });
      expect(r).toMatchObject({ status: 400, body: { error: expect.stringMatching(/strict\.com does not have the DNS Management add-on/) } });
    }
    expect((await admin(emu, "GET", "/domains/strict.com")).body.dns).toHaveLength(1);
    expect((await call(emu, "GET", "/domains/strict.com/email")).status).toBe(200);
    await admin(emu, "PATCH", "/domains/strict.com", { addons: { dnsmanagement: true, emailforwarding: false } });
    expect((await call(emu, "GET", "/domains/strict.com/dns")).status).toBe(200);
    expect((await call(emu, "POST", "/domains/strict.com/email", { prefix: ["a"], forwardto: ["a@b.org"] })).body.error).toMatch(/Email Forwarding add-on/);
  });
});
