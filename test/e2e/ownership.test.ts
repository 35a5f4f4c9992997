// Ownership on the real engine, asserted on the account through the signed API (never the state):
// what a program does to a zone and to settings over weeks (a hijacked value, a mode switch, a
// rename with and without --refresh, --replace, a `domain` change, a glitching first read, destroy),
// on domains seeded with records the program never declared. Nothing it did not declare is deleted,
// and destroy gives every domain back as it was found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

type Row = { hostname: string; type: string; address: string; priority?: string };
const rowText = (rows: Row[]) => rows.map((r) => `${r.hostname}/${r.type}/${r.address}${r.priority && r.priority !== "N/A" ? `#${r.priority}` : ""}`).sort();

/** acme-mail.com: every settings kind. `zone` is the DnsRecordSet's extra options; `suffix` renames every resource. */
const mailProgram = ({ suffix = "", mode = "merge", parent = false }: { suffix?: string; mode?: string; parent?: boolean } = {}) => `
import * as pulumi from "@pulumi/pulumi";
import { DnsRecordSet, EmailForwarding, IdProtection, Nameservers, RegistrarLock } from "pulumi-domainsreseller";
${parent ? 'class Mail extends pulumi.ComponentResource { constructor(name: string) { super("acme:Mail", name); } }\nconst opts = { parent: new Mail("mail") };' : "const opts = {};"}
new DnsRecordSet("mail-zone${suffix}", {
  domain: "acme-mail.com",
  mode: "${mode}",
  records: [
    { name: "@", type: "MX", value: "mx1.mailhost.test", priority: 10 }, // found as declared
    { name: "www", type: "CNAME", value: "acme-mail.com" },              // found as declared
    { name: "@", type: "A", value: "192.0.2.21" },                        // replaces 192.0.2.20
    { name: "api", type: "A", value: "192.0.2.77" },                      // new
  ],
}, opts);
new Nameservers("mail-ns${suffix}", { domain: "acme-mail.com", nameservers: ["ns1.cloud.test", "ns2.cloud.test"] }, opts);
new RegistrarLock("mail-lock${suffix}", { domain: "acme-mail.com", locked: false }, opts);
new EmailForwarding("mail-forwards${suffix}", { domain: "acme-mail.com", forwards: [{ from: "info", to: "new-team@acme-corp.example" }] }, opts);
new IdProtection("mail-privacy${suffix}", { domain: "acme-mail.com", enabled: false }, opts);
`;

/** acme-shop.io: a Domain that releases on delete, nameservers and a zone, renamed without aliases. */
const shopProgram = ({ suffix = "", domain = "acme-shop.io" }: { suffix?: string; domain?: string } = {}) => `
import { DnsRecordSet, Domain, Nameservers } from "pulumi-domainsreseller";
new Domain("shop${suffix}", { name: "acme-shop.io", source: "adopt", onDelete: "release", releaseTag: "NEW-REGISTRAR" });
new Nameservers("shop-ns${suffix}", { domain: "acme-shop.io", nameservers: ["ns1.cloud.test", "ns2.cloud.test"] });
new DnsRecordSet("shop-zone${suffix}", { domain: "${domain}", records: [{ name: "shop", type: "CNAME", value: "shops.hosting.test" }, { name: "@", type: "MX", value: "mx.cloud.test", priority: 5 }] });
`;

describe("ownership on the real engine", () => {
  let emulator: TestEmulator;
  let panel: DomainsResellerClient;
  const seeded: Record<string, Record<string, unknown>> = {};
  const DOMAINS = ["acme-mail.com", "acme-shop.io", "acme-widgets.net", "acme-gadgets.org", "acme-widgets.com"];
  const dns = async (domain: string) => rowText((await panel.call("getDns", { domain })) as Row[]);
  const seededDns = (domain: string) => rowText(seeded[domain]?.dns as Row[]);
  const releases = async () => (await emulator.counters())["POST /domains/{domain}/release"] ?? 0;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    for (const d of DOMAINS) seeded[d] = await emulator.domain(d);
    panel = new DomainsResellerClient({ endpoint: emulator.handle.endpoint, username: emulator.account.email, apiKey: emulator.account.apiKey });
  });
  afterAll(async () => {
    await panel?.close();
    await emulator?.close();
  });

  describe("acme-mail.com: every settings kind over weeks", () => {
    let project: Project;
    const applied = () => [
      "@/A/192.0.2.21",
      "@/AAAA/2001:db8::20",
      "@/MX/mx1.mailhost.test#10",
      "@/TXT/v=spf1 include:mailhost.test -all",
      "_dmarc/TXT/v=DMARC1; p=quarantine; rua=mailto:dmarc@acme-mail.com",
      "api/A/192.0.2.77",
      "autodiscover/CNAME/autodiscover.mailhost.test",
      "www/CNAME/acme-mail.com",
    ];
    const settings = async () => ({
      ns: await panel.call("getNameservers", { domain: "acme-mail.com" }),
      lock: await panel.call("getLock", { domain: "acme-mail.com" }),
      forwards: await panel.call("getEmailForwarding", { domain: "acme-mail.com" }),
      privacy: (await panel.call("information", { domain: "acme-mail.com" })).idProtection,
    });
    const declaredSettings = { ns: ["ns1.cloud.test", "ns2.cloud.test"], lock: "unlocked", privacy: false };

    beforeAll(async () => {
      project = createProject("own-mail", mailProgram());
      await configureStack(project, "dev", emulator);
    });
    afterAll(() => project?.cleanup());

    it("up takes the zone over by name and type: the second MX goes (it was found, so it comes back on destroy), the other names stay", async () => {
      await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
      expect(await dns("acme-mail.com")).toEqual(applied());
      expect(await settings()).toMatchObject(declaredSettings);
    });

    it("a value added out of band at a managed name and type is drift: the nightly check fails naming it, and up removes it", async () => {
      const zone = (await panel.call("getDns", { domain: "acme-mail.com" })) as Row[];
      await panel.call("saveDns", { domain: "acme-mail.com", dnsrecords: [...zone, { hostname: "@", type: "A", address: "203.0.113.66", priority: "N/A" }] as never });
      const check = await project.pulumi(["preview", "--refresh", "--diff", "--expect-no-changes", "--non-interactive"]);
      expect(check.code).not.toBe(0);
      expect(check.stdout).toMatch(/- @\/A\/203\.0\.113\.66\s*:/);
      await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
      expect(await dns("acme-mail.com")).toEqual(applied());
    });

    it("renaming every resource (up --refresh, no aliases) changes nothing in the account, hints at aliases, and hands the history over", async () => {
      project.writeProgram(mailProgram({ suffix: "-renamed" }));
      const preview = await project.ok(["preview", "--non-interactive"]);
      expect(`${preview.stdout}\n${preview.stderr}`).toMatch(/Nameservers "mail-ns" leaves the program while "mail-ns-renamed" arrives.*aliases/);
      await emulator.resetCounters();
      await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
      expect(await dns("acme-mail.com")).toEqual(applied());
      expect(await settings()).toMatchObject(declaredSettings);
      const check = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      expect(check.code, check.stdout).toBe(0);
    });

    it("--replace of the zone and the nameservers (with --refresh, which hands the history over) changes nothing in the account", async () => {
      const urns = JSON.parse((await project.ok(["stack", "export"])).stdout).deployment.resources.map((r: { urn: string }) => r.urn) as string[];
      const targets = urns.filter((u) => /::mail-(zone|ns)-renamed$/.test(u));
      expect(targets).toHaveLength(2);
      await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview", ...targets.flatMap((u) => ["--replace", u])]);
      expect(await dns("acme-mail.com")).toEqual(applied());
      expect(await settings()).toMatchObject(declaredSettings);
    });

    it("a move into a component changes nothing in the account either", async () => {
      project.writeProgram(mailProgram({ suffix: "-renamed", parent: true }));
      await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
      expect(await dns("acme-mail.com")).toEqual(applied());
      expect(await settings()).toMatchObject(declaredSettings);
    });

    it("a switch to authoritative names each record it deletes in the preview, then deletes exactly those", async () => {
      project.writeProgram(mailProgram({ suffix: "-renamed", parent: true, mode: "authoritative" }));
      const preview = await project.ok(["preview", "--diff", "--non-interactive"]);
      const text = `${preview.stdout}\n${preview.stderr}`;
      for (const gone of ["@/AAAA/2001:db8::20", "autodiscover/CNAME/autodiscover.mailhost.test", "_dmarc/TXT/v=DMARC1"]) expect(text).toContain(`acme-mail.com ${gone}`);
      expect(text).toMatch(/deletes 4 live records the program never declared/);
      await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
      expect(await dns("acme-mail.com")).toEqual(["@/A/192.0.2.21", "@/MX/mx1.mailhost.test#10", "api/A/192.0.2.77", "www/CNAME/acme-mail.com"]);
    });

    it("destroy gives the domain back exactly as seeded: records, nameservers, lock, forwards, ID protection", async () => {
      await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
      expect(await dns("acme-mail.com")).toEqual(seededDns("acme-mail.com"));
      const now = await emulator.domain("acme-mail.com");
      for (const field of ["nameservers", "locked", "emailForwarding", "idProtection"]) expect(now[field], field).toEqual(seeded["acme-mail.com"]?.[field]);
    });
  });

  describe("acme-shop.io: a release-on-delete Domain, renamed with a plain up; a domain change", () => {
    let project: Project;

    beforeAll(async () => {
      project = createProject("own-shop", shopProgram());
      await configureStack(project, "dev", emulator);
      await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    });
    afterAll(() => project?.cleanup());

    it("changing the zone's domain gives the old domain back as found and takes the new one over as found, and back again", async () => {
      project.writeProgram(shopProgram({ domain: "acme-widgets.net" }));
      const preview = await project.ok(["preview", "--diff", "--non-interactive"]);
      expect(preview.stdout).toMatch(/\+-\S*domainsreseller:DnsRecordSet: \(replace\)/);
      await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
      expect(await dns("acme-shop.io")).toEqual(seededDns("acme-shop.io").filter((r) => !r.startsWith("@/MX/")).concat(["@/MX/mail.acme-shop.io#10"]).sort());
      expect(await dns("acme-widgets.net")).toEqual([...seededDns("acme-widgets.net"), "@/MX/mx.cloud.test#5", "shop/CNAME/shops.hosting.test"].sort());
      project.writeProgram(shopProgram());
      await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
      expect(await dns("acme-widgets.net")).toEqual(seededDns("acme-widgets.net"));
    });

    it("renaming the Domain, its nameservers and zone never releases the domain nor reverts anything", async () => {
      const before = await dns("acme-shop.io");
      project.writeProgram(shopProgram({ suffix: "-renamed" }));
      await emulator.resetCounters();
      await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
      expect(await releases()).toBe(0);
      expect(await emulator.domain("acme-shop.io")).toMatchObject({ status: "Active" });
      expect(await panel.call("getNameservers", { domain: "acme-shop.io" })).toEqual(["ns1.cloud.test", "ns2.cloud.test"]);
      expect(await dns("acme-shop.io")).toEqual(before);
      const check = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      expect(check.code, check.stdout).toBe(0);
    });
  });

  describe("acme-widgets.com: a profile change of each settings kind", () => {
    const widgetsProgram = (profile?: string) => `
import { DnsRecordSet, Nameservers, RegistrarLock } from "pulumi-domainsreseller";
const profile = ${profile === undefined ? "undefined" : JSON.stringify(profile)};
new DnsRecordSet("widgets-zone", { domain: "acme-widgets.com", profile, records: [{ name: "@", type: "A", value: "192.0.2.11" }, { name: "shop", type: "CNAME", value: "shops.hosting.test" }] });
new Nameservers("widgets-ns", { domain: "acme-widgets.com", profile, nameservers: ["ns1.cloud.test", "ns2.cloud.test"] });
new RegistrarLock("widgets-lock", { domain: "acme-widgets.com", profile, locked: false });
`;

    it("moving to another profile of the same account replaces each resource without a revert, and destroy still gives back what was found first", async () => {
      const project = createProject("own-profile", widgetsProgram());
      const applied = [...seededDns("acme-widgets.com").filter((r) => !r.startsWith("@/A/")), "@/A/192.0.2.11", "shop/CNAME/shops.hosting.test"].sort();
      try {
        await configureStack(project, "dev", emulator);
        const profiles = JSON.stringify({ other: { endpoint: emulator.handle.endpoint, username: emulator.account.email, apiKey: emulator.account.apiKey } });
        await project.ok(["config", "set", "--secret", "domainsreseller:profiles"], { stdin: profiles });
        await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
        expect(await dns("acme-widgets.com")).toEqual(applied);
        project.writeProgram(widgetsProgram("other"));
        const preview = await project.ok(["preview", "--non-interactive"]);
        expect(preview.stdout).toMatch(/3 to replace/);
        await emulator.resetCounters();
        await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
        expect(await dns("acme-widgets.com")).toEqual(applied);
        expect(await panel.call("getNameservers", { domain: "acme-widgets.com" })).toEqual(["ns1.cloud.test", "ns2.cloud.test"]);
        expect(await panel.call("getLock", { domain: "acme-widgets.com" })).toBe("unlocked");
        // No write at all: the new resources found everything as declared, the old ones left it to them.
        expect(await emulator.writes()).toBe(0);
        await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
        expect(await dns("acme-widgets.com")).toEqual(seededDns("acme-widgets.com"));
        const now = await emulator.domain("acme-widgets.com");
        expect(now.nameservers).toEqual(seeded["acme-widgets.com"]?.nameservers);
        expect(now.locked).toBe(seeded["acme-widgets.com"]?.locked);
      } finally {
        project.cleanup();
      }
    });
  });

  describe("acme-gadgets.org: a first read that glitches", () => {
    it("an empty first read is confirmed before a new merge set saves: the up fails and nothing is written; the next up keeps every record", async () => {
      const project = createProject("own-glitch", `
import { DnsRecordSet } from "pulumi-domainsreseller";
new DnsRecordSet("gadgets", { domain: "acme-gadgets.org", records: [{ name: "api", type: "A", value: "192.0.2.88" }] });
`);
      try {
        await configureStack(project, "dev", emulator);
        await emulator.admin("POST", "/faults", { route: "GET /domains/{domain}/dns", kind: "emptyList", times: 2 });
        await emulator.resetCounters();
        const failed = await project.pulumi(["up", "--yes", "--non-interactive", "--skip-preview"]);
        expect(failed.code).not.toBe(0);
        expect(`${failed.stdout}\n${failed.stderr}`).toMatch(/two reads of the zone of acme-gadgets\.org in a row disagreed.*Nothing was saved/);
        expect(await emulator.writes()).toBe(0);
        expect(await dns("acme-gadgets.org")).toEqual(seededDns("acme-gadgets.org"));
        await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
        expect(await dns("acme-gadgets.org")).toEqual([...seededDns("acme-gadgets.org"), "api/A/192.0.2.88"].sort());
        await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
        expect(await dns("acme-gadgets.org")).toEqual(seededDns("acme-gadgets.org"));
      } finally {
        await emulator.admin("DELETE", "/faults");
        project.cleanup();
      }
    });
  });
});
