// Client-side pacing: at most `maxConcurrency` requests in flight, and a rate of request starts
// (retries included) that is either fixed by the user or learnt from the server's answers.
//
// The API documents no rate limit and every reseller's server sets its own, so no fixed default
// fits: a guess holds a generous reseller back and hammers a strict one. A user who knows the
// account's limit sets `requestsPerMinute` (a sliding 60 s window); otherwise the limiter adapts
// (docs/client.md, "Pacing"):
//
// - probing: from the start rate the rate grows by 1/16 per good answer to a request that had to
//   wait for pacing (so it grows only while pacing is what holds the caller back), up to a ceiling;
// - a 429 or 503 cuts it multiplicatively, and a 429 also to just under the rate the server has
//   been accepting (the good answers of the last minute, over that minute plus the Retry-After);
//   once per episode, and probing is over;
// - after a cut it recovers additively, and a sliding 60 s window at the rate keeps a burst after a
//   quiet spell from putting more in one minute than the rate;
// - in both modes a Retry-After on a 429 or 503 holds every request of this limiter until it has
//   passed, never sooner: it speaks for the account, not just for the request that got it.
import type { Clock } from "./clock";
import { MAX_RETRY_AFTER_MS } from "./retry";

const WINDOW_MS = 60_000;

/** The adaptive pacer's constants (docs/client.md explains each). */
export const ADAPTIVE = {
  /** Multiplicative cut on a 429 or 503. */
  decrease: 0.9,
  /** A 429 also cuts to this share of the rate the server was just accepting. */
  estimateMargin: 0.95,
  /** Growth per paced good answer while probing (doubles in ~11 answers, as slow start does). */
  probeGrowth: 1 / 16,
  /** After a cut: growth per minute of paced good answers, as a share of max(rate after the cut, start rate). */
  recoveryPerMinute: 0.025,
  /** Requests per minute the rate never goes below, however many 429s. */
  minRequestsPerMinute: 1,
} as const;

/** What came back for one request, as far as pacing cares. */
export interface PacingAnswer {
  status: number;
  retryAfterMs?: number | undefined;
}

/**
 * Ends a request: frees its concurrency slot and, when an answer came back, lets pacing learn from
 * it. Without an answer (a network failure) nothing is learnt: a failure proves no rate either way.
 */
export type Release = (answer?: PacingAnswer) => void;

export interface AdaptivePacing {
  initialRequestsPerMinute: number;
  maxRequestsPerMinute: number;
}

/** A number is a fixed budget per sliding minute (`Infinity`: no pacing at all); an object, adaptive pacing. */
export type Pacing = number | AdaptivePacing;

/**
 * Thrown by `acquire()` when an earlier answer's Retry-After holds this limiter for longer than
 * MAX_RETRY_AFTER_MS: waiting that long inside a call would look like a hang, so the caller gets
 * `rate_limited` at once instead, as for the request that received the Retry-After.
 */
export class PacingPaused extends Error {
  constructor(readonly waitMs: number) {
    super(`the server asked this account to wait ${Math.ceil(waitMs / 1000)} s`);
    this.name = "PacingPaused";
  }
}

interface Start {
  /** Order of starts: answers to requests sent before the last cut belong to its episode. */
  seq: number;
  at: number;
  /** It had to wait for the rate (not only for a Retry-After): pacing was what held it back. */
  paced: boolean;
}

// Float arithmetic on the token bucket must not turn "one token" into a 1e-12 ms wait.
const EPSILON = 1e-9;

export class Limiter {
  readonly #clock: Clock;
  readonly #fixed: number | undefined;
  readonly #adaptive: AdaptivePacing | undefined;
  #active = 0;
  #waiting: (() => void)[] = [];
  // The sliding window (fixed mode, and adaptive once probing is over). A request holds its place
  // from its start until 60 s after its answer: the server counts it at some instant in between,
  // so the window can never look fuller from the server's side than from ours, whatever the
  // latency. (Counting starts alone let a request sent 60.000 s after one that met a slow
  // connection reach a per-minute server before that one had left its window: a 429 at each
  // minute's boundary with the limit set exactly.)
  #inFlight = 0;
  /** When each paced request ended (answer or failure), in the order they ended. */
  #ends: number[] = [];
  #head = 0;
  #onRelease: (() => void)[] = [];
  #rateTurn: Promise<void> = Promise.resolve();
  #pausedUntil = -Infinity;
  #rateLimited = 0;
  #seq = 0;
  // Adaptive state.
  #rate: number;
  #probing = true;
  #tokens: number;
  #refilledAt: number;
  #cutSeq = 0;
  #slope = 0;
  /** Start times of requests that got a good answer, for the accepted-rate estimate. */
  #good: number[] = [];
  #goodHead = 0;

