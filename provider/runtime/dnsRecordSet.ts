// DnsRecordSet inside the provider process: plan against the live zone, save the whole list,
// verify it, and on delete take back what this resource added (and, authoritative, put back what
// it removed when it took the zone over).
import {
  diffDnsRecordSet,
  fromWire,
  dnsRecordSetInputsSchema,
  inputsOfState,
  isNoop,
  knownLiveCount,
  planDelete,
  planSave,
  recordMap,
  refreshState,
  stateAfterSave,
  stateRecords,
  type DnsPlan,
  type DnsRecord,
  type DnsRecordSetInputs,
  type DnsRecordSetState,
  type LiveRow,
} from "../model/dns";
import { isUnknown } from "../model/unknown";
import { DEFAULT_ZONE_THRESHOLDS, reviewZoneChange } from "../model/safety";
import { unlessGone } from "./gone";
import { safetySettings } from "./settings";
import { PartialApplyError, type KindContext, type ResourceKind } from "./kind";
import { readZone, readZoneForSave, saveZone } from "./zone";

function refuseConflicts(domain: string, plan: DnsPlan): void {
  if (plan.conflicts.length === 0) return;
  throw new Error(
    `refusing to save DNS for ${domain}: ${plan.conflicts.join("; ")}. A CNAME must be the only record on its name; ` +
      "remove the other record in the registrar's panel or declare the zone with mode: \"authoritative\".",
  );
}

/** Profile as stored: only when given, so state stays JSON-clean and the diff sees no change. */
function withProfile<T extends object>(state: T, profile: string | undefined): T {
  return profile === undefined ? state : { ...state, profile };
}

type State = DnsRecordSetState & { profile?: string };

/** Saves `plan` when it changes anything; on failure records what the zone really holds. */
async function apply(ctx: KindContext, inputs: DnsRecordSetInputs & { profile?: string | undefined }, plan: DnsPlan, intended: State): Promise<State> {
  refuseConflicts(inputs.domain, plan);
  if (isNoop(plan)) return intended;
  try {
    await saveZone(ctx, inputs.domain, plan);
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

/** The zone-change rail (model/safety): why a large or apex-NS change without the matching allowChanges is refused. */
function unsafeChange(olds: DnsRecordSetState, news: DnsRecordSetInputs): string | undefined {
  if (isUnknown(news.records) || isUnknown(news.mode) || isUnknown(news.allowChanges)) return undefined; // decided at apply, with real values
  const safety = safetySettings();
  const thresholds = {
    percent: safety.zoneChangeThreshold ?? DEFAULT_ZONE_THRESHOLDS.percent,
    minRecords: safety.zoneChangeMinRecords ?? DEFAULT_ZONE_THRESHOLDS.minRecords,
  };
  const verdict = reviewZoneChange({ olds, declared: news, thresholds, consent: news.allowChanges });
  return verdict.ok ? undefined : verdict.message;
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export const dnsRecordSet: ResourceKind<typeof dnsRecordSetInputsSchema, State> = {
  inputs: dnsRecordSetInputsSchema,
  stateVersion: 1,
  // The engine keeps the records as a map keyed `name/type/value`, like the state, so the preview
  // names each record added, removed or changed instead of showing a reshuffled list.
  toEngine: (inputs) => ({ ...inputs, records: recordMap(inputs.records) }),
  fromEngine: (props) => ({ ...props, records: isMap(props.records) ? Object.values(props.records) : props.records }) as DnsRecordSetInputs,
  diff: (olds, news) => {
    const base = diffDnsRecordSet(olds, news);
    const profileChanged = (olds.profile ?? undefined) !== ((news as { profile?: string }).profile ?? undefined);
    return profileChanged ? { changes: true, replaces: [...base.replaces, "profile"], deleteBeforeReplace: true } : base;
  },

  // The zone-change rail, in check so that the preview stops with the message (and nothing is
  // written): the planned change is judged against the zone as it is now, with the records this
  // set managed so far (the previous inputs) and, authoritative, every record it would take over.
  async prepare(ctx, olds, inputs) {
    const live = await unlessGone(ctx.client, inputs.domain, () => readZone(ctx, inputs.domain));
    if (live === undefined) return { ok: true, inputs }; // create or refresh names the missing domain
    const managed = isMap(olds.records) ? (olds.records as Record<string, DnsRecord>) : {};
    const found = refreshState({ domain: inputs.domain, mode: inputs.mode, records: { ...managed, ...recordMap(inputs.records) }, unmanagedCount: 0 }, live);
    const refusal = unsafeChange(found, inputs);
    // No property: the engine then prints the reason alone, not the whole record map beside it.
    return refusal === undefined ? { ok: true, inputs } : { ok: false, failures: [{ property: "", reason: refusal }] };
  },

  async create(ctx, inputs) {
    const live = await readZone(ctx, inputs.domain);
    const plan = planSave({ mode: inputs.mode, declared: inputs.records, live });
    const intended = withProfile(stateAfterSave(inputs, plan), inputs.profile);
    return { id: inputs.domain, state: await apply(ctx, inputs, plan, intended) };
  },

  async read(ctx, id, state) {
    const live = await unlessGone(ctx.client, state.domain, () => readZone(ctx, state.domain));
    if (live === undefined) return undefined;
    const fresh = withProfile(refreshState(state, live), state.profile);
    return { id, state: fresh, inputs: withProfile(inputsOfState(fresh), state.profile) };
  },

  async update(ctx, _id, olds, news) {
    const live = await readZoneForSave(ctx, news.domain, knownLiveCount(olds));
    const plan = planSave({ mode: news.mode, declared: news.records, live, managed: Object.keys(olds.records) });
    const intended = withProfile(stateAfterSave(news, plan, olds.takeover), news.profile);
    return apply(ctx, news, plan, intended);
  },

  async delete(ctx, _id, state) {
    await unlessGone(ctx.client, state.domain, async () => {
      const live = await readZoneForSave(ctx, state.domain, knownLiveCount(state));
      const plan = planDelete({ declared: stateRecords(state), live, takeover: fromWire(state.takeover ?? [], state.domain) });
      if (!isNoop(plan)) await saveZone(ctx, state.domain, plan);
    });
  },
};
