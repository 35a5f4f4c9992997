// Shared by the import tests: convert a fixture, compare it with its committed golden zone file
// (UPDATE_ZONES=1 rewrites the goldens; review the diff), and list what was left out compactly.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { expect } from "vitest";
import { formatZoneFile, importZone, parseZoneFile, type ImportResult, type ImportOptions } from "../../provider/zonefile";

export const ZONES = "test/fixtures/zones";

/** The golden zone file of a source: `<dir>/expected/<source name>.yaml`. */
export function goldenPath(source: string): string {
  return join(dirname(source), "expected", `${basename(source).replace(/\.(ya?ml|zone)$/, "")}.yaml`);
}

/** Converts `source`, checks the text against its golden and that the text loads back to the same records. */
export function convertAndCompare(source: string, options: ImportOptions = {}): ImportResult {
  const result = importZone(readFileSync(source, "utf8"), { fileName: source, ...options });
  const text = formatZoneFile({ domain: result.domain, records: result.records });
  const golden = goldenPath(source);
  if (process.env.UPDATE_ZONES === "1") {
    mkdirSync(dirname(golden), { recursive: true });
    writeFileSync(golden, text);
  }
  expect(text).toBe(readFileSync(golden, "utf8"));
  const loaded = parseZoneFile(text);
  expect(loaded).toEqual({ ok: true, zone: { domain: result.domain, records: result.records } });
  return result;
}

/** What was left out, as `line kind what` (the reasons are asserted where they matter). */
export const omissions = (result: ImportResult): string[] => result.omitted.map((o) => `${o.line ?? "-"} ${o.kind} ${o.what}`);

export const reasonAt = (result: ImportResult, line: number): string => result.omitted.find((o) => o.line === line)?.reason ?? "(none)";
