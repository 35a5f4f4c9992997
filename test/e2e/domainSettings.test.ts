// The five settings resources and RegistrarLock in one stack on the real Pulumi engine against the
// emulator: adopt → a second `up` with zero writes → out-of-band changes through the signed API (as
// someone in the registrar's panel) → the drift check fails naming each changed property → `up
// --refresh` converges → the drift check passes → `destroy` gives every domain back exactly as found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const PROGRAM = `
import { DnsRecordSet, EmailForwarding, IdProtection, Nameservers, PrivateNameserver, RegistrarLock } from "pulumi-domainsreseller";

// acme-shop.io: merge mode. The set owns @/A, www/CNAME, @/MX and api/AAAA (every value there: the
// second @ A record goes, and comes back on destroy); its CAA, SRV and TXT records are not its to touch.
// The CNAME and the MX were there before it: destroy leaves them.
const shopZone = new DnsRecordSet("shop-zone", {
  domain: "acme-shop.io",
  records: [
    { name: "@", type: "A", value: "192.0.2.30" },
    { name: "WWW", type: "CNAME", value: "shops.hosting.test." },
    { name: "@", type: "MX", value: "mail.acme-shop.io", priority: 10 },
    { name: "api", type: "AAAA", value: "2001:DB8:0::77" },
  ],
});
// A second merge set on the same domain, with records of its own: the two must not undo each other.
new DnsRecordSet("shop-verification", {
  domain: "acme-shop.io",
  records: [{ name: "_acme-challenge", type: "TXT", value: "token-123" }],
});
// acme-widgets.co.uk: authoritative, so the TXT record found there is removed, and put back on destroy;
// the A and MX records it declares were there before it, so destroy leaves them.
const ukZone = new DnsRecordSet("uk-zone", {
  domain: "acme-widgets.co.uk",
  mode: "authoritative",
  records: [
    { name: "@", type: "A", value: "192.0.2.40" },
    { name: "@", type: "MX", value: "mail.acme-widgets.co.uk", priority: 5 },
  ],
});
new Nameservers("mail-ns", { domain: "acme-mail.com", nameservers: ["ns1.cloud.test", "ns2.cloud.test"] });
new EmailForwarding("mail-forwards", { domain: "acme-mail.com", forwards: [{ from: "info", to: "team@acme-corp.example" }, { from: "*", to: "catchall@acme-corp.example" }] });
new IdProtection("shop-privacy", { domain: "acme-shop.io", enabled: true });
new PrivateNameserver("labs-glue", { domain: "acme-labs.dev", host: "ns3.acme-labs.dev", ip: "192.0.2.54" });
new RegistrarLock("shop-lock", { domain: "acme-shop.io", locked: true });

