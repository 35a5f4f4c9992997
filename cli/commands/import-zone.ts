// `domainsreseller import-zone FILE`: converts a BIND or OctoDNS zone into a zone file for
// loadZoneFile. The zone file goes to stdout (or -o FILE) and everything that could not be carried
// over to stderr, one line each with the source line and the reason, so `> zone.yaml` keeps the
// two apart. Exit status: 0 all carried over, 3 converted but something left out (the file is
// still written: review the list), 2 usage (including an unknown domain: pass --origin), 1 the
// input cannot be read or is not a zone of the format.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { canonicalDomainName } from "../../provider/model/domainName";
import { formatZoneFile, ImportError, importZone, ZONE_FORMATS, type ImportResult, type ZoneFormat } from "../../provider/zonefile";
import { EXIT_FAILURE, EXIT_OK, parseCommand, usageError } from "../args";

/** Converted, but something of the source was left out or changed: listed on stderr. */
export const EXIT_LEFT_OUT = 3;

const HELP = `usage: domainsreseller import-zone <FILE> [--origin example.com] [-o FILE] [--format bind|octodns]

Converts a BIND zone file or an OctoDNS zone YAML into a zone file for loadZoneFile.
  FILE              the zone to convert
  --origin DOMAIN   the zone's domain (default: $ORIGIN, the SOA, or the file name)
  --format FORMAT   bind or octodns (default: from the file name and its content)
  -o, --output FILE write the zone file to FILE instead of stdout

What the API cannot store (TTLs, SOA, apex NS, other types, records outside the zone) is listed
on stderr with its source line. Exit status: 0 everything carried over; 3 converted, something
left out (listed); 2 usage; 1 the input cannot be read or converted.`;

const OPTIONS = {
  origin: { type: "string" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} as const;

const fail = (message: string): number => {
  process.stderr.write(`domainsreseller: ${message}\n`);
  return EXIT_FAILURE;
};

/** stderr: one line per thing left out, then one line of totals. */
function report(file: string, result: ImportResult, destination: string): void {
  const lines = result.omitted.map((o) => `${file}${o.line === undefined ? "" : `:${o.line}`}: ${o.kind} ${o.what}: ${o.reason}`);
  const from = result.domainFrom && result.domainFrom !== "--origin" ? ` (the domain from ${result.domainFrom}; pass --origin to choose another)` : "";
  const left = result.omitted.length === 0 ? "nothing left out" : `${result.omitted.length} left out or changed, listed above (exit status ${EXIT_LEFT_OUT})`;
  const count = result.records.length === 1 ? "1 record" : `${result.records.length} records`;
  process.stderr.write([...lines, `import-zone: ${result.domain}${from}: ${count} written to ${destination}; ${left}`].join("\n") + "\n");
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, OPTIONS, HELP);
  if (parsed.exit !== undefined) return parsed.exit;
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) return usageError(`import-zone needs exactly one FILE\n\n${HELP}`);
  const format = values.format?.toLowerCase();
  if (format !== undefined && !(ZONE_FORMATS as readonly string[]).includes(format)) return usageError(`--format must be ${ZONE_FORMATS.join(" or ")}; got "${values.format}"`);
  const origin = values.origin === undefined ? undefined : canonicalDomainName(values.origin);
  if (values.origin !== undefined && origin === undefined) return usageError(`--origin must be a domain name such as example.com; got "${values.origin}"`);

  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let result: ImportResult;
  try {
    result = importZone(text, { fileName: file, ...(origin ? { origin } : {}), ...(format ? { format: format as ZoneFormat } : {}) });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    if (error.code === "origin") return usageError(`${file}: ${error.message}`);
    return fail(error.line === undefined ? `${file}: ${error.message}` : `${file}:${error.message.replace(/^line /, "")}`);
  }
  const kind = result.format === "bind" ? "BIND" : "OctoDNS";
  const zone = formatZoneFile({ domain: result.domain, records: result.records }, { comments: [`${result.domain}, imported from ${basename(file)} (${kind}) by domainsreseller import-zone`] });
  if (values.output === undefined) process.stdout.write(zone);
  else {
    try {
      writeFileSync(values.output, zone);
    } catch (error) {
      return fail(`cannot write ${values.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  report(file, result, values.output ?? "stdout");
  return result.omitted.length > 0 ? EXIT_LEFT_OUT : EXIT_OK;
}
