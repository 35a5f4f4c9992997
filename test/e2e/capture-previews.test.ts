// Captures real `pulumi preview --json` output for the plan-md golden tests: each scenario `up`s a
// base program on its own stack and emulator domain, changes the program (or the live domain), and
// previews. The JSON is normalised (temporary paths, the emulator's port, provider ids, timestamps,
// durations, source positions, step order) so a re-capture is stable, then written to
// test/fixtures/previews/<scenario>.json.
// Run with `npm run capture-previews`; skipped otherwise, since it needs the real engine.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/pulumi-env.mjs";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const FIXTURES = join(repoRoot, "test", "fixtures", "previews");
const REGISTRANT = (email: string) =>
  `{ firstName: "Ada", lastName: "Lovelace", email: "${email}", phone: "+44 20 7123 4567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "gb" }`;
/** A fixed expiry for the domains made here, so no output depends on the day of the capture. */
const EXPIRY = "2031-01-15";

type Row = { hostname: string; type: string; address: string; priority?: string };
const row = (hostname: string, type: string, address: string, priority?: number): Row => ({ hostname, type, address, ...(priority === undefined ? {} : { priority: String(priority) }) });

interface Scenario {
  name: string;
  /** Domains to create in the emulator account first, with their live state. */
  domains: Record<string, Record<string, unknown>>;
  base: string;
  /** The program previewed; the base again when the change is made out of band. */
  change: string;
  /** Made between `up` and the preview, as someone in the registrar's panel would. */
  outOfBand?: (emulator: TestEmulator) => Promise<void>;
  /** Undoes what `outOfBand` changed beyond its own domains (the registrar's clock). */
  restore?: (emulator: TestEmulator) => Promise<void>;
  /** Extra flags of `pulumi preview --json`. */
  flags?: string[];
  config?: Record<string, { value: string; secret?: boolean }>;
}

const program = (body: string) => `import * as pulumi from "@pulumi/pulumi";\nimport * as dr from "pulumi-domainsreseller";\nvoid pulumi;\n${body}\n`;

const records = (list: [string, string, string, number?][]) =>
  `[${list.map(([name, type, value, priority]) => `{ name: ${JSON.stringify(name)}, type: "${type}", value: ${JSON.stringify(value)}${priority === undefined ? "" : `, priority: ${priority}`} }`).join(", ")}]`;

const SAFETY_ZONE: [string, string, string, number?][] = [
  ["@", "A", "192.0.2.10"],
  ["@", "AAAA", "2001:db8::10"],
  ["www", "CNAME", "plan-safety.com"],
  ["@", "MX", "mx1.mailhost.test", 10],
  ["@", "MX", "mx2.mailhost.test", 20],
  ["@", "TXT", "v=spf1 include:mailhost.test -all"],
  ["_dmarc", "TXT", "v=DMARC1; p=none"],
  ["api", "A", "192.0.2.11"],
  ["app", "A", "192.0.2.12"],
  ["blog", "CNAME", "blogs.hosting.test"],
  ["shop", "CNAME", "shops.hosting.test"],
  ["status", "CNAME", "status.hosting.test"],
];

/** What the set declares of the seeded acme-mail.com, in merge mode and then authoritative. */
const ACME_MAIL_DECLARED: [string, string, string, number?][] = [
  ["@", "A", "192.0.2.20"],
  ["@", "MX", "mx1.mailhost.test", 10],
  ["@", "MX", "mx2.mailhost.test", 20],
];

/** The set that moves from acme-shop.io to acme-widgets.net: the shop's web records. */
const MOVED_RECORDS: [string, string, string, number?][] = [
  ["@", "A", "192.0.2.30"],
  ["@", "A", "192.0.2.31"],
  ["www", "CNAME", "shops.hosting.test"],
];

