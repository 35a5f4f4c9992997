// The plain data every DNS module shares: record types, a canonical record, a row on the wire.
// No logic lives here beyond the two facts the API fixes: which types exist and which carry a priority.

/** The record types WHMCS' DNS table offers (API reference §4.8); the upstream registrar decides which it serves. */
export const RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS", "URL", "FRAME", "MXE"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * Types whose priority travels in the row's own `priority` field. WHMCS shows a priority input only
 * for MX (SRV in newer templates) and posts "N/A" for every other row, MXE ("mail easy": an IP that
 * receives mail) included.
 */
export const WITH_PRIORITY: ReadonlySet<RecordType> = new Set<RecordType>(["MX", "SRV"]);

/** What the API writes in `priority` for a row without one. */
export const NO_PRIORITY = "N/A";

export function isRecordType(type: string): type is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(type);
}

/**
 * One record in canonical form: `name` relative to the zone ("@" for the apex), lower-case and
 * punycode; `value` in the one spelling of its type; `priority` only on MX and SRV.
 */
export interface DnsRecord {
  name: string;
  type: RecordType;
  value: string;
  priority?: number;
}

/** One row of GET/POST /domains/{domain}/dns (API reference §4.7, §5.2), as strings. */
export interface WireRow {
  hostname: string;
  type: string;
  address: string;
  /** The number for MX/SRV, "N/A" otherwise. */
  priority: string;
  /** The server's id of an existing row; sent back so a save does not renumber what it keeps. */
  recid?: string;
}

export type DnsMode = "merge" | "authoritative";
