// The only door the contract scenarios have to an account. The live suite runs against a real
// reseller account whose orders cost real money, so the rules are enforced here, in one place,
// before anything is sent, rather than trusted to each scenario:
//   - no order and no release, ever, in any mode (and nothing else the route table marks `once`:
//     deletion, ID protection, contacts, private nameservers can bill or cannot be undone);
//   - reads anywhere (the unknown-domain probe reads a name outside the account);
//   - `sync` and the three whole-state writes only on the named test domain, and the writes only
//     when writes were switched on.
import { normalizeDomain, routes, type DomainsResellerClient, type RouteName, type RouteParams, type RouteResult } from "../../provider/client";

/** Routes that order or give a domain away. Named so the refusal can say so, whatever the route table says of them. */
export const ORDER_ROUTES: readonly RouteName[] = ["register", "transfer", "renew", "release"];
/** The writes a contract scenario may make, each put back afterwards by the scenario. */
export const WRITE_ROUTES: readonly RouteName[] = ["saveDns", "saveLock", "saveNameservers"];
/** POST routes that change nothing the user owns: a registry sync only refreshes what the account knows. */
export const SYNC_ROUTES: readonly RouteName[] = ["sync"];

export class ContractGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContractGuardError";
  }
}

/** What the wrapper needs of the product's client (the real one, or a recorder in the guard's own test). */
export type InnerClient = Pick<DomainsResellerClient, "call" | "callRaw">;

export interface GuardOptions {
  /** The one domain writes and syncs may touch. */
  testDomain: string;
  /** Whether the write scenarios are allowed (DOMAINSRESELLER_LIVE_WRITES=1, or always on the emulator). */
  writes: boolean;
}

export interface LastCall {
  route: RouteName;
  params: unknown;
}

export class ContractClient {
  readonly #inner: InnerClient;
  readonly #testDomain: string;
  readonly #writes: boolean;
  #last: LastCall | undefined;

  constructor(inner: InnerClient, options: GuardOptions) {
    this.#inner = inner;
    this.#testDomain = normalizeDomain(options.testDomain);
    if (!this.#testDomain.includes(".")) throw new ContractGuardError(`the test domain "${options.testDomain}" is not a domain name`);
    this.#writes = options.writes;
  }

  get testDomain(): string {
    return this.#testDomain;
  }

  get writes(): boolean {
    return this.#writes;
  }

  /** The last call let through, for a failure report (which route, which parameters). */
  get lastCall(): LastCall | undefined {
    return this.#last;
  }

  async call<R extends RouteName>(route: R, params: RouteParams<R>): Promise<RouteResult<R>> {
    this.#check(route, params);
    this.#last = { route, params };
    return this.#inner.call(route, params);
  }

  /** The body as the server sent it, for a report when the typed result could not be built. Reads only. */
  async raw<R extends RouteName>(route: R, params: RouteParams<R>): Promise<unknown> {
    this.#check(route, params);
    if (routes[route].safety !== "read") throw new ContractGuardError(`${route}: only reads are re-sent to show their raw body`);
    return this.#inner.callRaw(route, params);
  }

  #check(route: RouteName, params: unknown): void {
    // A name outside the table would reach the client as "unknown route"; refuse it here so the
    // checks below can rely on routes[route].
    if (!Object.prototype.hasOwnProperty.call(routes, route)) throw new ContractGuardError(`"${String(route)}" is not a route of the client`);
    if (ORDER_ROUTES.includes(route)) {
      throw new ContractGuardError(`${route}: the contract suite never orders, renews, transfers or releases a domain (refused before sending)`);
    }
    const def = routes[route];
    if (def.safety === "once") throw new ContractGuardError(`${route}: a route that may bill or cannot be undone is not part of the contract suite (refused before sending)`);
    if (def.safety === "read") return;
    const isWrite = WRITE_ROUTES.includes(route);
    if (!isWrite && !SYNC_ROUTES.includes(route)) throw new ContractGuardError(`${route}: not a route the contract suite uses (refused before sending)`);
    if (isWrite && !this.#writes) throw new ContractGuardError(`${route}: writes are off; set DOMAINSRESELLER_LIVE_WRITES=1 to allow the restoring write scenarios on the test domain`);
    const raw = (params as { domain?: unknown } | null)?.domain;
    const domain = typeof raw === "string" ? normalizeDomain(raw) : "";
    if (domain !== this.#testDomain) throw new ContractGuardError(`${route}: only the test domain ${this.#testDomain} may be changed or synced, not "${String(raw)}"`);
  }
}
