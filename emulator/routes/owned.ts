/** The path domain, if it exists and belongs to the caller; otherwise the one 404 for both cases. */
import type { Context } from "../context";
import type { DomainState } from "../domain-state";
import { domainNotFound } from "../errors";

export function ownedDomain(ctx: Context): DomainState {
  const d = ctx.store.domain(ctx.path.domain ?? "");
  if (!d || d.owner.toLowerCase() !== ctx.account.email.toLowerCase()) throw domainNotFound();
  return d;
}

/** What every non-order mutation answers (reference §8: one shape, chosen and documented). */
export const OK = { success: true } as const;
