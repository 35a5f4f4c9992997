// A clock whose time moves only when the test says so; sleepers wake in order as it advances.
import type { Clock } from "../../../provider/client";

export class FakeClock implements Clock {
  #sleepers: { at: number; wake: () => void }[] = [];
  readonly sleeps: number[] = [];

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      this.#sleepers.push({ at: this.time + Math.max(0, ms), wake: resolve });
      this.#sleepers.sort((a, b) => a.at - b.at);
    });
  }

  get pendingSleeps(): number {
    return this.#sleepers.length;
  }

  /** Moves time forward, waking each sleeper whose time has come (and letting its continuation run). */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      await flush();
      const next = this.#sleepers[0];
      if (!next || next.at > target) break;
      this.#sleepers.shift();
      this.time = next.at;
      next.wake();
    }
    this.time = target;
    await flush();
  }

  /** Runs sleeps to completion until nothing sleeps any more (for retry loops). */
  async runAll(limit = 1000): Promise<void> {
    for (let i = 0; i < limit; i += 1) {
      await flush();
      const next = this.#sleepers[0];
      if (!next) return;
      await this.advance(next.at - this.time);
    }
  }

  set(ms: number): void {
    this.time = ms;
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
}
