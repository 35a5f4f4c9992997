// The client: validate params → build the request → (pace → sign → send → interpret) with retries
// → validate and normalize the response. Each step lives in its own module; this file only
// sequences them and owns the retry decision, because that depends on the route's safety.
import { interpret, networkFailure, type CallContext } from "./classify";
import { fillPath, parseEndpoint, pathParamsOf } from "./endpoint";
import { DomainsResellerError, describe, scrub } from "./errors";
import { Limiter, PacingPaused, type Release } from "./limiter";
import { resolveOptions, type ClientOptions, type ResolvedOptions } from "./options";
import { buildForm, type FormValue } from "./php-form";
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from "./retry";
import { routes, isRouteName, type RouteDef, type RouteName, type RouteParams, type RouteResult } from "./routes";
import { Signer, type SignedHeaders } from "./sign";
import { headerOf, Transport, type WireRequest } from "./transport";
import { validationError } from "./validation";

export interface ClientStats {
  /** HMACs computed (at most one per UTC hour per client while the clock is steady). */
  tokensComputed: number;
  /** Requests handed to the network, including retries. */
  requestsSent: number;
  retries: number;
  /** HTTP 429 answers received. */
  rateLimited: number;
  /** The pacing rate now: the fixed requestsPerMinute, or the adaptive rate learnt so far (Infinity: pacing off). */
  requestsPerMinute: number;
}

export class DomainsResellerClient {
  readonly #options: ResolvedOptions;
  readonly #signer: Signer;
  readonly #limiter: Limiter;
  readonly #transport: Transport;
  readonly #basePath: string;
  readonly #origin: string;
  #requestsSent = 0;
  #closed = false;
  #retries = 0;

