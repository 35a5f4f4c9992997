// What an import is told (the zone's domain, the source's file name) and how it fails when the
// source cannot be read as a zone at all, as opposed to records it reads but leaves out.
import { basename } from "node:path";
import { canonicalDomainName } from "../../model/domainName";

export interface ImportOptions {
  /** The zone's domain in canonical form (`--origin`); otherwise the source says, or its file name. */
  origin?: string;
  /** The source's file name, to guess the domain from (`db.example.com`, `example.com.zone`, `example.com.yaml`). */
  fileName?: string;
}

/**
 * The source as a whole cannot be converted. `origin`: the zone's domain is unknown (a usage
 * matter: pass --origin). `syntax`: the file is not in the format (at `line` when known).
 */
export class ImportError extends Error {
  override readonly name = "ImportError";
  constructor(
    readonly code: "origin" | "syntax",
    readonly line: number | undefined,
    message: string,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

const SUFFIXES = /\.(zone|db|bind|hosts|txt|ya?ml)$/i;

/** The domain a zone's file name spells, by the common conventions, or undefined. */
export function zoneFromFileName(fileName: string | undefined): string | undefined {
  if (fileName === undefined) return undefined;
  const stem = basename(fileName).replace(SUFFIXES, "").replace(/^db\./i, "").replace(/\.$/, "");
  const domain = canonicalDomainName(stem);
  // "zone.db" or "records.txt" names no domain: a guess needs at least two labels, which it has.
  return domain !== undefined && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : undefined;
}
