/**
 * The emulator as a function from request to response, with no socket (Hono's habit: test the
 * app without a port). Order of work per API call: route → count (and the admin request log) →
 * faults → auth → rate limit → parse → handler inside one SQLite transaction → JSON →
 * after-faults (which replace the committed answer). The node:http adapter (http/server.ts) only
 * moves bytes.
 */
import type { Store } from "./db/store";
import type { Runtime } from "./runtime";
import { ApiError, INTERNAL_ERROR, invalid } from "./errors";
import { signingTime, verifyToken } from "./auth/token";
import { parseStr } from "./php/parse-str";
import { Params } from "./routes/params";
import { matchRoute, type RouteMatch } from "./routes/table";
import { handleAdmin } from "./admin/handlers";
import { afterHandler, beforeHandler } from "./faults";
import { isAfterFault } from "./runtime";

export const API_BASE = "/modules/addons/DomainsReseller/api/index.php";

export interface ApiRequest {
  method: string;
  /** Path and query as received, e.g. "/modules/…/index.php/domains/a.com/dns?x=1". */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ApiResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** Drop the connection without an answer (the "reset" and "resetAfter" faults). */
  destroy?: boolean;
  /** Send nothing and drop the connection after this many ms (the "hangAfter" fault). */
  hangMs?: number;
  /** Route template (or path) for the request log; never contains credentials. */
  label: string;
}

export interface AppOptions {
  store: Store;
  runtime: Runtime;
  admin: boolean;
  transferDelaySeconds: number;
  log?: (line: string) => void;
}

const json = (status: number, value: unknown, label: string, headers?: Record<string, string>): ApiResponse => ({
  status,
  body: JSON.stringify(value),
  label,
  ...(headers ? { headers } : {}),
});

const header = (req: ApiRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createApp(opts: AppOptions): (req: ApiRequest) => Promise<ApiResponse> {
  return async (req) => {
    const q = req.url.indexOf("?");
    const path = normalisePath(q < 0 ? req.url : req.url.slice(0, q));
    const query = q < 0 ? "" : req.url.slice(q + 1);
    let label = `${req.method} ${path}`;
    try {
      if (path === "/__admin" || path.startsWith("/__admin/")) {
        if (!opts.admin) return json(404, { error: "Not found" }, label);
        return json(200, admin(opts, req, path), label);
      }
      if (!path.startsWith(`${API_BASE}/`)) return json(404, { error: "Not found" }, label);
      const segments = decodeSegments(path.slice(API_BASE.length + 1));
      const match = matchRoute(req.method, segments);
      if (!match) return json(404, { error: `Unknown API route: ${req.method} /${segments.join("/")}` }, label);
      const key = match.key;
      label = key;
      opts.runtime.count(key);
      // The request log is read only through the admin surface, so without it nothing is kept.
      if (!opts.admin) return await dispatch(opts, req, match, query, key);
      const log = opts.runtime.requests;
      const entry = log.begin(req.method, match.route.template, match.path.domain ?? null);
      const answer = await dispatch(opts, req, match, query, key).catch((error: unknown) => errorResponse(opts, error, key));
      log.end(entry, answer.destroy ? "reset" : answer.hangMs !== undefined ? "hang" : answer.status);
      return answer;
    } catch (error) {
      return errorResponse(opts, error, label);
    }
  };
}

/** A routed API request: its faults, then auth, parameters and the handler. */
async function dispatch(opts: AppOptions, req: ApiRequest, match: RouteMatch, query: string, label: string): Promise<ApiResponse> {
  const { delayMs, fault, hold } = opts.runtime.take(label);
  if (hold) await hold;
  if (delayMs > 0) await sleep(delayMs);
  if (fault && !isAfterFault(fault)) return { ...beforeHandler(fault), label };
  let answer = serve(opts, req, match, query, label);
  // No answer before what it wrote or read is committed: the turn's requests commit together
  // (db/store.ts, inTurn); if that commit fails, none of them changed anything.
  const pending = opts.store.pendingCommit();
  const failed = pending === undefined ? undefined : await pending;
  if (failed !== undefined) answer = errorResponse(opts, failed, label);
  // The handler has committed (or refused); an after-fault now loses or spoils its answer.
  return fault ? { ...afterHandler(fault), label } : answer;
}

/** Auth, parameters and the handler (in one transaction for a mutation) → the answer. */
function serve(opts: AppOptions, req: ApiRequest, match: RouteMatch, query: string, label: string): ApiResponse {
  try {
    const now = opts.runtime.now();
    const username = (header(req, "username") ?? "").trim();
    const account = username ? opts.store.account(username) : undefined;
    const token = (header(req, "token") ?? "").trim();
    if (!verifyToken(username, account?.apiKey, token, signingTime(now, header(req, "timestamp"))) || !account) {
      return json(401, { error: "Invalid username or token" }, label);
    }
    // The account's rate limit (behaviour.ts), after auth so nobody can spend another's quota.
    const retryAfter = opts.runtime.behaviour.admit(account.email);
    if (retryAfter !== undefined) {
      opts.runtime.count("429");
      return json(429, { error: "Too many requests" }, label, { "retry-after": String(retryAfter) });
    }
    const params = new Params({ ...(query === "" ? {} : parseStr(query, "query")), ...parseBody(req) });
    const run = () => match.route.handler({ store: opts.store, account, params, path: match.path, now, transferDelaySeconds: opts.transferDelaySeconds, behaviour: opts.runtime.behaviour });
    // Mutations run atomically, each in its savepoint of the turn's transaction (a failure
    // changes nothing). GET handlers only read, and better-sqlite3 is synchronous, so no write
    // can interleave between their reads: a savepoint would add cost and no isolation.
    const result = match.route.method === "GET" ? run() : opts.store.inTurn(run);
    return json(200, result, label);
  } catch (error) {
    return errorResponse(opts, error, label);
  }
}

function errorResponse(opts: AppOptions, error: unknown, label: string): ApiResponse {
  if (error instanceof ApiError) return json(error.status, { error: error.message }, label);
  opts.log?.(`internal error on ${label}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return json(500, { error: INTERNAL_ERROR }, label);
}

/** Collapses "//" (clients that join base and "/action" naively send them), drops a trailing "/". */
function normalisePath(raw: string): string {
  // Most paths need neither: skip both regexes then.
  if (!raw.includes("//") && !raw.endsWith("/")) return raw;
  return raw.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
}

function decodeSegments(rest: string): string[] {
  return rest
    .split("/")
    .filter(Boolean)
    .map((s) => {
      if (!s.includes("%")) return s; // nothing to decode (the usual case)
      try {
        return decodeURIComponent(s);
      } catch {
        throw invalid(`path segment "${s}" has invalid percent-encoding`);
      }
    });
}

/** Form bodies only: the addon reads PHP's $_POST, which never holds a JSON body (reference §2.3). */
function parseBody(req: ApiRequest): ReturnType<typeof parseStr> {
  if (req.body === "") return {};
  const type = (header(req, "content-type") ?? "").toLowerCase();
  if (type.includes("json")) throw invalid("body: JSON is not accepted; send application/x-www-form-urlencoded");
  return parseStr(req.body);
}

function admin(opts: AppOptions, req: ApiRequest, path: string): unknown {
  let body: unknown;
  if (req.body.trim() !== "") {
    try {
      body = JSON.parse(req.body);
    } catch {
      throw invalid("body: not valid JSON");
    }
  }
  const segments = decodeSegments(path).slice(1);
  return opts.store.transaction(() => handleAdmin({ store: opts.store, runtime: opts.runtime }, req.method, segments, body));
}
