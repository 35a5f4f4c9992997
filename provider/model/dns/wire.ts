// Canonical records ↔ rows of GET/POST /domains/{domain}/dns ({hostname, type, address, priority}).
//
// On the wire a name is relative to the zone and the apex is "@": WHMCS' DNS table shows it so,
// and the emulator stores a blank hostname as "@". Reads are lenient: "@", "" and the zone's full
// name (any case, with or without the trailing dot) are all the apex, and "www.example.com" is
// "www". A row that cannot be read as a record is kept as an opaque row, verbatim, so a merge save
// writes it back untouched instead of dropping what it does not understand.
import { canonicalName, canonicalValue } from "./canonical";
import { isRecordType, NO_PRIORITY, WITH_PRIORITY, type DnsRecord, type WireRow } from "./types";
import { srvHasPriority } from "./values";

/** The row that saves `record`; `recid` is the id of the live row it replaces, if any. */
export function toWire(record: DnsRecord, recid?: string): WireRow {
  const row: WireRow = { hostname: record.name, type: record.type, address: record.value, priority: record.priority === undefined ? NO_PRIORITY : String(record.priority) };
  return recid === undefined ? row : { ...row, recid };
}

/** A live row with the record it reads as, or (opaque) the reason it reads as none. */
export type LiveRow = { row: WireRow; record: DnsRecord } | { row: WireRow; record?: undefined; opaque: string };

/** A row as a server may send it: strings mostly, numbers sometimes, fields missing now and then. */
export type WireRowLike = { [K in keyof WireRow]?: unknown };

function asText(value: unknown, absent: string): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : absent;
}

/** The row in string form: what is kept and written back for rows this provider does not manage. */
export function normaliseRow(raw: WireRowLike): WireRow {
  const row: WireRow = { hostname: asText(raw.hostname, ""), type: asText(raw.type, ""), address: asText(raw.address, ""), priority: asText(raw.priority, NO_PRIORITY) };
  const recid = asText(raw.recid, "");
  return recid === "" ? row : { ...row, recid };
}

const PRIORITY = /^\s*\d+\s*$/;

/** One live row of `zone`, read leniently. */
export function fromWireRow(raw: WireRowLike, zone: string): LiveRow {
  const row = normaliseRow(raw);
  const type = row.type.trim().toUpperCase();
  if (!isRecordType(type)) return { row, opaque: `type ${JSON.stringify(row.type)} is not one this provider manages` };
  const name = canonicalName(row.hostname, zone);
  if (!name.ok) return { row, opaque: `hostname ${name.problem}` };
  let address = row.address;
  let priorityText = row.priority;
  // Some servers fold the SRV priority into the address ("10 5 5060 sip.example.com").
  if (type === "SRV" && !PRIORITY.test(priorityText) && srvHasPriority(address)) {
    const [first, ...rest] = address.trim().split(/\s+/);
    [priorityText, address] = [first!, rest.join(" ")];
  }
  const value = canonicalValue(type, address);
  if (!value.ok) return { row, opaque: `address ${value.problem}` };
  const record: DnsRecord = { name: name.value, type, value: value.value };
  if (!WITH_PRIORITY.has(type)) return { row, record };
  const priority = PRIORITY.test(priorityText) ? Number(priorityText) : NaN;
  if (!(priority <= 65535)) return { row, opaque: `priority ${JSON.stringify(row.priority)} is not a number 0-65535, which a ${type} record needs` };
  return { row, record: { ...record, priority } };
}

/** All live rows of `zone`, in the server's order; none is dropped. */
export function fromWire(rows: readonly WireRowLike[], zone: string): LiveRow[] {
  return rows.map((row) => fromWireRow(row, zone));
}
