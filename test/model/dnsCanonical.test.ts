import { describe, expect, it } from "vitest";
import { canonicalHost, canonicalIPv4, canonicalIPv6, canonicalName, canonicalValue, type RecordType } from "../../provider/model/dns";

const value = (type: RecordType, input: string) => {
  const c = canonicalValue(type, input);
  return c.ok ? c.value : `refused: ${c.problem}`;
};

describe("record names relative to the zone", () => {
  it.each([
    ["@", "@"],
    ["", "@"],
    ["  @ ", "@"],
    ["example.com", "@"],
    ["EXAMPLE.com.", "@"],
    ["www", "www"],
    ["WWW", "www"],
    ["www.example.com", "www"],
    ["Www.Example.Com.", "www"],
    ["a.b.example.com.", "a.b"],
    ["*", "*"],
    ["*.sub.example.com", "*.sub"],
    ["_dmarc", "_dmarc"],
    ["s1._domainkey", "s1._domainkey"],
    ["Bücher", "xn--bcher-kva"],
    ["mail.other.com", "mail.other.com"], // no trailing dot: relative, as written
  ])("%j is %j in example.com, so spellings of one name never diff", (input, expected) => {
    expect(canonicalName(input, "example.com")).toEqual({ ok: true, value: expected });
  });

  it("refuses a fully-qualified name of another zone and says how to write it", () => {
    const c = canonicalName("www.other.com.", "example.com");
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problem).toMatch(/outside the zone example\.com: write names relative to the zone \(such as "www" for www\.example\.com\)/);
  });

  it.each(["foo bar", "www.*", "-www", "www-", "a..b", ".", "@.www", "a/b", `${"a".repeat(64)}`])("refuses %j as a name", (input) => {
    expect(canonicalName(input, "example.com")).toMatchObject({ ok: false, problem: expect.stringMatching(/is not a record name: use dot-separated labels/) });
  });

  it("refuses a name whose full form exceeds 253 characters", () => {
    const long = Array.from({ length: 4 }, () => "a".repeat(60)).join(".");
    expect(canonicalName(long, "example.com")).toMatchObject({ ok: false, problem: expect.stringMatching(/longer than the 253 characters/) });
  });

  it("without a zone (unknown at preview) checks the spelling and keeps the trailing dot for later", () => {
    expect(canonicalName("WWW.Example.com.", undefined)).toEqual({ ok: true, value: "www.example.com." });
    expect(canonicalName("www", undefined)).toEqual({ ok: true, value: "www" });
  });
});

