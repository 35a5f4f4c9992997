// The contract each resource kind implements inside the provider process. The dispatcher in
// index.ts adapts it to Pulumi's dynamic ResourceProvider shape; kinds never see Pulumi types.
import type { z } from "zod";
import type { ApiClient } from "./sharedReads";
import type { ResourceDiff } from "../model/diff";

export interface KindContext {
  /** The client of the resource's credentials profile (one pool, pace and queue per profile). */
  client: ApiClient;
  /** A line in the user's terminal: the engine passes the provider's standard error through. */
  warn(message: string): void;
}

export interface ReadOutcome<I, S> {
  id: string;
  state: S;
  inputs: I;
}

/** Inputs every kind accepts: the domain it manages and, optionally, whose credentials to use. */
export interface KindInputs {
  domain: string;
  profile?: string | undefined;
}

export interface ResourceKind<S extends z.ZodObject, State extends object> {
  /** Validates and canonicalises inputs (no network). */
  inputs: S;
  /**
   * The version of the state this code writes. Bump it when the stored shape changes, and teach
   * `upgrade` to turn every earlier shape into the current one; state written by a newer version
   * is refused rather than misread.
   */
  stateVersion: number;
  upgrade?(state: Record<string, unknown>, fromVersion: number): State;
  /**
   * Output properties Pulumi must store encrypted (EPP codes). The resource class passes the same
   * list as `additionalSecretOutputs`; a test holds the two together.
   */
  secretOutputs?: readonly string[];
  /**
   * The form the engine stores and shows as inputs, when it differs from the checked inputs (a DNS
   * list becomes a map keyed by record, so `preview --diff` names the record that changed), and
   * back. Applied by the dispatcher after `check` and to `read`'s inputs; undone before every call.
   */
  toEngine?(inputs: z.output<S>): Record<string, unknown>;
  fromEngine?(props: Record<string, unknown>): z.output<S>;
  /**
   * After the schema check, with the account at hand (only when credentials resolve): adds what
   * the preview must show (a price quote) or refuses (over maxPrice, too little credit). Reads
   * only; never orders. `olds` are the previous inputs (after a refresh, as `read` returned them).
   */
  /** A kind that never calls the API (the stack guard): its check needs no credentials. */
  offline?: true;
  prepare?(ctx: KindContext, olds: Record<string, unknown>, inputs: z.output<S>): Promise<{ ok: true; inputs: z.output<S> } | { ok: false; failures: { property: string; reason: string }[] }>;
  /**
   * After the schema check, without network or credentials: refuses a change of inputs that a
   * safety rail does not allow (model/safety). `olds` are the previous inputs ({} when new).
   */
  review?(olds: Record<string, unknown>, inputs: z.output<S>): { property: string; reason: string }[];
  diff(olds: State, news: z.output<S>): ResourceDiff;
  /** Adopts what exists in the account; throws PartialApplyError when only part was applied. */
  create(ctx: KindContext, inputs: z.output<S>): Promise<{ id: string; state: State }>;
  /** Undefined only when the domain is proven gone from the account (see gone.ts). */
  read(ctx: KindContext, id: string, state: State): Promise<ReadOutcome<z.output<S>, State> | undefined>;
  /** Throws PartialApplyError with the state really in force when only part was applied. */
  update(ctx: KindContext, id: string, olds: State, news: z.output<S>): Promise<State>;
  delete(ctx: KindContext, id: string, state: State): Promise<void>;
  /**
   * The state to hand `read` when only the id is known (`pulumi import`, the `import` option: the
   * engine sends neither inputs nor state). An import is a takeover, so it records what it finds
   * (given back on delete). Undefined when the thing is not in the account; throws naming the id
   * form it expects. A kind without it cannot be imported.
   */
  importState?(ctx: KindContext, id: string): Promise<{ id: string; state: State } | undefined>;
}

/**
 * Thrown by `create` or `update` when only part of the change was applied (or a save was accepted
 * and then not found on the re-read). `state` is what is really in force. The dispatcher turns it
 * into Pulumi's "created/updated but failed to initialise" answer, so the engine records that
 * state instead of forgetting the object or keeping a state that is not true: the next `up`
 * finishes the job and `destroy` can still clean up.
 */
export class PartialApplyError<State = Record<string, unknown>> extends Error {
  override name = "PartialApplyError";
  constructor(
    readonly id: string,
    readonly state: State,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
