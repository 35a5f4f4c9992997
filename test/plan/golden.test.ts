// plan-md on previews captured from the real engine (test/e2e/capture-previews.test.ts): each
// fixture renders exactly as its committed <scenario>.md and <scenario>.plan.json, and each has
// assertions of its own so a regression fails for the right reason. UPDATE_GOLDEN=1 rewrites the
// golden files from the current renderer (review the diff; never edit them by hand).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan, parsePreview, renderJson, renderMarkdown, type Plan } from "../../provider/plan";

const FIXTURES = "test/fixtures/previews";
const SCENARIOS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".plan.json"))
  .map((f) => f.replace(/\.json$/, ""))
  .sort();

const load = (scenario: string): { plan: Plan; md: string; json: string } => {
  const plan = buildPlan(parsePreview(readFileSync(join(FIXTURES, `${scenario}.json`), "utf8")));
  return { plan, md: renderMarkdown(plan), json: renderJson(plan) };
};

describe("golden files", () => {
  it("every scenario of the capture script has a fixture", () => {
    expect(SCENARIOS).toEqual(["adds", "authoritative-switch", "changes", "charge", "deletes", "domain-move", "drift", "refusal", "renewal", "safety", "too-many-deletes", "unchanged"]);
  });

  it.each(SCENARIOS)("%s renders as its committed Markdown and JSON", (scenario) => {
    const { md, json } = load(scenario);
    const mdFile = join(FIXTURES, `${scenario}.md`);
    const jsonFile = join(FIXTURES, `${scenario}.plan.json`);
    if (process.env.UPDATE_GOLDEN) {
      writeFileSync(mdFile, md);
      writeFileSync(jsonFile, json);
    }
    expect(existsSync(mdFile), `${mdFile} is missing: run UPDATE_GOLDEN=1 npx vitest run --project unit test/plan/golden.test.ts`).toBe(true);
    expect(md).toBe(readFileSync(mdFile, "utf8"));
    expect(json).toBe(readFileSync(jsonFile, "utf8"));
  });

  it.each(SCENARIOS)("%s: no secret's plaintext and no unnormalised path or port", (scenario) => {
    const { md, json } = load(scenario);
    for (const text of [md, json, readFileSync(join(FIXTURES, `${scenario}.json`), "utf8")]) {
      expect(text).not.toContain("Epp-Capture-Secret-4711");
      expect(text).not.toMatch(/\/tmp\/|\.e2e\/plan-|127\.0\.0\.1:\d/);
    }
  });
});

/** The "Needs attention" section of the Markdown. */
const attentionOf = (md: string): string => {
  const start = md.indexOf("### Needs attention");
  const next = md.indexOf("\n### ", start + 4);
  return md.slice(start, next === -1 ? undefined : next);
};

/** The Markdown from its "### domain" heading to the next one. */
const section = (md: string, domain: string): string => {
  const start = md.indexOf(`### ${domain}`);
  expect(start, `no section for ${domain}`).toBeGreaterThan(-1);
  const next = md.indexOf("\n### ", start + 4);
  return md.slice(start, next === -1 ? undefined : next);
};

