// `domainsreseller import-zone` and `domainsreseller schema`, in-process with stdout and stderr
// captured. The zone file alone goes to stdout (so `> zone.yaml` is clean), what was left out to
// stderr, and the exit status tells a script which happened: 0 all carried over, 3 converted with
// omissions, 2 usage, 1 unreadable input.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureOutput } from "../helpers/output";
import { EXIT_LEFT_OUT, run as importZone } from "../../cli/commands/import-zone";
import { run as schema } from "../../cli/commands/schema";
import { zoneFileJsonSchema } from "../../provider/zonefile";

const ZONES = "test/fixtures/zones";
const output = captureOutput();

const scratch = () => mkdtempSync(join(tmpdir(), "import-zone-"));

describe("domainsreseller import-zone", () => {
  it("a BIND zone: the zone file on stdout, each omission on stderr with file:line and reason, exit 3", async () => {
    const file = `${ZONES}/bind/db.example.com`;
    expect(await importZone([file])).toBe(EXIT_LEFT_OUT);
    expect(EXIT_LEFT_OUT).toBe(3);
    expect(output.out()).toBe(`# example.com, imported from db.example.com (BIND) by domainsreseller import-zone\n\n${readFileSync(`${ZONES}/bind/expected/db.example.com.yaml`, "utf8")}`);
    expect(output.out()).not.toMatch(/left out/);
    expect(output.err().trimEnd().split("\n")).toEqual([
      `${file}:5: left out @ SOA ns1.example.net. hostmaster.example.com. 2024061501 7200 …: the registrar's DNS serves its own SOA for the zone (its serial and timers are its own)`,
      `${file}:11: left out @ NS ns1.example.net: the apex NS records are the zone's delegation, which the registrar's DNS serves itself; set the domain's nameservers with the Nameservers resource instead`,
      `${file}:12: left out @ NS ns2.example.net: the apex NS records are the zone's delegation, which the registrar's DNS serves itself; set the domain's nameservers with the Nameservers resource instead`,
      `${file}:13: left out TTL 3600: on 13 records, the first here: the API stores no TTL (the registrar's DNS applies its own)`,
      "import-zone: example.com (the domain from $ORIGIN; pass --origin to choose another): 13 records written to stdout; 4 left out or changed, listed above (exit status 3)",
    ]);
  });

  it("an OctoDNS zone with nothing left out exits 0, stderr holding only the summary", async () => {
    expect(await importZone([`${ZONES}/octodns/records.yml`, "--origin", "Example.DEV"])).toBe(0);
    expect(output.out()).toContain(readFileSync(`${ZONES}/octodns/expected/records.yaml`, "utf8"));
    expect(output.out().split("\n")[0]).toBe("# example.dev, imported from records.yml (OctoDNS) by domainsreseller import-zone");
    expect(output.err()).toBe("import-zone: example.dev: 5 records written to stdout; nothing left out\n");
  });

  it("-o FILE writes the zone file there and nothing to stdout; the file loads as written", async () => {
    const target = join(scratch(), "example.com.yaml");
    expect(await importZone([`${ZONES}/octodns/example.com.yaml`, "-o", target])).toBe(3);
    expect(output.out()).toBe("");
    expect(readFileSync(target, "utf8")).toContain(readFileSync(`${ZONES}/octodns/expected/example.com.yaml`, "utf8"));
    expect(output.err()).toMatch(/example\.com\.yaml:20: left out @ NS ns1\.example\.net: /);
    expect(output.err()).toMatch(new RegExp(`13 records written to ${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}; 2 left out`));
  });

  it("without an extension the format is read from the content; --format overrides it", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "zone"), "'':\n  type: A\n  value: 192.0.2.1\n");
    expect(await importZone([join(dir, "zone"), "--origin", "example.com"])).toBe(0);
    expect(output.out()).toContain("(OctoDNS)");
    output.clear();
    writeFileSync(join(dir, "zone.yaml"), "$ORIGIN example.com.\nwww A 192.0.2.1\n");
    expect(await importZone([join(dir, "zone.yaml"), "--format", "bind"])).toBe(0);
    expect(output.out()).toContain('  - { name: "www", type: A, value: "192.0.2.1" }');
  });

  it("an input that cannot be read exits 1 and writes no zone file", async () => {
    expect(await importZone([`${ZONES}/bind/missing.zone`])).toBe(1);
    expect(output.out()).toBe("");
    expect(output.err()).toMatch(/^domainsreseller: cannot read test\/fixtures\/zones\/bind\/missing\.zone: ENOENT/);
  });

  it("a BIND file that is no zone (an unclosed parenthesis) exits 1 naming file:line", async () => {
    const file = join(scratch(), "broken.zone");
    writeFileSync(file, "$ORIGIN example.com.\n@ SOA a. b. ( 1 2 3\nwww A 192.0.2.1\n");
    expect(await importZone([file])).toBe(1);
    expect(output.out()).toBe("");
    expect(output.err()).toBe(`domainsreseller: ${file}:2: "(" is never closed: add the ")" that ends the record\n`);
  });

  it.each([
    [[], /import-zone needs exactly one FILE/],
    [["a.zone", "b.zone"], /import-zone needs exactly one FILE/],
    [["a.zone", "--format", "tinydns"], /--format must be bind or octodns; got "tinydns"/],
    [["a.zone", "--origin", "not a domain"], /--origin must be a domain name such as example\.com/],
    [["a.zone", "--ttl", "300"], /Unknown option '--ttl'/],
  ])("usage errors exit 2: %j", async (argv, message) => {
    expect(await importZone(argv)).toBe(2);
    expect(output.err()).toMatch(message);
    expect(output.out()).toBe("");
  });

  it("a zone whose domain cannot be told is a usage error (exit 2) asking for --origin", async () => {
    const file = join(scratch(), "zone.db");
    writeFileSync(file, "www A 192.0.2.1\n");
    expect(await importZone([file])).toBe(2);
    expect(output.err()).toMatch(/cannot tell which domain this zone is .*pass --origin example\.com/);
  });

  it("--help prints the usage with the exit statuses to stdout and exits 0", async () => {
    expect(await importZone(["--help"])).toBe(0);
    expect(output.out()).toMatch(/^usage: domainsreseller import-zone <FILE>/);
    expect(output.out()).toMatch(/Exit status: 0 everything carried over; 3 converted, something\nleft out \(listed\); 2 usage; 1 the input cannot be read or converted\./);
  });
});

describe("domainsreseller schema", () => {
  it("schema zone prints the zone file JSON Schema and exits 0", async () => {
    expect(await schema(["zone"])).toBe(0);
    expect(JSON.parse(output.out())).toEqual(zoneFileJsonSchema());
    expect(output.err()).toBe("");
  });

  it("-o FILE writes it there", async () => {
    const target = join(scratch(), "zone.schema.json");
    expect(await schema(["zone", "-o", target])).toBe(0);
    expect(output.out()).toBe("");
    expect(JSON.parse(readFileSync(target, "utf8"))).toEqual(zoneFileJsonSchema());
  });

  it("an unknown or missing schema name is a usage error listing the names", async () => {
    expect(await schema(["zones"])).toBe(2);
    expect(output.err()).toMatch(/unknown schema "zones": the schemas are zone/);
    expect(await schema([])).toBe(2);
    expect(output.err()).toMatch(/name a schema: the schemas are zone/);
  });
});
