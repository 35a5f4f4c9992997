// Malformed zone files, one per mistake a user makes: each must fail loadZoneFile with a
// ZoneFileError naming file:line:column, the field, and a fix — every problem of the file at once.
// A wrong position sends the user to the wrong line; a missing problem costs them another run.
import { describe, expect, it } from "vitest";
import { loadZoneFile, ZoneFileError, type ZoneFileOptions } from "../../provider/zonefile";

const DIR = "test/fixtures/zones/invalid";

/** Each file, the options it is loaded with, and its problems as "line:column field" plus a phrase of the fix. */
const CASES: { file: string; options?: ZoneFileOptions; problems: [string, RegExp][] }[] = [
  { file: "unquoted-apex.yaml", problems: [["3:11 records[0].name", /write "@" \(the apex\) in quotes, name: "@"/]] },
  { file: "unquoted-wildcard.yaml", problems: [["4:11 records[1].name", /YAML reads \*\.dev as an alias .*put the text in quotes, "\*\.dev"/]] },
  { file: "tab-indent.yaml", problems: [["4:1 records[0]", /Tabs are not allowed as indentation: indent with spaces/]] },
  { file: "duplicate-key.yaml", problems: [["6:5 records[0].value", /Map keys must be unique: this key appears twice in one mapping; keep one/]] },
  { file: "unclosed-flow.yaml", problems: [["3:5 records[0]", /end with a }: .*close every quote, \{ and \[/]] },
  { file: "unclosed-quote.yaml", problems: [["5:12 records[0].value", /Missing closing "quote: end the value with the quote mark it starts with/]] },
  { file: "two-documents.yaml", problems: [["4:1 records", /a zone file is one YAML document; remove the "---"/]] },
  { file: "bad-ipv4.yaml", problems: [["4:34 records[1].value", /\(www\/A\) "192\.0\.2\.300" must be an IPv4 address such as 192\.0\.2\.10/]] },
  { file: "cname-at-apex.yaml", problems: [["3:11 records[0].name", /\(@\/CNAME\) cannot be at the apex: .*use A\/AAAA records/]] },
  { file: "cname-beside-a.yaml", problems: [["5:24 records[2].type", /\(www\/A\) shares its name with records\[0\] \(www\/CNAME\): a CNAME must be the only record on its name/]] },
  { file: "duplicate-record.yaml", problems: [["4:35 records[1].value", /\(@\/MX\) repeats records\[0\] \(@\/MX\/mail\.example\.com\).*remove one/]] },
  { file: "duplicate-without-domain.yaml", options: { domain: "example.com" }, problems: [["4:47 records[1].value", /\(www\/A\) repeats records\[0\] \(www\/A\/192\.0\.2\.10\)/]] },
  { file: "mx-without-priority.yaml", problems: [["4:5 records[1].priority", /is required for MX records: add priority, .* such as priority: 10/]] },
  { file: "priority-on-a.yaml", problems: [["3:56 records[0].priority", /is not used by A records \(only MX and SRV have one\): remove priority/]] },
  { file: "priority-not-a-number.yaml", problems: [["3:63 records[0].priority", /must be a whole number 0-65535 .*got "high"/]] },
  { file: "ttl.yaml", problems: [["6:10 records[0].ttl", /the Domains Reseller API stores no TTL .*remove ttl/]] },
  { file: "unknown-type.yaml", problems: [["3:24 records[0].type", /"SPF" is not a record type this API offers: use one of A, AAAA, .*SPF rules go in a TXT record/]] },
  {
    file: "misspelt-field.yaml",
    problems: [
      ["3:5 records[0].type", /is required: add type:, one of A, AAAA/],
      ["4:5 records[0].tpye", /is not a field of a record: did you mean type\?/],
    ],
  },
  { file: "missing-value.yaml", problems: [["4:5 records[1].value", /is required: add value:, the address, host name or text of the record/]] },
  { file: "value-read-as-number.yaml", problems: [["5:12 records[0].value", /must be a string: .*YAML read 12345 as a number: put it in quotes, "12345"/]] },
  { file: "empty-value.yaml", problems: [["5:11 records[0].value", /must be a string: .*the field is empty, write its value after the colon/]] },
  { file: "outside-zone.yaml", problems: [["3:13 records[0].name", /"www\.example\.org\." is outside the zone example\.com: write names relative to the zone/]] },
  { file: "srv-priority-in-value.yaml", problems: [
    ["3:5 records[0].priority", /is required for SRV records/],
    ["3:42 records[0].value", /has four fields: move the first \(the priority\) into priority/],
  ] },
  { file: "caa-bad-tag.yaml", problems: [["3:36 records[0].value", /must be flags tag "value", such as 0 issue "letsencrypt\.org"/]] },
  { file: "mx-to-ip.yaml", problems: [["3:35 records[0].value", /must be a full host name .*an MX names a mail host, whose address goes in its own A record/]] },
  { file: "record-as-text.yaml", problems: [["3:5 records[0]", /must be a record with name, type, value .*such as \{ name: www, type: A, value: 192\.0\.2\.10 \}/]] },
  { file: "bad-domain.yaml", problems: [["1:9 domain", /must be a domain name such as "example\.com" .*got "example"/]] },
  { file: "loaded-for-another-domain.yaml", options: { domain: "example.org" }, problems: [["1:9 domain", /the file is for example\.com, but it was loaded for example\.org/]] },
  { file: "bad-mode.yaml", problems: [["2:7 mode", /must be "merge" .* or "authoritative" .*got "replace"/]] },
  { file: "profile-in-file.yaml", problems: [["2:1 profile", /a credentials profile belongs to the program, not the zone: .*\{ profile, \.\.\.loadZoneFile\(path\) \}/]] },
  { file: "records-not-a-list.yaml", problems: [["3:3 records", /must be a list of records .*one "- " item each/]] },
  { file: "top-level-list.yaml", problems: [["1:1 records", /the file is a list: put it under records:/]] },
  { file: "empty.yaml", problems: [["1:1 records", /the file is empty: a zone file is a YAML mapping with records:/]] },
  {
    file: "syntax-and-schema.yaml",
    problems: [
      ["3:11 records[0].name", /write "@" \(the apex\) in quotes/],
      ["7:35 records[2].value", /"192\.0\.2\.256" must be an IPv4 address/],
    ],
  },
  {
    file: "many-problems.yaml",
    problems: [
      ["8:10 records[1].ttl", /stores no TTL/],
      ["9:24 records[2].type", /shares its name with records\[1\] \(www\/CNAME\)/],
      ["10:5 records[3].priority", /is required for MX records/],
      ["12:12 records[3].value", /"10 mail\.example\.com" must be a full host name/],
      ["13:5 records[4].value", /is required: add value:/],
      ["13:32 records[4].valeu", /did you mean value\?/],
      ["14:13 records[5].name", /"bad_label-" is not a record name/],
      ["14:44 records[5].value", /"192\.0\.2\.12" must be an IPv6 address .*for an IPv4 address use type A/],
    ],
  },
];

function failure(file: string, options?: ZoneFileOptions): ZoneFileError {
  try {
    loadZoneFile(`${DIR}/${file}`, options);
  } catch (error) {
    if (error instanceof ZoneFileError) return error;
    throw error;
  }
  throw new Error(`${file} loaded, but it is malformed`);
}

describe("loadZoneFile refuses malformed files at the line, column and field of each mistake", () => {
  it.each(CASES)("$file", ({ file, options, problems }) => {
    const error = failure(file, options);
    expect(error.code).toBe("zone_file_invalid");
    expect(error.problems.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(problems.map(([where]) => where));
    error.problems.forEach((p, i) => expect(p.message).toMatch(problems[i]![1]));
    // The message is what a Pulumi run prints: every problem, each as file:line:column: field: fix.
    for (const p of error.problems) expect(error.message).toContain(`${DIR}/${file}:${p.line}:${p.column}: ${p.field}: ${p.message}`);
    expect(error.message.split("\n")[0]).toBe(`zone file ${DIR}/${file} has ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}:`);
  });

  it("covers at least twenty distinct mistakes", () => {
    expect(new Set(CASES.map((c) => c.file)).size).toBeGreaterThanOrEqual(20);
  });

  it("a missing file is unreadable, naming the path and the directory it was read from", () => {
    const error = (() => {
      try {
        loadZoneFile("dns/no-such-zone.yaml");
      } catch (e) {
        return e as ZoneFileError;
      }
      throw new Error("loaded a missing file");
    })();
    expect(error).toBeInstanceOf(ZoneFileError);
    expect(error.code).toBe("zone_file_unreadable");
    expect(error.problems).toEqual([]);
    expect(error.message).toMatch(/^cannot read the zone file dns\/no-such-zone\.yaml \(ENOENT.*\): check the path; a relative path is read from the current directory, .*the project directory/);
  });
});
