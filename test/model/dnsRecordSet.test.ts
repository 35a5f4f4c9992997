import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import { diffDnsRecordSet, dnsRecordSetInputsSchema, recordMap, type DnsRecordSetState } from "../../provider/model/dns";
import { UNKNOWN } from "../../provider/model/unknown";

const PROVIDER = { __provider: "exports.handler = ..." };
const check = (raw: Record<string, unknown>) => checkInputs(dnsRecordSetInputsSchema, raw);
const zone = (...records: unknown[]) => ({ ...PROVIDER, domain: "example.com", records });

describe("DnsRecordSet inputs", () => {
  it("canonicalises the README example: relative names, no trailing dots, unquoted TXT, canonical order", () => {
    expect(
      check(
        zone(
          { name: "@", type: "A", value: "192.0.2.10" },
          { name: "WWW.example.com.", type: "cname", value: "Example.COM." },
          { name: "@", type: "MX", value: "mail.example.com", priority: "10" },
          { name: "@", type: "TXT", value: '"v=spf1 include:_spf.example.net" " -all"' },
        ),
      ),
    ).toEqual({
      ok: true,
      inputs: {
        domain: "example.com",
        mode: "merge",
        records: [
          { name: "@", type: "A", value: "192.0.2.10" },
          { name: "@", type: "MX", value: "mail.example.com", priority: 10 },
          { name: "@", type: "TXT", value: "v=spf1 include:_spf.example.net -all" },
          { name: "www", type: "CNAME", value: "example.com" },
        ],
      },
    });
  });

  it("accepts every record type, an empty list, authoritative mode and an \"N/A\" priority on a type without one", () => {
    const outcome = check({
      domain: "Example.com.",
      mode: "authoritative",
      records: [
        { name: "@", type: "AAAA", value: "2001:DB8:0:0::1" },
        { name: "_sip._tcp", type: "SRV", value: "5 5060 sip.example.com.", priority: 10 },
        { name: "@", type: "CAA", value: "0 issue letsencrypt.org" },
        { name: "sub", type: "NS", value: "ns1.example.net." },
        { name: "go", type: "URL", value: "https://example.net/path" },
        { name: "frame", type: "FRAME", value: "https://example.net/" },
        { name: "mail", type: "MXE", value: "192.0.2.25", priority: "N/A" },
      ],
    });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.inputs.records.map((r) => `${r.name}/${r.type}/${r.value}/${r.priority ?? "-"}`)).toEqual([
      "@/AAAA/2001:db8::1/-",
      '@/CAA/0 issue "letsencrypt.org"/-',
      "_sip._tcp/SRV/5 5060 sip.example.com/10",
      "frame/FRAME/https://example.net//-",
      "go/URL/https://example.net/path/-",
      "mail/MXE/192.0.2.25/-",
      "sub/NS/ns1.example.net/-",
    ]);
    expect(check({ domain: "example.com", records: [] })).toEqual({ ok: true, inputs: { domain: "example.com", mode: "merge", records: [] } });
  });

  it("lets values unknown at preview through: the engine checks again with real values", () => {
    expect(check(zone({ name: "www", type: "A", value: UNKNOWN }))).toEqual({ ok: true, inputs: { domain: "example.com", mode: "merge", records: [{ name: "www", type: "A", value: UNKNOWN }] } });
    expect(check({ domain: "example.com", records: UNKNOWN })).toEqual({ ok: true, inputs: { domain: "example.com", mode: "merge", records: UNKNOWN } });
    // the domain unknown: each record is still checked on its own, the zone rules wait
    expect(check({ domain: UNKNOWN, records: [{ name: "WWW.example.com.", type: "a", value: "192.0.2.1" }] })).toEqual({
      ok: true,
      inputs: { domain: UNKNOWN, mode: "merge", records: [{ name: "www.example.com.", type: "A", value: "192.0.2.1" }] },
    });
    const bad = check({ domain: UNKNOWN, records: [{ name: "www", type: "A", value: "nope" }] });
    expect(bad.ok).toBe(false);
  });

  it("reports a missing list as required and a bad mode with both choices", () => {
    expect(check({ domain: "example.com" })).toEqual({ ok: false, failures: [{ property: "records", reason: '"records" is required' }] });
    const outcome = check({ domain: "example.com", mode: "exclusive", records: [] });
    expect(outcome).toMatchObject({ ok: false, failures: [{ property: "mode", reason: expect.stringMatching(/"merge" .* or "authoritative"/) }] });
    expect(check({ domain: "example.com", records: "www A 1.2.3.4" })).toMatchObject({ ok: false, failures: [{ property: "records", reason: expect.stringMatching(/must be a list of records/) }] });
  });
});

