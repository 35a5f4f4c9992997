/**
 * What a route handler receives. Handlers are plain synchronous functions of this context: no
 * socket, no HTTP objects, so they can be called directly in tests and always run inside the
 * request's single SQLite transaction.
 */
import type { Account, Store } from "./db/store";
import type { Behaviour } from "./behaviour";
import type { Params } from "./routes/params";

export interface Context {
  store: Store;
  account: Account;
  params: Params;
  /** Path parameters: `domain` (percent-decoded, lower-cased) and `type`. */
  path: Record<string, string>;
  /** Server time in unix seconds, including the admin clock offset. */
  now: number;
  transferDelaySeconds: number;
  /** The real-registrar switches (admin `/__admin/behaviour`) and the queue of delayed renewals. */
  behaviour: Behaviour;
}

export type Handler = (ctx: Context) => unknown;

export interface Route {
  method: "GET" | "POST";
  template: string;
  handler: Handler;
}
