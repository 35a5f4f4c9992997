// `domainsreseller export DOMAIN…`: reads the live state of domains through the signed API and
// writes a Pulumi TypeScript project that declares it (one zone file per domain beside it), so the
// first `pulumi up` adopts everything and writes nothing. Nothing is written to the account: the
// export only calls read routes. Progress goes to stderr, one line per domain; the files written
// are listed at the end. A domain that cannot be read fails the export (exit 1) before any file is
// written, naming the domain and the route: a program silently missing a domain would mislead.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DomainsResellerClient } from "../../provider/client";
import { packageVersion } from "../../provider/client/version";
import { exportFiles, planDomainExport, readDomainSnapshot, type DomainExport } from "../../provider/export";
import { EXIT_FAILURE, EXIT_OK, parseCommand, usageError } from "../args";
import { domainsOf } from "../domains";
import { resolveCredentials } from "../credentials";

const HELP = `usage: domainsreseller export <DOMAIN>... [-o DIR] [--format typescript] [options]

Reads the live state of each DOMAIN (read routes only; nothing is changed) and writes a Pulumi
TypeScript project into DIR that declares it: index.ts (Domain with source "adopt", DnsRecordSet,
Nameservers, RegistrarLock, EmailForwarding, IdProtection per domain), zones/<domain>.yaml,
Pulumi.yaml, package.json and tsconfig.json. The first \`pulumi up\` of it writes nothing.
  DOMAIN...          the domains to export, as registered in the account
  --all-known        not available: the API has no route that lists an account's domains
  -o, --output DIR   where to write the project (default ./export)
  --format FORMAT    typescript (the default and only format; see docs/adopting.md for yaml)
  --force            overwrite an existing export in DIR
  --no-contacts      leave the contacts out of the program (they are personal data, in plain text)
  --endpoint URL     or DOMAINSRESELLER_ENDPOINT
  --username EMAIL   or DOMAINSRESELLER_USERNAME
  --api-key KEY      or DOMAINSRESELLER_API_KEY (prefer the variable: flags show up in ps)

Exit status: 0 written; 1 a domain could not be read (nothing written); 2 usage.`;

const OPTIONS = {
  "all-known": { type: "boolean" },
  output: { type: "string", short: "o" },
  format: { type: "string" },
  force: { type: "boolean" },
  "no-contacts": { type: "boolean" },
  endpoint: { type: "string" },
  username: { type: "string" },
  "api-key": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export const YAML_REFUSAL =
  "--format yaml is not offered: a Pulumi YAML program can only declare resources of a provider plugin that publishes a package schema, " +
  "and the resources of pulumi-domainsreseller are Node.js dynamic resources, which exist only inside a Node.js (TypeScript or JavaScript) " +
  'program (Pulumi: "dynamic resource providers are only able to be used in Pulumi programs written in the same language as the dynamic resource provider"). ' +
  "Use --format typescript (the default); the zone files it writes are YAML already.";

export const ALL_KNOWN_REFUSAL =
  "--all-known is not available: the Domains Reseller API has no route that lists the domains of an account " +
  "(none of its routes does; see docs/api-reference.md), so name the domains to export, e.g. `domainsreseller export example.com example.net`";

function summary(e: DomainExport): string {
  const declared: string[] = ["Domain"];
  const left: string[] = [];
  const add = (kind: string, planned: { declare: boolean }, detail?: string) => (planned.declare ? declared.push(detail ? `${kind} (${detail})` : kind) : left.push(kind));
  add("DnsRecordSet", e.dns, e.dns.declare ? `${e.dns.value.mode}, ${e.dns.value.records.length} record${e.dns.value.records.length === 1 ? "" : "s"}${e.dns.value.leftOut.length > 0 ? `, ${e.dns.value.leftOut.length} left unmanaged` : ""}` : undefined);
  add("Nameservers", e.nameservers);
  add("RegistrarLock", e.lock, e.lock.declare ? (e.lock.value ? "locked" : "unlocked") : undefined);
  add("EmailForwarding", e.email, e.email.declare ? `${e.email.value.length} forward${e.email.value.length === 1 ? "" : "s"}` : undefined);
  add("IdProtection", e.idProtection, e.idProtection.declare ? (e.idProtection.value ? "on" : "off") : undefined);
  const contacts = e.contacts.declare ? `contacts: ${Object.keys(e.contacts.value).join(", ")}` : "no contacts";
  return `${declared.join(", ")}; ${contacts}${left.length > 0 ? `; not declared (see index.ts): ${left.join(", ")}` : ""}`;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, OPTIONS, HELP);
  if (parsed.exit !== undefined) return parsed.exit;
  const { values, positionals } = parsed;
  const format = values.format?.toLowerCase() ?? "typescript";
  if (format === "yaml") return usageError(YAML_REFUSAL);
  if (format !== "typescript") return usageError(`--format must be typescript; got "${values.format}"`);
  if (values["all-known"]) return usageError(ALL_KNOWN_REFUSAL);
  if (positionals.length === 0) return usageError(`export needs at least one DOMAIN\n\n${HELP}`);
  const named = domainsOf(positionals);
  if (!named.ok) return usageError(named.message);
  const creds = resolveCredentials({ endpoint: values.endpoint, username: values.username, "api-key": values["api-key"] });
  if (!creds.ok) return usageError(creds.message);
  const outDir = resolve(values.output ?? "export");
  if (existsSync(join(outDir, "index.ts")) && !values.force) return usageError(`${outDir} already holds an export (index.ts): pass --force to overwrite it, or choose another -o DIR`);

  let client: DomainsResellerClient;
  try {
    client = new DomainsResellerClient(creds.credentials);
  } catch (error) {
    process.stderr.write(`domainsreseller: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
  const exports: DomainExport[] = [];
  const failures: string[] = [];
  try {
    for (const domain of named.domains) {
      try {
        const planned = planDomainExport(await readDomainSnapshot(client, domain));
        const e: DomainExport = values["no-contacts"] ? { ...planned, contacts: { declare: false, reason: "left out by --no-contacts", leftOut: [] } } : planned;
        exports.push(e);
        process.stderr.write(`export: ${domain}: ${summary(e)}\n`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // ExportReadError already starts with the domain and the route.
        const line = message.startsWith(`${domain}:`) ? message : `${domain}: ${message}`;
        failures.push(line);
        process.stderr.write(`export: failed: ${line}\n`);
      }
    }
  } finally {
    await client.close();
  }
  if (failures.length > 0) {
    process.stderr.write(`domainsreseller: ${failures.length} of ${named.domains.length} domain${named.domains.length === 1 ? "" : "s"} could not be read; nothing was written\n`);
    return EXIT_FAILURE;
  }

  const files = exportFiles(exports, { dirName: basename(outDir), providerVersion: packageVersion(), pulumiRange: "^3.216.0" });
  try {
    for (const file of files) {
      const path = join(outDir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
    }
  } catch (error) {
    process.stderr.write(`domainsreseller: cannot write the export to ${outDir}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
  // The list on stdout (one path a line, for scripts); the rest is progress, on stderr.
  process.stderr.write(`export: wrote ${files.length} files to ${outDir}:\n`);
  process.stdout.write(files.map((f) => `${join(outDir, f.path)}\n`).join(""));
  process.stderr.write("Next: review index.ts, `npm install`, configure the stack's credentials, then `pulumi up` (it writes nothing).\n");
  return EXIT_OK;
}
