// The common end of every import: records read from a BIND or OctoDNS file are put through the
// model's own checks (each record, then the zone rules) so the zone file written always loads, and
// everything the API cannot store is listed with the reason and the source line, never dropped
// silently: TTLs, apex NS, records the model refuses, duplicates.
import { dnsRecordSchema, dnsRecordSetInputsSchema } from "../../model/dns";
import type { DnsRecord } from "../../model/dns/types";

/** A record as read from the source, name relative to the zone ("@" for the apex). */
export interface SourceRecord {
  line: number;
  name: string;
  type: string;
  value: string;
  priority?: number;
  /** The TTL in seconds the source gives it (explicitly or by default), if any. */
  ttl?: number;
}

/** Something of the source not carried over as it was: left out, or kept in another spelling. */
export interface Omission {
  /** 1-based line in the source, when there is one. */
  line?: number;
  kind: "left out" | "changed";
  /** The thing, as the source names it: `@ SOA`, `www TXT "…"`, `TTL 3600`. */
  what: string;
  reason: string;
}

export interface ImportResult {
  format: "bind" | "octodns";
  domain: string;
  /** Canonical, in canonical order: ready for formatZoneFile. */
  records: DnsRecord[];
  /** In order of source line. */
  omitted: Omission[];
  /** Where the domain came from when the caller did not give it: "$ORIGIN", "the file name"… */
  domainFrom?: string;
}

/** A value for messages: short, on one line. */
export function brief(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

export const describeRecord = (r: { name: string; type: string; value: string; priority?: number | undefined }): string =>
  `${r.name} ${r.type} ${r.priority === undefined ? "" : `${r.priority} `}${brief(r.value)}`.trim();

const APEX_NS =
  "the apex NS records are the zone's delegation, which the registrar's DNS serves itself; set the domain's nameservers with the Nameservers resource instead";

function ttlSummary(kept: readonly SourceRecord[]): Omission[] {
  const byTtl = new Map<number, SourceRecord[]>();
  for (const r of kept) if (r.ttl !== undefined) byTtl.set(r.ttl, [...(byTtl.get(r.ttl) ?? []), r]);
  return [...byTtl.entries()].map(([ttl, records]) => ({
    line: records[0]!.line,
    kind: "left out",
    what: `TTL ${ttl}`,
    reason: `on ${records.length === 1 ? "1 record" : `${records.length} records, the first here`}: the API stores no TTL (the registrar's DNS applies its own)`,
  }));
}

/** The records of `domain` the model accepts, and what was left out (with `earlier` omissions). */
export function finishImport(format: ImportResult["format"], domain: string, sources: readonly SourceRecord[], earlier: readonly Omission[]): ImportResult {
  const omitted: Omission[] = [...earlier];
  const leaveOut = (r: SourceRecord, reason: string) => omitted.push({ line: r.line, kind: "left out", what: describeRecord(r), reason });
  let kept: SourceRecord[] = [];
  for (const source of sources) {
    if (source.type === "NS" && source.name === "@") {
      leaveOut(source, APEX_NS);
      continue;
    }
    const parsed = dnsRecordSchema.safeParse({ name: source.name, type: source.type, value: source.value, ...(source.priority === undefined ? {} : { priority: source.priority }) });
    if (parsed.success) kept.push(source);
    else leaveOut(source, parsed.error.issues.map((i) => i.message).join("; "));
  }
  // The zone rules flag the later of two clashing records; leaving it out may settle the others.
  for (;;) {
    const parsed = dnsRecordSetInputsSchema.safeParse({ domain, records: kept.map(({ name, type, value, priority }) => ({ name, type, value, ...(priority === undefined ? {} : { priority }) })) });
    if (parsed.success) {
      omitted.push(...ttlSummary(kept));
      return { format, domain: parsed.data.domain, records: parsed.data.records, omitted: sortOmissions(omitted) };
    }
    const refused = refusedNow(domain, parsed.error.issues, kept);
    for (const [index, reason] of refused) leaveOut(kept[index]!, reason);
    kept = kept.filter((_, index) => !refused.has(index));
  }
}

/**
 * The records to leave out in this round, by index, with the reason (its cross-references made
 * source lines). A record refused on its own (a CNAME at the apex) goes first, alone: a record
 * that clashed only with it (an A beside that CNAME) is then fine and stays.
 */
function refusedNow(domain: string, issues: readonly { path: PropertyKey[]; message: string }[], kept: readonly SourceRecord[]): Map<number, string> {
  const flagged = new Map<number, string>();
  for (const issue of issues) {
    const index = issue.path[1];
    if (issue.path[0] !== "records" || typeof index !== "number") throw new Error(`cannot import into ${domain}: ${issue.message}`);
    if (!flagged.has(index)) flagged.set(index, issue.message);
  }
  const alone = [...flagged].filter(([, message]) => !/records\[\d+\]/.test(message));
  const now = alone.length > 0 ? alone : [...flagged];
  return new Map(now.map(([index, message]) => [index, message.replace(/records\[(\d+)\]/g, (_, j: string) => `line ${kept[Number(j)]?.line ?? "?"}`)]));
}

function sortOmissions(omitted: readonly Omission[]): Omission[] {
  return [...omitted].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
