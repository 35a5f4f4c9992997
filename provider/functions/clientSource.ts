// The first argument of every read function, as the package's public declarations show it. Kept
// apart from the client: a Pulumi program's type check (ts-node, on every `preview` and `up`) loads
// every declaration file the package's entry point reaches, and the client's route types reach all
// of zod's, about a second of CPU per program run (docs/benchmarks.md).
import type { Settings } from "../runtime/settings";

/** The endpoint and credentials of a reseller account, plus the optional tuning of its client. */
export type Credentials = Settings;

/**
 * Anything with the client's `call`: a DomainsResellerClient, or a stand-in in tests. Written out
 * rather than as `Pick<DomainsResellerClient, "call">` for the reason above; source.ts reads it
 * with the client's own route types.
 */
export interface AnyCallingClient {
  call(route: string, params: object): Promise<unknown>;
}

export type ClientSource = AnyCallingClient | Credentials;
