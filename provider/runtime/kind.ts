// The contract each resource kind implements inside the provider process. The dispatcher in
// index.ts adapts it to Pulumi's dynamic ResourceProvider shape; kinds never see Pulumi types.
import type { z } from "zod";
import type { DomainsResellerClient } from "../client";
import type { ResourceDiff } from "../model/diff";

export interface KindContext {
  client: DomainsResellerClient;
}

export interface ReadOutcome<I, S> {
  id: string;
  state: S;
  inputs: I;
}

export interface ResourceKind<S extends z.ZodObject, State extends z.output<S>> {
  /** Validates and canonicalises inputs (no network). */
  inputs: S;
  diff(olds: State, news: z.output<S>): ResourceDiff;
  create(ctx: KindContext, inputs: z.output<S>): Promise<{ id: string; state: State }>;
  /** Undefined when the object is gone from the account. */
  read(ctx: KindContext, id: string, state: State): Promise<ReadOutcome<z.output<S>, State> | undefined>;
  update(ctx: KindContext, id: string, olds: State, news: z.output<S>): Promise<State>;
  delete(ctx: KindContext, id: string, state: State): Promise<void>;
  /** The domain an operation touches, so operations on one domain run one at a time. */
  domainOf(stateOrInputs: { domain: string }): string;
}

/**
 * Thrown by `create` when the object exists but was not fully set up. Pulumi records it (with
 * `properties` as its state) instead of forgetting it, so the next `up` finishes the job and
 * `destroy` can still clean up. The SDK recognises the `id`, `properties` and `reasons` fields.
 */
export class IncompleteCreateError extends Error {
  override name = "IncompleteCreateError";
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(reason);
    this.reasons = [reason];
  }
}