const SCENARIOS: Scenario[] = [
  {
    name: "adds",
    domains: { "plan-adds.com": { dns: [row("@", "A", "192.0.2.10"), row("www", "CNAME", "plan-adds.com")], locked: false } },
    base: program(`
new dr.DnsRecordSet("zone", { domain: "plan-adds.com", records: ${records([["@", "A", "192.0.2.10"], ["www", "CNAME", "plan-adds.com"]])} });
new dr.IdProtection("privacy", { domain: "plan-adds.com", enabled: true });`),
    change: program(`
new dr.DnsRecordSet("zone", { domain: "plan-adds.com", records: ${records([["@", "A", "192.0.2.10"], ["www", "CNAME", "plan-adds.com"], ["@", "MX", "mail.plan-adds.com", 10], ["@", "TXT", "v=spf1 mx -all"]])} });
new dr.IdProtection("privacy", { domain: "plan-adds.com", enabled: true });
new dr.RegistrarLock("lock", { domain: "plan-adds.com", locked: true });`),
  },
  {
    // The set stops declaring old/A and @/TXT, whose records it found there when it took them
    // over: the provider gives both names and types back as found (`givesBack`), so no live record
    // is listed as deleted. The ID protection leaves the program.
    name: "deletes",
    domains: {
      "plan-deletes.com": {
        dns: [row("@", "A", "192.0.2.20"), row("www", "CNAME", "plan-deletes.com"), row("old", "A", "192.0.2.21"), row("@", "TXT", "legacy-verification=abc")],
        idProtection: false,
      },
    },
    base: program(`
new dr.DnsRecordSet("zone", { domain: "plan-deletes.com", records: ${records([["@", "A", "192.0.2.20"], ["www", "CNAME", "plan-deletes.com"], ["old", "A", "192.0.2.21"], ["@", "TXT", "legacy-verification=abc"]])} });
new dr.IdProtection("privacy", { domain: "plan-deletes.com", enabled: true });`),
    change: program(`
new dr.DnsRecordSet("zone", { domain: "plan-deletes.com", records: ${records([["@", "A", "192.0.2.20"], ["www", "CNAME", "plan-deletes.com"]])} });`),
  },
  {
    name: "changes",
    domains: {
      "plan-changes.com": {
        dns: [row("@", "A", "192.0.2.30"), row("www", "CNAME", "old.hosting.test")],
        nameservers: ["ns1.old.test", "ns2.old.test"],
        emailForwarding: [{ prefix: "info", forwardto: "team@old.example" }],
        expiryDate: EXPIRY,
      },
    },
    base: program(`
new dr.DnsRecordSet("zone", { domain: "plan-changes.com", records: ${records([["@", "A", "192.0.2.30"], ["www", "CNAME", "old.hosting.test"], ["@", "MX", "mail.plan-changes.com", 10]])} });
new dr.Nameservers("ns", { domain: "plan-changes.com", nameservers: ["ns1.old.test", "ns2.old.test"] });
new dr.EmailForwarding("forwards", { domain: "plan-changes.com", forwards: [{ from: "info", to: "team@old.example" }] });
new dr.Domain("registration", { name: "plan-changes.com", source: "adopt", contacts: { registrant: ${REGISTRANT("ada@example.org")} } });`),
    change: program(`
new dr.DnsRecordSet("zone", { domain: "plan-changes.com", records: ${records([["@", "A", "192.0.2.99"], ["www", "CNAME", "new.hosting.test"], ["@", "MX", "mail.plan-changes.com", 10]])} });
new dr.Nameservers("ns", { domain: "plan-changes.com", nameservers: ["ns1.new.test", "ns2.new.test", "ns3.new.test"] });
new dr.EmailForwarding("forwards", { domain: "plan-changes.com", forwards: [{ from: "info", to: "team@new.example" }, { from: "sales", to: "sales@new.example" }] });
new dr.Domain("registration", { name: "plan-changes.com", source: "adopt", contacts: { registrant: ${REGISTRANT("grace@example.org")} } });`),
  },
  {
    name: "charge",
    domains: {},
    base: program(""),
    config: { eppCode: { value: "Epp-Capture-Secret-4711", secret: true } },
    change: program(`
const shop = new dr.Domain("shop", { name: "plan-charge-new.com", source: "register", years: 2, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT("ada@example.org")} }, maxPrice: 40 });
// dependsOn orders the two checks, so the running total adds them up in the same order every time.
new dr.Domain("moved", { name: "plan-charge-moving.net", source: "transfer", years: 1, eppCode: new pulumi.Config().requireSecret("eppCode"), nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT("ada@example.org")} }, maxPrice: 20 }, { dependsOn: [shop] });`),
  },
  {
    name: "refusal",
    domains: {},
    base: program(""),
    change: program(`
new dr.Domain("dear", { name: "plan-too-dear.com", source: "register", years: 1, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT("ada@example.org")} }, maxPrice: 5 });`),
  },
  {
    name: "drift",
    domains: { "plan-drift.com": { dns: [row("@", "A", "192.0.2.40"), row("www", "CNAME", "plan-drift.com")], locked: true, nameservers: ["ns1.host.test", "ns2.host.test"] } },
    base: program(`
new dr.DnsRecordSet("zone", { domain: "plan-drift.com", records: ${records([["@", "A", "192.0.2.40"], ["www", "CNAME", "plan-drift.com"]])} });
new dr.RegistrarLock("lock", { domain: "plan-drift.com", locked: true });
new dr.Nameservers("ns", { domain: "plan-drift.com", nameservers: ["ns1.host.test", "ns2.host.test"] });`),
    // The code adds one record too, so the report must tell the drift apart from the change.
    change: program(`
new dr.DnsRecordSet("zone", { domain: "plan-drift.com", records: ${records([["@", "A", "192.0.2.40"], ["www", "CNAME", "plan-drift.com"], ["@", "TXT", "v=spf1 -all"]])} });
new dr.RegistrarLock("lock", { domain: "plan-drift.com", locked: true });
new dr.Nameservers("ns", { domain: "plan-drift.com", nameservers: ["ns1.host.test", "ns2.host.test"] });`),
    outOfBand: async (emulator) => {
      await emulator.drift("plan-drift.com", { locked: false, dns: [row("@", "A", "192.0.2.66"), row("www", "CNAME", "plan-drift.com")] });
    },
    flags: ["--refresh"],
  },
  {
    // With --show-sames the engine lists the unchanged resources too; without, it only counts them.
    name: "unchanged",
    domains: { "plan-unchanged.com": { dns: [row("@", "A", "192.0.2.50")], locked: true, nameservers: ["ns1.host.test", "ns2.host.test"], idProtection: true } },
    base: program(`
new dr.DnsRecordSet("zone", { domain: "plan-unchanged.com", records: ${records([["@", "A", "192.0.2.50"]])} });
new dr.Nameservers("ns", { domain: "plan-unchanged.com", nameservers: ["ns1.host.test", "ns2.host.test"] });
new dr.IdProtection("privacy", { domain: "plan-unchanged.com", enabled: true });
new dr.RegistrarLock("lock", { domain: "plan-unchanged.com", locked: true });`),
    change: program(`
new dr.DnsRecordSet("zone", { domain: "plan-unchanged.com", records: ${records([["@", "A", "192.0.2.50"]])} });
new dr.Nameservers("ns", { domain: "plan-unchanged.com", nameservers: ["ns1.host.test", "ns2.host.test"] });
new dr.IdProtection("privacy", { domain: "plan-unchanged.com", enabled: true });
new dr.RegistrarLock("lock", { domain: "plan-unchanged.com", locked: false });`),
    flags: ["--show-sames"],
  },
  {
    // The registrar's clock moved to two weeks before the expiry: the declared renewal is due.
    name: "renewal",
    domains: { "plan-renewal.com": {} },
    base: program(`
new dr.Domain("registration", { name: "plan-renewal.com", source: "adopt", renewal: { minDaysRemaining: 30, years: 1 }, maxPrice: 20 });`),
    change: program(`
new dr.Domain("registration", { name: "plan-renewal.com", source: "adopt", renewal: { minDaysRemaining: 30, years: 1 }, maxPrice: 20 });`),
    outOfBand: async (emulator) => {
      await emulator.admin("POST", "/clock", { offsetSeconds: Math.round((Date.parse(`${EXPIRY}T00:00:00Z`) - 14 * 86_400_000 - Date.now()) / 1000) });
    },
    restore: async (emulator) => {
      await emulator.admin("POST", "/clock", { offsetSeconds: 0 });
    },
    flags: ["--refresh"],
  },
  {
    // Three resources leave the program; domainsreseller:maxDeletesPerRun allows one.
    name: "too-many-deletes",
    domains: { "plan-guard-a.com": { locked: true }, "plan-guard-b.com": { locked: true }, "plan-guard-c.com": { locked: true }, "plan-guard-d.com": { locked: true } },
    config: { "domainsreseller:maxDeletesPerRun": { value: "1" } },
    base: program(["a", "b", "c", "d"].map((d) => `new dr.RegistrarLock("lock-${d}", { domain: "plan-guard-${d}.com", locked: true });`).join("\n")),
    change: program(`new dr.RegistrarLock("lock-a", { domain: "plan-guard-a.com", locked: true });`),
  },
  {
    name: "safety",
    domains: { "plan-safety.com": { dns: SAFETY_ZONE.map(([name, type, value, priority]) => row(name, type, value, priority)) } },
    base: program(`
new dr.DnsRecordSet("zone", { domain: "plan-safety.com", mode: "authoritative", records: ${records(SAFETY_ZONE)} });`),
    // Five of the twelve records go: the kind of change a safety rail asks consent for.
    change: program(`
new dr.DnsRecordSet("zone", { domain: "plan-safety.com", mode: "authoritative", records: ${records(SAFETY_ZONE.slice(0, 7))} });`),
  },
  {
    // The emulator's seeded acme-mail.com (A, AAAA, two MX, two TXT, two CNAMEs): a set in merge
    // mode declares three of its eight records, then switches to authoritative, which deletes the
    // five it never declared. Eight live records: below the zone-change rail's minimum, so no refusal.
    name: "authoritative-switch",
    domains: {},
    base: program(`
new dr.DnsRecordSet("zone", { domain: "acme-mail.com", records: ${records(ACME_MAIL_DECLARED)} });`),
    change: program(`
new dr.DnsRecordSet("zone", { domain: "acme-mail.com", mode: "authoritative", records: ${records(ACME_MAIL_DECLARED)} });`),
  },
  {
    // The same set moved from the seeded acme-shop.io to the seeded acme-widgets.net (live: one
    // A record at @): a replacement that gives acme-shop.io back as found and takes over
    // acme-widgets.net, replacing its A record at @.
    name: "domain-move",
    domains: {},
    base: program(`
new dr.DnsRecordSet("zone", { domain: "acme-shop.io", records: ${records(MOVED_RECORDS)} });`),
    change: program(`
new dr.DnsRecordSet("zone", { domain: "acme-widgets.net", records: ${records(MOVED_RECORDS)} });`),
  },
];

