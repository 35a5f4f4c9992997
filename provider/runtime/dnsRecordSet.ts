// DnsRecordSet inside the provider process: plan against the live zone, save the whole list,
// verify it, and on delete give back what it took over (docs/ownership.md): its own records go,
// what was found at its names and types (authoritative: in the zone) comes back, and nothing that
// was there before it is deleted. Every save is planned from a guarded read and judged again by
// the zone-change rail against that read.
import {
  diffDnsRecordSet,
  duplicateSpf,
  fromWire,
  dnsRecordSetInputsSchema,
  inputsOfState,
  isNoop,
  liveKey,
  knownLiveCount,
  nextFound,
  planDelete,
  planSave,
  recordMap,
  refreshState,
  rrsetOf,
  rrsetsOf,
  stateAfterSave,
  stateRecords,
  upgradeFromV1,
  type DnsPlan,
  type DnsRecord,
  type DnsRecordSetInputs,
  type DnsRecordSetState,
  type LiveRow,
  type WireRow,
} from "../model/dns";
import { isUnknown } from "../model/unknown";
import { DEFAULT_ZONE_THRESHOLDS, reviewZoneChange } from "../model/safety";
import { unlessGone } from "./gone";
import { importedDomain } from "./importId";
import { claim, claimed, identityOf, noteSeen, seenStates, WHOLE } from "./handover";
import { safetySettings } from "./settings";
import { PartialApplyError, type KindContext, type ResourceKind } from "./kind";
import { readZone, readZoneForCreate, readZoneForSave, saveZone } from "./zone";

/** Each conflict names the records and its fixes (model/dns/plan.ts). */
const conflictMessage = (domain: string, plan: DnsPlan) => `refusing to save DNS for ${domain}: ${plan.conflicts.join("; ")}`;

function refuseConflicts(domain: string, plan: DnsPlan): void {
  if (plan.conflicts.length > 0) throw new Error(conflictMessage(domain, plan));
}

/** Profile as stored: only when given, so state stays JSON-clean and the diff sees no change. */
function withProfile<T extends object>(state: T, profile: string | undefined): T {
  return profile === undefined ? state : { ...state, profile };
}

type State = DnsRecordSetState & { profile?: string };
type Inputs = DnsRecordSetInputs & { profile?: string | undefined };

const identity = (s: { domain: string }) => identityOf("DnsRecordSet", s.domain);

/** Saves `plan` when it changes anything; on failure records what the zone really holds. */
async function apply(ctx: KindContext, inputs: Inputs, plan: DnsPlan, intended: State): Promise<State> {
  refuseConflicts(inputs.domain, plan);
  if (isNoop(plan)) return intended;
  try {
    await saveZone(ctx, inputs.domain, plan, inputs.mode === "authoritative" ? "zone" : "sets");
    return intended;
  } catch (error) {
    let live: LiveRow[] | undefined;
    try {
      live = await readZone(ctx, inputs.domain);
    } catch {
      live = undefined; // the re-read failed too: keep the intended state, the next refresh corrects it
    }
    throw new PartialApplyError(inputs.domain, live === undefined ? intended : refreshState(intended, live), error);
  }
}

/**
 * The zone-change rail (model/safety) on a zone as read: the change judged against the live
 * records at every name and type the set owned (`managed`) or declares, and, authoritative, every
 * other live record. Why a large or apex-NS change without the matching allowChanges is refused.
 */
function unsafeChange(managed: Record<string, DnsRecord>, news: Inputs, live: readonly LiveRow[]): string | undefined {
  if (isUnknown(news.records) || isUnknown(news.mode) || isUnknown(news.allowChanges)) return undefined; // decided at apply, with real values
  const judged = refreshState({ domain: news.domain, mode: news.mode, records: { ...managed, ...recordMap(news.records) } }, live);
  const safety = safetySettings();
  const thresholds = {
    percent: safety.zoneChangeThreshold ?? DEFAULT_ZONE_THRESHOLDS.percent,
    minRecords: safety.zoneChangeMinRecords ?? DEFAULT_ZONE_THRESHOLDS.minRecords,
  };
  const verdict = reviewZoneChange({ olds: judged, declared: news, thresholds, consent: news.allowChanges });
  return verdict.ok ? undefined : verdict.message;
}

