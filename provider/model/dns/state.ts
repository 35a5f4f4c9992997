// The state a DnsRecordSet keeps in Pulumi, and the diff of new inputs against it. Records sit in
// a map under their key (key.ts), so `pulumi preview --diff` names the record that changes.
import type { ResourceDiff } from "../diff";
import { isUnknown } from "../unknown";
import { recordKey, sortRecords } from "./key";
import { nextTakeover, type DnsPlan } from "./plan";
import type { DnsRecordSetInputs } from "./schema";
import type { DnsMode, DnsRecord, WireRow } from "./types";
import type { LiveRow } from "./wire";

export interface DnsRecordSetState {
  domain: string;
  /** The credentials profile (absent: the default account). */
  profile?: string;
  mode: DnsMode;
  /** The managed records by key: `{ "www/CNAME/example.com": { name, type, value } }`. */
  records: Record<string, DnsRecord>;
  /** Rows removed when an authoritative set took the zone over, verbatim; put back on delete. */
  takeover?: WireRow[];
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
function stateOf(identity: Pick<DnsRecordSetState, "domain" | "profile">, rest: Omit<DnsRecordSetState, "domain" | "profile" | "takeover">, takeover: WireRow[] | undefined): DnsRecordSetState {
  return {
    domain: identity.domain,
    ...(identity.profile === undefined ? {} : { profile: identity.profile }),
    ...rest,
    ...(takeover === undefined ? {} : { takeover }),
  };
}

/** The state once `plan` (from planSave for `inputs`) has been saved. */
export function stateAfterSave(inputs: DnsRecordSetInputs, plan: DnsPlan, previousTakeover?: readonly WireRow[]): DnsRecordSetState {
  return stateOf(inputs, { mode: inputs.mode, records: recordMap(inputs.records), unmanagedCount: plan.kept.length }, nextTakeover(inputs.mode, previousTakeover, plan));
}

/**
 * The state as the zone really is (read/refresh). merge: the managed records still live, as live
 * (a priority edited elsewhere shows), the rest counted as unmanaged. authoritative: every readable
 * record is in the map, so the diff shows extra ones as changes; unreadable rows are counted.
 */
export function refreshState(state: DnsRecordSetState, live: readonly LiveRow[]): DnsRecordSetState {
  const records: Record<string, DnsRecord> = {};
  let unmanagedCount = 0;
  for (const { record } of live) {
    const key = record === undefined ? "" : recordKey(record);
    if (record !== undefined && records[key] === undefined && (state.mode === "authoritative" || state.records[key] !== undefined)) {
      records[key] = { ...record };
    } else unmanagedCount++;
  }
  return stateOf(state, { mode: state.mode, records, unmanagedCount }, state.takeover);
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
 * A new domain (or account) is another zone: replace, deleting first (two sets must never save
 * one zone's whole list at once, which an unknown domain that turns out the same would do).
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
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 };
}
