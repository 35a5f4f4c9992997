// Live DNS records a DnsRecordSet's save deletes or puts back (`removes`, `restores` in its checked
// inputs) and `domain` changes, on hand-made minimal previews: each deleted record under Needs
// attention with its domain, name, type, value and why; never "Nothing" while one is deleted; moves
// of every settings kind; secrets and unknowns never printed.
import { describe, expect, it } from "vitest";
import { buildPlan, parsePreview, renderJson, renderMarkdown } from "../../provider/plan";
import { liveRecordOf } from "../../provider/plan/live";

const TYPE = (kind: string) => `pulumi-nodejs:dynamic/domainsreseller:${kind}`;
const URN = (type: string, name: string) => `urn:pulumi:dev::shop::${type}::${name}`;
const state = (kind: string, inputs: Record<string, unknown>) => ({ type: TYPE(kind), inputs, outputs: {} });
const step = (op: string, kind: string, name: string, olds?: Record<string, unknown>, news?: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  op,
  urn: URN(TYPE(kind), name),
  ...(olds ? { oldState: state(kind, olds) } : {}),
  ...(news ? { newState: state(kind, news) } : {}),
  ...extra,
});
const plan = (steps: unknown[]) => buildPlan(parsePreview(JSON.stringify({ steps, changeSummary: {} })));
const attention = (md: string): string => md.slice(md.indexOf("### Needs attention"), md.indexOf("\n### ", md.indexOf("### Needs attention") + 4));

const SECRET_OBJECT = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: '"Live-Secret-Plain"' };
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const records = (...list: [string, string, string, number?][]) =>
  Object.fromEntries(list.map(([name, type, value, priority]) => [`${name}/${type}/${value}`, { name, type, value, ...(priority === undefined ? {} : { priority }) }]));