// Each invalid set names the record (index, name/type), the property at fault, and the fix.
const INVALID: [string, unknown[], string, string, RegExp][] = [
  ["ttl present", [{ name: "www", type: "A", value: "192.0.2.1", ttl: 300 }], "records[0].ttl", "www/A", /stores no TTL.*remove ttl/],
  ["IPv4 with too few parts", [{ name: "www", type: "A", value: "192.0.2" }], "records[0].value", "www/A", /IPv4 address such as 192\.0\.2\.10/],
  ["IPv4 with leading zeros", [{ name: "www", type: "A", value: "192.0.2.010" }], "records[0].value", "www/A", /without leading zeros/],
  ["IPv6 in an A record", [{ name: "www", type: "A", value: "2001:db8::1" }], "records[0].value", "www/A", /use type AAAA/],
  ["IPv4 in an AAAA record", [{ name: "www", type: "AAAA", value: "192.0.2.1" }], "records[0].value", "www/AAAA", /use type A\b/],
  ["IPv6 with two ::", [{ name: "www", type: "AAAA", value: "2001::db8::1" }], "records[0].value", "www/AAAA", /IPv6 address such as 2001:db8::10/],
  ["URL as a CNAME target", [{ name: "www", type: "CNAME", value: "https://example.net/" }], "records[0].value", "www/CNAME", /full host name such as mail\.example\.com/],
  ["CNAME at the apex", [{ name: "example.com.", type: "CNAME", value: "example.net" }], "records[0].name", "@/CNAME", /cannot be at the apex.*use A\/AAAA records/],
  ["CNAME beside an A", [{ name: "www", type: "A", value: "192.0.2.1" }, { name: "WWW", type: "CNAME", value: "example.net" }], "records[1].type", "www/CNAME", /shares its name with records\[0\] \(www\/A\).*remove one/],
  ["two CNAMEs on one name", [{ name: "www", type: "CNAME", value: "a.example.net" }, { name: "www", type: "CNAME", value: "b.example.net" }], "records[1].type", "www/CNAME", /only record on its name/],
  ["duplicate after canonicalisation", [{ name: "www", type: "A", value: "192.0.2.1" }, { name: "WWW.example.com.", type: "a", value: " 192.0.2.1" }], "records[1].value", "www/A", /repeats records\[0\] \(www\/A\/192\.0\.2\.1\).*remove one/],
  ["MX duplicate differing only in priority", [{ name: "@", type: "MX", value: "mx.example.com", priority: 10 }, { name: "@", type: "MX", value: "MX.example.com.", priority: 20 }], "records[1].value", "@/MX", /repeats records\[0\]/],
  ["priority on an A record", [{ name: "www", type: "A", value: "192.0.2.1", priority: 10 }], "records[0].priority", "www/A", /only MX and SRV have one\): remove priority/],
  ["priority on MXE", [{ name: "mail", type: "MXE", value: "192.0.2.25", priority: 10 }], "records[0].priority", "mail/MXE", /remove priority/],
  ["MX without priority", [{ name: "@", type: "MX", value: "mail.example.com" }], "records[0].priority", "@/MX", /required for MX records: add priority/],
  ["MX priority out of range", [{ name: "@", type: "MX", value: "mail.example.com", priority: 70000 }], "records[0].priority", "@/MX", /whole number 0-65535/],
  ["MX priority not a number", [{ name: "@", type: "MX", value: "mail.example.com", priority: "high" }], "records[0].priority", "@/MX", /whole number 0-65535.*"high"/],
  ["SRV without priority", [{ name: "_sip._tcp", type: "SRV", value: "5 5060 sip.example.com" }], "records[0].priority", "_sip._tcp/SRV", /required for SRV records/],
  ["SRV value without weight", [{ name: "_sip._tcp", type: "SRV", value: "5060 sip.example.com", priority: 10 }], "records[0].value", "_sip._tcp/SRV", /"weight port target"/],
  ["SRV priority inside the value", [{ name: "_sip._tcp", type: "SRV", value: "10 5 5060 sip.example.com" }], "records[0].value", "_sip._tcp/SRV", /move the first \(the priority\) into priority/],
  ["CAA with an unknown tag", [{ name: "@", type: "CAA", value: '0 issuer "letsencrypt.org"' }], "records[0].value", "@/CAA", /flags tag "value".*issue, issuewild or iodef/],
  ["URL without a scheme", [{ name: "go", type: "URL", value: "www.example.net" }], "records[0].value", "go/URL", /http:\/\/ or https:\/\/ URL/],
  ["host name in an MXE record", [{ name: "mail", type: "MXE", value: "mail.example.com" }], "records[0].value", "mail/MXE", /IPv4 address of the mail server.*use type MX/],
  ["single-label NS target", [{ name: "sub", type: "NS", value: "ns1" }], "records[0].value", "sub/NS", /full host name/],
  ["record type the API lacks", [{ name: "@", type: "SPF", value: "v=spf1 -all" }], "records[0].type", "@/SPF", /use one of A, AAAA, CNAME.*TXT record/],
  ["name of another zone", [{ name: "www.example.net.", type: "A", value: "192.0.2.1" }], "records[0].name", "www.example.net./A", /outside the zone example\.com: write names relative/],
  ["name with a space", [{ name: "my host", type: "A", value: "192.0.2.1" }], "records[0].name", "my host/A", /not a record name: use dot-separated labels/],
  ["wildcard not first", [{ name: "www.*", type: "A", value: "192.0.2.1" }], "records[0].name", "www.*/A", /"\*" as the first label/],
  ["empty value", [{ name: "www", type: "TXT", value: "  " }], "records[0].value", "www/TXT", /must not be empty.*remove the record instead/],
  ["TXT of quotes only", [{ name: "www", type: "TXT", value: '""' }], "records[0].value", "www/TXT", /empty once its quotes are removed/],
  ["value not a string", [{ name: "www", type: "A", value: 3232235777 }], "records[0].value", "", /must be a string: the address/],
  ["misspelt property", [{ name: "www", type: "A", value: "192.0.2.1", prio: 1 }], "records[0]", "", /unknown properties "prio": remove them/],
  ["later record of three", [{ name: "a", type: "A", value: "192.0.2.1" }, { name: "b", type: "A", value: "192.0.2.2" }, { name: "c", type: "CNAME", value: "c" }], "records[2].value", "c/CNAME", /full host name/],
];

