// Live DNS records a DnsRecordSet's save deletes and the names and types it gives back (`removes`,
// `givesBack` in its checked inputs) and `domain` changes, on hand-made minimal previews: each
// deleted record under Needs attention with its domain, name, type, value and why, each name given
// back with its domain, name and type (never as records); never "Nothing" while one is listed;
// moves of every settings kind; secrets and unknowns never printed.
import { describe, expect, it } from "vitest";
import { buildPlan, parsePreview, renderJson, renderMarkdown } from "../../provider/plan";
import { givenBackNameOf, liveRecordOf } from "../../provider/plan/live";
import { GIVEN_BACK_AS_FOUND } from "../../provider/plan/markdown";

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

describe("live DNS records deleted and DNS names given back", () => {
  const olds = { domain: "shop.test", mode: "merge", records: records(["@", "A", "192.0.2.1"], ["old", "A", "192.0.2.9"], ["@", "MX", "mx1.mail.test", 10]) };
  const news = {
    domain: "shop.test",
    mode: "authoritative",
    records: records(["@", "A", "192.0.2.2"], ["@", "MX", "mx1.mail.test", 10]),
    // The provider leaves the records of old/A out: that name and type is given back as found.
    removes: [
      "shop.test @/A/192.0.2.1",
      "shop.test @/MX/mx9.mail.test (priority 20)",
      "shop.test _dmarc/TXT/v=DMARC1; p=none",
      "shop.test _sip._tcp/SRV/5 5060 sip.shop.test (priority 10)",
    ],
    givesBack: ["shop.test old/A"],
  };
  const p = plan([step("update", "DnsRecordSet", "zone", olds, news)]);
  const md = renderMarkdown(p);

  it("collects every removal from the step's new inputs, each with its zone, record and reason", () => {
    expect(p.dnsRecordsDeleted.map((r) => [r.domain, r.record, r.resource.name, r.reason])).toEqual([
      ["shop.test", { name: "@", type: "A", value: "192.0.2.1" }, "zone", "changed in the code"],
      ["shop.test", { name: "@", type: "MX", value: "mx9.mail.test", priority: 20 }, "zone", "never declared by the program"],
      ["shop.test", { name: "_dmarc", type: "TXT", value: "v=DMARC1; p=none" }, "zone", "never declared by the program"],
      ["shop.test", { name: "_sip._tcp", type: "SRV", value: "5 5060 sip.shop.test", priority: 10 }, "zone", "never declared by the program"],
    ]);
  });

  it("collects every name and type given back, with its zone and resource, not as records", () => {
    expect(p.dnsNamesGivenBack).toEqual([{ domain: "shop.test", name: "old", type: "A", resource: { kind: "DnsRecordSet", name: "zone", domain: "shop.test" } }]);
    expect(p.dnsRecordsDeleted.some((r) => r.record.name === "old")).toBe(false);
  });

  it("renders them under Needs attention with a count, the names given back after the deletions, and never \"Nothing\"", () => {
    const section = attention(md);
    expect(section).toContain("**DNS records deleted** (4): live records `pulumi up` deletes");
    expect(section).toContain("| Domain | Name | Type | Value | Priority | Resource | Why |");
    expect(section).toContain("| `shop.test` | `@` | MX | `mx9.mail.test` | 20 | `zone` | never declared by the program |");
    expect(section).toContain("| `shop.test` | `_sip._tcp` | SRV | `5 5060 sip.shop.test` | 10 | `zone` | never declared by the program |");
    expect(section).toContain("**DNS names given back** (1): names and types the code stops declaring");
    expect(section).toContain("| Domain | Name | Type | Resource | What `pulumi up` does |");
    expect(section).toContain(`| \`shop.test\` | \`old\` | A | \`zone\` | ${GIVEN_BACK_AS_FOUND} |`);
    expect(GIVEN_BACK_AS_FOUND).toBe("given back as found when it was taken over: its own records there are removed, what it replaced comes back, records that were there before stay");
    expect(section.indexOf("**DNS names given back**")).toBeGreaterThan(section.indexOf("**DNS records deleted**"));
    expect(section).not.toContain("put back");
    expect(md).not.toContain("Nothing:");
  });

  it("the domain's section shows the code's change, never `removes` or `givesBack` as fields", () => {
    const domain = md.slice(md.indexOf("### shop.test"));
    expect(domain).toContain("`mode`: `merge` → `authoritative`");
    expect(domain).toContain("| removed | `old` | A | `192.0.2.9` |  |");
    expect(domain).not.toContain("`removes`");
    expect(domain).not.toContain("`givesBack`");
  });

  it("the JSON carries the same lists", () => {
    const json = JSON.parse(renderJson(p)) as Record<string, unknown>;
    expect(json.dnsRecordsDeleted).toHaveLength(4);
    expect(json.dnsNamesGivenBack).toEqual([{ domain: "shop.test", name: "old", type: "A", resource: { kind: "DnsRecordSet", name: "zone", domain: "shop.test" } }]);
    expect(json).not.toHaveProperty("dnsRecordsPutBack");
    expect(json.domainMoves).toEqual([]);
  });

  it("a record the set recorded at a name and type it no longer declares, when listed as deleted, is \"removed from the code\"", () => {
    const p4 = plan([step("update", "DnsRecordSet", "zone", olds, { ...news, removes: ["shop.test old/A/192.0.2.9"], givesBack: [] })]);
    expect(p4.dnsRecordsDeleted.map((r) => r.reason)).toEqual(["removed from the code"]);
  });

  it("a switch to authoritative alone that deletes records is never \"Nothing\"", () => {
    const only = plan([
      step("update", "DnsRecordSet", "zone", { domain: "a.test", mode: "merge", records: {} }, { domain: "a.test", mode: "authoritative", records: {}, removes: ["a.test www/CNAME/a.test"] }),
    ]);
    const out = renderMarkdown(only);
    expect(out).toContain("**DNS records deleted** (1)");
    expect(out).not.toContain("Nothing:");
  });

  it("names given back alone still need attention (no \"Nothing\")", () => {
    const only = plan([step("update", "DnsRecordSet", "zone", { domain: "a.test", mode: "merge", records: records(["x", "A", "192.0.2.5"]) }, { domain: "a.test", mode: "merge", records: {}, givesBack: ["a.test x/A"] })]);
    const out = renderMarkdown(only);
    expect(out).toContain("**DNS names given back** (1)");
    expect(out).toContain("| `a.test` | `x` | A | `zone` |");
    expect(out).not.toContain("**DNS records deleted**");
    expect(out).not.toContain("Nothing:");
  });

  it("names given back are listed for every zone and resource, sorted by zone then resource, in the provider's order within one", () => {
    const p5 = plan([
      step("update", "DnsRecordSet", "web", { domain: "b.test", records: records(["www", "CNAME", "b.test"]) }, { domain: "b.test", records: {}, givesBack: ["b.test www/CNAME"] }),
      step("update", "DnsRecordSet", "mail", { domain: "a.test", records: records(["@", "MX", "mx.a.test", 10], ["@", "TXT", "v=spf1 -all"]) }, { domain: "a.test", records: {}, givesBack: ["a.test @/MX", "a.test @/TXT"] }),
    ]);
    expect(p5.dnsNamesGivenBack.map((n) => `${n.domain} ${n.name}/${n.type} ${n.resource.name}`)).toEqual(["a.test @/MX mail", "a.test @/TXT mail", "b.test www/CNAME web"]);
    expect(renderMarkdown(p5)).toContain("**DNS names given back** (3)");
  });

  it("a step the engine leaves alone (same) or a deleted set gives nothing back here", () => {
    const p6 = plan([
      step("same", "DnsRecordSet", "kept", { domain: "c.test", records: {} }, { domain: "c.test", records: {}, givesBack: ["c.test x/A"] }),
      step("delete", "DnsRecordSet", "gone", { domain: "d.test", records: records(["x", "A", "192.0.2.9"]) }),
    ]);
    expect(p6.dnsNamesGivenBack).toEqual([]);
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

describe("secrets and unknowns in removes and givesBack", () => {
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
    const unknown = plan([step("update", "DnsRecordSet", "zone", { domain: "s.test", records: {} }, { domain: "s.test", records: UNKNOWN, removes: UNKNOWN, givesBack: [UNKNOWN] })]);
    expect(unknown.dnsRecordsDeleted).toEqual([]);
    expect(unknown.dnsNamesGivenBack).toEqual([]);
  });

  it("a secret name given back, or a secret list of them, is [secret], never its plaintext; an unknown list is none", () => {
    const secretEntry = plan([step("update", "DnsRecordSet", "zone", { domain: "s.test", records: {} }, { domain: "s.test", records: {}, givesBack: [SECRET_OBJECT, "s.test a/A"] })]);
    expect(secretEntry.dnsNamesGivenBack.map((n) => `${n.domain} ${n.name}/${n.type}`)).toEqual(["s.test [secret]/", "s.test a/A"]);
    const secretList = plan([step("update", "DnsRecordSet", "zone", { domain: "s.test", records: {} }, { domain: "s.test", records: {}, givesBack: SECRET_OBJECT })]);
    expect(secretList.dnsNamesGivenBack.map((n) => n.name)).toEqual(["[secret]"]);
    for (const p of [secretEntry, secretList]) {
      const out = renderMarkdown(p) + renderJson(p);
      expect(out).toContain("`[secret]`");
      expect(out).not.toContain("Live-Secret-Plain");
    }
    const unknown = plan([step("update", "DnsRecordSet", "zone", { domain: "s.test", records: {} }, { domain: "s.test", records: {}, givesBack: UNKNOWN })]);
    expect(unknown.dnsNamesGivenBack).toEqual([]);
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

describe("reading one name given back", () => {
  it.each([
    ["acme-mail.com old/A", { domain: "acme-mail.com", name: "old", type: "A" }],
    ["Acme-Mail.Com @/MX", { domain: "acme-mail.com", name: "@", type: "MX" }],
    ["shop.test _sip._tcp/SRV", { domain: "shop.test", name: "_sip._tcp", type: "SRV" }],
    ["not a name", { domain: "fallback.test", name: "not a name", type: "" }],
  ])("%s", (entry, expected) => {
    expect(givenBackNameOf(entry, "fallback.test")).toEqual(expected);
  });

  it("an unknown entry, or one that is not text, is none", () => {
    expect(givenBackNameOf(UNKNOWN, "x.test")).toBeUndefined();
    expect(givenBackNameOf(42, "x.test")).toBeUndefined();
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
