// RegistrarLock inside the provider process: adopt the live lock, set it, and give it back on delete.
import {
  diffRegistrarLock,
  lockStatus,
  registrarLockInputsSchema,
  type RegistrarLockInputs,
  type RegistrarLockState,
} from "../model/registrarLock";
import { unlessGone } from "./gone";
import { PartialApplyError, type KindContext, type ResourceKind } from "./kind";
import { writeThenVerify } from "./verify";

async function liveLocked(ctx: KindContext, domain: string): Promise<boolean> {
  return (await ctx.client.call("getLock", { domain })) === "locked";
}

/** Saves the lock, then reads it back: some registrars accept a save and ignore it. */
function applyLock(ctx: KindContext, domain: string, locked: boolean): Promise<boolean> {
  return writeThenVerify({
    write: () => ctx.client.call("saveLock", { domain, lockstatus: lockStatus(locked) }),
    read: () => liveLocked(ctx, domain),
    matches: (live) => live === locked,
    notApplied: (live) =>
      `The registrar accepted the request to ${locked ? "lock" : "unlock"} ${domain} but still reports it ${lockStatus(live)}. ` +
      "Some registries refuse lock changes shortly after a registration or transfer; try again later or ask your provider.",
  });
}

/** The inputs as stored: `profile` only when one was given (state stays JSON-clean). */
function applied(inputs: RegistrarLockInputs, locked: boolean): RegistrarLockInputs {
  return { domain: inputs.domain, locked, ...(inputs.profile !== undefined ? { profile: inputs.profile } : {}) };
}

export const registrarLock: ResourceKind<typeof registrarLockInputsSchema, RegistrarLockState> = {
  inputs: registrarLockInputsSchema,
  stateVersion: 1,
  diff: diffRegistrarLock,

  async create(ctx, inputs) {
    const initialLocked = await liveLocked(ctx, inputs.domain);
    const state = { ...applied(inputs, inputs.locked), initialLocked };
    if (initialLocked !== inputs.locked) {
      try {
        await applyLock(ctx, inputs.domain, inputs.locked);
      } catch (error) {
        // Keep the adopted state (and initialLocked) so destroy can still give the domain back.
        throw new PartialApplyError(inputs.domain, { ...state, locked: initialLocked }, error);
      }
    }
    return { id: inputs.domain, state };
  },

  async read(ctx, id, state) {
    const domain = state.domain ?? id;
    const locked = await unlessGone(ctx.client, domain, () => liveLocked(ctx, domain));
    if (locked === undefined) return undefined;
    const inputs = applied({ ...state, domain }, locked);
    return { id, inputs, state: { ...inputs, initialLocked: state.initialLocked ?? locked } };
  },

  // Called only when the declared lock differs from the recorded one. Drift made out of band is
  // found by refresh (`up --refresh`), which records the live lock, so the diff then asks for this.
  async update(ctx, _id, olds, news) {
    try {
      await applyLock(ctx, news.domain, news.locked);
    } catch (error) {
      throw new PartialApplyError(news.domain, { ...applied(news, olds.locked), initialLocked: olds.initialLocked }, error);
    }
    return { ...applied(news, news.locked), initialLocked: olds.initialLocked };
  },

  async delete(ctx, _id, state) {
    // A domain proven gone (transferred away, cancelled) has nothing left to restore.
    await unlessGone(ctx.client, state.domain, async () => {
      if ((await liveLocked(ctx, state.domain)) !== state.initialLocked) await applyLock(ctx, state.domain, state.initialLocked);
    });
  },
};
