// Request signing. token = base64(lowercase hex(HMAC-SHA256(key = "email:yy-mm-dd HH", data = API key))),
// the hour taken in UTC from the same instant that goes into the `timestamp` header.
// Checked against vectors/token.json (PHP hash_hmac + gmdate).
import { createHash, createHmac } from "node:crypto";
import type { Clock } from "./clock";

const HOUR_MS = 3_600_000;
/** Beyond this disagreement with the server's Date header we sign with the server's time. */
export const MAX_SKEW_MS = 30_000;
/** An auth failure this close to an hour boundary may be a token from the wrong hour. */
export const BOUNDARY_WINDOW_MS = 10_000;

const two = (n: number): string => String(n).padStart(2, "0");

/** PHP gmdate("y-m-d H", seconds). */
export function hourStamp(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  return `${two(d.getUTCFullYear() % 100)}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}`;
}

export function signToken(email: string, apiKey: string, unixSeconds: number): string {
  const hex = createHmac("sha256", `${email}:${hourStamp(unixSeconds)}`).update(apiKey, "utf8").digest("hex");
  return Buffer.from(hex, "utf8").toString("base64");
}

// One cache for the process, keyed by a hash of the credential: every client holding the same
// credential (the provider may build several with different tuning) shares one HMAC per hour.
// Module-private, so no object a caller can inspect holds it.
const sharedTokens = new Map<string, { hour: number; token: string }>();

export interface SignedHeaders {
  username: string;
  token: string;
  timestamp: string;
}

/**
 * Signs for one credential. The HMAC is computed at most once per credential per UTC hour (each
 * computation counted in `tokensComputed` of the signer that made it), and the clock is corrected
 * when the server's Date header says ours is off. The key and tokens live in private fields.
 */
export class Signer {
  #apiKey: string;
  #cacheKey: string;
  #recentTokens: string[] = [];
  #offsetMs = 0;
  #lastDate: { header: string; ms: number } | undefined;
  tokensComputed = 0;

  constructor(
    readonly username: string,
    apiKey: string,
    private readonly clock: Clock,
  ) {
    this.#apiKey = apiKey;
    this.#cacheKey = createHash("sha256").update(`${username}\0${apiKey}`).digest("hex");
  }

  /** Server time as far as we know it (local clock plus any correction learnt from Date headers). */
  nowMs(): number {
    return this.clock.now() + this.#offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Headers for the instant `atMs` (corrected time); defaults to now. */
  headers(atMs = this.nowMs()): SignedHeaders {
    const seconds = Math.floor(atMs / 1000);
    const hour = Math.floor(atMs / HOUR_MS);
    let cached = sharedTokens.get(this.#cacheKey);
    if (cached?.hour !== hour) {
      cached = { hour, token: signToken(this.username, this.#apiKey, seconds) };
      sharedTokens.set(this.#cacheKey, cached);
      this.tokensComputed += 1;
    }
    if (this.#recentTokens[0] !== cached.token) this.#recentTokens = [cached.token, ...this.#recentTokens].slice(0, 4);
    return { username: this.username, token: cached.token, timestamp: String(seconds) };
  }

  /**
   * For one retry after an auth failure near an hour boundary: sign for the other side of the
   * nearest boundary, because the server's hour evidently differs from ours. Returns undefined
   * when `atMs` is not within BOUNDARY_WINDOW_MS of a boundary.
   */
  headersAcrossBoundary(atMs: number): SignedHeaders | undefined {
    const intoHour = ((atMs % HOUR_MS) + HOUR_MS) % HOUR_MS;
    if (intoHour < BOUNDARY_WINDOW_MS) return this.headers(atMs - intoHour - 1000);
    if (HOUR_MS - intoHour <= BOUNDARY_WINDOW_MS) return this.headers(atMs - intoHour + HOUR_MS);
    return undefined;
  }

  /** Learns the server's clock from a Date header received at local time `receivedAtMs`. */
  observeServerDate(dateHeader: string | undefined, receivedAtMs: number): void {
    if (!dateHeader) return;
    // Date changes once a second; parsing it on every response is measurable, so remember the last one.
    if (this.#lastDate?.header !== dateHeader) this.#lastDate = { header: dateHeader, ms: Date.parse(dateHeader) };
    const serverMs = this.#lastDate.ms;
    if (Number.isNaN(serverMs)) return;
    // Date has one-second resolution; compare against the middle of that second.
    const skew = serverMs + 500 - receivedAtMs;
    if (Math.abs(skew - this.#offsetMs) > MAX_SKEW_MS) this.#offsetMs = skew;
  }

  /** Every secret this signer knows, for scrubbing text that leaves the client. */
  secrets(): string[] {
    return [this.#apiKey, ...this.#recentTokens];
  }
}