describe("invalid record sets are refused with the record, the property and the fix", () => {
  it.each(INVALID)("%s", (_why, records, property, label, fix) => {
    const outcome = check(zone(...records));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const failure = outcome.failures.find((f) => f.property === property);
    expect(failure, JSON.stringify(outcome.failures)).toBeDefined();
    expect(failure?.reason).toMatch(fix);
    if (label !== "") expect(failure?.reason).toContain(`"${property}" (${label})`);
  });

  it("the table holds at least 20 cases", () => expect(INVALID.length).toBeGreaterThanOrEqual(20));
});

describe("diffDnsRecordSet", () => {
  const records = [
    { name: "@", type: "MX" as const, value: "mail.example.com", priority: 10 },
    { name: "www", type: "A" as const, value: "192.0.2.1" },
  ];
  const state: DnsRecordSetState = { domain: "example.com", mode: "merge", records: recordMap(records), unmanagedCount: 3, found: [] };
  const inputs = { domain: "example.com", mode: "merge" as const, records };

  it("is no change when the declared records are the state's", () => {
    expect(diffDnsRecordSet(state, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(diffDnsRecordSet(state, { ...inputs, records: [...records].reverse() })).toMatchObject({ changes: false });
  });

  it("updates in place when a record, a priority or the mode changes", () => {
    expect(diffDnsRecordSet(state, { ...inputs, records: records.slice(1) })).toMatchObject({ changes: true, replaces: [] });
    expect(diffDnsRecordSet(state, { ...inputs, records: [{ ...records[0]!, priority: 20 }, records[1]!] })).toMatchObject({ changes: true, replaces: [] });
    expect(diffDnsRecordSet(state, { ...inputs, records: [records[0]!, { ...records[1]!, value: "192.0.2.2" }] })).toMatchObject({ changes: true, replaces: [] });
    expect(diffDnsRecordSet(state, { ...inputs, mode: "authoritative" })).toMatchObject({ changes: true, replaces: [] });
  });

  it("authoritative with rows it does not manage (seen by a refresh) is a change: the save removes them", () => {
    expect(diffDnsRecordSet({ ...state, mode: "authoritative" }, { ...inputs, mode: "authoritative" })).toMatchObject({ changes: true });
    expect(diffDnsRecordSet({ ...state, mode: "authoritative", unmanagedCount: 0 }, { ...inputs, mode: "authoritative" })).toMatchObject({ changes: false });
  });

  it("replaces, deleting first, when the domain changes or is unknown", () => {
    expect(diffDnsRecordSet(state, { ...inputs, domain: "example.net" })).toEqual({ changes: true, replaces: ["domain"], deleteBeforeReplace: false });
    expect(diffDnsRecordSet(state, { ...inputs, domain: UNKNOWN })).toEqual({ changes: true, replaces: ["domain"], deleteBeforeReplace: false });
  });

  it("replaces when the credentials profile changes: another account is another zone", () => {
    expect(diffDnsRecordSet(state, { ...inputs, profile: "eu-account" })).toEqual({ changes: true, replaces: ["profile"], deleteBeforeReplace: false });
    expect(diffDnsRecordSet({ ...state, profile: "eu-account" }, { ...inputs, profile: "eu-account" })).toMatchObject({ changes: false });
    expect(check({ ...zone(), profile: "eu-account" })).toMatchObject({ ok: true, inputs: { profile: "eu-account" } });
  });

  it("treats unknown values as changes, so a preview never hides an update", () => {
    expect(diffDnsRecordSet(state, { ...inputs, mode: UNKNOWN as "merge" })).toMatchObject({ changes: true, replaces: [] });
    expect(diffDnsRecordSet(state, { ...inputs, records: UNKNOWN as unknown as typeof records })).toMatchObject({ changes: true, replaces: [] });
    expect(diffDnsRecordSet(state, { ...inputs, records: [records[0]!, { ...records[1]!, value: UNKNOWN }] })).toMatchObject({ changes: true, replaces: [] });
  });
});