  constructor(
    readonly maxConcurrency: number,
    pacing: Pacing,
    clock: Clock,
  ) {
    this.#clock = clock;
    if (typeof pacing === "number") {
      this.#fixed = pacing;
      this.#rate = pacing;
      this.#tokens = 0;
    } else {
      this.#adaptive = pacing;
      this.#rate = pacing.initialRequestsPerMinute;
      // A minute's worth to start with: what the fixed default of 120 allowed at once, so a small
      // run is not slowed by spacing that nothing has shown to be needed.
      this.#tokens = this.#rate;
    }
    this.#refilledAt = clock.now();
  }

  /** Waits for a concurrency slot and a rate slot; call the returned function when the request ends. */
  async acquire(): Promise<Release> {
    if (this.#active >= this.maxConcurrency) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    let start: Start | undefined;
    try {
      if (this.#paced) start = await this.#rateSlot();
    } catch (error) {
      this.#release();
      throw error;
    }
    let released = false;
    return (answer) => {
      if (released) return;
      released = true;
      if (start) this.#ended();
      if (answer) this.#observe(start, answer);
      this.#release();
    };
  }

  /** Requests currently holding a slot (for tests and diagnostics). */
  get active(): number {
    return this.#active;
  }

  /** "fixed" (requestsPerMinute set), "adaptive", or "off" (requestsPerMinute: Infinity). */
  get mode(): "fixed" | "adaptive" | "off" {
    return this.#adaptive ? "adaptive" : this.#paced ? "fixed" : "off";
  }

  /** The rate of starts now: the fixed budget, or the adaptive rate as learnt so far. */
  get requestsPerMinute(): number {
    return this.#rate;
  }

  /** HTTP 429 answers seen. */
  get rateLimited(): number {
    return this.#rateLimited;
  }

  /** No request starts before this time (clock ms) because of a Retry-After; -Infinity when none. */
  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  get #paced(): boolean {
    return this.#adaptive !== undefined || Number.isFinite(this.#fixed);
  }

  #release(): void {
    // Hand the slot straight to the next waiter (FIFO), so #active stays counted.
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active -= 1;
  }

