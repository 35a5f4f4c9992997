// One record of a zone file, checked by the model's own record schema (dnsRecordSchema) so a file
// and a TypeScript program refuse exactly the same records with the same words. What this adds is
// the file's view: positions, YAML hints ("YAML read 10 as a number"), and every problem of a
// record at once — zod stops at the first wrong property type or unknown key and would hide the
// value's problem until the next run, so those are checked first, field by field, and the record
// is then checked again with stand-ins for the fields already reported.
import { dnsRecordSchema } from "../model/dns";
import type { DnsRecord } from "../model/dns/types";
import type { ZoneFileProblem } from "./errors";
import { fieldOf, type Path, type YamlTree } from "./yaml";

const FIELDS = Object.keys(dnsRecordSchema.in.shape) as (keyof typeof dnsRecordSchema.in.shape)[];
const REQUIRED = new Set(["name", "type", "value"]);

const ADD: Record<string, string> = {
  name: 'add name:, the name relative to the zone, such as name: www (or name: "@" for the apex)',
  type: "add type:, one of A, AAAA, CNAME, MX, TXT, SRV, CAA, NS, URL, FRAME, MXE",
  value: "add value:, the address, host name or text of the record",
};

// What other tools call the fields, so a record copied from elsewhere gets the right name.
const SYNONYMS: Record<string, string> = {
  host: "name", hostname: "name", owner: "name", label: "name",
  rrtype: "type", kind: "type",
  content: "value", data: "value", address: "value", target: "value", rdata: "value", values: "value",
  prio: "priority", pref: "priority", preference: "priority",
};

/** Edits between two short words, to recognise a typo such as "tpye". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

function unknownKey(key: string): string {
  const lower = key.toLowerCase();
  const meant = SYNONYMS[lower] ?? FIELDS.find((f) => f !== "ttl" && distance(lower, f) <= 2);
  const hint = lower === "values" ? " (one record per value)" : "";
  return `is not a field of a record${meant ? `: did you mean ${meant}${hint}?` : ""} A record has name, type, value and (MX and SRV only) priority: rename or remove it`;
}

/** The YAML reading behind a wrong type, with the fix: quoting makes any scalar a string. */
function yamlHint(tree: YamlTree, path: Path): string {
  const scalar = tree.scalarAt(path);
  if (path.at(-1) === "priority") return `; got ${scalar?.source ?? "a list or mapping"}, write a number such as priority: 10`;
  if (scalar === undefined) return "; got a list or mapping, write it as one line of text";
  if (scalar.value === null) return "; the field is empty, write its value after the colon";
  const kind = typeof scalar.value === "boolean" ? "true/false" : typeof scalar.value === "number" || typeof scalar.value === "bigint" ? "a number" : typeof scalar.value;
  return `; YAML read ${scalar.source} as ${kind}: put it in quotes, "${scalar.source}"`;
}

export interface CheckedRecord {
  /** The record in canonical form (names not yet relative to the zone), when its fields are right. */
  record?: DnsRecord;
  /** The record as written, minus unknown fields: what the zone rules are checked against. */
  raw?: Record<string, unknown>;
  problems: ZoneFileProblem[];
}

/** The record at `path` (`records[i]`) of `tree`, whose plain value is `input`. */
export function checkZoneRecord(tree: YamlTree, path: Path, input: unknown): CheckedRecord {
  const problem = (at: Path, message: string, position = tree.at(at)): ZoneFileProblem => ({ ...position, field: fieldOf(at), message });
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    const example = typeof input === "string" ? input.trim().split(/\s+/) : [];
    const hint = example.length >= 3 ? ` (such as { name: ${example[0]}, type: ${example[1]}, value: ${example.slice(2).join(" ")} })` : "";
    return { problems: [problem(path, `must be a record with name, type, value and (MX and SRV only) priority${hint}; got ${Array.isArray(input) ? "a list" : input === null ? "nothing" : JSON.stringify(input)}`)] };
  }
  const given = input as Record<string, unknown>;
  const problems: ZoneFileProblem[] = [];
  for (const key of Object.keys(given)) {
    if (!(FIELDS as string[]).includes(key)) problems.push(problem([...path, key], unknownKey(key), tree.keyAt(path, key)));
  }
  const reported = new Set<string>();
  const standIn: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = given[field];
    if (value === undefined) {
      if (REQUIRED.has(field)) {
        problems.push({ ...tree.at(path), field: fieldOf([...path, field]), message: `is required: ${ADD[field]}` });
        reported.add(field);
        standIn[field] = "?";
      }
      continue;
    }
    const typed = dnsRecordSchema.in.shape[field].safeParse(value);
    if (typed.success) standIn[field] = value;
    else {
      problems.push(problem([...path, field], `${typed.error.issues[0]?.message ?? "has the wrong type"}${yamlHint(tree, [...path, field])}`));
      reported.add(field);
      standIn[field] = field === "priority" ? undefined : (tree.scalarAt([...path, field])?.source ?? "?");
    }
  }
  const parsed = dnsRecordSchema.safeParse(standIn);
  // Unknown fields aside, a record that parses still takes part in the zone rules (duplicates…).
  if (parsed.success && reported.size === 0) return { record: parsed.data, raw: standIn, problems };
  const issues = parsed.error?.issues ?? [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (!reported.has(field)) problems.push(problem([...path, ...(field ? [field] : [])], issue.message));
  }
  // A refused ttl says nothing about the record itself, which can still clash with others.
  if (reported.size === 0 && issues.every((i) => i.path[0] === "ttl")) {
    const { ttl: _ttl, ...rest } = standIn;
    const again = dnsRecordSchema.safeParse(rest);
    if (again.success) return { raw: rest, problems };
  }
  return { problems };
}
