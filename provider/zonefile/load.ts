// Reading a zone file from disk: the one part of zone files that does I/O. A Pulumi program calls
// it while it declares resources, so it is synchronous and throws one ZoneFileError naming every
// problem of the file (file:line:column, the field, the fix), which the program's run prints.
import { readFileSync } from "node:fs";
import { ZoneFileError } from "./errors";
import { parseZoneFile, type ZoneFile, type ZoneFileOptions } from "./validate";

/**
 * The DnsRecordSet inputs declared by the YAML zone file at `path` (relative to the current
 * directory, which for a Pulumi program is the project directory):
 *
 * ```ts
 * new DnsRecordSet("zone", { domain: "example.com", ...loadZoneFile("dns/example.com.yaml") });
 * ```
 *
 * Records come back in canonical form, checked by the same rules as the resource's own inputs (and,
 * when the file or `options.domain` names the zone, the rules of the zone as a whole), so a file
 * that loads is a record set that passes `pulumi preview`'s check. `domain` and `mode` are present
 * only when the file (or the options) give them, so they never override the program's own.
 *
 * @throws ZoneFileError listing every problem of the file, or that it cannot be read.
 */
export function loadZoneFile(path: string, options: ZoneFileOptions = {}): ZoneFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw ZoneFileError.unreadable(path, error, process.cwd());
  }
  const parsed = parseZoneFile(text, options);
  if (!parsed.ok) throw new ZoneFileError(path, parsed.problems);
  return parsed.zone;
}