describe("live DNS records deleted and put back", () => {
  const olds = { domain: "shop.test", mode: "merge", records: records(["@", "A", "192.0.2.1"], ["old", "A", "192.0.2.9"], ["@", "MX", "mx1.mail.test", 10]) };
  const news = {
    domain: "shop.test",
    mode: "authoritative",
    records: records(["@", "A", "192.0.2.2"], ["@", "MX", "mx1.mail.test", 10]),
    removes: [
      "shop.test @/A/192.0.2.1",
      "shop.test old/A/192.0.2.9",
      "shop.test @/MX/mx9.mail.test (priority 20)",
      "shop.test _dmarc/TXT/v=DMARC1; p=none",
      "shop.test _sip._tcp/SRV/5 5060 sip.shop.test (priority 10)",
    ],
    restores: ["shop.test legacy/CNAME/old.hosting.test"],
  };
  const p = plan([step("update", "DnsRecordSet", "zone", olds, news)]);
  const md = renderMarkdown(p);

  it("collects every removal from the step's new inputs, each with its zone, record and reason", () => {
    expect(p.dnsRecordsDeleted.map((r) => [r.domain, r.record, r.resource.name, r.reason])).toEqual([
      ["shop.test", { name: "@", type: "A", value: "192.0.2.1" }, "zone", "changed in the code"],
      ["shop.test", { name: "old", type: "A", value: "192.0.2.9" }, "zone", "removed from the code"],
      ["shop.test", { name: "@", type: "MX", value: "mx9.mail.test", priority: 20 }, "zone", "never declared by the program"],
      ["shop.test", { name: "_dmarc", type: "TXT", value: "v=DMARC1; p=none" }, "zone", "never declared by the program"],
      ["shop.test", { name: "_sip._tcp", type: "SRV", value: "5 5060 sip.shop.test", priority: 10 }, "zone", "never declared by the program"],
    ]);
    expect(p.dnsRecordsPutBack).toEqual([{ domain: "shop.test", record: { name: "legacy", type: "CNAME", value: "old.hosting.test" }, resource: { kind: "DnsRecordSet", name: "zone", domain: "shop.test" } }]);
  });

  it("renders them under Needs attention with a count, the put-back ones after, and never \"Nothing\"", () => {
    const section = attention(md);
    expect(section).toContain("**DNS records deleted** (5): live records `pulumi up` deletes");
    expect(section).toContain("| Domain | Name | Type | Value | Priority | Resource | Why |");
    expect(section).toContain("| `shop.test` | `@` | MX | `mx9.mail.test` | 20 | `zone` | never declared by the program |");
    expect(section).toContain("| `shop.test` | `_sip._tcp` | SRV | `5 5060 sip.shop.test` | 10 | `zone` | never declared by the program |");
    expect(section).toContain("DNS records put back (1): found when the resource took them over, restored by `pulumi up`");
    expect(section).toContain("| `shop.test` | `legacy` | CNAME | `old.hosting.test` |  | `zone` |");
    expect(section.indexOf("DNS records put back")).toBeGreaterThan(section.indexOf("**DNS records deleted**"));
    expect(md).not.toContain("Nothing:");
  });

  it("the domain's section shows the code's change, never `removes` or `restores` as fields", () => {
    const domain = md.slice(md.indexOf("### shop.test"));
    expect(domain).toContain("`mode`: `merge` → `authoritative`");
    expect(domain).not.toContain("`removes`");
    expect(domain).not.toContain("`restores`");
  });

  it("the JSON carries the same lists", () => {
    const json = JSON.parse(renderJson(p)) as Record<string, unknown>;
    expect(json.dnsRecordsDeleted).toHaveLength(5);
    expect(json.dnsRecordsPutBack).toHaveLength(1);
    expect(json.domainMoves).toEqual([]);
  });

  it("a switch to authoritative alone that deletes records is never \"Nothing\"", () => {
    const only = plan([
      step("update", "DnsRecordSet", "zone", { domain: "a.test", mode: "merge", records: {} }, { domain: "a.test", mode: "authoritative", records: {}, removes: ["a.test www/CNAME/a.test"] }),
    ]);
    const out = renderMarkdown(only);
    expect(out).toContain("**DNS records deleted** (1)");
    expect(out).not.toContain("Nothing:");
  });

  it("records put back alone still need attention (no \"Nothing\")", () => {
    const only = plan([step("update", "DnsRecordSet", "zone", { domain: "a.test", mode: "merge", records: records(["x", "A", "192.0.2.5"]) }, { domain: "a.test", mode: "merge", records: {}, restores: ["a.test x/A/192.0.2.4"] })]);
    const out = renderMarkdown(only);
    expect(out).toContain("DNS records put back (1)");
    expect(out).not.toContain("Nothing:");
  });

  it("a takeover (create) that replaces a value lists it; a step the engine leaves alone (same) does not", () => {
    const p2 = plan([
      step("create", "DnsRecordSet", "new", undefined, { domain: "b.test", mode: "merge", records: records(["@", "A", "192.0.2.7"]), removes: ["b.test @/A/192.0.2.6"] }),
      step("same", "DnsRecordSet", "kept", { domain: "c.test", mode: "merge", records: {} }, { domain: "c.test", mode: "merge", records: {}, removes: ["c.test @/A/192.0.2.8"] }),
    ]);
    expect(p2.dnsRecordsDeleted.map((r) => `${r.resource.name} ${r.domain} ${r.record.value} ${r.reason}`)).toEqual(["new b.test 192.0.2.6 never declared by the program"]);
  });

  it("a value a refresh found at the set's name and type is \"added outside of code\"", () => {
    const recorded = { domain: "d.test", mode: "merge", records: records(["@", "A", "192.0.2.40"]) };
    const live = { domain: "d.test", mode: "merge", records: records(["@", "A", "192.0.2.66"]) };
    const wanted = { ...recorded, removes: ["d.test @/A/192.0.2.66"] };
    const p3 = plan([step("refresh", "DnsRecordSet", "zone", recorded, recorded), step("update", "DnsRecordSet", "zone", live, wanted)]);
    expect(p3.dnsRecordsDeleted.map((r) => r.reason)).toEqual(["added outside of code"]);
  });

  it("the rows of a long list fold, the count stays in view", () => {
    const many = Array.from({ length: 12 }, (_, i) => `e.test h${i}/A/192.0.2.${i}`);
    const out = renderMarkdown(plan([step("update", "DnsRecordSet", "zone", { domain: "e.test", mode: "merge", records: {} }, { domain: "e.test", mode: "authoritative", records: {}, removes: many })]));
    expect(out).toContain("**DNS records deleted** (12)");
    expect(out).toContain("<details><summary>12 rows</summary>");
  });
});