/** The same rail at apply time, on the read the save is built from: the zone may have changed since the preview. */
function refuseUnsafeAtApply(managed: Record<string, DnsRecord>, news: Inputs, live: readonly LiveRow[]): void {
  const refusal = unsafeChange(managed, news, live);
  if (refusal !== undefined) throw new Error(`the zone of ${news.domain} is not the one the preview judged. ${refusal}`);
}

/** The record sets other resources took over in this deployment (a rename, a replacement). */
function handedOver(state: { domain: string; profile?: string | undefined }): ReadonlySet<string> | "zone" {
  const sets = claimed(identity(state));
  return sets.has(WHOLE) ? "zone" : sets;
}

/** Claims what a save of `inputs` manages, so a predecessor's delete in this deployment leaves it alone. */
function claimFor(inputs: Inputs): void {
  claim(identity(inputs), inputs.mode === "authoritative" ? [WHOLE] : inputs.records.map(rrsetOf));
}

/**
 * What a predecessor of this deployment (the same set renamed, replaced, or a set that held these
 * names and types) recorded as found where this set now takes over: the history is handed over.
 */
function inherited(inputs: Inputs, ownedBefore: ReadonlySet<string>): { owned: ReadonlySet<string> | "zone"; found: WireRow[] } {
  const wanted = new Set(inputs.records.map(rrsetOf).filter((set) => !ownedBefore.has(set)));
  const owned = new Set<string>(ownedBefore);
  const found = new Map<string, WireRow>();
  for (const other of seenStates(identity(inputs)) as readonly State[]) {
    if (inputs.mode === "authoritative" && other.mode === "authoritative") return { owned: "zone", found: [...(other.found ?? [])] };
    const theirs = rrsetsOf(Object.keys(other.records ?? {}));
    for (const set of theirs) {
      if (!wanted.has(set)) continue;
      owned.add(set);
      for (const row of fromWire(other.found ?? [], inputs.domain)) if (row.record !== undefined && rrsetOf(row.record) === set) found.set(liveKey(row), row.row);
    }
  }
  return { owned, found: [...found.values()] };
}

/** A line naming each live record a plan deletes, for the preview: `example.com @/MX/mx2.example.net (priority 20)`. */
function visibleRemovals(domain: string, plan: DnsPlan): string[] {
  return plan.removes.map((r) => `${domain} ${r.key}${r.row.priority !== "N/A" && r.row.priority !== "" ? ` (priority ${r.row.priority})` : ""}`);
}

