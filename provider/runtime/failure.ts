// Errors leave the provider process as text in the user's terminal and CI logs. They say which
// resource and which step failed, keep the client's advice, and carry no credentials.
import { IncompleteCreateError } from "./kind";

export function describeFailure(kind: string, verb: string, domain: string, error: unknown): Error {
  const detail = error instanceof Error ? error.message : String(error);
  const message = `${kind} ${domain}: ${verb} failed: ${detail}`;
  if (error instanceof IncompleteCreateError) {
    // Keep id/properties/reasons: the SDK turns them into "created but not initialised".
    return Object.assign(new Error(message), { id: error.id, properties: error.properties, reasons: [message] });
  }
  const wrapped = new Error(message);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") Object.assign(wrapped, { code });
  return wrapped;
}
