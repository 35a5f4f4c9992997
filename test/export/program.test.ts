// The exported program, run: index.ts is transpiled and evaluated with a stand-in for the package
// that records every resource declared, and loadZoneFile reading the exported zone files. So these
// tests see what Pulumi would be given, values read from the account included (quotes,
// backslashes, line breaks, comment closers), not just what the text looks like.
import { runInNewContext } from "node:vm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { exportFiles, planDomainExport, read, refused, renderProgram, resourceNames, type DomainSnapshot, type ExportFile } from "../../provider/export";
import { parseZoneFile } from "../../provider/zonefile";

const contact = (over: Record<string, string> = {}) => ({
  "First Name": "Ada",
  "Last Name": "Lovelace",
  "Company Name": "",
  "Email Address": "ada@Example.ORG",
  "Address 1": "1 Main St",
  "Address 2": "",
  City: "London",
  State: "London",
  Postcode: "SW1A 1AA",
  Country: "gb",
  "Phone Number": "+44 20 7123 4567",
  ...over,
});

function snapshot(domain: string, over: Partial<DomainSnapshot> = {}): DomainSnapshot {
  return {
    domain,
    information: { status: "Active", idProtection: true, dnsManagement: true, emailForwarding: true },
    contacts: read({ Registrant: contact(), Admin: contact(), Technical: contact({ "First Name": "Grace", "Last Name": "Hopper" }) }),
    lock: read("locked"),
    nameservers: read(["NS1.host.net.", "ns2.host.net"]),
    dns: read([
      { hostname: "@", type: "A", address: "192.0.2.1", priority: "N/A" },
      { hostname: "@", type: "TXT", address: 'say "hi" \\ */ ${x} `tick`', priority: "N/A" },
    ]),
    email: read([{ prefix: "Info", forwardto: "owner@Example.org" }]),
    ...over,
  };
}

interface Declared {
  kind: string;
  name: string;
  args: Record<string, unknown>;
}

