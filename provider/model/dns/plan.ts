// What a save or a delete does to a zone, as a value computed before anything is applied (the
// OctoDNS way): the whole list to save (the API replaces the zone with it) and, for printing and
// safety checks, what that list adds, removes, changes and leaves alone.
import { recordKey, recordLabel, rrsetOf, rrsetOfKey } from "./key";
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
  /** Keys this resource managed before (state): their names and types are the record sets it owned. */
  managed?: readonly string[];
  /** What the resource found when it took its record sets over (state): given back for a set it lets go of. */
  found?: readonly LiveRow[];
  /** Record sets another resource took over in this deployment: a set let go of is then left exactly as it is. */
  handedOver?: ReadonlySet<string>;
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

/** A row put back as it was found, without the id it had then (the server numbers rows anew). */
function restored(row: WireRow): WireRow {
  const { recid: _recid, ...rest } = row;
  return rest;
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
 * The save that makes the zone hold the declared records. merge: every declared name and type
 * holds exactly the declared values (other values there are removed, as drift or as what the set
 * replaces); a name and type the set owned before and no longer declares is given back: its own
 * records go and what was found there comes back; every other row stays. authoritative: the
 * declared records only. Live ids (`recid`) are kept for the rows that stay.
 */
export function planSave({ mode, declared, live, managed = [], found = [], handedOver = new Set() }: SaveRequest): DnsPlan {
  const plan = emptyPlan();
  const wanted = new Map(declared.map((d) => [recordKey(d), d]));
  const declaredSets = new Set(declared.map(rrsetOf));
  const released = new Set([...managed].map(rrsetOfKey).filter((set) => !declaredSets.has(set) && !handedOver.has(set)));
  const ours = new Set(managed);
  const foundByKey = new Map(found.filter((f) => f.record !== undefined && released.has(rrsetOf(f.record))).map((f) => [liveKey(f), f]));
  const matched = new Set<string>();
  const present = new Set<string>();
  const keptRecords: DnsRecord[] = [];
  const keep = (row: LiveRow) => {
    plan.kept.push(row.row);
    plan.save.push(row.row);
    present.add(liveKey(row));
    if (row.record !== undefined) keptRecords.push(row.record);
  };
  for (const row of live) {
    const key = liveKey(row);
    const want = row.record !== undefined ? wanted.get(key) : undefined;
    if (row.record !== undefined && want !== undefined && !matched.has(key)) {
      matched.add(key);
      plan.save.push(toWire(want, row.row.recid));
      if (row.record.priority === want.priority) plan.unchanged.push(key);
      else plan.changes.push({ key, old: row.record, new: want });
      continue;
    }
    if (mode === "authoritative") {
      plan.removes.push(removal(row));
      continue;
    }
    const set = row.record === undefined ? undefined : rrsetOf(row.record);
    if (set !== undefined && declaredSets.has(set)) {
      plan.removes.push(removal(row)); // another value at a declared name and type, or a duplicate
    } else if (set !== undefined && released.has(set)) {
      const wasFound = foundByKey.get(key);
      if (ours.has(key) && wasFound === undefined) plan.removes.push(removal(row));
      else if (wasFound !== undefined && wasFound.record?.priority !== row.record?.priority) {
        plan.removes.push(removal(row));
      } else keep(row);
    } else keep(row);
  }
  for (const d of declared) {
    if (matched.has(recordKey(d))) continue;
    plan.adds.push(d);
    plan.save.push(toWire(d));
  }
  if (mode === "merge") {
    for (const [key, f] of foundByKey) {
      if (present.has(key)) continue;
      plan.restores.push(restored(f.row));
      plan.save.push(restored(f.row));
    }
  }
  plan.conflicts = cnameConflicts(declared, keptRecords);
  return plan;
}

export interface DeleteRequest {
  /** The records this resource manages (state): their names and types are the record sets it owns. */
  declared: readonly DnsRecord[];
  live: readonly LiveRow[];
  /** What the resource found when it took its record sets (authoritative: the zone) over (state), read as live rows. */
  found?: readonly LiveRow[];
  /** Record sets another resource took over in this deployment (a rename or a replacement): left exactly as they are. */
  handedOver?: ReadonlySet<string>;
}

/**
 * Delete gives back what the resource took over: at each name and type it owns, its own records
 * and any value that appeared there since go, and what was found there comes back (a value it
 * replaced, a priority it changed); every other live row stays; rows found elsewhere (removed by
 * an authoritative save) come back unless the zone has them again. What was live before the
 * resource existed is never deleted.
 */
export function planDelete({ declared, live, found = [], handedOver = new Set() }: DeleteRequest): DnsPlan {
  const plan = emptyPlan();
  const owned = new Set(declared.map(rrsetOf).filter((set) => !handedOver.has(set)));
  const foundByKey = new Map(found.filter((f) => !(f.record !== undefined && handedOver.has(rrsetOf(f.record)))).map((f) => [liveKey(f), f]));
  const present = new Set<string>();
  for (const row of live) {
    const key = liveKey(row);
    const set = row.record === undefined ? undefined : rrsetOf(row.record);
    const wasFound = foundByKey.get(key);
    const ownedHere = set !== undefined && owned.has(set);
    if (ownedHere && (wasFound === undefined || wasFound.record?.priority !== row.record?.priority)) {
      plan.removes.push(removal(row));
      continue;
    }
    present.add(key);
    plan.kept.push(row.row);
    plan.save.push(row.row);
  }
  for (const [key, f] of foundByKey) {
    if (present.has(key)) continue; // there already (as found, or added again since)
    plan.restores.push(restored(f.row));
    plan.save.push(restored(f.row));
  }
  return plan;
}

/** True when saving the plan would leave the zone as it is. */
export function isNoop(plan: DnsPlan): boolean {
  return plan.adds.length + plan.removes.length + plan.changes.length + plan.restores.length === 0;
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
