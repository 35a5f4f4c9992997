// Who the plain read functions talk to: a client the caller built, or credentials, which get the
// process's one shared client for that credential set (provider/runtime/clients.ts), so a script
// calling many functions shares one connection pool and one rate limiter, as the API sees one caller.
import type { DomainsResellerClient } from "../client";
import { clientFor } from "../runtime/clients";
import { ConfigurationError } from "../runtime/settings";
import type { AnyCallingClient, ClientSource } from "./clientSource";

export type { ClientSource, Credentials } from "./clientSource";

/** A caller's client seen with the client's route types (what `ClientSource` declares loosely). */
export type CallingClient = Pick<DomainsResellerClient, "call">;

const REQUIRED = ["endpoint", "username", "apiKey"] as const;

function isClient(source: ClientSource): source is AnyCallingClient {
  return typeof (source as { call?: unknown }).call === "function";
}

/**
 * The client for `source`. Credentials are checked field by field; the message names the fields
 * that are missing and never a value, since the key must not end up in a log.
 */
export function clientOf(fn: string, source: ClientSource): CallingClient {
  if (typeof source !== "object" || source === null) {
    throw new ConfigurationError(`${fn}: the first argument must be a DomainsResellerClient or { endpoint, username, apiKey }.`);
  }
  if (isClient(source)) return source as CallingClient;
  const missing = REQUIRED.filter((field) => typeof source[field] !== "string" || source[field].trim() === "");
  if (missing.length > 0) {
    throw new ConfigurationError(`${fn}: the credentials lack ${missing.join(", ")}; pass { endpoint, username, apiKey } as text (see docs/credentials.md).`);
  }
  return clientFor({ ...source, endpoint: source.endpoint.trim(), username: source.username.trim(), apiKey: source.apiKey.trim() });
}