/** Warnings already printed by this process: the engine checks a replacement twice. */
const warned = new Set<string>();
function once(ctx: KindContext, message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  ctx.warn(message);
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Keys the preview adds for the reviewer (check); never the user's, never passed to the kind. */
const PREVIEW_KEYS = ["removes", "givesBack"] as const;

/** JSON with every object's keys in order, so two spellings of one value compare equal. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (isMap(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));

/** Whether the previous inputs (engine form, as check or read left them) declare what `inputs` declare. */
function unchangedSince(olds: Record<string, unknown>, inputs: Inputs): boolean {
  if (isUnknown(inputs.records) || isUnknown(inputs.mode)) return false;
  const before = Object.fromEntries(Object.entries(olds).filter(([key]) => !(PREVIEW_KEYS as readonly string[]).includes(key)));
  return canonicalJson(before) === canonicalJson({ ...inputs, records: recordMap(inputs.records) });
}

export const dnsRecordSet: ResourceKind<typeof dnsRecordSetInputsSchema, State> = {
  inputs: dnsRecordSetInputsSchema,
  stateVersion: 2,
  upgrade: (state, fromVersion) => {
    if (fromVersion === 1) return upgradeFromV1(state) as State;
    throw new Error(`DnsRecordSet state version ${fromVersion} is unknown`);
  },
  // The engine keeps the records as a map keyed `name/type/value`, like the state, so the preview
  // names each record added, removed or changed instead of showing a reshuffled list.
  toEngine: (inputs) => ({ ...inputs, records: recordMap(inputs.records) }),
  fromEngine: (props) => {
    const clean = Object.fromEntries(Object.entries(props).filter(([key]) => !(PREVIEW_KEYS as readonly string[]).includes(key)));
    return { ...clean, records: isMap(clean.records) ? Object.values(clean.records) : clean.records } as DnsRecordSetInputs;
  },
  diff: (olds, news) => {
    noteSeen(identity(olds), olds);
    const base = diffDnsRecordSet(olds, news);
    const profileChanged = (olds.profile ?? undefined) !== ((news as { profile?: string }).profile ?? undefined);
    // A profile change is a replacement on the same zone: the new set is created first and takes
    // over from this one (handover.ts), so the zone is never given back in between.
    return profileChanged ? { changes: true, replaces: [...base.replaces, "profile"], deleteBeforeReplace: false } : base;
  },

  // In check, so that the preview shows it and stops on a refusal before anything is written: the
  // planned change against the zone as it is now. The zone-change rail judges it; every live
  // record it deletes is listed (`removes`), and each name and type it lets go of (`givesBack`), so
  // `pulumi preview --diff` names each; records the program never declared are also named in a warning.
  async prepare(ctx, olds, inputs) {
    const sameZone = olds.domain === undefined || (olds.domain === inputs.domain && olds.profile === inputs.profile);
    // Declared as last recorded (by the last apply, or as the refresh just read it): nothing to
    // plan and nothing will be applied, so the preview reads nothing.
    // The preview lists of the last check are kept as they are: dropping them would make the engine
    // rewrite the state of every set on the next no-op \`up\` (plan-md ignores them on a step that
    // changes nothing).
    if (olds.domain !== undefined && sameZone && unchangedSince(olds, inputs)) {
      const kept = Object.fromEntries(PREVIEW_KEYS.filter((key) => olds[key] !== undefined).map((key) => [key, olds[key]]));
      return { ok: true, inputs: { ...inputs, ...kept } };
    }
    const live = await unlessGone(ctx.client, inputs.domain, () => readZone(ctx, inputs.domain));
    if (live === undefined) return { ok: true, inputs }; // create or refresh names the missing domain
    const managed = sameZone && isMap(olds.records) ? (olds.records as Record<string, DnsRecord>) : {};
    const refusal = unsafeChange(managed, inputs, live);
    // No property: the engine then prints the reason alone, not the whole record map beside it.
    if (refusal !== undefined) return { ok: false, failures: [{ property: "", reason: refusal }] };
    if (isUnknown(inputs.records) || isUnknown(inputs.mode)) return { ok: true, inputs };
    // What a name and type no longer declared gets back depends on what was found there, which only
    // the state knows: those are listed as given back, and the plan leaves them out of `removes`.
    const declaredSets = new Set(inputs.records.map(rrsetOf));
    const givenBack = [...rrsetsOf(Object.keys(managed))].filter((set) => !declaredSets.has(set)).sort();
    const plan = planSave({ mode: inputs.mode, declared: inputs.records, live, managed: Object.keys(managed), handedOver: new Set(givenBack) });
    // A clash with a record already in the zone stops the preview, not the apply.
    if (plan.conflicts.length > 0) return { ok: false, failures: [{ property: "", reason: conflictMessage(inputs.domain, plan) }] };
    const spf = duplicateSpf(fromWire(plan.save, inputs.domain).flatMap((row) => (row.record === undefined ? [] : [row.record])));
    for (const name of spf) once(ctx, `DnsRecordSet ${inputs.domain}: the name "${name}" would carry two v=spf1 TXT records; RFC 7208 makes its SPF invalid (a permerror). Merge them into one TXT value.`);
    const removes = visibleRemovals(inputs.domain, plan);
    const undeclared = plan.removes.filter((r) => managed[r.key] === undefined);
    if (undeclared.length > 0) {
      once(ctx, `DnsRecordSet ${inputs.domain}: this change deletes ${undeclared.length} live record${undeclared.length === 1 ? "" : "s"} the program never declared: ${undeclared.map((r) => r.key).join(", ")}.`);
    }
    const givesBack = givenBack.map((set) => `${inputs.domain} ${set}`);
    return { ok: true, inputs: { ...inputs, ...(removes.length > 0 ? { removes } : {}), ...(givesBack.length > 0 ? { givesBack } : {}) } };
  },

  async create(ctx, inputs) {
    const live = await readZoneForCreate(ctx, inputs.domain);
    refuseUnsafeAtApply({}, inputs, live);
    claimFor(inputs);
    const history = inherited(inputs, new Set());
    const plan = planSave({ mode: inputs.mode, declared: inputs.records, live });
    const found = nextFound({ mode: inputs.mode, owned: history.owned, previous: history.found, declared: inputs.records, live, zone: inputs.domain });
    const intended = withProfile(stateAfterSave(inputs, plan, found), inputs.profile);
    return { id: inputs.domain, state: await apply(ctx, inputs, plan, intended) };
  },

  // Imported by the domain name, whole (authoritative): every live record becomes the set's, and
  // all of it is recorded as found, so deleting the imported set leaves the zone as it was.
  async importState(ctx, id) {
    const domain = importedDomain("DnsRecordSet", id);
    const live = await unlessGone(ctx.client, domain, () => readZone(ctx, domain));
    if (live === undefined) return undefined;
    return { id: domain, state: { domain, mode: "authoritative", records: {}, found: live.map((row) => ({ ...row.row })), unmanagedCount: 0 } };
  },

  async read(ctx, id, state) {
    noteSeen(identity(state), state);
    const live = await unlessGone(ctx.client, state.domain, () => readZone(ctx, state.domain));
    if (live === undefined) return undefined;
    const fresh = withProfile(refreshState(state, live), state.profile);
    return { id, state: fresh, inputs: withProfile(inputsOfState(fresh), state.profile) };
  },

  async update(ctx, _id, olds, news) {
    const live = await readZoneForSave(ctx, news.domain, knownLiveCount(olds));
    refuseUnsafeAtApply(olds.records, news, live);
    claimFor(news);
    const given = handedOver(news);
    const ownedBefore = olds.mode === "authoritative" ? "zone" : rrsetsOf(Object.keys(olds.records));
    const history = ownedBefore === "zone" ? { owned: "zone" as const, found: [] } : inherited(news, ownedBefore);
    const plan = planSave({
      mode: news.mode,
      declared: news.records,
      live,
      managed: Object.keys(olds.records),
      found: fromWire(olds.found ?? [], news.domain),
      handedOver: given === "zone" ? rrsetsOf(Object.keys(olds.records)) : given,
    });
    const found = nextFound({ mode: news.mode, owned: history.owned, previous: [...(olds.found ?? []), ...history.found], declared: news.records, live, zone: news.domain });
    const intended = withProfile(stateAfterSave(news, plan, found), news.profile);
    return apply(ctx, news, plan, intended);
  },

  async delete(ctx, _id, state) {
    const given = handedOver(state);
    if (given === "zone") {
      ctx.warn(`DnsRecordSet ${state.domain}: left as it is; another DnsRecordSet of this deployment took the zone over (what this one found is now its to give back).`);
      return;
    }
    await unlessGone(ctx.client, state.domain, async () => {
      const live = await readZoneForSave(ctx, state.domain, knownLiveCount(state));
      const plan = planDelete({ declared: stateRecords(state), live, found: fromWire(state.found ?? [], state.domain), handedOver: given });
      if (given.size > 0) ctx.warn(`DnsRecordSet ${state.domain}: ${[...given].join(", ")} left as they are; another DnsRecordSet of this deployment took them over.`);
      if (!isNoop(plan)) await saveZone(ctx, state.domain, plan, state.mode === "authoritative" ? "zone" : "sets");
    });
  },
};