describe("target host names", () => {
  it.each([
    ["Mail.Example.COM.", "mail.example.com"],
    ["mail.example.com", "mail.example.com"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["_sip._tcp.example.com", "_sip._tcp.example.com"],
  ])("%j → %j", (input, expected) => expect(canonicalHost(input)).toBe(expected));

  it.each(["mail", "192.0.2.1", "https://example.com", "a..b", "*.example.com", `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`])(
    "refuses %j",
    (input) => expect(canonicalHost(input)).toBeUndefined(),
  );
});

describe("IP addresses", () => {
  it("IPv4 is four plain decimals; leading zeros are refused, not read as octal", () => {
    expect(canonicalIPv4(" 192.0.2.10 ")).toBe("192.0.2.10");
    expect(canonicalIPv4("0.0.0.0")).toBe("0.0.0.0");
    for (const bad of ["192.0.2.010", "256.1.1.1", "1.2.3", "1.2.3.4.5", "a.b.c.d", "1.2.3.-4", ""]) expect(canonicalIPv4(bad)).toBeUndefined();
  });

  it.each([
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
    ["::", "::"],
    ["::1", "::1"],
    ["1::", "1::"],
    ["2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"], // the longest zero run is the one compressed
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"], // of two equal runs, the first
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"], // one zero group is not compressed
    ["::ffff:192.0.2.1", "::ffff:192.0.2.1"],
    ["::FFFF:C000:0201", "::ffff:192.0.2.1"], // IPv4-mapped: dotted, as RFC 5952 recommends
    ["64:ff9b::192.0.2.1", "64:ff9b::c000:201"],
    ["1:2:3:4:5:6:192.0.2.1", "1:2:3:4:5:6:c000:201"],
    ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"],
  ])("IPv6 %j → %j (RFC 5952)", (input, expected) => expect(canonicalIPv6(input)).toBe(expected));

  it.each(["1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "1:2:3:4:5:6:7:8::", "12345::", "fe80::1%eth0", "2001:db8::/32", "192.0.2.1", ":1.2.3.4", "::1.2.3", "g::1", ":::"])(
    "refuses IPv6 %j",
    (input) => expect(canonicalIPv6(input)).toBeUndefined(),
  );
});

describe("values per type", () => {
  it.each<[RecordType, string, string]>([
    ["A", "192.0.2.10", "192.0.2.10"],
    ["MXE", "192.0.2.25", "192.0.2.25"],
    ["AAAA", "2001:DB8::A", "2001:db8::a"],
    ["CNAME", "Example.COM.", "example.com"],
    ["NS", "NS1.example.net.", "ns1.example.net"],
    ["MX", "mail.example.com.", "mail.example.com"],
    ["TXT", '"v=spf1 include:_spf.example.net -all"', "v=spf1 include:_spf.example.net -all"],
    ["TXT", 'v=spf1 include:_spf.example.net -all', "v=spf1 include:_spf.example.net -all"],
    ["TXT", '"v=DKIM1; k=rsa; p=MIIB" "IjANBgkq"', "v=DKIM1; k=rsa; p=MIIBIjANBgkq"],
    ["TXT", '"say \\"hi\\" \\\\ bye"', 'say "hi" \\ bye'],
    ["TXT", "two  spaces   kept", "two  spaces   kept"],
    ["TXT", '"a" b', '"a" b'], // not a sequence of quoted strings: text as written
    ["TXT", '"unterminated', '"unterminated'],
    ["SRV", "05 5060  SIP.example.com.", "5 5060 sip.example.com"],
    ["SRV", "0 0 .", "0 0 ."],
    ["CAA", '0 ISSUE "letsencrypt.org"', '0 issue "letsencrypt.org"'],
    ["CAA", "128  issuewild   letsencrypt.org", '128 issuewild "letsencrypt.org"'],
    ["CAA", '0 iodef "mailto:security@example.com"', '0 iodef "mailto:security@example.com"'],
    ["URL", "HTTPS://WWW.Example.com", "https://www.example.com/"],
    ["FRAME", "http://bücher.de/Shop?q=1", "http://xn--bcher-kva.de/Shop?q=1"],
  ])("%s %j → %j", (type, input, expected) => expect(value(type, input)).toBe(expected));

  it.each<[RecordType, string, RegExp]>([
    ["A", "", /must not be empty: the API drops rows without an address/],
    ["TXT", '""', /must not be empty once its quotes are removed/],
    ["TXT", '"\\"quoted\\""', /itself quoted.*write the text once/],
    ["SRV", "10 5 5060 sip.example.com", /four fields: move the first \(the priority\) into priority/],
    ["SRV", "5 70000 sip.example.com", /must be "weight port target"/],
    ["SRV", "5 5060 sip", /must be "weight port target"/],
    ["CAA", '256 issue "x.org"', /must be flags tag "value"/],
    ["CAA", '0 policy "x.org"', /tag issue, issuewild or iodef/],
    ["CAA", '0 issue "x"y"', /no quotes inside the value/],
    ["CAA", "0 issue", /must be flags tag "value"/],
    ["URL", "www.example.com", /must be an http:\/\/ or https:\/\/ URL/],
    ["URL", "https://localhost/", /with a full host name/],
    ["URL", "https://user:pw@example.com/", /http:\/\/ or https:\/\//],
    ["URL", "https://exa mple.com/", /http:\/\/ or https:\/\//],
    ["URL", "http://[::1/", /http:\/\/ or https:\/\//],
    ["MX", "192.0.2.1", /full host name.*its own A record/],
    ["CNAME", "192.0.2.1", /use an A or AAAA record/],
    ["AAAA", "192.0.2.1", /for an IPv4 address use type A/],
  ])("%s %j is refused with the fix", (type, input, problem) => expect(value(type, input)).toMatch(problem));
});

describe("punycode labels", () => {
  it("an xn-- label that is not valid punycode is refused, as resolvers and URL parsers refuse it", async () => {
    const { canonicalHost, canonicalValue } = await import("../../provider/model/dns");
    expect(canonicalHost("xn--0.example.com")).toBeUndefined();
    expect(canonicalHost("xn--bcher-kva.example.com")).toBe("xn--bcher-kva.example.com");
    expect(canonicalValue("FRAME", "http://0.xn--a.com/").ok).toBe(false);
  });
});
