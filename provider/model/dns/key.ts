// The stable identity of a record: `name/type/value`, e.g. `www/CNAME/example.com`. State keeps
// records in a map under this key, so `pulumi preview --diff` names the record that changes.
//
// The priority of MX and SRV is NOT part of the key: it is the one field a record can change
// while staying the same record, so `@/MX/mail.example.com` going from priority 10 to 20 shows as
// a change of that record (not a removal and an addition), and two MX rows that differ only in
// priority are duplicates. An SRV's weight and port are in its value and so in its key.
import type { DnsRecord } from "./types";

type Identity = Pick<DnsRecord, "name" | "type" | "value">;

export function recordKey(record: Identity): string {
  return `${record.name}/${record.type}/${record.value}`;
}

/** `name/type` of a record, e.g. `@/A`: a record set, the unit a DnsRecordSet owns. */
export function rrsetOf(record: Pick<DnsRecord, "name" | "type">): string {
  return `${record.name}/${record.type}`;
}

/** The record set of a key `name/type/value` (names and types hold no "/"). */
export function rrsetOfKey(key: string): string {
  const second = key.indexOf("/", key.indexOf("/") + 1);
  return second < 0 ? key : key.slice(0, second);
}

/** Name and type, which is how a message points at a record: `www/CNAME`. */
export function recordLabel(record: { name: string; type: string }): string {
  return `${record.name}/${record.type}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical order: by name ("@" first), type, value, then priority. Input order never shows as a change. */
export function compareRecords(a: DnsRecord, b: DnsRecord): number {
  return compareText(a.name, b.name) || compareText(a.type, b.type) || compareText(a.value, b.value) || (a.priority ?? -1) - (b.priority ?? -1);
}

export function sortRecords(records: readonly DnsRecord[]): DnsRecord[] {
  return [...records].sort(compareRecords);
}
