// Client-side pacing: at most `maxConcurrency` requests in flight and at most `requestsPerMinute`
// request starts in any sliding 60-second window. The API documents no limits, but a reseller
// account is shared by every stack and CI job, so we stay polite by default.
import type { Clock } from "./clock";

const WINDOW_MS = 60_000;

export class Limiter {
  #active = 0;
  #waiting: (() => void)[] = [];
  #starts: number[] = [];
  #head = 0;
  #rateTurn: Promise<void> = Promise.resolve();

  constructor(
    readonly maxConcurrency: number,
    readonly requestsPerMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Waits for a concurrency slot and a rate slot; call the returned function when the request ends. */
  async acquire(): Promise<() => void> {
    if (this.#active >= this.maxConcurrency) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    try {
      if (Number.isFinite(this.requestsPerMinute)) await this.#rateSlot();
    } catch (error) {
      this.#release();
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#release();
    };
  }

  /** Requests currently holding a slot (for tests and diagnostics). */
  get active(): number {
    return this.#active;
  }

  #release(): void {
    // Hand the slot straight to the next waiter (FIFO), so #active stays counted.
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active -= 1;
  }

  // Rate slots are taken one caller at a time, so two waiters never wake for the same slot.
  #rateSlot(): Promise<void> {
    const turn = this.#rateTurn.then(async () => {
      for (;;) {
        const now = this.clock.now();
        while (this.#head < this.#starts.length && (this.#starts[this.#head] as number) <= now - WINDOW_MS) this.#head += 1;
        if (this.#head > 1024) {
          this.#starts = this.#starts.slice(this.#head);
          this.#head = 0;
        }
        if (this.#starts.length - this.#head < this.requestsPerMinute) {
          this.#starts.push(now);
          return;
        }
        await this.clock.sleep((this.#starts[this.#head] as number) + WINDOW_MS - now);
      }
    });
    this.#rateTurn = turn.catch(() => undefined);
    return turn;
  }
}