/** Runs the exported index.ts; returns every `new X(name, args)` in order. */
function runProgram(files: readonly ExportFile[]): Declared[] {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  const program = byPath.get("index.ts")!;
  const js = ts.transpileModule(program, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  expect(js.diagnostics ?? []).toEqual([]);
  const declared: Declared[] = [];
  const kind = (name: string) =>
    class {
      constructor(resource: string, args: Record<string, unknown>) {
        declared.push({ kind: name, name: resource, args: JSON.parse(JSON.stringify(args)) as Record<string, unknown> });
      }
    };
  const fake = {
    Domain: kind("Domain"), DnsRecordSet: kind("DnsRecordSet"), Nameservers: kind("Nameservers"), RegistrarLock: kind("RegistrarLock"),
    EmailForwarding: kind("EmailForwarding"), IdProtection: kind("IdProtection"), PrivateNameserver: kind("PrivateNameserver"),
    loadZoneFile: (path: string, options: { domain?: string }) => {
      const parsed = parseZoneFile(byPath.get(path) ?? "", options);
      if (!parsed.ok) throw new Error(`${path}: ${JSON.stringify(parsed.problems)}`);
      return parsed.zone;
    },
  };
  const module = { exports: {} };
  runInNewContext(js.outputText, { module, exports: module.exports, require: (id: string) => (id === "pulumi-domainsreseller" ? fake : {}) });
  return declared;
}

const OPTIONS = { dirName: "my export!", providerVersion: "0.1.0", pulumiRange: "^3.216.0" };

describe("the exported program", () => {
  it("declares each resource of each domain with its live setting, in canonical form, under names from the domain", () => {
    const declared = runProgram(exportFiles([planDomainExport(snapshot("shop.example"))], OPTIONS));
    const ada = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" };
    expect(declared).toEqual([
      { kind: "Domain", name: "shop.example", args: { name: "shop.example", source: "adopt", contacts: { registrant: ada, admin: ada, tech: { ...ada, firstName: "Grace", lastName: "Hopper" } } } },
      {
        kind: "DnsRecordSet",
        name: "shop.example-dns",
        args: { domain: "shop.example", mode: "authoritative", records: [{ name: "@", type: "A", value: "192.0.2.1" }, { name: "@", type: "TXT", value: 'say "hi" \\ */ ${x} `tick`' }] },
      },
      { kind: "Nameservers", name: "shop.example-nameservers", args: { domain: "shop.example", nameservers: ["ns1.host.net", "ns2.host.net"] } },
      { kind: "RegistrarLock", name: "shop.example-lock", args: { domain: "shop.example", locked: true } },
      { kind: "EmailForwarding", name: "shop.example-email", args: { domain: "shop.example", forwards: [{ from: "info", to: "owner@example.org" }] } },
      { kind: "IdProtection", name: "shop.example-id-protection", args: { domain: "shop.example", enabled: true } },
    ]);
  });

  it("values that look like code or comment closers stay values, and one contact used twice is one constant", () => {
    const tricky = contact({ "Address 1": 'Flat "B" */ \\ ${process.exit()}', City: "Line\u2028Break", "First Name": "Zoë" });
    const files = exportFiles([planDomainExport(snapshot("a.example", { contacts: read({ Registrant: tricky, Billing: tricky }) }))], OPTIONS);
    const program = files.find((f) => f.path === "index.ts")!.text;
    expect(program).toContain("const contactZoeLovelace = {");
    expect(program.match(/contactZoeLovelace/g)).toHaveLength(3);
    const domain = runProgram(files)[0]!;
    expect(domain.args.contacts).toEqual({
      registrant: expect.objectContaining({ firstName: "Zoë", address1: 'Flat "B" */ \\ ${process.exit()}', city: "Line\u2028Break" }),
      billing: expect.objectContaining({ address1: 'Flat "B" */ \\ ${process.exit()}' }),
    });
  });

  it("a contact that would not read back as declared is left out with the reason as a comment", () => {
    const files = exportFiles([planDomainExport(snapshot("a.example", { contacts: read({ Registrant: contact(), Billing: contact({ "Phone Number": "ask at reception" }) }) }))], OPTIONS);
    const program = files.find((f) => f.path === "index.ts")!.text.replace(/\n\/\/ /g, " ");
    expect(program).toMatch(/contacts\.billing left out \(not managed\): the registrar's billing contact would be refused as declared: phone/);
    expect(Object.keys(runProgram(files)[0]!.args.contacts as object)).toEqual(["registrant"]);
  });

  it("a setting the server refuses or does not report is skipped with a comment, and the rest still declared", () => {
    const files = exportFiles(
      [
        planDomainExport(
          snapshot("b.example", {
            dns: refused("GET /domains/b.example/dns", "domain b.example does not have the DNS Management add-on"),
            email: refused("GET /domains/b.example/email", "no forwarding here"),
            nameservers: read(["ns1.only.net"]),
            information: { status: "Active", idProtection: undefined, dnsManagement: false, emailForwarding: false },
          }),
        ),
      ],
      OPTIONS,
    );
    const program = files.find((f) => f.path === "index.ts")!.text.replace(/\n\/\/ /g, " ");
    expect(program).toContain("DnsRecordSet not declared: the server refused GET /domains/b.example/dns: domain b.example does not have the DNS Management add-on.");
    expect(program).toContain("EmailForwarding not declared: the server refused GET /domains/b.example/email: no forwarding here.");
    expect(program).toMatch(/Nameservers not declared: the registrar reports one nameserver \(ns1\.only\.net\)/);
    expect(program).toMatch(/IdProtection not declared: the information route does not report idProtectionStatus/);
    expect(program).not.toContain("loadZoneFile");
    expect(runProgram(files).map((d) => d.kind)).toEqual(["Domain", "RegistrarLock"]);
    expect(files.map((f) => f.path)).toEqual(["index.ts", "Pulumi.yaml", "package.json", "tsconfig.json"]);
  });

  it("glue hosts in the delegation become commented-out declarations with the zone's address", () => {
    const program = renderProgram([
      planDomainExport(snapshot("glue.example", { nameservers: read(["ns1.glue.example", "ns2.glue.example", "ns.other.net"]), dns: read([{ hostname: "ns1", type: "A", address: "192.0.2.53", priority: "N/A" }]) })),
    ]);
    expect(program).toContain('// new PrivateNameserver("glue.example-glue-ns1", { domain: "glue.example", host: "ns1.glue.example", ip: "192.0.2.53" });');
    expect(program).toContain('// new PrivateNameserver("glue.example-glue-ns2", { domain: "glue.example", host: "ns2.glue.example", ip: "ADDRESS" });');
    expect(program).not.toMatch(/^new PrivateNameserver/m);
  });

  it("merge mode lists the rows left unmanaged in the zone file, which loads back to the declared records", () => {
    const files = exportFiles([planDomainExport(snapshot("m.example", { dns: read([{ hostname: "@", type: "A", address: "192.0.2.1", priority: "N/A" }, { hostname: "@", type: "SPF", address: "v=spf1 -all", priority: "N/A" }]) }))], OPTIONS);
    const zone = files.find((f) => f.path === "zones/m.example.yaml")!.text;
    expect(zone).toMatch(/^# {3}@\/SPF\/v=spf1 -all: cannot be read as a record/m);
    expect(zone).toMatch(/^mode: merge$/m);
    expect(runProgram(files)[1]).toEqual({ kind: "DnsRecordSet", name: "m.example-dns", args: { domain: "m.example", mode: "merge", records: [{ name: "@", type: "A", value: "192.0.2.1" }] } });
  });

  it("the project files: a Pulumi TypeScript project depending on this package and Pulumi", () => {
    const files = exportFiles([planDomainExport(snapshot("a.example"))], OPTIONS);
    const text = (path: string) => files.find((f) => f.path === path)!.text;
    expect(text("Pulumi.yaml")).toMatch(/^name: my-export\nruntime: nodejs\n/);
    expect(JSON.parse(text("package.json"))).toMatchObject({ name: "my-export", main: "index.ts", dependencies: { "@pulumi/pulumi": "^3.216.0", "pulumi-domainsreseller": "^0.1.0" } });
    expect(JSON.parse(text("tsconfig.json")).compilerOptions.strict).toBe(true);
  });

  it("is deterministic, and names never depend on anything but the domain", () => {
    const a = exportFiles([planDomainExport(snapshot("a.example")), planDomainExport(snapshot("b.example"))], OPTIONS);
    expect(exportFiles([planDomainExport(snapshot("a.example")), planDomainExport(snapshot("b.example"))], OPTIONS)).toEqual(a);
    expect(resourceNames("xn--bcher-kva.example").dns).toBe("xn--bcher-kva.example-dns");
    expect(resourceNames("a.example").glue("ns1.a.example")).toBe("a.example-glue-ns1");
  });
});