export const shopRecords = shopZone.records;
export const ukFound = ukZone.found;
`;

const CONFLICT = `
import { Nameservers } from "pulumi-domainsreseller";
new Nameservers("first", { domain: "acme-mail.com", nameservers: ["ns1.a.test", "ns2.a.test"] });
new Nameservers("second", { domain: "ACME-mail.com", nameservers: ["ns1.b.test", "ns2.b.test"] });
`;

type Row = { hostname: string; type: string; address: string };
const rowText = (rows: Row[]) => rows.map((r) => `${r.hostname}/${r.type}/${r.address}`).sort();

describe("domain settings on the real engine", () => {
  let emulator: TestEmulator;
  let project: Project;
  let panel: DomainsResellerClient;
  const seeded: Record<string, Record<string, unknown>> = {};
  const DOMAINS = ["acme-shop.io", "acme-widgets.co.uk", "acme-mail.com", "acme-labs.dev"];

  beforeAll(async () => {
    emulator = await startTestEmulator();
    for (const d of DOMAINS) seeded[d] = await emulator.domain(d);
    panel = new DomainsResellerClient({ endpoint: emulator.handle.endpoint, username: emulator.account.email, apiKey: emulator.account.apiKey });
    project = createProject("settings", PROGRAM);
    await configureStack(project, "dev", emulator);
  });

  afterAll(async () => {
    project?.cleanup();
    await panel?.close();
    await emulator?.close();
  });

  it("up adopts every domain and applies the declared settings", async () => {
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    const shop = rowText((await panel.call("getDns", { domain: "acme-shop.io" })) as Row[]);
    expect(shop).toContain("api/AAAA/2001:db8::77");
    expect(shop).toContain('@/CAA/0 issue "letsencrypt.org"'); // unmanaged: untouched
    expect(shop).toContain("_acme-challenge/TXT/token-123"); // the other merge set's record
    expect(rowText((await panel.call("getDns", { domain: "acme-widgets.co.uk" })) as Row[])).toEqual(["@/A/192.0.2.40", "@/MX/mail.acme-widgets.co.uk"]);
    expect(await panel.call("getNameservers", { domain: "acme-mail.com" })).toEqual(["ns1.cloud.test", "ns2.cloud.test"]);
    expect(await panel.call("getEmailForwarding", { domain: "acme-mail.com" })).toHaveLength(2);
    expect((await panel.call("information", { domain: "acme-shop.io" })).idProtection).toBe(true);
    expect(await panel.call("getLock", { domain: "acme-shop.io" })).toBe("locked");
    const outputs = JSON.parse((await project.ok(["stack", "output", "--json"])).stdout);
    expect(Object.keys(outputs.shopRecords).sort()).toEqual(["@/A/192.0.2.30", "@/MX/mail.acme-shop.io", "api/AAAA/2001:db8::77", "www/CNAME/shops.hosting.test"]);
    // Authoritative: the whole zone as found; merge: what was found at each name and type it took over.
    expect(outputs.ukFound.map((r: Row) => r.type).sort()).toEqual(["A", "MX", "TXT"]);
    expect(shop).not.toContain("@/A/192.0.2.31"); // another value at a declared name and type
  });

  it("a second up reports no changes, the drift check passes, and neither sends a write call", async () => {
    await emulator.resetCounters();
    const result = await project.ok(["up", "--yes", "--non-interactive", "--expect-no-changes"]);
    expect(result.stdout).toMatch(/10 unchanged/); // with the stack guard
    // The two merge sets on acme-shop.io counted each other's records as unmanaged at different
    // moments; a refresh that updates those counts is not drift.
    await emulator.resetCounters();
    const check = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    expect(check.code, check.stdout).toBe(0);
    expect(await emulator.writes()).toBe(0);
    // One read per route and domain however many resources and steps ask (runtime/sharedReads.ts):
    // two record sets on acme-shop.io, each refreshed and checked, read its zone once.
    expect(await emulator.counters()).toEqual({
      "GET /domains/{domain}/dns": 2, // acme-shop.io, acme-widgets.co.uk
      "GET /domains/{domain}/nameservers": 1,
      "GET /domains/{domain}/information": 2, // ID protection of acme-shop.io, the glue of acme-labs.dev
      "GET /domains/{domain}/lock": 1,
      "GET /domains/{domain}/email": 1,
    });
  });

  it("a preview of the unchanged program makes no API call at all", async () => {
    await emulator.resetCounters();
    await project.ok(["preview", "--expect-no-changes", "--non-interactive"]);
    expect(await emulator.counters()).toEqual({});
  });

  it("changes made in the registrar's panel fail the drift check, naming each changed property", async () => {
    const shopDns = (await panel.call("getDns", { domain: "acme-shop.io" })) as Row[];
    // Someone edits the apex A record (192.0.2.30 → .99) and adds a record to the authoritative zone.
    await panel.call("saveDns", { domain: "acme-shop.io", dnsrecords: shopDns.map((r) => (r.address === "192.0.2.30" ? { ...r, address: "192.0.2.99" } : r)) as never });
    const ukDns = (await panel.call("getDns", { domain: "acme-widgets.co.uk" })) as Row[];
    await panel.call("saveDns", { domain: "acme-widgets.co.uk", dnsrecords: [...ukDns, { hostname: "test", type: "A", address: "192.0.2.41", priority: "N/A" }] as never });
    await panel.call("saveNameservers", { domain: "acme-mail.com", ns1: "ns1.cloud.test", ns2: "ns9.elsewhere.test" });
    await panel.call("saveEmailForwarding", { domain: "acme-mail.com", prefix: ["info"], forwardto: ["someone@else.example"] });
    await panel.call("setIdProtection", { domain: "acme-shop.io", status: false });
    await panel.call("saveLock", { domain: "acme-shop.io", lockstatus: "unlocked" });

    const result = await project.pulumi(["preview", "--refresh", "--diff", "--expect-no-changes", "--non-interactive"]);
    expect(result.code).not.toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/\+ @\/A\/192\.0\.2\.30\s*:/); // the record that changed, by name
    expect(out).toMatch(/- @\/A\/192\.0\.2\.99\s*:/); // the value it was changed to: drift at a managed name and type
    expect(out).toMatch(/- test\/A\/192\.0\.2\.41\s*:/); // the one added to an authoritative zone
    expect(out).toMatch(/ns9\.elsewhere\.test/);
    expect(out).toMatch(/someone@else\.example/);
    expect(out).toMatch(/~\s+enabled\s*:\s*false\s*=>\s*true/);
    expect(out).toMatch(/~\s+locked\s*:\s*false\s*=>\s*true/);
    expect(`${out}\n${result.stderr}`).toMatch(/cannot list private nameservers/);
  });

  it("up --refresh converges, and the drift check then passes", async () => {
    await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
    const shop = rowText((await panel.call("getDns", { domain: "acme-shop.io" })) as Row[]);
    expect(shop).toContain("@/A/192.0.2.30");
    expect(shop).not.toContain("@/A/192.0.2.99"); // a value changed at a managed name and type is repaired
    expect(shop).toContain('@/CAA/0 issue "letsencrypt.org"');
    expect(shop).toContain("_acme-challenge/TXT/token-123");
    expect(rowText((await panel.call("getDns", { domain: "acme-widgets.co.uk" })) as Row[])).toEqual(["@/A/192.0.2.40", "@/MX/mail.acme-widgets.co.uk"]);
    expect(await panel.call("getNameservers", { domain: "acme-mail.com" })).toEqual(["ns1.cloud.test", "ns2.cloud.test"]);
    const again = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    expect(again.code, again.stdout).toBe(0);
  });

  it("destroy gives every domain back exactly as it was found, records declared over pre-existing ones included", async () => {
    await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    const mail = await emulator.domain("acme-mail.com");
    expect(mail.nameservers).toEqual(seeded["acme-mail.com"]?.nameservers);
    expect(mail.emailForwarding).toEqual(seeded["acme-mail.com"]?.emailForwarding);
    const shop = await emulator.domain("acme-shop.io");
    expect(shop.idProtection).toBe(false);
    expect(shop.locked).toBe(false);
    // Its own records go (api AAAA, the verification TXT); the second @ A it replaced comes back; the
    // CNAME and MX it declared over records already there stay; the drifted value it repaired does not return.
    expect(rowText(shop.dns as Row[])).toEqual(rowText(seeded["acme-shop.io"]?.dns as Row[]));
    // Authoritative: the zone as found, the TXT it removed at takeover included.
    expect(rowText((await emulator.domain("acme-widgets.co.uk")).dns as Row[])).toEqual(rowText(seeded["acme-widgets.co.uk"]?.dns as Row[]));
    const glue = ((await emulator.domain("acme-labs.dev")).privateNameservers as { nameserver: string }[]).map((g) => g.nameserver);
    expect(glue).not.toContain("ns3.acme-labs.dev");
  });

  it("the whole lifecycle placed no order", async () => {
    expect(await emulator.ledger()).toEqual([]);
  });

  it("two resources managing one setting fail the preview naming both, before any API call", async () => {
    const conflict = createProject("conflict", CONFLICT);
    try {
      await configureStack(conflict, "dev", emulator);
      await emulator.resetCounters();
      const result = await conflict.pulumi(["preview", "--non-interactive"]);
      expect(result.code).not.toBe(0);
      expect(`${result.stdout}\n${result.stderr}`).toMatch(/Nameservers "first" and Nameservers "second" both manage the Nameservers of acme-mail\.com/);
      expect(await emulator.writes()).toBe(0);
    } finally {
      conflict.cleanup();
    }
  });
});
