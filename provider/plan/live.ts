// What a DnsRecordSet's planned save does to the zone, as the provider lists it in the preview's
// checked inputs: `removes` (every live record the save certainly deletes, each
// "<domain> <name>/<type>/<value>", with " (priority N)" for MX and SRV) and `givesBack` (each name
// and type the set stops declaring, "<domain> <name>/<type>", given back as it was found when the
// set took it over: what that means record by record only the state knows, so it is never a list
// of records). Read into records and names a reviewer reads, with why each deletion happens as far
// as the preview shows it.
import type { DnsRecordView } from "./pairs";
import { isObject, isSecret, isUnknownValue, SECRET_TEXT, type JsonObject, type JsonValue } from "./values";

/** Why a live record is deleted, judged from the recorded and the wanted records of the set. */
export type DeleteReason = "changed in the code" | "removed from the code" | "added outside of code" | "never declared by the program";

export interface LiveRecord {
  /** The zone the record is in. */
  domain: string;
  record: DnsRecordView;
}

const WITH_PRIORITY = new Set(["MX", "SRV"]);
const ENTRY = /^(\S+) ([^/]*)\/([^/]*)\/([\s\S]*?)(?: \(priority ([^)]*)\))?$/;

/** A name and type a DnsRecordSet stops declaring and gives back as it found it. */
export interface GivenBackName {
  /** The zone the name is in. */
  domain: string;
  name: string;
  type: string;
}

/**
 * One entry of `removes`. A secret entry is "[secret]" (never its plaintext); an
 * unknown one, or one that is not text, is no record. Text of another shape is kept whole as the
 * value, on the resource's domain, so a deletion is never dropped for its spelling.
 */
export function liveRecordOf(entry: JsonValue, fallbackDomain: string): LiveRecord | undefined {
  if (isSecret(entry)) return { domain: fallbackDomain, record: { name: "", type: "", value: SECRET_TEXT } };
  if (typeof entry !== "string" || isUnknownValue(entry)) return undefined;
  const match = ENTRY.exec(entry);
  if (match === null) return { domain: fallbackDomain, record: { name: "", type: "", value: entry } };
  const [, domain = fallbackDomain, name = "", type = "", rawValue = "", rawPriority] = match;
  // Only MX and SRV carry a priority: anything else that ends so is part of its value.
  const hasPriority = rawPriority !== undefined && WITH_PRIORITY.has(type.toUpperCase());
  const value = rawPriority !== undefined && !hasPriority ? `${rawValue} (priority ${rawPriority})` : rawValue;
  const priority = hasPriority && /^\d+$/.test(rawPriority) ? Number(rawPriority) : undefined;
  return { domain: domain.toLowerCase(), record: { name, type, value, ...(priority === undefined ? {} : { priority }) } };
}

/** The entries of `removes`; nothing when it is absent, secret as a whole, or unknown. */
export function liveRecordsOf(inputs: JsonObject | undefined, fallbackDomain: string): LiveRecord[] {
  const list = inputs?.removes;
  if (isSecret(list)) return [{ domain: fallbackDomain, record: { name: "", type: "", value: SECRET_TEXT } }];
  if (!Array.isArray(list)) return [];
  return list.map((entry) => liveRecordOf(entry, fallbackDomain)).filter((r): r is LiveRecord => r !== undefined);
}

const NAME_ENTRY = /^(\S+) ([^/]*)\/([^/\s]*)$/;

/**
 * One entry of `givesBack`. A secret entry is "[secret]" as its name (never its plaintext); an
 * unknown one, or one that is not text, is none. Text of another shape is kept whole as the name,
 * on the resource's domain, so a name given back is never dropped for its spelling.
 */
export function givenBackNameOf(entry: JsonValue, fallbackDomain: string): GivenBackName | undefined {
  if (isSecret(entry)) return { domain: fallbackDomain, name: SECRET_TEXT, type: "" };
  if (typeof entry !== "string" || isUnknownValue(entry)) return undefined;
  const match = NAME_ENTRY.exec(entry);
  if (match === null) return { domain: fallbackDomain, name: entry, type: "" };
  const [, domain = fallbackDomain, name = "", type = ""] = match;
  return { domain: domain.toLowerCase(), name, type };
}

/** The entries of `givesBack`; nothing when it is absent, secret as a whole, or unknown. */
export function givenBackNamesOf(inputs: JsonObject | undefined, fallbackDomain: string): GivenBackName[] {
  const list = inputs?.givesBack;
  if (isSecret(list)) return [{ domain: fallbackDomain, name: SECRET_TEXT, type: "" }];
  if (!Array.isArray(list)) return [];
  return list.map((entry) => givenBackNameOf(entry, fallbackDomain)).filter((r): r is GivenBackName => r !== undefined);
}

/** The keys (`name/type/value`) and the name/type slots of a `records` input (a map, or an older list). */
function keysOf(records: JsonValue | undefined): { keys: Set<string>; slots: Set<string> } {
  const keys = new Set<string>();
  const slots = new Set<string>();
  const add = (name: unknown, type: unknown, value: unknown) => {
    if (typeof name !== "string" || typeof type !== "string") return;
    slots.add(`${name}/${type}`);
    if (typeof value === "string") keys.add(`${name}/${type}/${value}`);
  };
  if (isObject(records) && !isSecret(records)) {
    for (const [key, record] of Object.entries(records)) {
      keys.add(key);
      const [name, type] = key.split("/");
      add(name, type, undefined);
      if (isObject(record)) add(record.name, record.type, record.value);
    }
  } else if (Array.isArray(records)) {
    for (const record of records) if (isObject(record) && !isSecret(record)) add(record.name, record.type, record.value);
  }
  return { keys, slots };
}

/**
 * Why `deleted` goes: a record the set recorded on this domain whose name and type the code still
 * declares with another value was changed in the code; one it no longer declares was removed from
 * the code; one a refresh found live at the set's names and types that the last `up` did not record
 * was added outside of code (drift); anything else (a record of a zone taken over or switched to
 * authoritative, every record of a domain the set moves to) the program never declared.
 */
export function deleteReason(deleted: LiveRecord, recorded: JsonObject | undefined, wanted: JsonObject | undefined, refreshed?: JsonObject | undefined): DeleteReason {
  const { name, type, value } = deleted.record;
  const key = `${name}/${type}/${value}`;
  const onDomain = (inputs: JsonObject | undefined): boolean => typeof inputs?.domain === "string" && inputs.domain.toLowerCase() === deleted.domain;
  if (onDomain(recorded) && keysOf(recorded?.records).keys.has(key)) {
    return keysOf(wanted?.records).slots.has(`${name}/${type}`) ? "changed in the code" : "removed from the code";
  }
  if (onDomain(refreshed) && keysOf(refreshed?.records).keys.has(key)) return "added outside of code";
  return "never declared by the program";
}