describe("secrets and unknowns in removes and restores", () => {
  it.each([
    ["the string the engine prints", "[secret]"],
    ["the secret signature object", SECRET_OBJECT],
  ])("a secret entry is counted and printed as [secret], never its plaintext: %s", (_label, secret) => {
    const p = plan([step("update", "DnsRecordSet", "zone", { domain: "s.test", mode: "merge", records: {} }, { domain: "s.test", mode: "merge", records: {}, removes: [secret, "s.test a/A/192.0.2.1"] })]);
    expect(p.dnsRecordsDeleted.map((r) => r.record.value)).toEqual(["[secret]", "192.0.2.1"]);
    const out = renderMarkdown(p) + renderJson(p);
    expect(out).toContain("`[secret]`");
    expect(out).not.toContain("Live-Secret-Plain");
  });

  it("a list that is secret as a whole is one [secret] deletion; an unknown list or entry is none", () => {
    const secretList = plan([step("update", "DnsRecordSet", "zone", { domain: "s.test", records: {} }, { domain: "s.test", records: {}, removes: SECRET_OBJECT })]);
    expect(secretList.dnsRecordsDeleted.map((r) => r.record.value)).toEqual(["[secret]"]);
    expect(renderJson(secretList)).not.toContain("Live-Secret-Plain");
    const unknown = plan([step("update", "DnsRecordSet", "zone", { domain: "s.test", records: {} }, { domain: "s.test", records: UNKNOWN, removes: UNKNOWN, restores: [UNKNOWN] })]);
    expect(unknown.dnsRecordsDeleted).toEqual([]);
    expect(unknown.dnsRecordsPutBack).toEqual([]);
  });
});

describe("reading one entry", () => {
  it.each([
    ["shop.test @/A/192.0.2.1", { domain: "shop.test", record: { name: "@", type: "A", value: "192.0.2.1" } }],
    ["Shop.Test @/MX/mx.shop.test (priority 5)", { domain: "shop.test", record: { name: "@", type: "MX", value: "mx.shop.test", priority: 5 } }],
    // Only MX and SRV carry a priority: a TXT that ends so keeps it in its value.
    ["shop.test @/TXT/note (priority 5)", { domain: "shop.test", record: { name: "@", type: "TXT", value: "note (priority 5)" } }],
    ["shop.test @/TXT/path=/a/b c", { domain: "shop.test", record: { name: "@", type: "TXT", value: "path=/a/b c" } }],
    ["not a record", { domain: "fallback.test", record: { name: "", type: "", value: "not a record" } }],
  ])("%s", (entry, expected) => {
    expect(liveRecordOf(entry, "fallback.test")).toEqual(expected);
  });

  it("an unknown entry, or one that is not text, is no record", () => {
    expect(liveRecordOf(UNKNOWN, "x.test")).toBeUndefined();
    expect(liveRecordOf(42, "x.test")).toBeUndefined();
  });
});

