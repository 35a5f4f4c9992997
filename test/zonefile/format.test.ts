// formatZoneFile: the text import-zone writes. It must be canonical (one spelling, canonical order,
// so a re-import is no diff), quote what YAML would misread ("@", "*.dev", a TXT "yes"), and load
// back to exactly the records it was given, whatever characters a TXT holds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { canonicalTxt } from "../../provider/model/dns";
import { formatZoneFile, parseZoneFile } from "../../provider/zonefile";

describe("formatZoneFile", () => {
  it("writes canonical records in canonical order, one per line, names and values quoted", () => {
    const text = formatZoneFile({
      domain: "Example.COM.",
      mode: "authoritative",
      records: [
        { name: "WWW.example.com.", type: "cname", value: "Example.com." },
        { name: "@", type: "MX", value: "mail.example.com", priority: 10 },
        { name: "*.dev", type: "TXT", value: "yes" },
        { name: "@", type: "A", value: "192.0.2.10" },
      ],
    });
    expect(text).toBe(
      [
        "domain: example.com",
        "mode: authoritative",
        "records:",
        '  - { name: "*.dev", type: TXT, value: "yes" }',
        '  - { name: "@", type: A, value: "192.0.2.10" }',
        '  - { name: "@", type: MX, value: "mail.example.com", priority: 10 }',
        '  - { name: "www", type: CNAME, value: "example.com" }',
        "",
      ].join("\n"),
    );
    // A YAML 1.1 reader (older tools) still sees the TXT "yes" as text, not a boolean.
    expect(parse(text, { version: "1.1" }).records[0].value).toBe("yes");
  });

  it("puts the editor's schema line and comments first", () => {
    const text = formatZoneFile({ records: [] }, { schema: "./zone.schema.json", comments: ["example.com, imported from db.example.com"] });
    expect(text.split("\n").slice(0, 2)).toEqual(["# yaml-language-server: $schema=./zone.schema.json", "# example.com, imported from db.example.com"]);
    expect(parseZoneFile(text)).toEqual({ ok: true, zone: { records: [] } });
  });

  it("refuses records the resource would refuse, naming the record", () => {
    expect(() => formatZoneFile({ domain: "example.com", records: [{ name: "@", type: "CNAME", value: "example.net" }] })).toThrow(/records\.0\.name: \(@\/CNAME\) cannot be at the apex/);
    expect(() => formatZoneFile({ records: [{ name: "www", type: "A", value: "nope" }] })).toThrow(/records\.0: .*must be an IPv4 address/);
  });

  it("any TXT text survives the trip through YAML (quotes, colons, #, unicode, backslashes)", () => {
    const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((t) => canonicalTxt(t) === t && t.trim() !== "");
    fc.assert(
      fc.property(fc.uniqueArray(text, { minLength: 1, maxLength: 5 }), (values) => {
        const records = values.map((value) => ({ name: "txt", type: "TXT" as const, value }));
        const parsed = parseZoneFile(formatZoneFile({ domain: "example.com", records }));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.zone.records.map((r) => r.value).sort()).toEqual([...values].sort());
      }),
      { numRuns: 200 },
    );
  });
});
