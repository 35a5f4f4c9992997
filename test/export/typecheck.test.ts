// The exported program type-checks against this package's real types, under the exported
// tsconfig's strict options: Pulumi type-checks a TypeScript program before running it, so a
// program that only transpiles would fail the user's first `pulumi preview`.
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { exportFiles, planDomainExport, read, refused, type DomainSnapshot } from "../../provider/export";

const root = join(__dirname, "..", "..");

const snapshot = (domain: string, over: Partial<DomainSnapshot> = {}): DomainSnapshot => ({
  domain,
  information: { status: "Active", idProtection: false, dnsManagement: true, emailForwarding: true },
  contacts: read({ Registrant: { "First Name": "Ada", "Last Name": "Lovelace", "Company Name": "X", "Email Address": "ada@example.org", "Address 1": "1 Main St", City: "London", State: "", Postcode: "", Country: "GB", "Phone Number": "+44.2071234567" } }),
  lock: read("locked"),
  nameservers: read(["ns1.a.example", "ns2.host.net"]),
  dns: read([{ hostname: "@", type: "MX", address: "mail.host.net", priority: "10" }, { hostname: "ns1", type: "A", address: "192.0.2.53", priority: "N/A" }]),
  email: read([{ prefix: "*", forwardto: "all@example.org" }]),
  ...over,
});

describe("the exported program", () => {
  it("type-checks with strict options against the package's own declarations", () => {
    const files = exportFiles(
      [planDomainExport(snapshot("a.example")), planDomainExport(snapshot("b.example", { dns: refused("GET /domains/b.example/dns", "no add-on"), contacts: read({}) }))],
      { dirName: "x", providerVersion: "0.1.0", pulumiRange: "^3.216.0" },
    );
    const tsconfig = JSON.parse(files.find((f) => f.path === "tsconfig.json")!.text) as { compilerOptions: Record<string, unknown> };
    const converted = ts.convertCompilerOptionsFromJson(tsconfig.compilerOptions, root);
    expect(converted.errors).toEqual([]);
    const programPath = join(root, "__export_check__", "index.ts");
    const options: ts.CompilerOptions = { ...converted.options, noEmit: true, baseUrl: root, paths: { "pulumi-domainsreseller": ["provider/index.ts"] }, types: ["node"] };
    const host = ts.createCompilerHost(options);
    const text = files.find((f) => f.path === "index.ts")!.text;
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.readFile = (path) => (path === programPath ? text : readFile(path));
    host.fileExists = (path) => path === programPath || fileExists(path);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (path, language) => (path === programPath ? ts.createSourceFile(path, text, language) : getSourceFile(path, language));
    const program = ts.createProgram([programPath], options, host);
    const source = program.getSourceFile(programPath)!;
    const problems = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  }, 60_000);
});
