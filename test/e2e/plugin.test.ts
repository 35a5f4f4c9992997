// The provider plugin (bin/pulumi-resource-domainsreseller) on the real engine against the emulator:
// a YAML program of every kind over weeks (no-op, drift made through the signed API, refresh,
// destroy), `pulumi import` of every kind into a YAML and a Node program, and a Node stack moved
// from the dynamic resources to the plugin. The account is asserted through the signed API.
//
// The engine finds the plugin through `plugins.providers` in Pulumi.yaml, pointing at the
// repository's bin/: that runs this checkout's dist/ with no install into the plugin cache and no
// version to match, and it is what a user does with a plugin they have not installed. (An
// executable on PATH is also found, but the engine then warns on every run that it uses an ambient
// plugin, and the folder would have to go on the PATH of every command.)
//
// Every project is made by the harness, so its state, backups, config and everything the CLI printed
// (a run at -v=9 included) are scanned for the API key and its tokens when it is removed.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { DomainsResellerClient } from "../../provider/client";
import { pulumiYamlBinDir, repoRoot } from "../../scripts/pulumi-env.mjs";
import { configureStack, createProject, secretLeaks, startTestEmulator, withoutEngineValueLogs, type Project, type TestEmulator } from "./harness";

const PLUGINS = { providers: [{ name: "domainsreseller", path: join(repoRoot, "bin") }] };
const QUIET = ["--yes", "--non-interactive", "--skip-preview"];

