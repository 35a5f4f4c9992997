// Refusals of a declared record set, in two stages. `checkRecord` takes one record on its own
// (type, name spelling, value, priority, ttl); `zoneRecords` needs the zone and the whole list
// (names relative to the zone, duplicates, CNAME rules). Each problem points at the record by
// index and name/type and says how to fix it.
import { canonicalName, canonicalValue } from "./canonical";
import { recordKey, recordLabel, sortRecords } from "./key";
import { isRecordType, NO_PRIORITY, RECORD_TYPES, WITH_PRIORITY, type DnsRecord } from "./types";

/** A record as the user wrote it (after zod checked the property types). */
export interface RawRecord {
  name: string;
  type: string;
  value: string;
  priority?: number | string | undefined;
  ttl?: unknown;
}

/** `field` is the record's property at fault. */
export interface RecordProblem {
  field: "name" | "type" | "value" | "priority" | "ttl";
  message: string;
}

/** A problem of the list, at the user's index of the record. */
export interface ZoneProblem extends RecordProblem {
  index: number;
}

export type RecordCheck = { ok: true; record: DnsRecord } | { ok: false; problems: RecordProblem[] };

const MAX_PRIORITY = 65535;

function parsePriority(priority: number | string): number | undefined {
  const n = typeof priority === "number" ? priority : /^\s*\d+\s*$/.test(priority) ? Number(priority) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= MAX_PRIORITY ? n : undefined;
}

function priorityProblem(type: (typeof RECORD_TYPES)[number], priority: number | string | undefined): RecordProblem | number | undefined {
  const absent = priority === undefined || priority === NO_PRIORITY;
  if (!WITH_PRIORITY.has(type)) {
    return absent ? undefined : { field: "priority", message: `is not used by ${type} records (only MX and SRV have one): remove priority` };
  }
  if (absent) return { field: "priority", message: `is required for ${type} records: add priority, a number 0-${MAX_PRIORITY} (lower is preferred), such as priority: 10` };
  return parsePriority(priority) ?? { field: "priority", message: `must be a whole number 0-${MAX_PRIORITY} (lower is preferred); got ${JSON.stringify(priority)}` };
}

/** One record on its own. The name is checked for spelling only; the zone comes in `zoneRecords`. */
export function checkRecord(raw: RawRecord): RecordCheck {
  const type = raw.type.trim().toUpperCase();
  const name = canonicalName(raw.name, undefined);
  const label = `(${recordLabel({ name: name.ok ? name.value : raw.name, type })})`;
  const problems: RecordProblem[] = [];
  if (raw.ttl !== undefined) {
    problems.push({ field: "ttl", message: `${label} is not accepted: the Domains Reseller API stores no TTL (the upstream registrar applies its own); remove ttl` });
  }
  if (!name.ok) problems.push({ field: "name", message: `${label} ${name.problem}` });
  if (!isRecordType(type)) {
    problems.push({ field: "type", message: `${label} ${JSON.stringify(raw.type)} is not a record type this API offers: use one of ${RECORD_TYPES.join(", ")} (SPF rules go in a TXT record)` });
    return { ok: false, problems };
  }
  const value = canonicalValue(type, raw.value);
  if (!value.ok) problems.push({ field: "value", message: `${label} ${value.problem}` });
  const priority = priorityProblem(type, raw.priority);
  if (typeof priority === "object") problems.push({ ...priority, message: `${label} ${priority.message}` });
  if (!name.ok || !value.ok || typeof priority === "object" || raw.ttl !== undefined) return { ok: false, problems };
  return { ok: true, record: { name: name.value, type, value: value.value, ...(typeof priority === "number" ? { priority } : {}) } };
}

/**
 * The records of `zone` in canonical form and order, or the problems of the list: names outside
 * the zone, duplicates (after canonical spelling), a CNAME at the apex or beside other records.
 * `records` come from `checkRecord`; indices in problems are the user's.
 */
export function zoneRecords(zone: string, records: readonly DnsRecord[]): { records: DnsRecord[]; problems: ZoneProblem[] } {
  const problems: ZoneProblem[] = [];
  const placed: { index: number; record: DnsRecord }[] = [];
  records.forEach((record, index) => {
    const name = canonicalName(record.name, zone);
    if (!name.ok) problems.push({ index, field: "name", message: `(${recordLabel(record)}) ${name.problem}` });
    else placed.push({ index, record: { ...record, name: name.value } });
  });
  const byKey = new Map<string, number>();
  const byName = new Map<string, { index: number; record: DnsRecord }[]>();
  for (const { index, record } of placed) {
    const label = `(${recordLabel(record)})`;
    const key = recordKey(record);
    const first = byKey.get(key);
    if (first !== undefined) {
      problems.push({ index, field: "value", message: `${label} repeats records[${first}] (${key}): a name, type and value may appear once (spellings are compared after canonicalisation, priority aside); remove one` });
      continue;
    }
    byKey.set(key, index);
    if (record.type === "CNAME" && record.name === "@") {
      problems.push({ index, field: "name", message: `${label} cannot be at the apex: a CNAME must be alone on its name and the apex also holds the zone's SOA and NS; use A/AAAA records (or a URL redirect) for ${zone}` });
    }
    const others = byName.get(record.name) ?? [];
    const clash = others.find((o) => o.record.type === "CNAME" || record.type === "CNAME");
    if (clash !== undefined) {
      problems.push({ index, field: "type", message: `${label} shares its name with records[${clash.index}] (${recordLabel(clash.record)}): a CNAME must be the only record on its name; remove one of them or give them different names` });
    }
    byName.set(record.name, [...others, { index, record }]);
  }
  return { records: sortRecords(placed.map((p) => p.record)), problems };
}
