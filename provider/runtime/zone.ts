// Reading and saving one domain's whole DNS list. The API replaces the zone with every save, so a
// save is always read-modify-write (under the per-domain queue), refuses to build on a read that
// looks like a glitch, and is verified by reading the zone back.
import { fromWire, liveKey, refuseSuspiciousRead, type DnsPlan, type LiveRow, type WireRow } from "../model/dns";
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

function fingerprints(rows: readonly LiveRow[]): string[] {
  return rows.map(fingerprint).sort();
}

function differences(expected: readonly string[], actual: readonly string[]): string {
  const missing = expected.filter((x) => !actual.includes(x)).map((x) => x.split("#")[0]);
  const extra = actual.filter((x) => !expected.includes(x)).map((x) => x.split("#")[0]);
  return [missing.length > 0 ? `missing ${missing.join(", ")}` : "", extra.length > 0 ? `unexpected ${extra.join(", ")}` : ""].filter(Boolean).join("; ");
}

/** Saves `plan.save` as the whole zone and reads it back; the zone as read is returned. */
export async function saveZone(ctx: KindContext, domain: string, plan: DnsPlan): Promise<LiveRow[]> {
  const expected = fingerprints(fromWire(plan.save, domain));
  return writeThenVerify({
    write: () => ctx.client.call("saveDns", { domain, dnsrecords: plan.save.map(rowParams) }),
    read: () => readZone(ctx, domain),
    matches: (live) => fingerprints(live).join("\n") === expected.join("\n"),
    notApplied: (live) =>
      `The registrar accepted the DNS save for ${domain} but the zone read back differs (${differences(expected, fingerprints(live)) || "in order or count"}). ` +
      "Run `pulumi up --refresh` to see the zone as it is now, then apply again.",
  });
}

function rowParams(row: WireRow): { hostname: string; type: string; address: string; priority: string; recid?: string } {
  return row.recid === undefined ? { hostname: row.hostname, type: row.type, address: row.address, priority: row.priority } : { ...row };
}
