// BIND zone files (RFC 1035 master format) converted into zone files. Each fixture is a way real
// zones are written (BIND itself, a provider's export, DNSControl's get-zones); the golden output
// is committed beside it, and what could not be carried over is asserted line by line, because a
// record dropped without a word is the failure an import must never have.
import { describe, expect, it } from "vitest";
import { importZone, ImportError } from "../../provider/zonefile";
import { convertAndCompare, omissions, reasonAt, ZONES } from "./import-helpers";

const bind = (name: string) => `${ZONES}/bind/${name}`;

describe("import-zone from BIND", () => {
  it("db.example.com: $ORIGIN, $TTL, a multi-line SOA, blank owners, relative targets, multi-string DKIM", () => {
    const result = convertAndCompare(bind("db.example.com"));
    expect(result.domainFrom).toBe("$ORIGIN");
    expect(result.records).toHaveLength(13);
    expect(result.records).toContainEqual({ name: "@", type: "MX", value: "mail.example.com", priority: 10 });
    expect(result.records).toContainEqual({ name: "sel1._domainkey", type: "TXT", value: "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC7" });
    expect(omissions(result)).toEqual([
      "5 left out @ SOA ns1.example.net. hostmaster.example.com. 2024061501 7200 …",
      "11 left out @ NS ns1.example.net",
      "12 left out @ NS ns2.example.net",
      "13 left out TTL 3600",
    ]);
    expect(reasonAt(result, 5)).toMatch(/the registrar's DNS serves its own SOA/);
    expect(reasonAt(result, 11)).toMatch(/set the domain's nameservers with the Nameservers resource/);
    expect(reasonAt(result, 13)).toBe("on 13 records, the first here: the API stores no TTL (the registrar's DNS applies its own)");
  });

  it("relative.zone: no $ORIGIN, so --origin completes every relative name; the SOA's TTL carries on", () => {
    const result = convertAndCompare(bind("relative.zone"), { origin: "example.org" });
    expect(result.records).toContainEqual({ name: "api", type: "CNAME", value: "www.example.org" });
    expect(result.records).toContainEqual({ name: "@", type: "A", value: "198.51.100.2" });
    expect(omissions(result)).toEqual(["3 left out @ SOA ns1 hostmaster 1 7200 3600 1209600 3600", "4 left out TTL 86400"]);
  });

  it("origin-switch.zone: names below a later $ORIGIN stay in the zone, names under another domain are left out", () => {
    const result = convertAndCompare(bind("origin-switch.zone"));
    expect(result.records.map((r) => r.name)).toEqual(["@", "api.dev", "blog", "dev", "www"]);
    expect(omissions(result)).toEqual(["8 left out www.example.net A 203.0.113.5"]);
    expect(reasonAt(result, 8)).toMatch(/www\.example\.net is outside the zone example\.com/);
  });

  it("ttl-forms.zone: TTL and class in either order, BIND units, lower case; one line per distinct TTL", () => {
    const result = convertAndCompare(bind("ttl-forms.zone"));
    expect(result.records).toHaveLength(7);
    expect(omissions(result)).toEqual(["3 left out TTL 86400", "4 left out TTL 300", "6 left out TTL 5400", "8 left out TTL 604800", "10 left out TTL 600"]);
    expect(reasonAt(result, 4)).toMatch(/^on 2 records/);
  });

  it("unsupported.zone: every type, class and directive the API cannot take is listed with its reason", () => {
    const result = convertAndCompare(bind("unsupported.zone"));
    expect(result.records).toEqual([
      { name: "@", type: "A", value: "192.0.2.10" },
      { name: "@", type: "TXT", value: "v=spf1 -all" },
    ]);
    expect(omissions(result).map((o) => o.split(" ").slice(0, 4).join(" "))).toEqual([
      "3 left out $INCLUDE",
      "4 left out TTL",
      "5 left out @",
      "7 left out 4.2.0.192.in-addr.arpa",
      "8 left out ssh",
      "9 left out _443._tcp",
      "10 left out host",
      "11 left out @",
      "12 left out @",
      "13 left out sip",
      "14 left out version",
      "15 left out $GENERATE",
    ]);
    expect(reasonAt(result, 3)).toMatch(/included files are not followed/);
    expect(reasonAt(result, 5)).toMatch(/type SPF was withdrawn \(RFC 7208\)/);
    expect(reasonAt(result, 8)).toMatch(/type SSHFP is not one the Domains Reseller API stores/);
    expect(reasonAt(result, 11)).toMatch(/DS records are DNSSEC data held by the parent zone/);
    expect(reasonAt(result, 12)).toMatch(/ALIAS is a DNS provider's extension/);
    expect(reasonAt(result, 14)).toMatch(/class CH is not the Internet class IN/);
    expect(reasonAt(result, 15)).toMatch(/\$GENERATE is not expanded/);
  });

  it("txt-escapes.zone: \\; \\\" and \\DDD decoded, strings joined; an empty TXT left out, outer blanks reported", () => {
    const result = convertAndCompare(bind("txt-escapes.zone"));
    const txt = Object.fromEntries(result.records.map((r) => [r.name, r.value]));
    expect(txt).toEqual({
      semi: "v=DKIM1; k=rsa; p=MIGf",
      quote: 'say "hello"',
      utf8: "café",
      words: "v=spf1-all", // two unquoted strings: DNS joins them with nothing between, as served
      split: "part one, part two",
      padded: "padded text",
      semi2: "a;b",
    });
    expect(omissions(result)).toEqual(['9 left out empty TXT ""', '10 changed padded TXT " padded text "']);
    expect(reasonAt(result, 10)).toMatch(/kept without the blanks at its ends: the server trims them/);
  });

  it("conflicts.zone: the apex CNAME goes and the A beside it stays; later clashes and duplicates go", () => {
    const result = convertAndCompare(bind("conflicts.zone"));
    expect(result.records.map((r) => `${r.name}/${r.type}`)).toEqual(["@/A", "@/MX", "mail/A", "www/A"]);
    expect(omissions(result)).toEqual([
      "3 left out @ CNAME example.net",
      "4 left out TTL 300",
      "6 left out www CNAME example.com",
      "8 left out mail A 192.0.2.25",
      "10 left out @ MX 20 mail.example.com",
      "11 left out nomail MX 0 .",
    ]);
    expect(reasonAt(result, 6)).toMatch(/shares its name with line 5 \(www\/A\)/);
    expect(reasonAt(result, 10)).toMatch(/repeats line 9/);
    expect(reasonAt(result, 11)).toMatch(/a null MX .* cannot be stored/);
  });

  it("bad-data.zone: data the model refuses is left out with the model's own reason", () => {
    const result = convertAndCompare(bind("bad-data.zone"));
    expect(result.records).toEqual([{ name: "ok", type: "A", value: "192.0.2.12" }]);
    expect(reasonAt(result, 3)).toMatch(/"192\.0\.2\.300" must be an IPv4 address/);
    expect(reasonAt(result, 4)).toMatch(/A data must be one address; got 192\.0\.2\.7 192\.0\.2\.8/);
    expect(reasonAt(result, 5)).toMatch(/must be an IPv6 address/);
    expect(reasonAt(result, 6)).toMatch(/MX data must be preference and mail host/);
    expect(reasonAt(result, 7)).toMatch(/SRV data must be priority weight port target/);
    expect(reasonAt(result, 8)).toMatch(/tag issue, issuewild or iodef/);
    expect(reasonAt(result, 9)).toMatch(/not the address 192\.0\.2\.10 \(which would read as the name 192\.0\.2\.10\.example\.com\)/);
    expect(reasonAt(result, 11)).toMatch(/type HINFO/);
    expect(result.omitted).toHaveLength(9);
  });

  it("export.txt: a provider's export with full names everywhere; the domain comes from the SOA", () => {
    const result = convertAndCompare(bind("export.txt"));
    expect(result.domain).toBe("example.net");
    expect(result.domainFrom).toBe("the SOA record");
    expect(omissions(result)).toEqual([
      "10 left out @ SOA ns1.dnsprovider.example. dns.dnsprovider.example. 2047123…",
      "13 left out @ NS ns1.dnsprovider.example",
      "14 left out @ NS ns2.dnsprovider.example",
      "17 left out TTL 1",
    ]);
  });

  it("example.org.zone: DNSControl's get-zones output (no $ORIGIN: domain from the file name); its commented pseudo record is listed", () => {
    const result = convertAndCompare(bind("example.org.zone"));
    expect(result.domainFrom).toBe("the file name");
    expect(result.records).toContainEqual({ name: "sub", type: "NS", value: "ns2.sub-dns.example.net" });
    expect(omissions(result)).toEqual([
      "4 left out TTL 300",
      "9 left out @ R53_ALIAS atype=A zone_id=Z2FDTNDATAQYW2 evaluate_target_health=false",
      "12 left out TTL 3600",
    ]);
    expect(reasonAt(result, 9)).toMatch(/a record written as a comment .*add its equivalent by hand/);
  });
});

describe("BIND files that are no zone", () => {
  const fails = (text: string, options = {}) => {
    try {
      importZone(text, { format: "bind", ...options });
    } catch (error) {
      if (error instanceof ImportError) return `${error.code}: ${error.message}`;
      throw error;
    }
    return "converted";
  };

  it("an unclosed parenthesis names the line it opens on", () => {
    expect(fails("$ORIGIN example.com.\n@ IN SOA a. b. ( 1 2\n 3 4 5\nwww A 192.0.2.1\n")).toBe('syntax: line 2: "(" is never closed: add the ")" that ends the record');
  });

  it("an unclosed quote names its line", () => {
    expect(fails('$ORIGIN example.com.\nwww TXT "v=spf1 -all\nmail A 192.0.2.1\n')).toBe('syntax: line 2: a quoted string is not closed on its line: add the closing "');
  });

  it("a stray closing parenthesis names its line", () => {
    expect(fails("$ORIGIN example.com.\nwww A 192.0.2.1 )\n")).toBe('syntax: line 2: ")" without an opening "(": remove it');
  });

  it("without $ORIGIN, a full SOA owner or a domain in the file name, the domain must be given", () => {
    expect(fails("www A 192.0.2.1\n", { fileName: "zone.db" })).toMatch(/^origin: cannot tell which domain this zone is .*pass --origin example\.com/);
  });
});