  constructor(options: ClientOptions) {
    this.#options = resolveOptions(options);
    const endpoint = parseEndpoint(this.#options.endpoint);
    this.#basePath = endpoint.basePath;
    this.#origin = endpoint.origin;
    this.#signer = new Signer(this.#options.username, options.apiKey, this.#options.clock);
    this.#limiter = new Limiter(this.#options.maxConcurrency, this.#options.pacing, this.#options.clock);
    this.#transport = new Transport(endpoint.origin, {
      connectTimeoutMs: this.#options.connectTimeoutMs,
      requestTimeoutMs: this.#options.requestTimeoutMs,
      connections: this.#options.maxConcurrency,
    });
  }

  get stats(): ClientStats {
    return { tokensComputed: this.#signer.tokensComputed, requestsSent: this.#requestsSent, retries: this.#retries, rateLimited: this.#limiter.rateLimited, requestsPerMinute: this.#limiter.requestsPerMinute };
  }

  /**
   * The time by the server's clock as far as this client knows it (local time plus the offset
   * learnt from responses' Date headers once it exceeds 30 s). Decisions that depend on the
   * registrar's calendar, such as whether a renewal is due, use this rather than the local clock.
   */
  serverNow(): Date {
    return new Date(this.#signer.nowMs());
  }

  /** Validates `params`, sends the route, and returns its normalized result (see docs/client.md). */
  async call<R extends RouteName>(route: R, params: RouteParams<R>): Promise<RouteResult<R>> {
    const { def, domain, json } = await this.#run(route, params);
    const result = def.response.safeParse(json);
    if (!result.success) {
      const where = result.error.issues[0]?.path.join(".") || "(body)";
      throw new DomainsResellerError("protocol", describe("protocol", `the response does not have the documented shape (at ${where}: ${result.error.issues[0]?.message ?? "invalid"})`, route, domain), { route, domain });
    }
    return result.data as RouteResult<R>;
  }

  /** Like call(), but returns the decoded JSON body as the server sent it (for `domainsreseller call`). */
  async callRaw<R extends RouteName>(route: R, params: RouteParams<R>): Promise<unknown> {
    return (await this.#run(route, params)).json;
  }

  async #run(route: RouteName, params: unknown): Promise<{ def: RouteDef; domain: string | undefined; json: unknown }> {
    if (!isRouteName(route)) {
      throw new DomainsResellerError("configuration", describe("configuration", `unknown route "${String(route)}"`, undefined, undefined, `use one of: ${Object.keys(routes).join(", ")}`));
    }
    if (this.#closed) throw new DomainsResellerError("configuration", describe("configuration", "the client was closed", route, undefined, "create a new client; close() is for shutdown"), { route });
    const def = routes[route] as unknown as RouteDef;
    const parsed = def.params.safeParse(params);
    if (!parsed.success) throw validationError(route, params, parsed.error, Object.keys((def.params as { shape?: object }).shape ?? {}));
    const data = parsed.data as Record<string, unknown>;
    const domain = typeof data["domain"] === "string" ? data["domain"] : typeof data["searchTerm"] === "string" ? data["searchTerm"] : undefined;
    const ctx: CallContext = { route, domain, safety: def.safety, secrets: secretParams(data) };
    const request = this.#buildRequest(def, data);
    return { def, domain, json: await this.#exchange(ctx, request) };
  }

  /** Closes idle keep-alive connections after in-flight requests finish; later calls fail. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#transport.close();
  }

  #buildRequest(def: RouteDef, data: Record<string, unknown>): Omit<WireRequest, "headers"> {
    const wire = def.wire ? def.wire(data) : (data as Record<string, FormValue>);
    const inPath = pathParamsOf(def.path);
    const path = this.#basePath + fillPath(def.path, wire);
    if (def.method === "GET") {
      // GET carries no body; what the path does not hold goes in the query (e.g. orderPricing's domain).
      const rest = Object.fromEntries(Object.entries(wire).filter(([k]) => !inPath.includes(k)));
      const query = buildForm(rest);
      return { method: "GET", path: query ? `${path}?${query}` : path };
    }
    // POST bodies repeat `domain` even though it is in the path, as the official client does.
    const rest = Object.fromEntries(Object.entries(wire).filter(([k]) => k === "domain" || !inPath.includes(k)));
    return { method: "POST", path, body: buildForm(rest) };
  }

  #headers(signed: SignedHeaders, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { username: signed.username, token: signed.token, timestamp: signed.timestamp, "user-agent": this.#options.userAgent, accept: "application/json" };
    if (hasBody) headers["content-type"] = "application/x-www-form-urlencoded";
    return headers;
  }

  #log(line: string): void {
    this.#options.logger?.(scrub(line, this.#signer.secrets()));
  }

  async #exchange(ctx: CallContext, request: Omit<WireRequest, "headers">): Promise<unknown> {
    let attempt = 0;
    let authRetried = false;
    let override: SignedHeaders | undefined;
    for (;;) {
      let signedAt = this.#signer.nowMs();
      const offsetBefore = this.#signer.offsetMs;
      const fixed = override;
      // Signed when the request leaves, not when it starts to wait for pacing: a long queue would
      // otherwise send tokens and timestamps minutes old (the server allows a minute of skew).
      const sign = () => {
        signedAt = this.#signer.nowMs();
        return fixed ?? this.#signer.headers(signedAt);
      };
      const outcome = await this.#attempt(ctx, request, sign, attempt);
      override = undefined;
      if (outcome.ok) return outcome.json;
      const { error, sent, retryAfterMs } = outcome;
      // An HTTP 401 proves the server refused the token before doing anything. If our hour or our
      // clock was the cause, one fresh signature fixes it. Never for a `once` route: re-sending an
      // order rests on trusting that whatever answered 401 ran nothing, and a rerun costs less
      // than a second charge. A 403 or a 2xx body with auth-like words proves nothing: not retried.
      if (error.code === "authentication" && error.status === 401 && ctx.safety !== "once" && !authRetried) {
        authRetried = true;
        override = this.#signer.offsetMs !== offsetBefore ? this.#signer.headers() : this.#signer.headersAcrossBoundary(signedAt);
        if (override) {
          this.#log(`${ctx.route}: authentication failed near an hour boundary or with a corrected clock; retrying once with a fresh token`);
          continue;
        }
      }
      const retryable = error.code === "transient" || error.code === "rate_limited";
      if (!retryable || (retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS || !this.#mayRetry(ctx, attempt, sent)) throw error;
      await this.#pause(ctx, attempt, error, retryAfterMs);
      attempt += 1;
    }
  }

  async #attempt(
    ctx: CallContext,
    request: Omit<WireRequest, "headers">,
    sign: () => SignedHeaders,
    attempt: number,
  ): Promise<{ ok: true; json: unknown } | { ok: false; error: DomainsResellerError; sent: boolean; retryAfterMs?: number | undefined }> {
    const { clock } = this.#options;
    let release: Release;
    try {
      release = await this.#limiter.acquire();
    } catch (thrown) {
      if (!(thrown instanceof PacingPaused)) throw thrown;
      // An earlier answer's Retry-After holds the whole account longer than we wait inside a call.
      const seconds = Math.ceil(thrown.waitMs / 1000);
      const what = `the API asked this account to wait ${seconds} s (Retry-After on an earlier answer); this request was not sent`;
      const error = new DomainsResellerError("rate_limited", describe("rate_limited", what, ctx.route, ctx.domain), { route: ctx.route, domain: ctx.domain, retryAfterSeconds: seconds });
      return { ok: false, error, sent: false, retryAfterMs: thrown.waitMs };
    }
    const signed = sign(); // before the secrets are gathered: this attempt's token is one of them
    const started = clock.now();
    const line = `${request.method} ${request.path.split("?")[0]}`;
    // The request's own secrets (an EPP code) stay; the signer's (key, token) are this attempt's.
    const own = ctx.secrets.filter((secret) => !this.#signer.secrets().includes(secret));
    ctx.secrets = [...this.#signer.secrets(), ...own];
    this.#requestsSent += 1;
    const headers = this.#headers(signed, request.body !== undefined);
    const body = request.body === undefined ? undefined : scrub(request.body, ctx.secrets);
    this.#options.onRequest?.({ method: request.method, url: this.#origin + request.path, headers: { ...headers, token: "[redacted]" }, body });
    let response;
    let retryAfterMs: number | undefined;
    try {
      response = await this.#transport.send({ ...request, headers });
      retryAfterMs = parseRetryAfter(headerOf(response, "retry-after"), clock.now());
      // Pacing learns from every answer (a 429 or 503 and its Retry-After slow all later requests).
      release({ status: response.status, retryAfterMs });
    } catch (thrown) {
      const { error, sent } = networkFailure(ctx, thrown);
      this.#log(`${line} -> ${error.code} (${clock.now() - started} ms, attempt ${attempt + 1})`);
      return { ok: false, error, sent };
    } finally {
      release();
    }
    this.#signer.observeServerDate(headerOf(response, "date"), clock.now());
    this.#log(`${line} -> ${response.status} (${clock.now() - started} ms, attempt ${attempt + 1})`);
    try {
      return { ok: true, json: interpret(ctx, response, retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000)) };
    } catch (error) {
      return { ok: false, error: error as DomainsResellerError, sent: true, retryAfterMs };
    }
  }

  /** Reads and idempotent writes retry; `once` routes retry only when the request provably never left. */
  #mayRetry(ctx: CallContext, attempt: number, sent: boolean): boolean {
    if (attempt >= this.#options.maxRetries) return false;
    return ctx.safety !== "once" || !sent;
  }

  async #pause(ctx: CallContext, attempt: number, error: DomainsResellerError, retryAfterMs: number | undefined): Promise<void> {
    const delay = Math.max(backoffDelay(attempt, this.#options.random), retryAfterMs ?? 0);
    this.#retries += 1;
    this.#log(`${ctx.route}: ${error.code}${error.status ? ` (HTTP ${error.status})` : ""}; retry ${attempt + 1} of ${this.#options.maxRetries} in ${delay} ms`);
    await this.#options.clock.sleep(delay);
  }
}

/** Parameters that are secrets of their own (an EPP code): scrubbed, as sent and form-encoded, from every error and log line. */
function secretParams(data: Record<string, unknown>): string[] {
  const epp = data["eppcode"];
  if (typeof epp !== "string" || epp.length < 4) return [];
  return [...new Set([epp, encodeURIComponent(epp), encodeURIComponent(epp).replace(/%20/g, "+")])];
}
