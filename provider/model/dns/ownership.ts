// What a DnsRecordSet owns, and what it found when it took that over. A set owns whole record sets
// (a name and a type, e.g. `@/A`), as a Terraform record set or DNSControl does: every live value
// at a declared name and type is the set's to keep exactly as declared. What was live at a name
// and type when the set took it over is recorded verbatim (`found`), and that, nothing else, is
// what the set gives back when it lets go of that name and type (delete, or no longer declaring it).
import { rrsetOf, rrsetOfKey } from "./key";
import { liveKey } from "./plan";
import type { DnsMode, DnsRecord, WireRow } from "./types";
import { fromWireRow, type LiveRow } from "./wire";

/** The record sets that `keys` (record keys) fall in. */
export function rrsetsOf(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map(rrsetOfKey));
}

/** The record set of a live row: its record's, or none for a row that reads as no record. */
function liveRrset(live: LiveRow): string | undefined {
  return live.record === undefined ? undefined : rrsetOf(live.record);
}

export interface FoundRequest {
  /** The mode of the save being planned. */
  mode: DnsMode;
  /** What the set owned before this save: its record sets, or "zone" once it took the whole zone over (authoritative). */
  owned: ReadonlySet<string> | "zone";
  /** The found rows recorded so far (state, or inherited from a predecessor). */
  previous: readonly WireRow[];
  /** The declared records now. */
  declared: readonly DnsRecord[];
  /** The zone as read for the save. */
  live: readonly LiveRow[];
  zone: string;
}

/**
 * The found rows after a save. Taking a name and type over records what was live there; taking
 * the whole zone over (authoritative, from create or from merge) records every live row the set
 * did not own before, unreadable rows included. A record set the set lets go of (merge, no longer
 * declared) is given back by that save, so its rows leave the list. Rows that appear later at a
 * name and type already owned are drift, never "found".
 */
export function nextFound({ mode, owned, previous, declared, live, zone }: FoundRequest): WireRow[] {
  if (owned === "zone") return [...previous]; // it owned the whole zone already: anything new since is drift
  const declaredSets = new Set(declared.map(rrsetOf));
  const known = new Set(previous.map((row) => liveKey(fromWireRow(row, zone))));
  const keep = previous.filter((row) => {
    if (mode !== "merge") return true;
    const set = liveRrset(fromWireRow(row, zone));
    // Given back by this save: the set no longer declares that name and type.
    return set === undefined || declaredSets.has(set) || !owned.has(set);
  });
  const taken = live.filter((row) => {
    const set = liveRrset(row);
    const newlyOwned = mode === "authoritative" ? set === undefined || !owned.has(set) : set !== undefined && declaredSets.has(set) && !owned.has(set);
    return newlyOwned && !known.has(liveKey(row));
  });
  return [...keep, ...taken.map((row) => ({ ...row.row }))];
}

/** Two `v=spf1` TXT values on one name make that name's SPF invalid (RFC 7208 §4.5). */
export function duplicateSpf(records: readonly DnsRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    if (r.type === "TXT" && /^v=spf1(\s|$)/i.test(r.value)) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 1).map(([name]) => name);
}

