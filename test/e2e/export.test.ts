// `domainsreseller export` on the real Pulumi engine: a portfolio of 10 domains is set up through
// the signed API as a registrar panel would (the emulator's admin surface only creates the
// registrations), the built CLI exports it, and the exported folder, run as it is, adopts every
// domain with zero write calls and no order; the drift check then passes.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient, type RouteParams } from "../../provider/client";
import { repoRoot } from "../../scripts/pulumi-env.mjs";
import { configureStack, createProject, openAccount, startTestEmulator, type Project, type TestEmulator } from "./harness";

type Row = RouteParams<"saveDns">["dnsrecords"][number];
const row = (hostname: string, type: string, address: string, priority = "N/A"): Row => ({ hostname, type, address, priority });

interface Seeded {
  domain: string;
  dns: Row[];
  forwards: [string, string][];
  nameservers: string[];
  locked: boolean;
  idProtection: boolean;
}

/** Ten domains with varied settings; `messy-zone.net` has rows a record set cannot declare as they are. */
function portfolio(): Seeded[] {
  const tlds = ["com", "net", "org", "io", "dev"];
  const out: Seeded[] = [];
  for (let i = 1; i <= 8; i++) {
    const domain = `portfolio-${i}.${tlds[i % tlds.length]}`;
    out.push({
      domain,
      dns: [
        row("@", "A", `192.0.2.${i}`),
        row("www", "CNAME", domain),
        row("@", "MX", `mx${i}.mailhost.test`, String(i * 10)),
        row("@", "TXT", `v=spf1 include:_spf.mailhost.test -all; note="site ${i}" ünïcode`),
        ...(i % 2 === 0 ? [row("api", "AAAA", "2001:db8::" + i), row("_sip._tcp", "SRV", "5 5060 sip.example.net", "10")] : []),
      ],
      forwards: i % 3 === 0 ? [] : [["info", `owner${i}@example.org`], ["*", `catchall${i}@example.org`]],
      nameservers: i % 4 === 0 ? ["ns1.dnshost.test", "ns2.dnshost.test", "ns3.dnshost.test"] : ["ns1.emulator.test", "ns2.emulator.test"],
      locked: i % 2 === 1,
      idProtection: i % 3 === 1,
    });
  }
  // Delegated to its own hosts, with glue registered and addresses in the zone.
  out.push({
    domain: "glue-host.org",
    dns: [row("@", "A", "192.0.2.80"), row("ns1", "A", "192.0.2.53"), row("ns2", "AAAA", "2001:db8::53")],
    forwards: [["hello", "team@example.org"]],
    nameservers: ["ns1.glue-host.org", "ns2.glue-host.org"],
    locked: true,
    idProtection: true,
  });
  // Two MX rows of one host (a duplicate by identity) and a CNAME beside a TXT: merge mode, those left unmanaged.
  out.push({
    domain: "messy-zone.net",
    dns: [
      row("@", "A", "192.0.2.90"),
      row("@", "MX", "mail.messy-zone.net", "10"),
      row("@", "MX", "mail.messy-zone.net", "20"),
      row("legacy", "CNAME", "old.example.net"),
      row("legacy", "TXT", "kept as it is"),
    ],
    forwards: [],
    nameservers: ["ns1.emulator.test", "ns2.emulator.test"],
    locked: false,
    idProtection: false,
  });
  return out;
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot, "dist", "cli", "main.js"), ...args], { cwd: repoRoot, env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe("domainsreseller export on the real engine", () => {
  let emulator: TestEmulator;
  let panel: DomainsResellerClient;
  let project: Project;
  let exportDir: string;
  let cli: { code: number; stdout: string; stderr: string };
  const seeded = portfolio();
  const email = "portfolio@example.com";
  const apiKey = `export-${randomBytes(18).toString("hex")}`;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await openAccount(emulator, { email, apiKey });
    panel = new DomainsResellerClient({ endpoint: emulator.handle.endpoint, username: email, apiKey });
    for (const s of seeded) {
      // The registration itself: the one thing the API cannot create without an order.
      await emulator.admin("POST", "/domains", { owner: email, domain: s.domain });
      await panel.call("saveDns", { domain: s.domain, dnsrecords: s.dns });
      await panel.call("saveEmailForwarding", { domain: s.domain, prefix: s.forwards.map((f) => f[0]), forwardto: s.forwards.map((f) => f[1]) });
      const [ns1 = "", ns2 = "", ns3] = s.nameservers;
      if (s.domain === "glue-host.org") {
        await panel.call("registerPrivateNameserver", { domain: s.domain, nameserver: "ns1.glue-host.org", ipaddress: "192.0.2.53" });
        await panel.call("registerPrivateNameserver", { domain: s.domain, nameserver: "ns2.glue-host.org", ipaddress: "2001:db8::53" });
      }
      await panel.call("saveNameservers", { domain: s.domain, ns1, ns2, ...(ns3 ? { ns3 } : {}) });
      await panel.call("saveLock", { domain: s.domain, lockstatus: s.locked ? "locked" : "unlocked" });
      await panel.call("setIdProtection", { domain: s.domain, status: s.idProtection });
    }
    // Contacts as a panel edits them: one registrant with quotes and accents (escaping), and one
    // billing contact whose phone number no registry format reads (left out, with the reason).
    const person = { "First Name": "Siobhán", "Last Name": "O'Brien", "Company Name": 'The "Quay" Ltd', "Email Address": "siobhan@example.ie", "Address 1": "12 Quay St\\Unit 4", City: "Cork", State: "Cork", Postcode: "T12 X1", Country: "ie", "Phone Number": "+353 21 123 4567" };
    await panel.call("saveContacts", { domain: "portfolio-1.net", contactdetails: { Registrant: person } });
    await panel.call("saveContacts", { domain: "portfolio-2.org", contactdetails: { Billing: { ...person, "Phone Number": "call the office" } } });

    mkdirSync(join(repoRoot, ".e2e"), { recursive: true });
    // Inside the repository, so the exported package.json's pulumi-domainsreseller resolves to this build.
    exportDir = mkdtempSync(join(repoRoot, ".e2e", "export-"));
    const started = Date.now();
    cli = await runCli(["export", ...seeded.map((s) => s.domain), "-o", exportDir], { DOMAINSRESELLER_ENDPOINT: emulator.handle.endpoint, DOMAINSRESELLER_USERNAME: email, DOMAINSRESELLER_API_KEY: apiKey });
    process.stderr.write(`export of ${seeded.length} domains: ${Date.now() - started} ms\n`);
  });

  afterAll(async () => {
    project?.cleanup();
    if (exportDir) rmSync(exportDir, { recursive: true, force: true });
    await panel?.close();
    await emulator?.close();
  });

  it("the CLI reads every domain, prints one progress line each and lists the files it wrote", () => {
    expect(cli.code, cli.stderr).toBe(0);
    const progress = cli.stderr.split("\n").filter((l) => l.startsWith("export: ") && !l.startsWith("export: wrote"));
    expect(progress.map((l) => l.split(":")[1]?.trim())).toEqual(seeded.map((s) => s.domain));
    expect(cli.stderr).toMatch(/export: messy-zone\.net: Domain, DnsRecordSet \(merge, 1 record, 4 left unmanaged\)/);
    expect(cli.stdout.trim().split("\n").map((p) => p.slice(exportDir.length + 1)).sort()).toEqual(
      ["Pulumi.yaml", "index.ts", "package.json", "tsconfig.json", ...seeded.map((s) => `zones/${s.domain}.yaml`)].sort(),
    );
    expect(`${cli.stdout}${cli.stderr}`).not.toContain(apiKey);
  });

  it("the program declares what is live, and says why anything is left out", () => {
    const program = readFileSync(join(exportDir, "index.ts"), "utf8");
    expect(program).toContain('new RegistrarLock("portfolio-1.net-lock", { domain: "portfolio-1.net", locked: true });');
    expect(program).toContain('new IdProtection("portfolio-2.org-id-protection", { domain: "portfolio-2.org", enabled: false });');
    expect(program).toMatch(/lastName: "O'Brien",\n\s+companyName: "The \\"Quay\\" Ltd"/);
    const comments = program.replace(/\n\/\/ /g, " "); // comments are wrapped at 100 columns
    expect(comments).toMatch(/contacts\.billing left out \(not managed\): the registrar's billing contact would be refused as declared: phone/);
    // Glue cannot be listed: commented out, with the address the zone gives the host.
    expect(program).toContain('// new PrivateNameserver("glue-host.org-glue-ns1", { domain: "glue-host.org", host: "ns1.glue-host.org", ip: "192.0.2.53" });');
    expect(readFileSync(join(exportDir, "zones", "messy-zone.net.yaml"), "utf8")).toMatch(/mode: merge/);
    expect(readFileSync(join(exportDir, "zones", "portfolio-2.org.yaml"), "utf8")).toMatch(/mode: authoritative/);
    expect(JSON.parse(readFileSync(join(exportDir, "package.json"), "utf8")).dependencies).toEqual({ "@pulumi/pulumi": "^3.216.0", "pulumi-domainsreseller": "^0.1.0" });
  });

  it("pulumi up of the exported project adopts everything with zero write calls and no order", async () => {
    const pulumiYaml = readFileSync(join(exportDir, "Pulumi.yaml"), "utf8");
    project = createProject("export", readFileSync(join(exportDir, "index.ts"), "utf8"), { dir: exportDir });
    writeFileSync(join(exportDir, "Pulumi.yaml"), pulumiYaml); // run the project exactly as exported
    await configureStack(project, "dev", emulator);
    await emulator.resetCounters();
    const up = await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    // 10 domains × 6 resources, each one created (adopted); the stack may hold resources of the package's own besides.
    const created = [...up.stdout.matchAll(/domainsreseller:(\w+) (\S+) created/g)].map((m) => `${m[1]} ${m[2]}`);
    for (const kind of ["Domain", "DnsRecordSet", "Nameservers", "RegistrarLock", "EmailForwarding", "IdProtection"]) {
      expect(created.filter((c) => c.startsWith(`${kind} `)), kind).toHaveLength(seeded.length);
    }
    const counters = await emulator.counters();
    expect(counters["GET /domains/{domain}/dns"]).toBeGreaterThanOrEqual(seeded.length); // it did read the account
    expect(await emulator.writes()).toBe(0);
    expect(await emulator.ledger()).toEqual([]);
  });

  it("the drift check passes right after, still without a write", async () => {
    const check = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
    expect(await emulator.writes()).toBe(0);
    expect(project.allText()).not.toContain(apiKey);
  });

  it("and it does manage what it declared: a change in the panel then fails the drift check, naming it", async () => {
    const zone = (await panel.call("getDns", { domain: "portfolio-2.org" })) as Row[];
    await panel.call("saveDns", { domain: "portfolio-2.org", dnsrecords: [...zone, row("new", "A", "192.0.2.200")] });
    await panel.call("saveLock", { domain: "portfolio-1.net", lockstatus: "unlocked" });
    const check = await project.pulumi(["preview", "--refresh", "--diff", "--expect-no-changes", "--non-interactive"]);
    expect(check.code).not.toBe(0);
    expect(check.stdout).toMatch(/- new\/A\/192\.0\.2\.200\s*:/); // authoritative: an added record is drift
    expect(check.stdout).toMatch(/~\s+locked\s*:\s*false\s*=>\s*true/);
  });

  it("destroy of the exported program leaves every zone as it is and gives each setting back as found (the lock changed in the panel included)", async () => {
    const zones = async () => Object.fromEntries(await Promise.all(seeded.map(async (s) => [s.domain, ((await panel.call("getDns", { domain: s.domain })) as Row[]).map((r) => `${r.hostname}/${r.type}/${r.address}/${r.priority}`).sort()] as const)));
    const before = await zones();
    await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    expect(await zones()).toEqual(before);
    for (const s of seeded) {
      expect(await panel.call("getNameservers", { domain: s.domain }), s.domain).toEqual(s.nameservers);
      expect(await panel.call("getLock", { domain: s.domain }), s.domain).toBe(s.locked ? "locked" : "unlocked");
    }
    expect(await emulator.ledger()).toEqual([]);
  });
});
