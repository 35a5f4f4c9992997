// Client options, their defaults, and their validation. Bad options fail at construction with a
// `configuration` error naming the option, before any request; zero never silently means "default".
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { DomainsResellerError, describe } from "./errors";
import type { Pacing } from "./limiter";
import { defaultUserAgent } from "./version";

export interface ClientOptions {
  /** API base, e.g. https://host/modules/addons/DomainsReseller/api/index.php (http only on loopback). */
  endpoint: string;
  /** The reseller's WHMCS client e-mail. */
  username: string;
  /** The API key issued by the provider. Never logged, never put on an error. */
  apiKey: string;
  userAgent?: string;
  /** TCP/TLS connect timeout. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Wait for response headers, and between body chunks. Default 60 000 ms (registrar calls can be slow). */
  requestTimeoutMs?: number;
  /** Requests in flight at once. Default 4. */
  maxConcurrency?: number;
  /**
   * A fixed budget, for an account whose limit you know: requests (retries included) in any
   * sliding 60 s window, each counted from its start until 60 s after its answer. `Infinity`
   * disables pacing. Unset (the default): adaptive pacing, which learns the server's limit from
   * its answers (docs/client.md, "Pacing").
   */
  requestsPerMinute?: number;
  /** Adaptive pacing: the rate it starts from, per minute. Default 120. Not with requestsPerMinute. */
  initialRequestsPerMinute?: number;
  /** Adaptive pacing: the rate it never exceeds, per minute. Default 3000. Not with requestsPerMinute. */
  maxRequestsPerMinute?: number;
  /** Retries of retryable calls after the first attempt. Default 3. */
  maxRetries?: number;
  /** Injected time source (tests). Default: the system clock. */
  clock?: Clock;
  /** Injected randomness for backoff jitter (tests). Default Math.random. */
  random?: () => number;
  /** Receives one line per attempt and per retry decision; lines never contain credentials. */
  logger?: (line: string) => void;
  /** Sees each request as sent, with the token replaced by "[redacted]" (for `call --verbose`). */
  onRequest?: (request: TracedRequest) => void;
}

export interface TracedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface ResolvedOptions {
  endpoint: string;
  username: string;
  userAgent: string;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  maxConcurrency: number;
  pacing: Pacing;
  maxRetries: number;
  clock: Clock;
  random: () => number;
  logger: ((line: string) => void) | undefined;
  onRequest: ((request: TracedRequest) => void) | undefined;
}

// requestsPerMinute has no default: leaving it out is what selects adaptive pacing.
export const DEFAULTS = { connectTimeoutMs: 10_000, requestTimeoutMs: 60_000, maxConcurrency: 4, initialRequestsPerMinute: 120, maxRequestsPerMinute: 3000, maxRetries: 3 } as const;

function bad(option: string, rule: string): never {
  throw new DomainsResellerError("configuration", describe("configuration", `option ${option} ${rule}`, undefined, undefined, `set ${option} to a valid value or leave it out for the default`));
}

function positive(name: string, value: number | undefined, fallback: number, opts: { integer?: boolean; min?: number; infinite?: boolean } = {}): number {
  if (value === undefined) return fallback;
  const min = opts.min ?? 1;
  if (typeof value !== "number" || Number.isNaN(value) || value < min) bad(name, `must be a number ≥ ${min} (got ${String(value)})`);
  if (!Number.isFinite(value) && !opts.infinite) bad(name, "must be finite");
  if (opts.integer && Number.isFinite(value) && !Number.isInteger(value)) bad(name, "must be a whole number");
  return value;
}

export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (typeof options.username !== "string" || options.username.trim() === "") {
    bad("username", "is missing (the reseller's WHMCS e-mail; stack config domainsreseller:username or env DOMAINSRESELLER_USERNAME)");
  }
  if (typeof options.apiKey !== "string" || options.apiKey === "") {
    bad("apiKey", "is missing (stack config domainsreseller:apiKey or env DOMAINSRESELLER_API_KEY)");
  }
  if (typeof options.endpoint !== "string" || options.endpoint === "") bad("endpoint", "is missing (stack config domainsreseller:endpoint or env DOMAINSRESELLER_ENDPOINT)");
  return {
    endpoint: options.endpoint,
    username: options.username.trim(),
    userAgent: options.userAgent ?? defaultUserAgent(),
    connectTimeoutMs: positive("connectTimeoutMs", options.connectTimeoutMs, DEFAULTS.connectTimeoutMs),
    requestTimeoutMs: positive("requestTimeoutMs", options.requestTimeoutMs, DEFAULTS.requestTimeoutMs),
    maxConcurrency: positive("maxConcurrency", options.maxConcurrency, DEFAULTS.maxConcurrency, { integer: true }),
    pacing: pacingOf(options),
    maxRetries: positive("maxRetries", options.maxRetries, DEFAULTS.maxRetries, { integer: true, min: 0 }),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    logger: options.logger,
    onRequest: options.onRequest,
  };
}

/** Fixed when requestsPerMinute is set; adaptive otherwise. Both at once would leave one of them silently ignored. */
function pacingOf(options: ClientOptions): Pacing {
  if (options.requestsPerMinute !== undefined) {
    for (const name of ["initialRequestsPerMinute", "maxRequestsPerMinute"] as const) {
      if (options[name] !== undefined) bad(name, "applies only to adaptive pacing, which requestsPerMinute turns off (set one or the other)");
    }
    return positive("requestsPerMinute", options.requestsPerMinute, 0, { infinite: true });
  }
  const maxRequestsPerMinute = positive("maxRequestsPerMinute", options.maxRequestsPerMinute, DEFAULTS.maxRequestsPerMinute);
  const initial = options.initialRequestsPerMinute ?? Math.min(DEFAULTS.initialRequestsPerMinute, maxRequestsPerMinute);
  const initialRequestsPerMinute = positive("initialRequestsPerMinute", initial, DEFAULTS.initialRequestsPerMinute);
  if (initialRequestsPerMinute > maxRequestsPerMinute) bad("initialRequestsPerMinute", `must not exceed maxRequestsPerMinute (${maxRequestsPerMinute}; got ${initialRequestsPerMinute})`);
  return { initialRequestsPerMinute, maxRequestsPerMinute };
}
