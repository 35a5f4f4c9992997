// Converting another tool's zone into a zone file: pick the format (told, or read from the file
// name and the text), find the zone's domain, and hand over to the format's importer. The result
// lists every record kept and everything left out; formatZoneFile writes the records.
import { parse } from "yaml";
import { importBind } from "./bind";
import { importOctoDns } from "./octodns";
import { ImportError, zoneFromFileName, type ImportOptions } from "./options";
import type { ImportResult } from "./result";

export type ZoneFormat = "bind" | "octodns";
export const ZONE_FORMATS: readonly ZoneFormat[] = ["bind", "octodns"];

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function yamlValue(text: string): unknown {
  try {
    return parse(text, { prettyErrors: false });
  } catch {
    return undefined;
  }
}

/** True when `text` is already one of our zone files (a `records:` list of named records). */
function isOurZoneFile(value: unknown): boolean {
  return isMap(value) && Array.isArray(value.records) && value.records.some((r) => isMap(r) && "name" in r);
}

/**
 * The format of a source: by extension (.yaml/.yml OctoDNS; .zone/.db/.bind BIND), else by its
 * text: a YAML mapping of records with a type is OctoDNS, directives or record lines are BIND.
 */
export function detectFormat(fileName: string | undefined, text: string): ZoneFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(fileName ?? "")?.[1]?.toLowerCase();
  if (ext === "yaml" || ext === "yml") return "octodns";
  if (ext === "zone" || ext === "db" || ext === "bind") return "bind";
  const value = yamlValue(text);
  if (isMap(value) && Object.values(value).some((r) => (Array.isArray(r) ? r.some((x) => isMap(x) && "type" in x) : isMap(r) && "type" in r))) return "octodns";
  const record = /^(\S+\s+)?(\d+[smhdw]?\s+)?(IN\s+)?(SOA|NS|A|AAAA|MX|CNAME|TXT|SRV|CAA)\s+\S/i;
  const lines = text.split("\n").map((l) => l.replace(/;.*$/, "").trim());
  if (lines.some((l) => /^\$(ORIGIN|TTL|INCLUDE)\b/i.test(l) || record.test(l))) return "bind";
  return undefined;
}

/** The zone file records of `text`; throws ImportError when the text is no zone of the format. */
export function importZone(text: string, options: ImportOptions & { format?: ZoneFormat } = {}): ImportResult {
  const format = options.format ?? detectFormat(options.fileName, text);
  if (format === undefined) throw new ImportError("syntax", undefined, "cannot tell the format of this file: pass --format bind or --format octodns");
  if (format === "bind") return importBind(text, options);
  if (isOurZoneFile(yamlValue(text))) throw new ImportError("syntax", undefined, "this is already a zone file of this provider (a records: list): load it with loadZoneFile, nothing to import");
  const domain = options.origin ?? zoneFromFileName(options.fileName);
  if (domain === undefined) throw new ImportError("origin", undefined, "cannot tell which domain this OctoDNS zone is (OctoDNS names the file after the zone, such as example.com.yaml): pass --origin example.com");
  return { ...importOctoDns(text, { ...options, domain }), domainFrom: options.origin !== undefined ? "--origin" : "the file name" };
}

export { ImportError, type ImportOptions } from "./options";
export type { ImportResult, Omission } from "./result";
