// RegistrarLock inside the provider process: adopt the live lock, set it, and give it back on delete.
import { DomainsResellerError } from "../client";
import {
  diffRegistrarLock,
  lockStatus,
  registrarLockInputsSchema,
  type RegistrarLockInputs,
  type RegistrarLockState,
} from "../model/registrarLock";
import { IncompleteCreateError, type KindContext, type ResourceKind } from "./kind";

async function liveLocked(ctx: KindContext, domain: string): Promise<boolean> {
  return (await ctx.client.call("getLock", { domain })) === "locked";
}

/** Saves the lock, then reads it back: some registrars accept a save and ignore it. */
async function applyLock(ctx: KindContext, domain: string, locked: boolean): Promise<void> {
  await ctx.client.call("saveLock", { domain, lockstatus: lockStatus(locked) });
  const now = await liveLocked(ctx, domain);
  if (now !== locked) {
    throw new Error(
      `The registrar accepted the request to ${locked ? "lock" : "unlock"} ${domain} but still reports it ${lockStatus(now)}. ` +
        "Some registries refuse lock changes shortly after a registration or transfer; try again later or ask your provider.",
    );
  }
}

export const registrarLock: ResourceKind<typeof registrarLockInputsSchema, RegistrarLockState> = {
  inputs: registrarLockInputsSchema,
  diff: diffRegistrarLock,
  domainOf: ({ domain }) => domain,

  async create(ctx, inputs) {
    const initialLocked = await liveLocked(ctx, inputs.domain);
    const state = { ...inputs, initialLocked };
    if (initialLocked !== inputs.locked) {
      try {
        await applyLock(ctx, inputs.domain, inputs.locked);
      } catch (error) {
        // Keep the adopted state (and initialLocked) so destroy can still give the domain back.
        throw new IncompleteCreateError(inputs.domain, { ...state, locked: initialLocked }, error);
      }
    }
    return { id: inputs.domain, state };
  },

  async read(ctx, id, state) {
    try {
      const locked = await liveLocked(ctx, state.domain ?? id);
      const inputs: RegistrarLockInputs = { domain: state.domain ?? id, locked };
      return { id, inputs, state: { ...inputs, initialLocked: state.initialLocked ?? locked } };
    } catch (error) {
      if (error instanceof DomainsResellerError && error.code === "not_found") return undefined;
      throw error;
    }
  },

  async update(ctx, _id, olds, news) {
    if (olds.locked !== news.locked || (await liveLocked(ctx, news.domain)) !== news.locked) {
      await applyLock(ctx, news.domain, news.locked);
    }
    return { ...news, initialLocked: olds.initialLocked };
  },

  async delete(ctx, _id, state) {
    try {
      if ((await liveLocked(ctx, state.domain)) !== state.initialLocked) await applyLock(ctx, state.domain, state.initialLocked);
    } catch (error) {
      // The domain left the account (transferred away, expired): there is nothing left to restore.
      if (error instanceof DomainsResellerError && error.code === "not_found") return;
      throw error;
    }
  },
};
