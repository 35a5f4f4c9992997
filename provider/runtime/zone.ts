// Reading and saving one domain's whole DNS list. The API replaces the zone with every save, so a
// save is always read-modify-write (under the per-domain queue), refuses to build on a read that
// looks like a glitch, and is verified by reading the zone back. The queue orders the writers of
// one provider process only; another stack (another process) or the registrar's panel can save
// the zone between our read and our save, and the API has no way to refuse a stale list, so the
// read-back is where such a race shows: docs/reliability.md, "Concurrency".
import { fromWire, liveKey, refuseSuspiciousRead, rrsetOf, rrsetOfKey, type DnsPlan, type LiveRow, type WireRow } from "../model/dns";
import type { KindContext } from "./kind";
import { accountOf } from "./sharedReads";
import { writeThenVerify } from "./verify";

// How many rows each zone held at its last trustworthy read in this deployment (the preview's
// read in check comes right before create), per account: a later read that comes back empty is
// judged against it. A read that looks like a glitch never lowers it.
const lastSeen = new WeakMap<object, Map<string, number>>();

function seenCount(ctx: KindContext, domain: string): number {
  return lastSeen.get(accountOf(ctx.client))?.get(domain) ?? 0;
}

function remember(ctx: KindContext, domain: string, live: readonly LiveRow[]): void {
  const counts = lastSeen.get(accountOf(ctx.client)) ?? new Map<string, number>();
  lastSeen.set(accountOf(ctx.client), counts);
  if (refuseSuspiciousRead(domain, live, counts.get(domain) ?? 0) === undefined) counts.set(domain, live.length);
}

export async function readZone(ctx: KindContext, domain: string): Promise<LiveRow[]> {
  const live = fromWire(await ctx.client.call("getDns", { domain }), domain);
  remember(ctx, domain, live);
  return live;
}

/**
 * Reads the zone for a save. `knownLiveCount` is how many rows the state says were there; an
 * empty or unreadable answer while rows are known (by the state, or by an earlier read of this
 * deployment) is refused, since a list built on it would wipe them.
 */
export async function readZoneForSave(ctx: KindContext, domain: string, knownLiveCount: number): Promise<LiveRow[]> {
  const known = Math.max(knownLiveCount, seenCount(ctx, domain));
  const live = await readZone(ctx, domain);
  const refusal = refuseSuspiciousRead(domain, live, known);
  if (refusal !== undefined) throw new Error(`refusing to save DNS: ${refusal}`);
  return live;
}

/**
 * The first read of a zone a new set takes over. Nothing in the state says what the zone held, so
 * an empty or unreadable answer is confirmed by a second read before a save builds on it (a merge
 * save on a glitching empty read would delete every record it does not declare).
 */
export async function readZoneForCreate(ctx: KindContext, domain: string): Promise<LiveRow[]> {
  const known = seenCount(ctx, domain);
  const first = await readZone(ctx, domain);
  if (known > 0 || refuseSuspiciousRead(domain, first, 1) === undefined) return readZoneChecked(domain, first, known);
  const second = await readZone(ctx, domain);
  if (second.length !== first.length) {
    throw new Error(`refusing to save DNS: two reads of the zone of ${domain} in a row disagreed (${first.length} rows, then ${second.length}). Nothing was saved; run "pulumi up" again.`);
  }
  return second;
}

function readZoneChecked(domain: string, live: LiveRow[], known: number): LiveRow[] {
  const refusal = refuseSuspiciousRead(domain, live, known);
  if (refusal !== undefined) throw new Error(`refusing to save DNS: ${refusal}`);
  return live;
}

/** A row as compared after a save: its identity and its priority (servers renumber record ids). */
function fingerprint(live: LiveRow): string {
  return `${liveKey(live)}#${live.record?.priority ?? live.row.priority}`;
}

/** How a row is named in a message: its key, and its priority where it has one. */
function label(live: LiveRow): string {
  const priority = live.record?.priority;
  return priority === undefined ? liveKey(live) : `${liveKey(live)} (priority ${priority})`;
}

/**
 * Whose a row is, for judging a read-back: a save answers for the names and types it writes,
 * changes, removes or puts back (`"sets"`: a merge set), or for the whole zone (`"zone"`: an
 * authoritative set). Everything else in the zone belongs to other writers.
 */
export type SaveScope = "sets" | "zone";

function ownership(plan: DnsPlan, domain: string, scope: SaveScope): (live: LiveRow) => boolean {
  if (scope === "zone") return () => true;
  const sets = new Set<string>();
  for (const record of plan.adds) sets.add(rrsetOf(record));
  for (const change of plan.changes) sets.add(rrsetOf(change.new));
  for (const key of plan.unchanged) sets.add(rrsetOfKey(key));
  for (const removal of plan.removes) if (!removal.opaque) sets.add(rrsetOfKey(removal.key));
  for (const row of fromWire(plan.restores, domain)) if (row.record !== undefined) sets.add(rrsetOf(row.record));
  // A row that reads as no record has no name and type this save could answer for.
  return (live) => live.record !== undefined && sets.has(rrsetOf(live.record));
}

