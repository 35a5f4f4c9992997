// The shape most settings share: one value per domain (a lock, a nameserver list, a forwarding
// list, ID protection) that the resource adopts, sets, keeps reading, and gives back on delete.
// A kind states how to read, write and compare its value; this builds the six steps from that,
// with every save verified by a re-read and every partial outcome recorded as what is in force.
import type { z } from "zod";
import { isDomainsResellerError, withoutAdvice } from "../client";
import type { ResourceDiff } from "../model/diff";
import { unlessGone } from "./gone";
import { claim, claimed, identityOf, noteSeen, seenStates } from "./handover";
import { importedDomain } from "./importId";
import { PartialApplyError, type KindContext, type KindInputs, type ResourceKind } from "./kind";
import { NotAppliedError } from "./verify";

export interface SettingSpec<S extends z.ZodObject, V> {
  /** The kind's name, e.g. "Nameservers": with the domain and profile, what one resource manages. */
  kind: string;
  inputs: S;
  diff(olds: z.output<S> & Record<string, unknown>, news: z.output<S>): ResourceDiff;
  /** The input holding the value (e.g. "nameservers") and the state field for the value found at takeover. */
  field: string;
  initialField: string;
  read(ctx: KindContext, domain: string): Promise<V>;
  write(ctx: KindContext, domain: string, value: V): Promise<unknown>;
  same(a: V, b: V): boolean;
  /** The value for a message, e.g. "ns1.host.net, ns2.host.net". */
  show(value: V): string;
  /** The sentence for a save that was acknowledged and not applied: what happened and what to do. */
  notApplied(domain: string, wanted: V, live: V): string;
  /** False when the value found at takeover cannot be written back (e.g. fewer than two nameservers). */
  restorable?(value: V): boolean;
  /**
   * The write route may bill, so it is sent once: an update reads first and sends nothing when the
   * value is already in force (an earlier change whose answer was lost may have landed since).
   */
  sendOnce?: boolean;
}

/**
 * Writes `value` and reads it back. A write whose answer was lost (`outcome_unknown`, only on
 * routes that may bill) is settled by the read instead of being sent again.
 */
async function writeVerified<V>(spec: SettingSpec<z.ZodObject, V>, ctx: KindContext, domain: string, value: V): Promise<void> {
  try {
    await spec.write(ctx, domain, value);
  } catch (error) {
    if (!isDomainsResellerError(error, "outcome_unknown")) throw error;
    const live = await spec.read(ctx, domain);
    if (spec.same(live, value)) return;
    throw new Error(
      `the change to "${spec.show(value)}" was sent but its answer was lost (${withoutAdvice(error)}), and a read right after still shows "${spec.show(live)}". ` +
        `It was NOT sent again: the registrar may still apply it. The next \`pulumi up\` reads it first and sends the change only if it still shows "${spec.show(live)}".`,
    );
  }
  const live = await spec.read(ctx, domain);
  if (!spec.same(live, value)) {
    throw new NotAppliedError(spec.notApplied(domain, value, live));
  }
}

type Props = Record<string, unknown>;

export function settingKind<S extends z.ZodObject, V>(spec: SettingSpec<S, V>): ResourceKind<S, z.output<S> & KindInputs & Props> {
  type State = z.output<S> & KindInputs & Props;
  const valueOf = (p: Props) => p[spec.field] as V;
  const withValue = (base: Props, value: V, initial: V) => ({ ...base, [spec.field]: value, [spec.initialField]: initial }) as State;
  const generic = spec as unknown as SettingSpec<z.ZodObject, V>;
  const identity = (p: Props) => identityOf(spec.kind, p.domain as string);

  return {
    inputs: spec.inputs,
    stateVersion: 1,
    diff: (olds, news) => {
      noteSeen(identity(olds), olds);
      return spec.diff(olds, news);
    },

    async create(ctx, raw) {
      const inputs = raw as State;
      claim(identity(inputs));
      const live = await spec.read(ctx, inputs.domain);
      // A predecessor of this deployment (rename, move, replacement) set what is live now: what it
      // found before either existed is what this one gives back.
      const predecessor = seenStates(identity(inputs)).at(-1) as Props | undefined;
      const initial = predecessor !== undefined && predecessor[spec.initialField] !== undefined ? (predecessor[spec.initialField] as V) : live;
      const wanted = valueOf(inputs);
      if (!spec.same(live, wanted)) {
        try {
          await writeVerified(generic, ctx, inputs.domain, wanted);
        } catch (error) {
          // Recorded with what was found, so the next `up` retries and `destroy` gives it back.
          throw new PartialApplyError(inputs.domain, withValue(inputs, live, initial), error);
        }
      }
      return { id: inputs.domain, state: withValue(inputs, wanted, initial) };
    },

    // Imported by the domain name: read records the value live now as the one found at takeover.
    importState: async (_ctx, id) => {
      const domain = importedDomain(spec.kind, id);
      return { id: domain, state: { domain } as State };
    },

    async read(ctx, id, state) {
      noteSeen(identity(state), state);
      const domain = (state.domain as string | undefined) ?? id;
      const found = await unlessGone(ctx.client, domain, async () => ({ live: await spec.read(ctx, domain) }));
      if (found === undefined) return undefined;
      const { [spec.initialField]: initial, ...inputs } = { ...state, domain, [spec.field]: found.live } as Props;
      return { id, inputs: inputs as State, state: withValue(inputs, found.live, (initial as V | undefined) ?? found.live) };
    },

    // Called when the declared value differs from the recorded one. Drift made out of band is
    // found by a refresh (`up --refresh`), which records the live value, so the diff then asks for this.
    async update(ctx, _id, olds, raw) {
      const news = raw as State;
      claim(identity(news));
      const initial = olds[spec.initialField] as V;
      try {
        const inForce = spec.sendOnce === true && spec.same(await spec.read(ctx, news.domain), valueOf(news));
        if (!inForce) await writeVerified(generic, ctx, news.domain, valueOf(news));
      } catch (error) {
        throw new PartialApplyError(news.domain, withValue(news, valueOf(olds), initial), error);
      }
      return withValue(news, valueOf(news), initial);
    },

    async delete(ctx, _id, state) {
      const domain = state.domain as string;
      const initial = state[spec.initialField] as V;
      if (claimed(identity(state)).size > 0) {
        ctx.warn(`${spec.kind} ${domain}: left as ${spec.show(valueOf(state))}; another ${spec.kind} of this deployment manages it now (a rename, a move or a replacement).`);
        return;
      }
      // A domain proven gone (transferred away, cancelled) has nothing left to restore.
      await unlessGone(ctx.client, domain, async () => {
        if (spec.same(await spec.read(ctx, domain), initial)) return;
        if (spec.restorable && !spec.restorable(initial)) {
          ctx.warn(`${domain}: the ${spec.field} found at takeover (${spec.show(initial)}) cannot be written back; left as ${spec.show(valueOf(state))}.`);
          return;
        }
        await writeVerified(generic, ctx, domain, initial);
      });
    },
  };
}
