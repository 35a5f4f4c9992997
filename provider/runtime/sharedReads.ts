// Reads shared per domain for the length of a run. A refresh reads every resource of a domain, and
// several kinds read the same route (`information`, the DNS list); the preview's check then reads
// the zone again. Inside one provider process (one Pulumi command) a read of a route is answered
// once and shared by every refresh and check that asks for it, until anything writes to that
// domain. Applying (create, update, delete) never takes a shared answer: it judges the account as
// it is, reads it fresh, and leaves what it read for the others.
import { routes, type DomainsResellerClient, type RouteName, type RouteParams, type RouteResult } from "../client";

/**
 * What a kind needs of the API: the client, or a view of it that shares reads. `account` is the
 * same object for every view of one client, for bookkeeping per account (runtime/zone.ts).
 */
export type ApiClient = Pick<DomainsResellerClient, "call" | "serverNow"> & { readonly account?: object };

/** The identity of the account behind a client or any of its views. */
export const accountOf = (client: ApiClient): object => client.account ?? client;

/** Moved on by forgetSharedReads: answers of an earlier epoch are not shared. */
let epoch = 0;

interface Entry {
  epoch: number;
  generation: number;
  answer: Promise<unknown>;
}

/**
 * The shared answers of one client (one account), by domain, and a generation per domain that
 * every write moves on. Held by domain so a write forgets its domain's answers without walking
 * the whole portfolio's (at 1,000 domains that walk, twice per write, was about a seventh of the
 * provider's CPU in a destroy: 7.0 s before, 6.0 s after).
 */
class ReadCache {
  private readonly byDomain = new Map<string, Map<string, Entry>>();
  private readonly generations = new Map<string, number>();
  hits = 0;

  generation(domain: string): number {
    return this.generations.get(domain) ?? 0;
  }

  get(domain: string, key: string): Entry | undefined {
    return this.byDomain.get(domain)?.get(key);
  }

  set(domain: string, key: string, entry: Entry): void {
    let answers = this.byDomain.get(domain);
    if (!answers) this.byDomain.set(domain, (answers = new Map()));
    answers.set(key, entry);
  }

  /** Forgets `entry` if it is still the answer held for `key`. */
  drop(domain: string, key: string, entry: Entry): void {
    const answers = this.byDomain.get(domain);
    if (answers?.get(key) === entry) answers.delete(key);
  }

  /** A write to `domain` started or ended: every answer read before it is stale. */
  invalidate(domain: string): void {
    this.generations.set(domain, this.generation(domain) + 1);
    this.byDomain.delete(domain);
  }
}

const caches = new WeakMap<DomainsResellerClient, ReadCache>();
const views = new WeakMap<DomainsResellerClient, { shared: ApiClient; fresh: ApiClient }>();

const domainOf = (params: unknown): string => {
  const domain = (params as { domain?: unknown } | null)?.domain;
  return typeof domain === "string" ? domain.toLowerCase() : "";
};

const isRead = (route: RouteName): boolean => routes[route].method === "GET";

/**
 * POST routes that change nothing in the account: the searches, and the domain syncs, which only
 * ask the registry for its view (the registry's answer is the sync's own result). They neither
 * share an answer nor make the domain's answers stale.
 */
const LOOKS_ONLY = new Set<RouteName>(["lookup", "suggestions", "sync", "transferSync"]);

function view(client: DomainsResellerClient, cache: ReadCache, share: boolean): ApiClient {
  return {
    account: client,
    serverNow: () => client.serverNow(),
    async call<R extends RouteName>(route: R, params: RouteParams<R>): Promise<RouteResult<R>> {
      const domain = domainOf(params);
      if (LOOKS_ONLY.has(route)) return client.call(route, params);
      if (!isRead(route)) {
        cache.invalidate(domain);
        try {
          return await client.call(route, params);
        } finally {
          cache.invalidate(domain);
        }
      }
      // The client reads a domain in any case as the same name; so does the key.
      const key = `${route}\n${JSON.stringify(domain === "" ? params : { ...params, domain })}`;
      const generation = cache.generation(domain);
      const held = cache.get(domain, key);
      if (share && held && held.generation === generation && held.epoch === epoch) {
        cache.hits += 1;
        return (await held.answer) as RouteResult<R>;
      }
      const answer = client.call(route, params);
      const entry = { epoch, generation, answer };
      cache.set(domain, key, entry);
      // A failed read is not an answer to share; one that a write overtook is stale.
      answer.then(
        () => {
          if (cache.generation(domain) !== generation) cache.drop(domain, key, entry);
        },
        () => cache.drop(domain, key, entry),
      );
      return answer;
    },
  };
}

/** The two views of `client`: `shared` for refresh and check, `fresh` for applying. Stable per client. */
export function readViews(client: DomainsResellerClient): { shared: ApiClient; fresh: ApiClient } {
  let pair = views.get(client);
  if (!pair) {
    const cache = new ReadCache();
    caches.set(client, cache);
    pair = { shared: view(client, cache, true), fresh: view(client, cache, false) };
    views.set(client, pair);
  }
  return pair;
}

/** How many reads were answered from the shared cache (for tests and benchmarks). */
export const sharedReadHits = (client: DomainsResellerClient): number => caches.get(client)?.hits ?? 0;

/**
 * Forgets every shared answer, as a new provider process would. A provider process lives for one
 * Pulumi command; tests that play several commands in one process call this between them.
 */
export function forgetSharedReads(): void {
  epoch += 1;
}