/** Replaces what differs between captures; `swap` pairs are exact strings found in the output. */
function normalisePreview(text: string, swap: [string, string][]): string {
  let out = text;
  for (const [from, to] of swap) if (from !== "") out = out.split(from).join(to);
  const value = JSON.parse(out) as unknown;
  return `${JSON.stringify(stripUnstable(value), null, 2)}\n`;
}

/** Keys that say where in the program or the provider a resource was made: they move with every edit of either. */
const SOURCE_KEYS = new Set(["sourcePosition", "stackTrace"]);
/** A stack frame the provider's process printed (diagnostics of severity "info#err"): its line numbers move too. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?\s*$/;

/** The default provider's URN ends in a fresh UUID per stack. */
const PROVIDER_ID = /(::pulumi:providers:[\w-]+::default::)[0-9a-f-]{36}/g;

/** Durations, timestamps and source positions are the engine's, never the plan's. */
function stripUnstable(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isStackFrame(v)).map(stripUnstable);
  if (typeof value === "string") return value.replace(PROVIDER_ID, "$100000000-0000-0000-0000-000000000000");
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SOURCE_KEYS.has(key)) continue;
    if (key === "duration") out[key] = 0;
    else if (key === "created" || key === "modified") out[key] = "2026-01-01T00:00:00Z";
    // The serialized provider (2.4 KB in every state) is the same text everywhere and never read by plan-md.
    else if (key === "__provider" && typeof v === "string") out[key] = "[serialized provider]";
    else if (key === "steps" && Array.isArray(v)) out[key] = sortSteps(v).map(stripUnstable);
    else out[key] = stripUnstable(v);
  }
  return out;
}