describe("domain moves", () => {
  it.each([
    ["DnsRecordSet", { records: {}, mode: "merge" }, " (records this resource added there are removed)"],
    ["Nameservers", { nameservers: ["ns1.host.test", "ns2.host.test"] }, ""],
    ["RegistrarLock", { locked: true }, ""],
    ["EmailForwarding", { forwards: [] }, " (forwards this resource added there are removed)"],
    ["IdProtection", { enabled: true }, ""],
    ["PrivateNameserver", { host: "ns1", ip: "192.0.2.53" }, " (a glue host this resource registered there is deleted)"],
  ])("%s: a replace for `domain` is a move under Needs attention", (kind, inputs, given) => {
    const p = plan([step("replace", kind, "it", { domain: "old.test", ...inputs }, { domain: "new.test", ...inputs }, { replaceReasons: ["domain"] })]);
    expect(p.domainMoves).toEqual([{ kind, name: "it", domain: "new.test", from: "old.test", to: "new.test" }]);
    const md = renderMarkdown(p);
    expect(attention(md)).toContain(`**Domain moves** (1)\n\n- ${kind} \`it\` moves from \`old.test\` to \`new.test\`: \`old.test\` is given back as it was found${given}; \`new.test\` is taken over as found.`);
    expect(md).not.toContain("Nothing:");
  });

  it("a DnsRecordSet's move names what the takeover deletes on the new domain; its records are what it declares there, not a change of the old domain's", () => {
    const p = plan([
      step(
        "replace",
        "DnsRecordSet",
        "zone",
        { domain: "old.test", mode: "merge", records: records(["www", "CNAME", "old-shop.hosting.test"]) },
        { domain: "new.test", mode: "merge", records: records(["www", "CNAME", "shops.hosting.test"]), removes: ["new.test www/CNAME/parking.test", "new.test www/CNAME/other.test"] },
        { replaceReasons: ["domain"] },
      ),
    ]);
    const md = renderMarkdown(p);
    expect(attention(md)).toContain("`new.test` is taken over as found, deleting 2 live records there: `www/CNAME/parking.test`, `www/CNAME/other.test`.");
    expect(attention(md)).toContain("**DNS records deleted** (2)");
    const domain = md.slice(md.indexOf("### new.test"));
    expect(domain).toContain("`domain`: `old.test` → `new.test`");
    expect(domain).toContain("| added | `www` | CNAME | `shops.hosting.test` |  |");
    expect(domain).not.toContain("old-shop.hosting.test"); // not "changed www CNAME old-shop → shops"
  });

  it("more than five records deleted by a move are named up to five, the rest counted", () => {
    const removes = Array.from({ length: 7 }, (_, i) => `new.test h${i}/A/192.0.2.${i}`);
    const p = plan([step("replace", "DnsRecordSet", "zone", { domain: "old.test", records: {} }, { domain: "new.test", records: {}, removes }, { replaceReasons: ["domain"] })]);
    expect(renderMarkdown(p)).toContain("deleting 7 live records there: `h0/A/192.0.2.0`, `h1/A/192.0.2.1`, `h2/A/192.0.2.2`, `h3/A/192.0.2.3`, `h4/A/192.0.2.4` and 2 more.");
  });

  it("a replacement for another input (profile) or of a Domain is no move; an unknown new domain is said so", () => {
    const p = plan([
      step("replace", "Nameservers", "ns", { domain: "a.test", nameservers: [] }, { domain: "a.test", profile: "eu", nameservers: [] }, { replaceReasons: ["profile"] }),
      step("replace", "Domain", "reg", { name: "a.test", source: "adopt" }, { name: "b.test", source: "adopt" }, { replaceReasons: ["name"] }),
      step("replace", "RegistrarLock", "lock", { domain: "a.test", locked: true }, { domain: UNKNOWN, locked: true }, { replaceReasons: ["domain"] }),
    ]);
    expect(p.domainMoves).toEqual([{ kind: "RegistrarLock", name: "lock", domain: undefined, from: "a.test", to: "[unknown until apply]" }]);
    expect(renderMarkdown(p)).toContain("### (unknown domain)");
  });
});
