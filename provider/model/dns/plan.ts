// What a save or a delete does to a zone, as a value computed before anything is applied (the
// OctoDNS way): the whole list to save (the API replaces the zone with it) and, for printing and
// safety checks, what that list adds, removes, changes and leaves alone.
import { recordKey, recordLabel } from "./key";
import { toWire, type LiveRow } from "./wire";
import type { DnsMode, DnsRecord, WireRow } from "./types";

export interface PlannedChange {
  key: string;
  old: DnsRecord;
  new: DnsRecord;
}

/** A live row the save drops; `opaque` when it never read as a record (kept verbatim until now). */
export interface PlannedRemoval {
  key: string;
  row: WireRow;
  opaque: boolean;
}

export interface DnsPlan {
  /** The whole list to POST: the zone after the save. */
  save: WireRow[];
  adds: DnsRecord[];
  removes: PlannedRemoval[];
  changes: PlannedChange[];
  /** Keys of declared records already live as declared. */
  unchanged: string[];
  /** Live rows left alone (merge), verbatim. */
  kept: WireRow[];
  /** Rows put back on delete: what the resource removed when it took the zone over. */
  restores: WireRow[];
  /** Declared records that break the CNAME rule beside a kept row; the runtime refuses such a save. */
  conflicts: string[];
}

export interface SaveRequest {
  mode: DnsMode;
  /** Canonical declared records (the schema's output). */
  declared: readonly DnsRecord[];
  /** The zone as just read (fromWire). */
  live: readonly LiveRow[];
  /** Keys this resource managed before (state): in merge mode, such a live record no longer declared is removed. */
  managed?: readonly string[];
}

/** The key of a live row: its record's, or the row's own text for an opaque row. */
export function liveKey(live: LiveRow): string {
  return live.record !== undefined ? recordKey(live.record) : `${live.row.hostname}/${live.row.type}/${live.row.address}`;
}

function emptyPlan(): DnsPlan {
  return { save: [], adds: [], removes: [], changes: [], unchanged: [], kept: [], restores: [], conflicts: [] };
}

function removal(live: LiveRow): PlannedRemoval {
  return { key: liveKey(live), row: live.row, opaque: live.record === undefined };
}

function cnameConflicts(declared: readonly DnsRecord[], kept: readonly DnsRecord[]): string[] {
  return declared.flatMap((d) =>
    kept
      .filter((k) => k.name === d.name && (k.type === "CNAME" || d.type === "CNAME"))
      .map(
        (k) =>
          `${recordLabel(d)} would share its name with the ${recordLabel(k)} record (${recordKey(k)}) already in the zone, which this resource does not manage: a CNAME must be alone on its name; remove one of them, declare the other too, or use mode "authoritative"`,
      ),
  );
}

/**
 * The save that makes the zone hold the declared records. merge: declared ∪ the live rows this
 * resource does not manage (a live row with a declared key is replaced, in place). authoritative:
 * the declared records only. Live ids (`recid`) are kept for the rows that stay.
 */
export function planSave({ mode, declared, live, managed = [] }: SaveRequest): DnsPlan {
  const plan = emptyPlan();
  const wanted = new Map(declared.map((d) => [recordKey(d), d]));
  const previously = new Set(managed);
  const matched = new Set<string>();
  const keptRecords: DnsRecord[] = [];
  for (const row of live) {
    const key = liveKey(row);
    const want = row.record !== undefined ? wanted.get(key) : undefined;
    if (row.record !== undefined && want !== undefined && !matched.has(key)) {
      matched.add(key);
      plan.save.push(toWire(want, row.row.recid));
      if (row.record.priority === want.priority) plan.unchanged.push(key);
      else plan.changes.push({ key, old: row.record, new: want });
    } else if (mode === "authoritative" || want !== undefined || (row.record !== undefined && previously.has(key))) {
      // merge mode removes a duplicate of a declared record, or a record no longer declared; never an opaque row
      plan.removes.push(removal(row));
    } else {
      plan.kept.push(row.row);
      plan.save.push(row.row);
      if (row.record !== undefined) keptRecords.push(row.record);
    }
  }
  for (const d of declared) {
    if (matched.has(recordKey(d))) continue;
    plan.adds.push(d);
    plan.save.push(toWire(d));
  }
  plan.conflicts = cnameConflicts(declared, keptRecords);
  return plan;
}

export interface DeleteRequest {
  /** The records this resource manages (state). */
  declared: readonly DnsRecord[];
  live: readonly LiveRow[];
  /** The rows removed when an authoritative set took the zone over (state), read as live rows. */
  takeover?: readonly LiveRow[];
}

/**
 * Delete: the managed records go, every other live row stays, and the rows removed at takeover
 * come back verbatim (unless the zone has them again), so the zone is left as it was found.
 */
export function planDelete({ declared, live, takeover = [] }: DeleteRequest): DnsPlan {
  const plan = emptyPlan();
  const ours = new Set(declared.map(recordKey));
  const present = new Set<string>();
  for (const row of live) {
    const key = liveKey(row);
    if (row.record !== undefined && ours.has(key)) {
      plan.removes.push(removal(row));
      continue;
    }
    present.add(key);
    plan.kept.push(row.row);
    plan.save.push(row.row);
  }
  for (const row of takeover) {
    if (present.has(liveKey(row))) continue; // back already (added again since)
    plan.restores.push(row.row);
    plan.save.push(row.row);
  }
  return plan;
}

/** True when saving the plan would leave the zone as it is. */
export function isNoop(plan: DnsPlan): boolean {
  return plan.adds.length + plan.removes.length + plan.changes.length + plan.restores.length === 0;
}

/**
 * The takeover list to keep in state: set once, by the first authoritative save (the live rows it
 * removes), and kept from then on, whatever the mode, until delete puts it back.
 */
export function nextTakeover(mode: DnsMode, previous: readonly WireRow[] | undefined, plan: DnsPlan): WireRow[] | undefined {
  if (previous !== undefined) return [...previous];
  return mode === "authoritative" ? plan.removes.map((r) => r.row) : undefined;
}

// Safety: the API replaces the whole zone with each save, so a save planned from a bad read (an
// empty list from a hiccup, a body nobody can parse) would wipe records no one asked to remove.

const rows = (n: number) => `${n} row${n === 1 ? "" : "s"}`;

const AGAIN = 'Nothing was saved. Run "pulumi refresh" to see what the zone really holds (if it is really empty, the refresh records that and the next "pulumi up" proceeds), then run "pulumi up" again.';

/**
 * The fresh read before a save looks wrong: unreadable (`live` undefined), empty, or without one
 * readable row, while the state knows the zone held `knownLiveCount` rows after the last apply.
 */
export function refuseSuspiciousRead(domain: string, live: readonly LiveRow[] | undefined, knownLiveCount: number): string | undefined {
  if (live === undefined) {
    return `the DNS records of ${domain} came back in a form that is not a list of records, so a save (which replaces the whole list) cannot know what to keep. ${AGAIN}`;
  }
  if (knownLiveCount === 0) return undefined;
  if (live.length === 0) {
    return `the DNS records of ${domain} came back empty, but the last apply left ${rows(knownLiveCount)} there; saving now could wipe records because of a failed read. ${AGAIN}`;
  }
  if (live.every((row) => row.record === undefined)) {
    return `none of the ${rows(live.length)} the DNS of ${domain} returned could be read as a record, but the last apply left ${rows(knownLiveCount)} there; the server may have changed how it answers. ${AGAIN}`;
  }
  return undefined;
}