describe("what each scenario must show", () => {
  it("adds: the new records as added rows and the new lock; the unchanged resource counted, not listed", () => {
    const { plan, md } = load("adds");
    expect(plan.counts).toMatchObject({ create: 1, update: 1, delete: 0, unchanged: 1, errors: 0 });
    const dns = section(md, "plan-adds.com");
    expect(dns).toContain("| added | `@` | MX | `mail.plan-adds.com` | 10 |");
    expect(dns).toContain("| added | `@` | TXT | `v=spf1 mx -all` |  |");
    expect(dns).toMatch(/\*\*Registrar lock\*\* \(`lock`, created\)/);
    expect(dns).not.toContain("ID protection"); // unchanged: counted only
    expect(md.split("\n")[0]).toMatch(/1 unchanged/);
  });

  it("deletes: the removed resource and the names and types given back under Needs attention, the removed records in the domain", () => {
    const { plan, md } = load("deletes");
    expect(plan.removals.map((r) => `${r.action} ${r.kind} ${r.name}`)).toEqual(["delete IdProtection privacy"]);
    const attention = md.slice(md.indexOf("### Needs attention"), md.indexOf("### plan-deletes.com"));
    expect(attention).toContain("| delete | IdProtection `privacy` | `plan-deletes.com` | removed from the program |");
    const dns = section(md, "plan-deletes.com");
    expect(dns).toContain("| removed | `old` | A | `192.0.2.21` |  |");
    expect(dns).toContain("| removed | `@` | TXT | `legacy-verification=abc` |  |");
    // The set stops declaring old/A and @/TXT: the provider's check gives both back as found (see
    // `givesBack` in deletes.json) and lists none of their records as deleted. Both records were
    // there before the set took the names over, so they stay: no deletion is reported.
    expect(plan.dnsRecordsDeleted).toEqual([]);
    expect(plan.dnsNamesGivenBack.map((n) => `${n.domain} ${n.name}/${n.type} ${n.resource.name}`)).toEqual(["plan-deletes.com @/TXT zone", "plan-deletes.com old/A zone"]);
    expect(attentionOf(md)).not.toContain("**DNS records deleted**");
    expect(attentionOf(md)).toContain("**DNS names given back** (2): names and types the code stops declaring");
    expect(attentionOf(md)).toContain(
      "| `plan-deletes.com` | `old` | A | `zone` | given back as found when it was taken over: its own records there are removed, what it replaced comes back, records that were there before stay |",
    );
    expect(md).not.toContain("Nothing:");
    expect(dns).not.toContain("`givesBack`");
  });

  it("changes: record values old → new, nameservers, forwarding and the contact e-mail by its path", () => {
    const { plan, md } = load("changes");
    expect(plan.counts).toMatchObject({ update: 4, create: 0, delete: 0 });
    const dns = section(md, "plan-changes.com");
    expect(dns).toContain("| changed | `@` | A | `192.0.2.30` → `192.0.2.99` |  |");
    expect(dns).toContain("| changed | `www` | CNAME | `old.hosting.test` → `new.hosting.test` |  |");
    expect(dns).toContain("`nameservers`: `ns1.old.test, ns2.old.test` → `ns1.new.test, ns2.new.test, ns3.new.test`");
    expect(dns).toContain("| changed | `info` | `team@old.example` → `team@new.example` |");
    expect(dns).toContain("| added | `sales` | `sales@new.example` |");
    expect(dns).toContain("`contacts.registrant.email`: `ada@example.org` → `grace@example.org`");
    expect(plan.charges).toEqual([]); // an adopted domain costs nothing
    // A changed value deletes the old one: named under Needs attention too.
    expect(plan.dnsRecordsDeleted.map((r) => [r.domain, r.record.name, r.record.type, r.record.value, r.reason])).toEqual([
      ["plan-changes.com", "@", "A", "192.0.2.30", "changed in the code"],
      ["plan-changes.com", "www", "CNAME", "old.hosting.test", "changed in the code"],
    ]);
    expect(dns).not.toContain("`removes`");
  });

  it("authoritative-switch: every live record the switch deletes is under Needs attention, counted; never \"Nothing\"", () => {
    const { plan, md } = load("authoritative-switch");
    expect(plan.counts).toMatchObject({ update: 1, errors: 0 });
    expect(plan.dnsRecordsDeleted.map((r) => `${r.domain} ${r.record.name}/${r.record.type}/${r.record.value} ${r.reason}`)).toEqual([
      "acme-mail.com @/AAAA/2001:db8::20 never declared by the program",
      "acme-mail.com @/TXT/v=spf1 include:mailhost.test -all never declared by the program",
      "acme-mail.com _dmarc/TXT/v=DMARC1; p=quarantine; rua=mailto:dmarc@acme-mail.com never declared by the program",
      "acme-mail.com www/CNAME/acme-mail.com never declared by the program",
      "acme-mail.com autodiscover/CNAME/autodiscover.mailhost.test never declared by the program",
    ]);
    const attention = attentionOf(md);
    expect(attention).toContain("**DNS records deleted** (5)");
    expect(attention).toContain("| `acme-mail.com` | `autodiscover` | CNAME | `autodiscover.mailhost.test` |  | `zone` | never declared by the program |");
    expect(md).not.toContain("Nothing:");
    const domain = section(md, "acme-mail.com");
    expect(domain).toContain("`mode`: `merge` → `authoritative`");
    expect(domain).not.toContain("`removes`");
  });

  it("domain-move: the move under Needs attention, what is given back and taken over, and the new domain's deletions", () => {
    const { plan, md } = load("domain-move");
    expect(plan.counts).toMatchObject({ replace: 1, errors: 0 });
    expect(plan.domainMoves).toEqual([{ kind: "DnsRecordSet", name: "zone", domain: "acme-widgets.net", from: "acme-shop.io", to: "acme-widgets.net" }]);
    const attention = attentionOf(md);
    expect(attention).toContain(
      "- DnsRecordSet `zone` moves from `acme-shop.io` to `acme-widgets.net`: `acme-shop.io` is given back as it was found (records this resource added there are removed); " +
        "`acme-widgets.net` is taken over as found, deleting 1 live record there: `@/A/192.0.2.10`.",
    );
    expect(attention).toContain("| `acme-widgets.net` | `@` | A | `192.0.2.10` |  | `zone` | never declared by the program |");
    // The records as the set declares them on the new domain, never compared with the old domain's.
    const domain = section(md, "acme-widgets.net");
    expect(domain).toContain("`domain`: `acme-shop.io` → `acme-widgets.net`");
    expect(domain).toContain("| added | `@` | A | `192.0.2.30` |  |");
    expect(domain).toContain("| added | `www` | CNAME | `shops.hosting.test` |  |");
    expect(domain).not.toMatch(/\| (changed|removed) \|/);
  });

  it("charge: each order with its kind, years and amount in USD, before the tables; the EPP code as [secret]", () => {
    const { plan, md } = load("charge");
    // In program order, which is the order the running total adds them up.
    expect(plan.charges.map((c) => [c.charge, c.quoteKind, c.domain, c.years, c.amount, c.currency, c.runningTotal])).toEqual([
      ["order", "register", "plan-charge-new.com", 2, "27.50", "USD", "27.50"],
      ["order", "transfer", "plan-charge-moving.net", 1, "15.50", "USD", "43.00"],
    ]);
    const charges = md.indexOf("**Charges** (2)");
    expect(charges).toBeGreaterThan(-1);
    expect(charges).toBeLessThan(md.indexOf("### plan-charge-"));
    expect(md).toContain("| register | `plan-charge-new.com` | `shop` | 2 | **27.50 USD** | 27.50 USD |");
    expect(md).toContain("| transfer | `plan-charge-moving.net` | `moved` | 1 | **15.50 USD** | 43.00 USD |");
    expect(section(md, "plan-charge-moving.net")).toContain("| `eppCode` | `[secret]` |");
  });

  it("refusal: the failed check comes first, naming maxPrice and the quote, before any table", () => {
    const { plan, md } = load("refusal");
    expect(plan.failed).toBe(true);
    expect(md.split("\n")[0]).toMatch(/^## Preview failed \(\d+ errors?\)/);
    const error = plan.errors.find((e) => e.resource?.name === "dear");
    expect(error?.message).toMatch(/maxPrice/);
    expect(error?.message).toMatch(/13\.75/);
    expect(md.indexOf("raise maxPrice")).toBeGreaterThan(md.indexOf("### Needs attention"));
    const firstTable = md.indexOf("\n|");
    if (firstTable !== -1) expect(md.indexOf("raise maxPrice")).toBeLessThan(firstTable);
  });

  it("drift: the out-of-band changes labelled as drift (recorded → live), the code's new record as a change", () => {
    const { plan, md } = load("drift");
    expect(plan.counts.drifted).toBe(2);
    const domain = section(md, "plan-drift.com");
    const drift = domain.slice(domain.indexOf("#### Drift: changed outside of code"), domain.indexOf("#### Changes in the code"));
    // The set owns the name and type @/A: the value put in its place live is drift there, and `up` deletes it.
    expect(drift).toContain("| changed live | `@` | A | `192.0.2.40` → `192.0.2.66` |  |");
    expect(drift).toContain("`locked`: `true` → `false` (recorded → live)");
    const code = domain.slice(domain.indexOf("#### Changes in the code"));
    expect(code).toContain("| added | `@` | TXT | `v=spf1 -all` |  |");
    expect(code).not.toContain("192.0.2.66");
    expect(attentionOf(md)).toContain("| `plan-drift.com` | `@` | A | `192.0.2.66` |  | `zone` | added outside of code |");
    expect(plan.domains.find((d) => d.domain === "plan-drift.com")?.unchanged).toBe(1); // the nameservers
  });

  it("safety: five of twelve records removed from one zone, shown as removals (refused once the zone-change rail is in force)", () => {
    const { plan, md } = load("safety");
    const refusal = plan.errors.find((e) => e.refusal);
    if (refusal) {
      expect(refusal.refusal?.rule).toBe("zone-change");
      expect(refusal.refusal?.consent).toMatch(/^allowChanges: \{ changes: \d+, checksum: "[0-9a-f]+" \}$/);
      expect(md).toContain(`\`\`\`ts\n  ${refusal.refusal?.consent}\n  \`\`\``);
    } else {
      const removed = plan.domains.find((d) => d.domain === "plan-safety.com")?.changes[0]?.changes.dns?.removed ?? [];
      expect(removed).toHaveLength(5);
    }
  });

  it("renewal: a declared renewal that a refresh finds due is a charge, with its price and running total", () => {
    const { md } = load("renewal");
    expect(md).toContain("| renew | `plan-renewal.com` | `registration` | 1 | **13.75 USD** | 13.75 USD |");
    expect(md.indexOf("**Charges** (1)")).toBeGreaterThan(md.indexOf("### Needs attention"));
  });

  it("too-many-deletes: the deletion rail's refusal first, listing what would go, with the consent to copy", () => {
    const { plan, md } = load("too-many-deletes");
    expect(plan.counts.errors).toBe(1);
    expect(md).toContain("**Refused by safety rail `max-deletes-per-run`**");
    for (const lock of ["lock-b", "lock-c", "lock-d"]) expect(md).toContain(`- RegistrarLock:${lock}`);
    expect(md).toMatch(/```sh\n\s*pulumi config set domainsreseller:allowDeletes 3:[0-9a-f]{8}\n\s*```/);
  });
});

describe("unchanged resources", () => {
  it("unchanged (--show-sames): the three unchanged resources counted, not listed; the stack and the guard not counted", () => {
    const { plan, md } = load("unchanged");
    expect(plan.counts).toMatchObject({ update: 1, unchanged: 3, create: 0, delete: 0 });
    expect(md.split("\n")[0]).toBe("## Plan: 1 to update, 3 unchanged");
    const domain = section(md, "plan-unchanged.com (3 unchanged)");
    expect(domain).toContain("`locked`: `true` → `false`");
    for (const name of ["zone", "ns", "privacy"]) expect(domain).not.toContain(`\`${name}\``);
  });

  it("the same preview without --show-sames (only the stack listed among the unchanged) gives the same count", () => {
    const document = JSON.parse(readFileSync(join(FIXTURES, "unchanged.json"), "utf8")) as { steps: { op: string; urn: string }[] };
    document.steps = document.steps.filter((s) => s.op !== "same" || s.urn.includes("pulumi:pulumi:Stack"));
    expect(buildPlan(parsePreview(JSON.stringify(document))).counts.unchanged).toBe(3);
  });
});

describe("docs/pull-request-plan.md", () => {
  it.each(["changes", "safety", "drift", "domain-move", "deletes"])("shows the %s example exactly as plan-md renders it", (scenario) => {
    expect(readFileSync("docs/pull-request-plan.md", "utf8")).toContain(`\`\`\`\`markdown\n${load(scenario).md}\`\`\`\``);
  });

  it("shows the charges exactly as plan-md renders them", () => {
    const md = load("charge").md;
    expect(readFileSync("docs/pull-request-plan.md", "utf8")).toContain(md.slice(md.indexOf("### Needs attention"), md.indexOf("\n### plan-charge")));
  });
});
