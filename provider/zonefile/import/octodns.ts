// An OctoDNS zone (the YamlProvider's `<zone>.yaml`) as the records of a zone file. OctoDNS keys
// records by name ('' is the apex), each a record or a list of records of different types, with
// `value` or `values`; structured types (MX, SRV, CAA) carry their fields by name, and TXT escapes
// ";" as "\;". Provider-specific settings (`octodns:`) and dynamic rules have no equivalent at the
// registrar and are listed, as are TTLs and types the API does not store.
import { notStored } from "./bind-rdata";
import { ImportError, type ImportOptions } from "./options";
import { txtValue } from "./names";
import { brief, describeRecord, finishImport, type ImportResult, type Omission, type SourceRecord } from "./result";
import { readYaml, type Path, type YamlTree } from "../yaml";

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : JSON.stringify(v) ?? "");
const trimDot = (host: string) => (host === "." ? host : host.replace(/\.$/, ""));

/** OctoDNS TXT: `\;` is a literal ";" (a bare ";" is refused by OctoDNS), `\\` a backslash. */
export function unescapeOctoTxt(value: string): string {
  return value.replace(/\\([;\\])/g, "$1");
}

/** A value as the source means it, for messages: MX "10 mail.example.com.", SRV "10 5 5060 sip.". */
function shown(type: string, v: unknown): string {
  if (!isMap(v)) return text(v);
  const fields: Record<string, string[]> = { MX: ["preference", "priority", "exchange", "value"], SRV: ["priority", "weight", "port", "target"], CAA: ["flags", "tag", "value"] };
  const order = fields[type] ?? Object.keys(v);
  return order.filter((k) => v[k] !== undefined).map((k) => text(v[k])).join(" ");
}

const KNOWN = new Set(["type", "ttl", "value", "values", "octodns", "dynamic", "geo"]);

type Converted = { value: string; priority?: number; changed?: string } | { omit: string };

/** One value of a record of `type`, in the zone file's spelling. */
function convertValue(type: string, v: unknown): Converted {
  const field = (m: Json, ...names: string[]) => names.map((n) => m[n]).find((x) => x !== undefined);
  switch (type) {
    case "A":
    case "AAAA":
      return { value: text(v) };
    case "CNAME":
    case "NS":
      return { value: trimDot(text(v)) };
    case "TXT": {
      const converted = txtValue(unescapeOctoTxt(text(v)));
      return "omit" in converted ? converted : { value: converted.value, ...(converted.changed ? { changed: converted.changed } : {}) };
    }
    case "MX": {
      if (!isMap(v)) return { omit: `an MX value must be { exchange, preference }; got ${text(v)}` };
      const exchange = text(field(v, "exchange", "value"));
      if (exchange === ".") return { omit: 'a null MX (".": the domain takes no mail, RFC 7505) cannot be stored: the API needs a mail host; leave MX out instead' };
      return { value: trimDot(exchange), priority: Number(field(v, "preference", "priority")) };
    }
    case "SRV": {
      if (!isMap(v)) return { omit: `an SRV value must be { priority, weight, port, target }; got ${text(v)}` };
      return { value: `${text(v.weight)} ${text(v.port)} ${trimDot(text(v.target))}`, priority: Number(v.priority) };
    }
    case "CAA": {
      if (!isMap(v)) return { omit: `a CAA value must be { flags, tag, value }; got ${text(v)}` };
      return { value: `${text(v.flags ?? 0)} ${text(v.tag)} "${text(v.value)}"` };
    }
    case "URLFWD":
      return { omit: "URLFWD (a provider's URL forwarding) has no exact equivalent: write a URL (redirect) or FRAME record by hand" };
    default:
      return { omit: notStored(type) };
  }
}

function convertRecord(tree: YamlTree, path: Path, name: string, record: unknown, out: { records: SourceRecord[]; omitted: Omission[] }): void {
  const line = tree.at(path).line;
  const leaveOut = (at: number, what: string, reason: string) => out.omitted.push({ line: at, kind: "left out", what, reason });
  if (!isMap(record) || typeof record.type !== "string") {
    leaveOut(line, `${name} ${brief(text(record))}`, "an OctoDNS record is a mapping with type and value (or values)");
    return;
  }
  const type = record.type.toUpperCase();
  for (const key of Object.keys(record).filter((k) => !KNOWN.has(k))) leaveOut(tree.at([...path, key]).line, `${name} ${type} ${key}`, `"${key}" is not a field of an OctoDNS record, and has no meaning here`);
  if (record.octodns !== undefined) leaveOut(tree.at([...path, "octodns"]).line, `${name} ${type} octodns: ${brief(JSON.stringify(record.octodns))}`, "provider-specific settings (proxying, health checks, ignored…) have no equivalent at the registrar");
  for (const key of ["dynamic", "geo"] as const) {
    if (record[key] !== undefined) leaveOut(tree.at([...path, key]).line, `${name} ${type} ${key}`, "traffic rules (GeoDNS, weights, failover) have no equivalent at the registrar: only the record's own values are kept");
  }
  const many = Array.isArray(record.values);
  const values: unknown[] = many ? (record.values as unknown[]) : record.value !== undefined ? [record.value] : [];
  if (values.length === 0) leaveOut(line, `${name} ${type}`, "the record has neither value nor values");
  const ttl = typeof record.ttl === "number" ? record.ttl : undefined;
  values.forEach((v, j) => {
    const at = tree.at(many ? [...path, "values", j] : [...path, "value"]).line;
    const converted = convertValue(type, v);
    const what = describeRecord({ name, type, value: shown(type, v) });
    if ("omit" in converted) return leaveOut(at, what, converted.omit);
    out.records.push({ line: at, name, type, value: converted.value, ...(converted.priority === undefined || Number.isNaN(converted.priority) ? {} : { priority: converted.priority }), ...(ttl === undefined ? {} : { ttl }) });
    if (converted.changed) out.omitted.push({ line: at, kind: "changed", what, reason: converted.changed });
  });
}

/** The records of an OctoDNS zone file; the domain comes from `options.origin` or the file name. */
export function importOctoDns(source: string, options: ImportOptions & { domain: string }): ImportResult {
  const tree = readYaml(source);
  const first = tree.problems[0];
  if (first !== undefined) throw new ImportError("syntax", first.line, `${first.message} (at column ${first.column})`);
  if (!isMap(tree.value)) throw new ImportError("syntax", 1, "an OctoDNS zone is a YAML mapping of record names ('' for the apex) to records");
  const out = { records: [] as SourceRecord[], omitted: [] as Omission[] };
  for (const [key, entry] of Object.entries(tree.value)) {
    const name = key === "" ? "@" : key;
    if (Array.isArray(entry)) entry.forEach((record, i) => convertRecord(tree, [key, i], name, record, out));
    else convertRecord(tree, [key], name, entry, out);
  }
  return finishImport("octodns", options.domain, out.records, out.omitted);
}