/** The zone read back after a save against the list saved, split into this save's rows and other writers'. */
interface ReadBack {
  ownMissing: string[];
  ownUnexpected: string[];
  otherMissing: string[];
  otherUnexpected: string[];
}

function compare(expected: readonly LiveRow[], actual: readonly LiveRow[], own: (live: LiveRow) => boolean): ReadBack {
  // A multiset: a row saved once and read back twice is a difference too.
  const pending = new Map<string, LiveRow[]>();
  for (const row of expected) pending.set(fingerprint(row), [...(pending.get(fingerprint(row)) ?? []), row]);
  const result: ReadBack = { ownMissing: [], ownUnexpected: [], otherMissing: [], otherUnexpected: [] };
  for (const row of actual) {
    const waiting = pending.get(fingerprint(row));
    if (waiting !== undefined && waiting.length > 0) waiting.pop();
    else (own(row) ? result.ownUnexpected : result.otherUnexpected).push(label(row));
  }
  for (const rows of pending.values()) for (const row of rows) (own(row) ? result.ownMissing : result.otherMissing).push(label(row));
  return result;
}

const listed = (what: string, labels: readonly string[]) => (labels.length > 0 ? `${what} ${labels.join(", ")}` : "");
const joined = (...parts: string[]) => parts.filter(Boolean).join("; ");

/** What changed outside the save's own names and types, or "" when nothing did. */
function outside(diff: ReadBack): string {
  return joined(listed("records this save did not write:", diff.otherUnexpected), listed("records this save kept, now gone:", diff.otherMissing));
}

const anotherWriter = (domain: string) => `another writer (another Pulumi stack with a DnsRecordSet on ${domain}, or someone in the registrar's panel)`;
const oneAtATime = (domain: string) => `Do not run two stacks that manage the DNS of ${domain} at the same time.`;

/**
 * The failure for a save whose own records did not read back as saved. The API replaces the whole
 * list with each save, so two writers that each read, plan and save one zone at the same time
 * leave only the later list: the earlier writer sees its records gone (and the later writer's
 * there), and says so instead of recording a save that did not hold.
 */
function notAppliedMessage(domain: string, diff: ReadBack): string {
  const own = joined(listed("missing", diff.ownMissing), listed("unexpected", diff.ownUnexpected));
  const head = `The registrar accepted the DNS save for ${domain} but the zone read back differs (${own})`;
  const elsewhere = outside(diff);
  if (elsewhere !== "") {
    return (
      `${head}, and the zone also shows changes this save did not make (${elsewhere}). The likely cause is ${anotherWriter(domain)} ` +
      "saving the zone at the same time: the API replaces the whole list with each save, so the later save dropped what the earlier one wrote. " +
      `Run \`pulumi up\` again: it reads the zone afresh and writes these records beside the other writer's. ${oneAtATime(domain)}`
    );
  }
  return (
    `${head}. Either ${anotherWriter(domain)} saved the zone at the same time and its save dropped these records, or the registrar did not apply this save. ` +
    `Run \`pulumi up --refresh\` to see the zone as it is now, then apply again. ${oneAtATime(domain)}`
  );
}

/**
 * Saves `plan.save` as the whole zone and reads it back; the zone as read is returned. The step
 * fails when the rows this save answers for (`scope`) did not read back as saved; changes
 * elsewhere in the zone are another writer's, and are reported as a warning, since this save held.
 */
export async function saveZone(ctx: KindContext, domain: string, plan: DnsPlan, scope: SaveScope): Promise<LiveRow[]> {
  const expected = fromWire(plan.save, domain);
  const own = ownership(plan, domain, scope);
  const live = await writeThenVerify({
    write: () => ctx.client.call("saveDns", { domain, dnsrecords: plan.save.map(rowParams) }),
    read: () => readZone(ctx, domain),
    matches: (rows) => {
      const diff = compare(expected, rows, own);
      return diff.ownMissing.length + diff.ownUnexpected.length === 0;
    },
    notApplied: (rows) => notAppliedMessage(domain, compare(expected, rows, own)),
  });
  const elsewhere = outside(compare(expected, live, own));
  if (elsewhere !== "") {
    ctx.warn(
      `DnsRecordSet ${domain}: saved, and this set's records are in place, but the zone read back right after the save also shows changes it did not make (${elsewhere}): ` +
        `${anotherWriter(domain)} changed the zone at the same time. ${oneAtATime(domain)}`,
    );
  }
  return live;
}

function rowParams(row: WireRow): { hostname: string; type: string; address: string; priority: string; recid?: string } {
  return row.recid === undefined ? { hostname: row.hostname, type: row.type, address: row.address, priority: row.priority } : { ...row };
}