  // Rate slots are taken one caller at a time, so two waiters never wake for the same slot.
  #rateSlot(): Promise<Start> {
    const turn = this.#rateTurn.then(async () => {
      let paced = false;
      for (;;) {
        const now = this.#clock.now();
        const paused = this.#pausedUntil - now;
        if (paused > MAX_RETRY_AFTER_MS) throw new PacingPaused(paused);
        const rateWait = this.#rateWait(now);
        if (paused <= 0 && rateWait <= 0) return this.#take(now, paced);
        if (rateWait > paused) paced = true;
        if (rateWait === Infinity) {
          // The window is full of requests still on the wire: only an answer can start a slot's clock.
          await new Promise<void>((resolve) => this.#onRelease.push(resolve));
          continue;
        }
        // Whole milliseconds: a fraction can vanish when added to an epoch time in ms (the float's
        // resolution there is ~0.2 µs), and the loop would wake to the same instant for ever.
        await this.#clock.sleep(Math.ceil(Math.max(paused, rateWait)));
      }
    });
    this.#rateTurn = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** How long until the rate allows a start at `now` (≤ 0: now; Infinity: when a request ends). */
  #rateWait(now: number): number {
    this.#prune(now);
    let wait = 0;
    // Fixed: the budget. Adaptive: the rate, once a 429 or 503 has shown there is a limit; while
    // probing the window would cap the rate at what it already is and growth could never show.
    // Whole places: a budget of 1.5 a minute allows 1 in any 60 s, as "fewer than 1.5 held" did before.
    const cap = this.#adaptive ? (this.#probing ? Infinity : Math.max(1, Math.floor(this.#rate))) : Math.floor(this.#fixed as number);
    const ended = this.#ends.length - this.#head;
    const held = this.#inFlight + ended;
    if (held >= cap) {
      // Enough of the ended ones must leave (more than one after a cut lowered the cap); the ones
      // in flight leave no sooner than 60 s after they end.
      const leave = held - cap + 1;
      wait = leave <= ended ? (this.#ends[this.#head + leave - 1] as number) + WINDOW_MS - now : Infinity;
    }
    if (this.#adaptive) {
      this.#refill(now);
      if (this.#tokens < 1 - EPSILON) wait = Math.max(wait, ((1 - this.#tokens) * WINDOW_MS) / this.#rate);
    }
    return wait;
  }

  #take(now: number, paced: boolean): Start {
    this.#inFlight += 1;
    if (this.#adaptive) this.#tokens = Math.max(0, this.#tokens - 1);
    return { seq: this.#seq++, at: now, paced };
  }

  /** A paced request ended: its place in the window now runs out 60 s from here. */
  #ended(): void {
    this.#inFlight -= 1;
    this.#ends.push(this.#clock.now());
    for (const wake of this.#onRelease.splice(0)) wake();
  }

  #prune(now: number): void {
    while (this.#head < this.#ends.length && (this.#ends[this.#head] as number) <= now - WINDOW_MS) this.#head += 1;
    if (this.#head > 1024) {
      this.#ends = this.#ends.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Tokens accrue at the rate, up to a minute's worth, and never during a Retry-After pause. */
  #refill(now: number): void {
    if (now <= this.#refilledAt) return;
    this.#tokens = Math.min(Math.max(1, this.#rate), this.#tokens + ((now - this.#refilledAt) * this.#rate) / WINDOW_MS);
    this.#refilledAt = now;
  }

  #observe(start: Start | undefined, answer: PacingAnswer): void {
    const { status, retryAfterMs } = answer;
    if (status === 429) this.#rateLimited += 1;
    if (!start) return; // pacing is off
    const now = this.#clock.now();
    if (status === 429 || status === 503) {
      if (retryAfterMs !== undefined) this.#pause(now + retryAfterMs);
      if (this.#adaptive) this.#cut(start, now, status === 429 ? (retryAfterMs ?? 0) : undefined);
      return;
    }
    // Any other answer (a refusal and a 500 included) shows the server took the request in: the
    // rate was not the problem. Only paced requests grow the rate, so it follows what the caller
    // actually needed rather than climbing while the caller sends little.
    if (!this.#adaptive) return;
    this.#remember(start.at, now);
    if (!start.paced || start.seq < this.#cutSeq) return;
    const grown = this.#probing ? this.#rate * (1 + ADAPTIVE.probeGrowth) : this.#rate + this.#slope / this.#rate;
    this.#rate = Math.min(this.#adaptive.maxRequestsPerMinute, grown);
  }

  #pause(until: number): void {
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    // After the pause one request may go at once (the server asked for exactly that), then the
    // rate spaces the rest: no burst of saved-up tokens into a server that just refused.
    if (this.#adaptive) {
      this.#tokens = 1;
      this.#refilledAt = until;
    }
  }

  /** Cuts the rate after a 429 (`retryAfterMs` given, 0 when absent) or a 503 (undefined). */
  #cut(start: Start, now: number, retryAfterMs: number | undefined): void {
    const adaptive = this.#adaptive as AdaptivePacing;
    this.#probing = false;
    // Requests sent before the last cut answer for the rate that was cut already: one cut per episode.
    if (start.seq < this.#cutSeq) return;
    let rate = this.#rate * ADAPTIVE.decrease;
    if (retryAfterMs !== undefined) {
      const accepted = this.#acceptedRate(now, retryAfterMs);
      if (accepted !== undefined) rate = Math.min(rate, accepted * ADAPTIVE.estimateMargin);
    }
    this.#rate = Math.min(adaptive.maxRequestsPerMinute, Math.max(ADAPTIVE.minRequestsPerMinute, rate));
    this.#cutSeq = this.#seq;
    // Recovery scales with the rate, but never slower than from the start rate: a cut caused by
    // someone else's burst on a shared account must not leave this client crawling for an hour.
    this.#slope = Math.max(this.#rate, adaptive.initialRequestsPerMinute) * ADAPTIVE.recoveryPerMinute;
    this.#tokens = Math.min(this.#tokens, Math.max(1, this.#rate));
  }

  #remember(at: number, now: number): void {
    this.#good.push(at);
    while (this.#goodHead < this.#good.length && (this.#good[this.#goodHead] as number) <= now - WINDOW_MS) this.#goodHead += 1;
    if (this.#goodHead > 1024) {
      this.#good = this.#good.slice(this.#goodHead);
      this.#goodHead = 0;
    }
  }

  /**
   * Requests per minute the server accepted lately: good answers to requests started in the last
   * 60 s, over the time from the first of them to now plus the Retry-After. For a server that
   * counts per minute this is its limit (it accepted that many, then asked to wait until the
   * oldest leaves its window); for one that counts per second it is about its rate. Undefined
   * without a good answer in the last minute.
   */
  #acceptedRate(now: number, retryAfterMs: number): number | undefined {
    let first = Infinity;
    let count = 0;
    for (let i = this.#goodHead; i < this.#good.length; i += 1) {
      const at = this.#good[i] as number;
      if (at <= now - WINDOW_MS) continue;
      count += 1;
      if (at < first) first = at;
    }
    if (count === 0) return undefined;
    return (count * WINDOW_MS) / Math.max(1000, now - first + retryAfterMs);
  }
}
