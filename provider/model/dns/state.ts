// The state a DnsRecordSet keeps in Pulumi, and the diff of new inputs against it. Records sit in
// a map under their key (key.ts), so `pulumi preview --diff` names the record that changes.
import type { ResourceDiff } from "../diff";
import { isUnknown } from "../unknown";
import { recordKey, rrsetOf, rrsetOfKey, sortRecords } from "./key";
import type { DnsPlan } from "./plan";
import type { DnsRecordSetInputs } from "./schema";
import type { DnsMode, DnsRecord, WireRow } from "./types";
import type { LiveRow } from "./wire";

export interface DnsRecordSetState {
  domain: string;
  /** The credentials profile (absent: the default account). */
  profile?: string;
  mode: DnsMode;
  /**
   * The managed records by key: `{ "www/CNAME/example.com": { name, type, value } }`. Their names
   * and types are the record sets this resource owns (after a refresh, every live value there).
   */
  records: Record<string, DnsRecord>;
  /**
   * What was live, verbatim, where this resource took over: at each name and type it declared
   * (merge), or the whole zone (authoritative). Given back on delete, and nothing else.
   */
  found: WireRow[];
  /** Live rows this resource leaves alone (merge), or must still remove (authoritative, after a refresh). */
  unmanagedCount: number;
}

export function recordMap(records: readonly DnsRecord[]): Record<string, DnsRecord> {
  return Object.fromEntries(records.map((r) => [recordKey(r), { ...r }]));
}

export function stateRecords(state: Pick<DnsRecordSetState, "records">): DnsRecord[] {
  return sortRecords(Object.values(state.records));
}

/** How many rows the zone held after the last apply or refresh (for refuseSuspiciousRead). */
export function knownLiveCount(state: Pick<DnsRecordSetState, "records" | "unmanagedCount">): number {
  return Object.keys(state.records).length + state.unmanagedCount;
}

/** JSON-clean: optional fields are left out, never `undefined`. */
function stateOf(identity: Pick<DnsRecordSetState, "domain" | "profile">, rest: Omit<DnsRecordSetState, "domain" | "profile" | "found">, found: readonly WireRow[]): DnsRecordSetState {
  return {
    domain: identity.domain,
    ...(identity.profile === undefined ? {} : { profile: identity.profile }),
    ...rest,
    found: found.map((row) => ({ ...row })),
  };
}

/**
 * The state once `plan` (from planSave for `inputs`) has been saved; `found` from nextFound. The
 * rows given back (restores) are live and no longer the set's, so they count as unmanaged too:
 * the count guards the next save against a glitching empty read (knownLiveCount).
 */
export function stateAfterSave(inputs: DnsRecordSetInputs, plan: DnsPlan, found: readonly WireRow[]): DnsRecordSetState {
  return stateOf(inputs, { mode: inputs.mode, records: recordMap(inputs.records), unmanagedCount: plan.kept.length + plan.restores.length }, found);
}

/**
 * The state as the zone really is (read/refresh). merge: every live value at the names and types
 * the set owns, as live (a priority edited elsewhere, or a value added there out of band, shows as
 * drift), the rest counted as unmanaged. authoritative: every readable record is in the map, so
 * the diff shows extra ones as changes; unreadable rows are counted.
 */
export function refreshState(state: Pick<DnsRecordSetState, "domain" | "profile" | "mode" | "records"> & { found?: readonly WireRow[] }, live: readonly LiveRow[]): DnsRecordSetState {
  const owned = new Set(Object.keys(state.records).map(rrsetOfKey));
  const records: Record<string, DnsRecord> = {};
  let unmanagedCount = 0;
  for (const { record } of live) {
    const key = record === undefined ? "" : recordKey(record);
    if (record !== undefined && records[key] === undefined && (state.mode === "authoritative" || owned.has(rrsetOf(record)))) {
      records[key] = { ...record };
    } else unmanagedCount++;
  }
  return stateOf(state, { mode: state.mode, records, unmanagedCount }, state.found ?? []);
}

/**
 * State written by version 1 (records keyed by value, `takeover` for authoritative sets only)
 * in today's shape. Version 1 did not record which declared records were live before the set
 * took over; they are taken as found, so a delete leaves them in place rather than risk deleting
 * a record the set never added (docs/ownership.md).
 */
export function upgradeFromV1(old: Record<string, unknown>): DnsRecordSetState {
  const records = (old.records ?? {}) as Record<string, DnsRecord>;
  const takeover = Array.isArray(old.takeover) ? (old.takeover as WireRow[]) : [];
  const asRows: WireRow[] = Object.values(records).map((r) => ({ hostname: r.name, type: r.type, address: r.value, priority: r.priority === undefined ? "N/A" : String(r.priority) }));
  const { takeover: _takeover, ...rest } = old;
  return { ...(rest as Omit<DnsRecordSetState, "found">), found: [...takeover, ...asRows] };
}

/** The inputs that state stands for (read returns them, so an import yields a program to copy). */
export function inputsOfState(state: DnsRecordSetState): DnsRecordSetInputs {
  return { domain: state.domain, ...(state.profile === undefined ? {} : { profile: state.profile }), mode: state.mode, records: stateRecords(state) };
}

function sameRecords(olds: Record<string, DnsRecord>, news: Record<string, DnsRecord>): boolean {
  if (Object.keys(olds).length !== Object.keys(news).length) return false;
  return Object.entries(olds).every(([key, old]) => {
    const next = news[key];
    return next !== undefined && next.priority === old.priority;
  });
}

/**
 * A new domain (or account) is a replacement: the new set takes its zone over as found, then the
 * old one gives its zone back (one zone's saves are serialised per domain, and a new set on the
 * same zone takes the old one's record sets over instead of fighting it: runtime/handover.ts).
 * Anything else updates in place; unknown values count as changes so a preview never hides one.
 */
export function diffDnsRecordSet(olds: DnsRecordSetState, news: DnsRecordSetInputs): ResourceDiff {
  const replaces = [
    ...(isUnknown(news.domain) || olds.domain !== news.domain ? ["domain"] : []),
    ...(isUnknown(news.profile) || olds.profile !== news.profile ? ["profile"] : []),
  ];
  const changes =
    replaces.length > 0 ||
    isUnknown(news.mode) ||
    olds.mode !== news.mode ||
    isUnknown(news.records) ||
    !sameRecords(olds.records, recordMap(news.records)) ||
    (news.mode === "authoritative" && olds.unmanagedCount > 0);
  return { changes, replaces, deleteBeforeReplace: false };
}
