// A BIND zone file (RFC 1035 master format) as the records of a zone file. Directives are followed
// as a DNS server would ($ORIGIN, $TTL; $INCLUDE and $GENERATE are listed, not followed), owners
// resolved (blank = previous owner, "@" = origin, relative below $ORIGIN), TTL and class read in
// either order. Every entry that does not become a record is listed with its line and the reason.
import { canonicalDomainName } from "../../model/domainName";
import { lexBind, type Comment, type Entry, type Token } from "./bind-lexer";
import { convertRdata } from "./bind-rdata";
import { ImportError, zoneFromFileName, type ImportOptions } from "./options";
import { absolute, outsideZone, relativeTo } from "./names";
import { brief, describeRecord, finishImport, type ImportResult, type Omission, type SourceRecord } from "./result";

const CLASSES = new Set(["IN", "CH", "CS", "HS"]);

/** A TTL in seconds: 3600, or BIND's units such as 1h30m; undefined when `text` is not one. */
export function parseTtl(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^(\d+[wdhms])+$/i.test(text)) return undefined;
  const unit: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  return [...text.toLowerCase().matchAll(/(\d+)([wdhms])/g)].reduce((sum, m) => sum + Number(m[1]) * unit[m[2]!]!, 0);
}

const isDirective = (entry: Entry): boolean => !entry.blankOwner && entry.tokens[0]?.quoted === false && entry.tokens[0].text.startsWith("$");

/** The zone's domain: --origin, else the first $ORIGIN, else a full SOA owner, else the file's name. */
function zoneOf(entries: readonly Entry[], options: ImportOptions): { domain: string; from: string } {
  if (options.origin !== undefined) return { domain: options.origin, from: "--origin" };
  const origin = entries.find((e) => isDirective(e) && e.tokens[0]!.text.toUpperCase() === "$ORIGIN")?.tokens[1]?.text;
  const fromOrigin = origin === undefined ? undefined : canonicalDomainName(origin);
  if (fromOrigin !== undefined) return { domain: fromOrigin, from: "$ORIGIN" };
  const soa = entries.find((e) => !isDirective(e) && !e.blankOwner && e.tokens.some((t, i) => i > 0 && t.text.toUpperCase() === "SOA"));
  const owner = soa?.tokens[0]?.text;
  const fromSoa = owner?.endsWith(".") ? canonicalDomainName(owner) : undefined;
  if (fromSoa !== undefined) return { domain: fromSoa, from: "the SOA record" };
  const fromName = zoneFromFileName(options.fileName);
  if (fromName !== undefined) return { domain: fromName, from: "the file name" };
  throw new ImportError("origin", undefined, "cannot tell which domain this zone is (no $ORIGIN, no SOA with a full name, no domain in the file name): pass --origin example.com");
}

/** Splits an entry's leading TTL and class (either order) from its type and data. */
function fields(tokens: readonly Token[]): { ttl?: number; klass?: string; type?: string; rdata: Token[] } {
  const out: { ttl?: number; klass?: string; type?: string; rdata: Token[] } = { rdata: [] };
  let i = 0;
  for (; i < tokens.length && i < 2; i++) {
    const text = tokens[i]!.text;
    const ttl = parseTtl(text);
    if (ttl !== undefined && out.ttl === undefined) out.ttl = ttl;
    else if (CLASSES.has(text.toUpperCase()) && out.klass === undefined) out.klass = text.toUpperCase();
    else break;
  }
  out.type = tokens[i]?.text.toUpperCase();
  out.rdata = tokens.slice(i + 1);
  return out;
}

// DNSControl's get-zones writes the records BIND cannot express as comments: ";name IN R53_ALIAS …".
const COMMENTED_RECORD = /^;+\s*(\S*)\s+(?:\d+\s+)?IN\s+([A-Z][A-Z0-9_]*)\s+(.*)$/;

function commentedRecords(comments: readonly Comment[]): Omission[] {
  return comments.flatMap(({ line, text }) => {
    const m = COMMENTED_RECORD.exec(text.trim());
    if (!m) return [];
    const what = describeRecord({ name: m[1] || "(previous name)", type: m[2]!, value: m[3]! });
    return [{ line, kind: "left out" as const, what, reason: "a record written as a comment (exporters such as DNSControl write the records BIND cannot express so): add its equivalent by hand if it is needed" }];
  });
}

export function importBind(text: string, options: ImportOptions = {}): ImportResult {
  const { entries, comments } = lexBind(text);
  const { domain, from } = zoneOf(entries, options);
  const omitted: Omission[] = commentedRecords(comments);
  const records: SourceRecord[] = [];
  let origin = domain;
  let defaultTtl: number | undefined;
  let lastTtl: number | undefined;
  let lastOwner: string | undefined;
  const leaveOut = (line: number, what: string, reason: string) => omitted.push({ line, kind: "left out", what, reason });

  for (const entry of entries) {
    const [first, ...rest] = entry.tokens;
    if (isDirective(entry)) {
      const directive = first!.text.toUpperCase();
      const arg = rest[0]?.text;
      if (directive === "$ORIGIN" && arg !== undefined) origin = absolute(arg, origin);
      else if (directive === "$TTL" && arg !== undefined && parseTtl(arg) !== undefined) defaultTtl = parseTtl(arg);
      else if (directive === "$INCLUDE") leaveOut(entry.line, `$INCLUDE ${arg ?? ""}`.trim(), "included files are not followed: import that file on its own (with --origin) and merge its records");
      else if (directive === "$GENERATE") leaveOut(entry.line, brief(entry.tokens.map((t) => t.text).join(" ")), "BIND's $GENERATE is not expanded: write out the records it makes");
      else leaveOut(entry.line, brief(entry.tokens.map((t) => t.text).join(" ")), `${directive} is not a directive of this format, or lacks its argument (the directives are $ORIGIN name, $TTL ttl, $INCLUDE file and $GENERATE)`);
      continue;
    }
    const owner = entry.blankOwner ? lastOwner : absolute(first!.text, origin);
    if (owner === undefined) {
      leaveOut(entry.line, brief(entry.tokens.map((t) => t.text).join(" ")), "the first record has no owner name (its line starts with a blank): write the name first");
      continue;
    }
    lastOwner = owner;
    const f = fields(entry.blankOwner ? entry.tokens : rest);
    const name = relativeTo(owner, domain);
    const what = describeRecord({ name: name ?? owner, type: f.type ?? "", value: f.rdata.map((t) => (t.quoted ? `"${t.text}"` : t.text)).join(" ") });
    if (f.ttl !== undefined) lastTtl = f.ttl;
    if (f.type === undefined) leaveOut(entry.line, what, "no record type: write it after the name (and the optional TTL and class), such as www 3600 IN A 192.0.2.10");
    else if (f.klass !== undefined && f.klass !== "IN") leaveOut(entry.line, what, `class ${f.klass} is not the Internet class IN, which is all the registrar's DNS serves`);
    else if (name === undefined) leaveOut(entry.line, what, outsideZone(owner, domain));
    else {
      const data = convertRdata(f.type, f.rdata, origin);
      if ("omit" in data) leaveOut(entry.line, what, data.omit);
      else {
        const ttl = f.ttl ?? defaultTtl ?? lastTtl;
        records.push({ line: entry.line, name, type: f.type, value: data.value, ...(data.priority === undefined ? {} : { priority: data.priority }), ...(ttl === undefined ? {} : { ttl }) });
        if (data.changed) omitted.push({ line: entry.line, kind: "changed", what, reason: data.changed });
      }
    }
  }
  return { ...finishImport("bind", domain, records, omitted), domainFrom: from };
}
