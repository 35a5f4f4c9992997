// Keyed collections compared as a reviewer reads them: DNS records (kept by the engine as a map
// keyed `name/type/value`) and e-mail forwards (a list of from → to). An entry that left and one
// that arrived under the same name and type (same `from` for forwards) are one change, old → new;
// the rest are additions and removals.
import { isObject, isSecret, redact, sameValue, type JsonValue } from "./values";

export interface DnsRecordView {
  name: string;
  type: string;
  value: string;
  priority?: number;
}

export interface ForwardView {
  from: string;
  to: string;
}

export interface Changes<T> {
  added: T[];
  removed: T[];
  changed: { old: T; new: T }[];
}

const text = (value: JsonValue | undefined): string => {
  const safe = redact(value);
  return typeof safe === "string" ? safe : safe === null ? "" : JSON.stringify(safe);
};

function recordOf(key: string, value: JsonValue): DnsRecordView {
  if (isSecret(value)) return { name: key, type: "", value: "[secret]" };
  const fields = isObject(value) ? value : {};
  const [name = "", type = "", ...rest] = key.split("/");
  const priority = typeof fields.priority === "number" ? fields.priority : undefined;
  return {
    name: typeof fields.name === "string" ? fields.name : name,
    type: typeof fields.type === "string" ? fields.type : type,
    value: typeof fields.value === "string" ? fields.value : rest.join("/"),
    ...(priority === undefined ? {} : { priority }),
  };
}

/** The records of a DnsRecordSet's `records` input: a map keyed `name/type/value`, or (older state) a list. */
export function recordsOf(records: JsonValue | undefined): Map<string, DnsRecordView> {
  const out = new Map<string, DnsRecordView>();
  if (isObject(records) && !isSecret(records)) {
    for (const [key, value] of Object.entries(records)) out.set(key, recordOf(key, value));
  } else if (Array.isArray(records)) {
    for (const value of records) {
      const record = recordOf("", value);
      out.set(`${record.name}/${record.type}/${record.value}`, record);
    }
  }
  return out;
}

export function forwardsOf(forwards: JsonValue | undefined): Map<string, ForwardView> {
  const out = new Map<string, ForwardView>();
  if (!Array.isArray(forwards)) return out;
  for (const value of forwards) {
    const fields = isObject(value) && !isSecret(value) ? value : {};
    const forward = { from: text(fields.from), to: text(fields.to) };
    out.set(`${forward.from}/${forward.to}`, forward);
  }
  return out;
}

/**
 * What changed between two keyed collections. `group` names the slot an entry fills (name/type
 * for a record, `from` for a forward): a removal and an addition in the same slot pair up, in
 * sorted order, as changes.
 */
export function compareKeyed<T>(before: Map<string, T>, after: Map<string, T>, group: (entry: T) => string): Changes<T> {
  const removed = [...before.entries()].filter(([key, v]) => !after.has(key) || !sameValue(v as JsonValue, after.get(key) as JsonValue));
  const added = [...after.entries()].filter(([key, v]) => !before.has(key) || !sameValue(v as JsonValue, before.get(key) as JsonValue));
  const bySlot = new Map<string, T[]>();
  for (const [, entry] of added.sort(([a], [b]) => a.localeCompare(b))) {
    const slot = group(entry);
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), entry]);
  }
  const changes: Changes<T> = { added: [], removed: [], changed: [] };
  for (const [, entry] of removed.sort(([a], [b]) => a.localeCompare(b))) {
    const waiting = bySlot.get(group(entry));
    const partner = waiting?.shift();
    if (partner === undefined) changes.removed.push(entry);
    else changes.changed.push({ old: entry, new: partner });
  }
  for (const waiting of bySlot.values()) changes.added.push(...waiting);
  return changes;
}

export const recordSlot = (r: DnsRecordView): string => `${r.name}/${r.type}`;
export const forwardSlot = (f: ForwardView): string => f.from;

export const isEmpty = <T>(c: Changes<T>): boolean => c.added.length + c.removed.length + c.changed.length === 0;
