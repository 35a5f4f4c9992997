// Time is injected so the limiter, backoff and token-hour logic can be tested with a fake clock.

export interface Clock {
  /** Milliseconds since the Unix epoch, like Date.now(). */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
