// Errors leave the provider process as text in the user's terminal and CI logs. They say which
// resource and which step failed, keep the client's advice, and carry no credentials.
import { scrub } from "../client/errors";
import { PartialApplyError } from "./kind";

/** Pulumi's partial-failure answer: the SDK packs `id`, `properties` and `reasons` for the engine. */
export interface PartialFailureAnswer extends Error {
  id: string;
  properties: Record<string, unknown>;
  reasons: string[];
}

/**
 * `secrets` are the resource's own (an EPP code): a registrar error that echoes one never carries it
 * to the terminal.
 */
export function describeFailure(kind: string, verb: string, domain: string, error: unknown, store: (state: Record<string, unknown>) => Record<string, unknown>, secrets: readonly string[] = []): Error {
  const detail = scrub(error instanceof Error ? error.message : String(error), secrets);
  const message = `${kind} ${domain}: ${verb} failed: ${detail}`;
  if (error instanceof PartialApplyError) {
    // Stored exactly like a complete state (version and serialized provider included), so the
    // next refresh, update or delete of this half-done resource works like any other.
    const answer: PartialFailureAnswer = Object.assign(new Error(message), {
      id: error.id,
      properties: store(error.state as Record<string, unknown>),
      reasons: [message],
    });
    return answer;
  }
  const wrapped = new Error(message);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") Object.assign(wrapped, { code });
  return wrapped;
}
