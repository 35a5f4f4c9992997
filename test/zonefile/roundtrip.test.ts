// A zone file means exactly what the same records written in TypeScript mean: the provider's check
// turns `{ domain, ...loadZoneFile(path) }` and the literal into the same canonical inputs, so
// moving a zone into a file (or back) never shows as a change in `pulumi preview`.
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import { dnsRecordSetInputsSchema } from "../../provider/model/dns";
import type { DnsRecordSetArgs } from "../../provider/resources/dnsRecordSet";
import { formatZoneFile, loadZoneFile, parseZoneFile } from "../../provider/zonefile";

const VALID = "test/fixtures/zones/valid";
const check = (raw: Record<string, unknown>) => checkInputs(dnsRecordSetInputsSchema, raw);

// The records of valid/example.com.yaml as a program would write them.
const literal: DnsRecordSetArgs = {
  domain: "example.com",
  mode: "authoritative",
  records: [
    { name: "@", type: "A", value: "192.0.2.10" },
    { name: "@", type: "AAAA", value: "2001:db8::10" },
    { name: "www", type: "CNAME", value: "example.com" },
    { name: "@", type: "MX", value: "mail.example.com", priority: 10 },
    { name: "@", type: "MX", value: "backup-mx.example.net", priority: 20 },
    { name: "mail", type: "A", value: "192.0.2.25" },
    { name: "@", type: "TXT", value: "v=spf1 include:_spf.example.net -all" },
    { name: "_dmarc", type: "TXT", value: "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com" },
    { name: "_sip._tcp", type: "SRV", value: "5 5060 sip.example.com", priority: 10 },
    { name: "@", type: "CAA", value: '0 issue "letsencrypt.org"' },
    { name: "*.dev", type: "A", value: "192.0.2.40" },
    { name: "lab", type: "NS", value: "ns1.lab-dns.example.net" },
    { name: "go", type: "URL", value: "https://example.net/landing" },
  ],
};

describe("zone file round trip", () => {
  it("{ domain, ...loadZoneFile(path) } checks to the same canonical inputs as the TypeScript literal", () => {
    // Typed as the resource's own args: the spread compiles where `new DnsRecordSet(name, …)` takes it.
    const fromFile: DnsRecordSetArgs = { domain: "example.com", ...loadZoneFile(`${VALID}/example.com.yaml`) };
    const viaFile = check({ ...fromFile });
    expect(viaFile.ok).toBe(true);
    expect(viaFile).toEqual(check({ ...literal }));
    if (viaFile.ok) expect(viaFile.inputs.records).toHaveLength(13);
  });

  it("a file without domain takes the program's, and its full names become relative there", () => {
    const zone = loadZoneFile(`${VALID}/no-domain.yaml`);
    expect(zone.domain).toBeUndefined();
    expect(zone.mode).toBeUndefined(); // never overrides the program's mode
    expect(check({ domain: "example.com", ...zone })).toEqual(
      check({
        domain: "example.com",
        records: [
          { name: "www", type: "CNAME", value: "example.com" },
          { name: "@", type: "A", value: "192.0.2.10" },
          { name: "@", type: "MX", value: "mail.example.com", priority: 10 },
        ],
      }),
    );
  });

  it("{ domain } as an option applies the zone rules and names the records relative to it", () => {
    const zone = loadZoneFile(`${VALID}/no-domain.yaml`, { domain: "Example.COM" });
    expect(zone.domain).toBe("example.com");
    expect(zone.records.map((r) => r.name)).toEqual(["@", "@", "www"]);
  });

  it("an empty records list is a zone of no records", () => {
    expect(loadZoneFile(`${VALID}/empty-records.yaml`)).toEqual({ domain: "example.com", records: [] });
  });

  it("formatZoneFile writes the canonical records, which load back unchanged", () => {
    const zone = loadZoneFile(`${VALID}/example.com.yaml`);
    const text = formatZoneFile(zone);
    expect(parseZoneFile(text)).toEqual({ ok: true, zone });
    expect(formatZoneFile(loadZoneFileText(text))).toBe(text);
  });
});

function loadZoneFileText(text: string) {
  const parsed = parseZoneFile(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.zone;
}