type Row = { hostname: string; type: string; address: string; priority?: string };
const rowText = (rows: Row[]) => rows.map((r) => `${r.hostname}/${r.type}/${r.address}${r.priority && r.priority !== "N/A" ? `#${r.priority}` : ""}`).sort();

/** A harness project (so its files and output are scanned for secrets) whose Pulumi.yaml is `project`. */
function projectWith(name: string, project: Record<string, unknown>, program = "export {};\n"): Project {
  const made = createProject(name, program);
  writeFileSync(join(made.dir, "Pulumi.yaml"), stringifyYaml({ name, ...project, plugins: PLUGINS }));
  return made;
}

const yamlProject = (name: string, resources: Record<string, unknown> = {}) => projectWith(name, { runtime: "yaml", resources });
const nodeProject = (name: string, program: string) => projectWith(name, { runtime: "nodejs", main: "index.ts" }, program);

/** The `pulumi import` of a kind by id, at one name. */
const importArgs = (kind: string, name: string, id: string) => ["import", `domainsreseller:index:${kind}`, name, id, "--yes", "--non-interactive"];

/** The URNs of the stack's resources whose type matches. */
async function urnsOf(project: Project, type: RegExp): Promise<string[]> {
  const state = JSON.parse((await project.ok(["stack", "export"])).stdout) as { deployment: { resources: { urn: string; type: string }[] } };
  return state.deployment.resources.filter((r) => type.test(r.type)).map((r) => r.urn);
}

describe("the domainsreseller plugin on the real engine", () => {
  let emulator: TestEmulator;
  let panel: DomainsResellerClient;
  const projects: Project[] = [];
  const track = (project: Project) => (projects.push(project), project);

  /** A domain's settings as the signed API reads them (private nameservers: the API cannot list them). */
  const account = async (domain: string) => ({
    dns: rowText((await panel.call("getDns", { domain })) as Row[]),
    nameservers: await panel.call("getNameservers", { domain }),
    lock: await panel.call("getLock", { domain }),
    forwards: await panel.call("getEmailForwarding", { domain }),
    idProtection: (await panel.call("information", { domain })).idProtection,
  });

  beforeAll(async () => {
    emulator = await startTestEmulator();
    panel = new DomainsResellerClient({ endpoint: emulator.handle.endpoint, username: emulator.account.email, apiKey: emulator.account.apiKey });
  });
  afterAll(async () => {
    // Every project's scan runs, and the first leak found fails the file.
    const failures: unknown[] = [];
    for (const project of projects) {
      try {
        project.cleanup();
      } catch (error) {
        failures.push(error);
      }
    }
    await panel?.close();
    await emulator?.close();
    if (failures.length > 0) throw failures[0];
  });

  // YAML programs need the YAML language host, which setup builds with Go; without it they cannot run.
  describe.skipIf(!pulumiYamlBinDir())("a YAML program of every kind on acme-mail.com", () => {
    const DOMAIN = "acme-mail.com";
    let project: Project;
    let found: Awaited<ReturnType<typeof account>>;

    beforeAll(async () => {
      found = await account(DOMAIN);
      project = track(
        yamlProject("plugin-yaml", {
          mail: { type: "domainsreseller:index:Domain", properties: { name: DOMAIN, source: "adopt" } },
          zone: {
            type: "domainsreseller:index:DnsRecordSet",
            properties: {
              domain: "${mail.name}",
              records: [
                { name: "@", type: "A", value: "192.0.2.21" }, // replaces 192.0.2.20
                { name: "@", type: "MX", value: "mx1.mailhost.test", priority: 10 }, // found as declared; the second MX goes
                { name: "www", type: "CNAME", value: DOMAIN }, // found as declared
                { name: "api", type: "A", value: "192.0.2.77" }, // new
              ],
            },
          },
          delegation: { type: "domainsreseller:index:Nameservers", properties: { domain: "${mail.name}", nameservers: ["ns1.cloud.test", "ns2.cloud.test"] } },
          lock: { type: "domainsreseller:index:RegistrarLock", properties: { domain: "${mail.name}", locked: false } },
          forwarding: { type: "domainsreseller:index:EmailForwarding", properties: { domain: "${mail.name}", forwards: [{ from: "info", to: "new-team@acme-corp.example" }] } },
          privacy: { type: "domainsreseller:index:IdProtection", properties: { domain: "${mail.name}", enabled: false } },
          glue: { type: "domainsreseller:index:PrivateNameserver", properties: { domain: "${mail.name}", host: "ns1.acme-mail.com", ip: "192.0.2.54" } },
        }),
      );
      await configureStack(project, "dev", emulator);
    });

    const declared = {
      dns: ["@/A/192.0.2.21", "@/AAAA/2001:db8::20", "@/MX/mx1.mailhost.test#10", "@/TXT/v=spf1 include:mailhost.test -all", "_dmarc/TXT/v=DMARC1; p=quarantine; rua=mailto:dmarc@acme-mail.com", "api/A/192.0.2.77", "autodiscover/CNAME/autodiscover.mailhost.test", "www/CNAME/acme-mail.com"],
      nameservers: ["ns1.cloud.test", "ns2.cloud.test"],
      lock: "unlocked",
      forwards: [{ prefix: "info", forwardto: "new-team@acme-corp.example" }],
      idProtection: false,
    };

    it("up converges: every kind applied, the records the program never declared still there", async () => {
      await project.ok(["up", ...QUIET]);
      expect(await account(DOMAIN)).toEqual(declared);
      const glue = (await emulator.domain(DOMAIN)).privateNameservers;
      expect(glue).toEqual([{ nameserver: "ns1.acme-mail.com", ipaddress: "192.0.2.54" }]);
    });

    it("a second up writes nothing (the plugin's log at -v=9 goes through the secret scan too)", async () => {
      await emulator.resetCounters();
      const run = await project.ok(["up", ...QUIET, "-v=9", "--logtostderr", "--logflow"]);
      expect(run.stdout).toMatch(/8 unchanged/);
      expect(await emulator.writes()).toBe(0);
      // The key went to the plugin (Configure) in this run: nothing but the engine's own value
      // logs may show it, in the log, the state, its backups or the stack config.
      expect(run.stderr).toMatch(/domainsreseller/);
      expect(secretLeaks(withoutEngineValueLogs(project.allText()))).toEqual([]);
    });

    it("a record and the lock changed through the signed API: preview --refresh --diff names both, and fails --expect-no-changes", async () => {
      const zone = (await panel.call("getDns", { domain: DOMAIN })) as Row[];
      await panel.call("saveDns", { domain: DOMAIN, dnsrecords: zone.map((r) => (r.hostname === "api" ? { ...r, address: "192.0.2.78" } : r)) as never });
      await panel.call("saveLock", { domain: DOMAIN, lockstatus: "locked" });
      await emulator.resetCounters();
      const check = await project.pulumi(["preview", "--refresh", "--diff", "--expect-no-changes", "--non-interactive"]);
      expect(check.code).not.toBe(0);
      // What a reviewer reads: the planned update of each, the value it puts back and the one it removes.
      const plan = check.stdout.slice(check.stdout.lastIndexOf("pulumi:pulumi:Stack: (same)"));
      expect(plan).toMatch(/~ domainsreseller:index:RegistrarLock: \(update\)[\s\S]*?~ locked: true => false/);
      expect(plan).toMatch(/~ domainsreseller:index:DnsRecordSet: \(update\)[\s\S]*?\+ api\/A\/192\.0\.2\.77: \{[\s\S]*?- api\/A\/192\.0\.2\.78: \{/);
      expect(plan).toContain('"acme-mail.com api/A/192.0.2.78"'); // `removes`: the live record the update deletes
      expect(plan).toMatch(/~ 2 to update\s+6 unchanged/);
      expect(await emulator.writes()).toBe(0);
    });

    it("up --refresh converges, and preview --refresh --expect-no-changes then passes", async () => {
      await emulator.resetCounters();
      await project.ok(["up", "--refresh", ...QUIET]);
      const counters = await emulator.counters();
      // One save of the zone and one of the lock: nothing else was off.
      expect({ dns: counters["POST /domains/{domain}/dns"], lock: counters["POST /domains/{domain}/lock"], all: await emulator.writes() }).toEqual({ dns: 1, lock: 1, all: 2 });
      expect(await account(DOMAIN)).toEqual(declared);
      const check = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      expect(check.code, check.stdout).toBe(0);
    });

    it("destroy gives the domain back as found: undeclared records, lock, nameservers, forwards, ID protection; the glue it made goes", async () => {
      await project.ok(["destroy", ...QUIET]);
      expect(await account(DOMAIN)).toEqual(found);
      expect((await emulator.domain(DOMAIN)).privateNameservers).toEqual([]);
    });
  });

  describe.skipIf(!pulumiYamlBinDir())("pulumi import into a YAML project (acme-shop.io, acme-labs.dev)", () => {
    let project: Project;
    const IMPORTS: [kind: string, name: string, id: string][] = [
      ["Domain", "shop", "acme-shop.io"],
      ["DnsRecordSet", "shop-zone", "acme-shop.io"],
      ["Nameservers", "shop-ns", "acme-shop.io"],
      ["RegistrarLock", "shop-lock", "acme-shop.io"],
      ["EmailForwarding", "shop-forwards", "acme-shop.io"],
      ["IdProtection", "shop-privacy", "acme-shop.io"],
      ["PrivateNameserver", "labs-glue", "acme-labs.dev/ns1.acme-labs.dev/192.0.2.53"],
    ];
    let before: Awaited<ReturnType<typeof account>>;

    beforeAll(async () => {
      before = await account("acme-shop.io");
      project = track(yamlProject("plugin-yaml-import"));
      await configureStack(project, "dev", emulator);
    });

    it("imports each kind by id, writing nothing, and the generated YAML is the program", async () => {
      await emulator.resetCounters();
      const generated: Record<string, { type: string; properties: Record<string, unknown> }> = {};
      for (const [kind, name, id] of IMPORTS) {
        const out = join(project.dir, `${name}.yaml`);
        await project.ok([...importArgs(kind, name, id), "--out", out]);
        const { resources } = parseYaml(readFileSync(out, "utf8")) as { resources: typeof generated };
        Object.assign(generated, resources);
      }
      expect(await emulator.writes()).toBe(0);
      // What the import recorded is what the account holds.
      expect(generated["shop"]?.properties).toEqual({ name: "acme-shop.io", source: "adopt", onDelete: "retain" });
      expect(generated["shop-ns"]?.properties).toEqual({ domain: "acme-shop.io", nameservers: before.nameservers });
      expect(generated["shop-lock"]?.properties).toEqual({ domain: "acme-shop.io", locked: false });
      expect(generated["shop-zone"]?.properties).toMatchObject({ domain: "acme-shop.io", mode: "authoritative" });
      expect(generated["shop-zone"]?.properties.records).toHaveLength(before.dns.length);
      expect(generated["labs-glue"]?.properties).toEqual({ domain: "acme-labs.dev", host: "ns1.acme-labs.dev", ip: "192.0.2.53" });

      const file = join(project.dir, "Pulumi.yaml");
      const program = parseYaml(readFileSync(file, "utf8")) as Record<string, unknown>;
      writeFileSync(file, stringifyYaml({ ...program, resources: generated }));
    });

    it("the next up writes nothing and changes nothing, and the account is as it was", async () => {
      await emulator.resetCounters();
      const run = await project.ok(["up", ...QUIET]);
      expect(run.stdout).toMatch(/8 unchanged/); // the stack, and the seven imported
      expect(await emulator.writes()).toBe(0);
      expect(await account("acme-shop.io")).toEqual(before);
    });
  });

  describe("pulumi import into a Node program of the plugin classes (acme-widgets.com)", () => {
    const DOMAIN = "acme-widgets.com";
    // What the default seed holds for acme-widgets.com, declared as the import records it: the
    // whole zone, authoritative. Imported resources are protected; the program says so too.
    const PROGRAM = `
import { DnsRecordSet, Domain, EmailForwarding, IdProtection, Nameservers, PrivateNameserver, RegistrarLock } from "pulumi-domainsreseller/plugin";
const protect = { protect: true };
new Domain("widgets", { name: "${DOMAIN}", source: "adopt", onDelete: "retain" }, protect);
new DnsRecordSet("widgets-zone", {
  domain: "${DOMAIN}",
  mode: "authoritative",
  records: [
    { name: "@", type: "A", value: "192.0.2.10" },
    { name: "www", type: "CNAME", value: "acme-widgets.com" },
    { name: "@", type: "MX", value: "mail.emulator.test", priority: 10 },
    { name: "@", type: "TXT", value: "v=spf1 -all" },
  ],
}, protect);
new Nameservers("widgets-ns", { domain: "${DOMAIN}", nameservers: ["ns1.emulator.test", "ns2.emulator.test"] }, protect);
new RegistrarLock("widgets-lock", { domain: "${DOMAIN}", locked: true }, protect);
new EmailForwarding("widgets-forwards", { domain: "${DOMAIN}", forwards: [] }, protect);
new IdProtection("widgets-privacy", { domain: "${DOMAIN}", enabled: false }, protect);
new PrivateNameserver("labs-glue", { domain: "acme-labs.dev", host: "ns2.acme-labs.dev", ip: "2001:db8::53" }, protect);
`;
    let project: Project;
    let before: Awaited<ReturnType<typeof account>>;

    beforeAll(async () => {
      before = await account(DOMAIN);
      project = track(nodeProject("plugin-node-import", "export {};\n"));
      await configureStack(project, "dev", emulator);
    });

    it("imports every kind by id in one `pulumi import --file`, writing nothing", async () => {
      const resources = [
        ["Domain", "widgets", DOMAIN],
        ["DnsRecordSet", "widgets-zone", DOMAIN],
        ["Nameservers", "widgets-ns", DOMAIN],
        ["RegistrarLock", "widgets-lock", DOMAIN],
        ["EmailForwarding", "widgets-forwards", DOMAIN],
        ["IdProtection", "widgets-privacy", DOMAIN],
        ["PrivateNameserver", "labs-glue", "acme-labs.dev/ns2.acme-labs.dev/2001:db8::53"],
      ].map(([kind, name, id]) => ({ type: `domainsreseller:index:${kind}`, name, id }));
      const file = join(project.dir, "resources.json");
      writeFileSync(file, JSON.stringify({ resources }));
      await emulator.resetCounters();
      // The Node.js language host built from Go modules has no code generator (GenerateProgram is
      // not implemented), so the program is written by hand below; the state is what is imported.
      await project.ok(["import", "--file", file, "--generate-code=false", "--yes", "--non-interactive"]);
      expect(await emulator.writes()).toBe(0);
      expect(await urnsOf(project, /^domainsreseller:index:/)).toHaveLength(7);
    });

    it("the program of plugin classes declaring what was imported: up writes nothing, the account is as it was", async () => {
      project.writeProgram(PROGRAM);
      await emulator.resetCounters();
      const run = await project.ok(["up", ...QUIET]);
      expect(run.stdout).toMatch(/8 unchanged/);
      expect(await emulator.writes()).toBe(0);
      expect(await account(DOMAIN)).toEqual(before);
      const check = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      expect(check.code, check.stdout).toBe(0);
    });
  });

  describe("moving a Node stack from the dynamic resources to the plugin (acme-gadgets.org)", () => {
    const DOMAIN = "acme-gadgets.org";
    const program = (from: string) => `
import { DnsRecordSet, RegistrarLock } from "${from}";
new DnsRecordSet("gadgets-zone", {
  domain: "${DOMAIN}",
  records: [
    { name: "@", type: "MX", value: "mail.emulator.test", priority: 10 },
    { name: "www", type: "A", value: "192.0.2.50" },
  ],
});
new RegistrarLock("gadgets-lock", { domain: "${DOMAIN}", locked: false });
`;
    let project: Project;
    let applied: Awaited<ReturnType<typeof account>>;

    beforeAll(async () => {
      project = track(nodeProject("plugin-move", program("pulumi-domainsreseller")));
      await configureStack(project, "dev", emulator);
    });

    it("the dynamic program converges", async () => {
      await project.ok(["up", ...QUIET]);
      applied = await account(DOMAIN);
      expect(applied.dns).toEqual(["@/MX/mail.emulator.test#10", "@/TXT/v=spf1 -all", "www/A/192.0.2.50"]);
      expect(applied.lock).toBe("unlocked");
    });

    it("state delete of each dynamic resource, the plugin classes, import by id: nothing is written", async () => {
      await emulator.resetCounters();
      // The dynamic resources (types pulumi-nodejs:dynamic/domainsreseller:<Kind>) and their hidden stack guard.
      const dynamic = await urnsOf(project, /^pulumi-nodejs:dynamic\/domainsreseller:/);
      const ordered = [...dynamic.filter((u) => !u.includes("StackGuard")), ...dynamic.filter((u) => u.includes("StackGuard"))];
      expect(ordered.map((u) => u.slice(u.lastIndexOf("::") + 2)).sort()).toEqual(["domainsreseller-stack-guard", "gadgets-lock", "gadgets-zone"]);
      for (const urn of ordered) await project.ok(["state", "delete", urn, "--yes", "--non-interactive"]);
      project.writeProgram(program("pulumi-domainsreseller/plugin"));
      // By the same names; no code generation in a Node project (see the import above).
      await project.ok([...importArgs("DnsRecordSet", "gadgets-zone", DOMAIN), "--generate-code=false"]);
      await project.ok([...importArgs("RegistrarLock", "gadgets-lock", DOMAIN), "--generate-code=false"]);
      expect(await emulator.writes()).toBe(0);
      expect(await account(DOMAIN)).toEqual(applied);
    });

    it("the preview shows the merge-mode set letting go of the undeclared TXT; the up writes nothing; the zone and the lock are unchanged", async () => {
      await emulator.resetCounters();
      // The import recorded the whole zone, authoritative; the program declares two records in
      // merge mode: an update of the bookkeeping, naming the name and type it stops managing.
      const preview = (await project.ok(["preview", "--diff", "--non-interactive"])).stdout;
      expect(preview).toMatch(/~ domainsreseller:index:DnsRecordSet: \(update\)/);
      expect(preview).toMatch(/~ mode\s*: "authoritative" => "merge"/);
      expect(preview).toMatch(/\+ givesBack: \[\s*\+\s*\[0\]: "acme-gadgets\.org @\/TXT"/);
      expect(preview).toMatch(/- @\/TXT\/v=spf1 -all/);
      expect(preview).toMatch(/domainsreseller:index:RegistrarLock: \(same\)/);
      await project.ok(["up", ...QUIET]);
      expect(await emulator.writes()).toBe(0);
      expect(await account(DOMAIN)).toEqual(applied);
      const check = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      expect(check.code, check.stdout).toBe(0);
    });
  });
});