/** The engine runs independent steps in parallel, so their order varies: refreshes first, then by URN. */
function sortSteps(steps: unknown[]): unknown[] {
  const key = (step: unknown): string => {
    const { op, urn } = step as { op?: unknown; urn?: unknown };
    return `${op === "refresh" ? 0 : 1} ${String(urn)} ${String(op)}`;
  };
  return [...steps].sort((a, b) => key(a).localeCompare(key(b)));
}

const isStackFrame = (value: unknown): boolean =>
  value !== null && typeof value === "object" && typeof (value as { message?: unknown }).message === "string" && STACK_FRAME.test((value as { message: string }).message);

describe.skipIf(!process.env.CAPTURE_PREVIEWS)("capture preview JSON for plan-md", () => {
  let emulator: TestEmulator;
  let project: Project;

  beforeAll(async () => {
    mkdirSync(FIXTURES, { recursive: true });
    emulator = await startTestEmulator();
    project = createProject("plan", program(""));
  });
  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  // CAPTURE_ONLY=charge,drift re-captures some scenarios only.
  const only = process.env.CAPTURE_ONLY?.split(",");
  const selected = SCENARIOS.filter((s) => only === undefined || only.includes(s.name));

  it.each(selected.map((s) => [s.name, s] as const))("%s", async (_name, scenario) => {
    for (const [domain, fields] of Object.entries(scenario.domains)) {
      await emulator.admin("POST", "/domains", { owner: emulator.account.email, domain, expiryDate: EXPIRY, ...fields });
    }
    await configureStack(project, scenario.name, emulator);
    for (const [key, { value, secret }] of Object.entries(scenario.config ?? {})) {
      await project.ok(["config", "set", ...(secret ? ["--secret"] : []), key], { stdin: value });
    }
    project.writeProgram(scenario.base);
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    project.writeProgram(scenario.change);
    await scenario.outOfBand?.(emulator);
    const preview = await project.pulumi(["preview", "--json", "--non-interactive", ...(scenario.flags ?? [])]).finally(() => scenario.restore?.(emulator));
    expect(preview.stdout.trim().startsWith("{"), `${preview.stdout}\n${preview.stderr}`).toBe(true);
    const origin = emulator.handle.origin;
    const normalised = normalisePreview(preview.stdout, [
      [project.dir, "/project"],
      [project.home, "/pulumi-home"],
      [repoRoot, "/repo"],
      [origin, "http://127.0.0.1:PORT"],
      [emulator.account.apiKey, "[api key]"],
    ]);
    writeFileSync(join(FIXTURES, `${scenario.name}.json`), normalised);
  });
});
