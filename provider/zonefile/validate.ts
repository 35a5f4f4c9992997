// A whole zone file: the top-level fields, each record (record.ts), then the rules between records
// (names inside the zone, duplicates, a CNAME alone on its name) through dnsRecordSetInputsSchema,
// the very schema the provider's check runs, once the domain is known. Pure: text in, the zone or
// every problem out, so it is tested without files.
import { dnsModeSchema, dnsRecordSetInputsSchema } from "../model/dns";
import type { DnsMode, DnsRecord } from "../model/dns/types";
import { domainNameSchema } from "../model/domainName";
import { sortProblems, type ZoneFileProblem } from "./errors";
import { checkZoneRecord } from "./record";
import { fieldOf, readYaml, type Path, type YamlTree } from "./yaml";

/** A zone file's content: the DnsRecordSet inputs it declares, records in canonical form. */
export interface ZoneFile {
  domain?: string;
  mode?: DnsMode;
  records: DnsRecord[];
}

export interface ZoneFileOptions {
  /** The zone's domain when the file does not name it (or to check that it names this one). */
  domain?: string;
}

const TOP: Record<string, string> = {
  profile: "a credentials profile belongs to the program, not the zone: pass it beside the file, new DnsRecordSet(name, { profile, ...loadZoneFile(path) })",
  ttl: "the Domains Reseller API stores no TTL (the upstream registrar applies its own): remove ttl",
  record: "did you mean records? A zone file has domain, mode and records: rename it",
  zone: "did you mean domain? A zone file has domain, mode and records: rename it",
  name: "did you mean domain? A zone file has domain, mode and records: rename it",
};

const SHAPE = "a zone file is a YAML mapping with records: (a list of { name, type, value, priority? }) and optionally domain: and mode:";

function topLevel(tree: YamlTree, top: Record<string, unknown>, options: ZoneFileOptions, problems: ZoneFileProblem[]): { domain?: string; mode?: DnsMode } {
  const at = (path: Path, message: string, position = tree.at(path)) => problems.push({ ...position, field: fieldOf(path), message });
  for (const key of Object.keys(top)) {
    if (!["domain", "mode", "records"].includes(key)) at([key], `is not a field of a zone file: ${TOP[key] ?? "a zone file has domain, mode and records; remove it"}`, tree.keyAt([], key));
  }
  const out: { domain?: string; mode?: DnsMode } = {};
  if (top.domain !== undefined) {
    const domain = domainNameSchema.safeParse(top.domain);
    if (!domain.success) at(["domain"], typeof top.domain === "string" ? (domain.error.issues[0]?.message ?? "is not a domain name") : `must be a domain name such as example.com; got ${JSON.stringify(top.domain)}`);
    else out.domain = domain.data;
  }
  if (options.domain !== undefined) {
    const given = domainNameSchema.safeParse(options.domain);
    if (!given.success) at(["domain"], `the domain option ${JSON.stringify(options.domain)} is not a domain name such as example.com: fix the loadZoneFile call`);
    else if (out.domain !== undefined && out.domain !== given.data) {
      at(["domain"], `the file is for ${out.domain}, but it was loaded for ${given.data}: load the file of ${given.data}, or fix domain in the file`);
    } else out.domain = given.data;
  }
  if (top.mode !== undefined) {
    const mode = dnsModeSchema.safeParse(top.mode);
    if (!mode.success) at(["mode"], `${mode.error.issues[0]?.message ?? "is not a mode"}; got ${JSON.stringify(top.mode)}`);
    else out.mode = mode.data;
  }
  return out;
}

/** The rules between records, at the records' own positions; returns the zone's canonical records. */
function zoneRules(tree: YamlTree, domain: string, raws: { index: number; raw: Record<string, unknown> }[], problems: ZoneFileProblem[]): DnsRecord[] | undefined {
  const parsed = dnsRecordSetInputsSchema.safeParse({ domain, records: raws.map((r) => r.raw) });
  if (parsed.success) return parsed.data.records;
  for (const issue of parsed.error.issues) {
    const [, j, field] = issue.path;
    const index = typeof j === "number" ? raws[j]?.index : undefined;
    const path: Path = index === undefined ? ["records"] : ["records", index, ...(typeof field === "string" ? [field] : [])];
    // The schema saw only the records that passed on their own: point its cross-references at the file's indices.
    const message = issue.message.replace(/records\[(\d+)\]/g, (text, k: string) => (raws[Number(k)] ? `records[${raws[Number(k)]!.index}]` : text));
    problems.push({ ...tree.at(path), field: fieldOf(path), message });
  }
  return undefined;
}

const recordOf = (field: string): number | undefined => {
  const m = /^records\[(\d+)\]/.exec(field);
  return m ? Number(m[1]) : undefined;
};

/**
 * The records a syntax error may have misread: the one it is in, or else the last one before it
 * (a tab or a bad indent pushes the rest of a record out of it). Their schema problems would only
 * repeat the syntax error in other words, so they are left for the next run.
 */
function damaged(tree: YamlTree, count: number): Set<number> {
  const out = new Set<number>();
  for (const { line, path } of tree.syntax) {
    const inside = path[0] === "records" && typeof path[1] === "number" ? path[1] : undefined;
    let before: number | undefined;
    for (let i = 0; i < count; i++) if (tree.at(["records", i]).line <= line) before = i;
    const index = inside ?? before;
    if (index !== undefined) out.add(index);
  }
  return out;
}

/** The zone declared by `text`, or every problem of it (positions 1-based). */
export function parseZoneFile(text: string, options: ZoneFileOptions = {}): { ok: true; zone: ZoneFile } | { ok: false; problems: ZoneFileProblem[] } {
  const tree = readYaml(text);
  const problems = [...tree.problems];
  const fail = () => ({ ok: false as const, problems: sortProblems(problems) });
  const top = tree.value;
  if (top === null || top === undefined || typeof top !== "object" || Array.isArray(top)) {
    const got = Array.isArray(top) ? "the file is a list: put it under records: (a line records: and the list indented below it)" : top === null || top === undefined ? `the file is empty: ${SHAPE}` : `${SHAPE}; got ${JSON.stringify(top)}`;
    if (problems.length === 0 || Array.isArray(top)) problems.push({ ...tree.at([]), field: "records", message: got });
    return fail();
  }
  const fields = topLevel(tree, top as Record<string, unknown>, options, problems);
  const list = (top as Record<string, unknown>).records;
  if (!Array.isArray(list)) {
    const message = list === undefined ? `is required: ${SHAPE}` : `must be a list of records ({ name, type, value, priority? }), one "- " item each; got ${list === null ? "nothing" : JSON.stringify(list)}`;
    problems.push({ ...tree.at(list === undefined ? [] : ["records"]), field: "records", message });
    return fail();
  }
  const checked = list.map((input, index) => ({ index, ...checkZoneRecord(tree, ["records", index], input) }));
  for (const c of checked) problems.push(...c.problems);
  const raws = checked.flatMap((c) => (c.raw ? [{ index: c.index, raw: c.raw }] : []));
  const records = fields.domain === undefined ? checked.flatMap((c) => (c.record ? [c.record] : [])) : zoneRules(tree, fields.domain, raws, problems);
  const misread = damaged(tree, list.length);
  const syntaxLines = new Set(tree.syntax.map((s) => s.line));
  const kept = problems.filter((p, i) => i < tree.problems.length || !(misread.has(recordOf(p.field) ?? -1) || syntaxLines.has(p.line)));
  if (kept.length > 0 || records === undefined) return { ok: false, problems: sortProblems(kept) };
  return { ok: true, zone: { ...fields, records } };
}
