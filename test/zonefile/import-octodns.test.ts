// OctoDNS zone YAML converted into zone files: value/values, lists of records per name, MX
// exchange/preference (and the legacy value/priority), SRV and CAA fields, TXT's escaped ";", and
// everything OctoDNS can say that the registrar cannot (TTLs, provider settings, dynamic rules,
// other types) listed with its line. Goldens are committed beside the sources.
import { describe, expect, it } from "vitest";
import { importZone, ImportError } from "../../provider/zonefile";
import { convertAndCompare, omissions, reasonAt, ZONES } from "./import-helpers";

const octo = (name: string) => `${ZONES}/octodns/${name}`;

describe("import-zone from OctoDNS", () => {
  it("example.com.yaml: values lists, MX/SRV/CAA fields, escaped TXT; apex NS left out, no TTL given so none listed", () => {
    const result = convertAndCompare(octo("example.com.yaml"));
    expect(result.domainFrom).toBe("the file name");
    expect(result.records).toHaveLength(13);
    expect(result.records).toContainEqual({ name: "_dmarc", type: "TXT", value: "v=DMARC1; p=reject; rua=mailto:dmarc@example.com" });
    expect(result.records).toContainEqual({ name: "_sip._tcp", type: "SRV", value: "5 5060 sip.example.com", priority: 10 });
    expect(result.records).toContainEqual({ name: "@", type: "CAA", value: '0 iodef "mailto:security@example.com"' });
    expect(result.records).toContainEqual({ name: "@", type: "MX", value: "mx2.example.net", priority: 20 });
    expect(omissions(result)).toEqual(["20 left out @ NS ns1.example.net", "21 left out @ NS ns2.example.net"]);
  });

  it("example.org.yaml: TTLs summarised, octodns settings and dynamic rules listed, ALIAS and URLFWD left out", () => {
    const result = convertAndCompare(octo("example.org.yaml"));
    expect(result.records.map((r) => `${r.name}/${r.type}`)).toEqual(["api/A", "api/A", "cdn/CNAME", "geo/A", "www/A", "www/AAAA"]);
    expect(omissions(result)).toEqual([
      "5 left out @ ALIAS lb.example.net.",
      "8 left out @ URLFWD / https://www.example.org/ 301 2 0",
      "17 left out TTL 60",
      "20 left out api A octodns: {\"cloudflare\":{\"proxied\":true}}",
      "25 left out TTL 300",
      "32 left out geo A dynamic",
    ]);
    expect(reasonAt(result, 8)).toMatch(/write a URL \(redirect\) or FRAME record by hand/);
    expect(reasonAt(result, 20)).toMatch(/provider-specific settings .* have no equivalent at the registrar/);
    expect(reasonAt(result, 32)).toMatch(/only the record's own values are kept/);
    expect(reasonAt(result, 17)).toMatch(/^on 3 records/);
  });

  it("example.net.yaml: legacy MX value/priority kept; SPF, TLSA, SSHFP, PTR and LOC left out", () => {
    const result = convertAndCompare(octo("example.net.yaml"));
    expect(result.records).toEqual([
      { name: "@", type: "MX", value: "mail.example.net", priority: 10 },
      { name: "@", type: "TXT", value: "v=spf1 -all" },
      { name: "mail", type: "A", value: "203.0.113.25" },
    ]);
    expect(omissions(result).map((o) => o.split(" ").slice(0, 5).join(" "))).toEqual([
      "9 left out @ SPF",
      "15 left out _443._tcp TLSA",
      "22 left out ssh SSHFP",
      "30 left out ptr PTR",
      "34 left out loc LOC",
    ]);
    expect(reasonAt(result, 30)).toMatch(/PTR records belong to reverse zones/);
  });

  it("example.io.yaml: wildcard and delegation kept; a null MX and the A beside a CNAME left out", () => {
    const result = convertAndCompare(octo("example.io.yaml"));
    expect(result.records.map((r) => `${r.name}/${r.type}`)).toEqual(["*/A", "_domainkey/TXT", "dev/NS", "dev/NS", "www/CNAME"]);
    expect(result.records[1]!.value).toMatch(/^v=DKIM1; k=rsa; p=MIIBIjAN.{200,}$/);
    expect(omissions(result)).toEqual(["17 left out nomail MX 0 .", "23 left out www A 192.0.2.80"]);
    expect(reasonAt(result, 23)).toMatch(/shares its name with line 21 \(www\/CNAME\)/);
  });

  it("records.yml: no zone in the file name, so --origin gives it; IPv6 compressed, SRV target \".\", CAA flags", () => {
    const result = convertAndCompare(octo("records.yml"), { origin: "example.dev" });
    expect(result.records).toEqual([
      { name: "@", type: "AAAA", value: "2001:db8::1" },
      { name: "@", type: "AAAA", value: "2001:db8::2" },
      { name: "_caa", type: "CAA", value: '128 issuewild ";"' },
      { name: "_xmpp._tcp", type: "SRV", value: "0 5222 .", priority: 0 },
      { name: "caps", type: "TXT", value: "Semicolons ; and backslashes \\ escaped" },
    ]);
    expect(result.omitted).toEqual([]);
  });

  it("without --origin a file name that names no zone is refused as a usage matter", () => {
    expect(() => importZone("'':\n  type: A\n  value: 192.0.2.1\n", { fileName: "records.yml" })).toThrow(ImportError);
    try {
      importZone("'':\n  type: A\n  value: 192.0.2.1\n", { fileName: "records.yml" });
    } catch (error) {
      expect((error as ImportError).code).toBe("origin");
      expect((error as Error).message).toMatch(/OctoDNS names the file after the zone, such as example\.com\.yaml\): pass --origin/);
    }
  });

  it("one of our own zone files is not mistaken for OctoDNS", () => {
    expect(() => importZone("domain: example.com\nrecords:\n  - { name: www, type: A, value: 192.0.2.1 }\n", { fileName: "example.com.yaml" })).toThrow(/already a zone file of this provider/);
  });
});
