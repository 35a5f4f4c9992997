// The client's adaptive pacing against the emulator's rate limit (POST /__admin/behaviour
// {"rateLimitPerMinute"}), over real HTTP, with one fake time for both sides: the client's clock
// and the emulator's rate window move together, and only while nothing is on the wire, so minutes
// of pacing take a second and the figures do not depend on the machine's load.
import { afterEach, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DomainsResellerClient, type Clock } from "../../provider/client";
import { createApp, API_BASE } from "../../emulator/app";
import { Store } from "../../emulator/db/store";
import { Runtime } from "../../emulator/runtime";
import { applySeed } from "../../emulator/admin/seed-apply";
import { DEFAULT_SEED } from "../../emulator/seed";
import { createHttpServer } from "../../emulator/http/server";
import { DEMO } from "./helpers";

/** Time that moves only when the driver says: to the earliest sleeper, waking every sleeper due then. */
class SteppedClock implements Clock {
  #sleepers: { at: number; wake: () => void }[] = [];
  constructor(private time: number) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((wake) => {
      this.#sleepers.push({ at: this.time + Math.max(0, ms), wake });
      this.#sleepers.sort((a, b) => a.at - b.at);
    });
  }
  /** Moves to the earliest sleeper's time and wakes all due then; false when nothing sleeps. */
  step(): boolean {
    const first = this.#sleepers[0];
    if (!first) return false;
    this.time = Math.max(this.time, first.at);
    while (this.#sleepers[0] && (this.#sleepers[0].at as number) <= this.time) this.#sleepers.shift()?.wake();
    return true;
  }
}

const realPause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

interface Emulator {
  endpoint: string;
  runtime: Runtime;
  close(): Promise<void>;
}

const opened: Emulator[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((e) => e.close()));
});

/** The emulator in this process, its rate window on `clock` (startEmulator keeps its runtime private). */
async function emulatorOn(clock: SteppedClock, rateLimitPerMinute: number): Promise<Emulator> {
  const store = new Store(":memory:");
  const runtime = new Runtime();
  applySeed(store, DEFAULT_SEED, runtime.now());
  runtime.behaviour.nowMs = () => clock.now();
  runtime.behaviour.update({ rateLimitPerMinute });
  const server: Server = createHttpServer(createApp({ store, runtime, admin: false, transferDelaySeconds: 0 }), { nowSeconds: () => runtime.now() });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const emulator = {
    endpoint: `http://127.0.0.1:${port}${API_BASE}`,
    runtime,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      store.close();
    },
  };
  opened.push(emulator);
  return emulator;
}

/**
 * `calls` reads through one client with four callers at a time; time advances only when every
 * request sent has been answered. Answers the fake minutes taken and the client.
 */
async function run(rateLimitPerMinute: number, calls: number, pacing: { requestsPerMinute?: number }): Promise<{ minutes: number; client: DomainsResellerClient; refusedByServer: number }> {
  const clock = new SteppedClock(Date.now());
  const emulator = await emulatorOn(clock, rateLimitPerMinute);
  let sent = 0;
  let answered = 0;
  const client = new DomainsResellerClient({
    endpoint: emulator.endpoint,
    username: DEMO.email,
    apiKey: DEMO.apiKey,
    clock,
    random: () => 0.5,
    onRequest: () => (sent += 1),
    logger: (line) => {
      if (line.includes(" -> ")) answered += 1; // one line per attempt, once its answer is in
    },
    ...pacing,
  });
  const began = clock.now();
  let next = 0;
  let done = 0;
  const caller = async () => {
    while (next < calls) {
      next += 1;
      expect(await client.call("getLock", { domain: "acme-widgets.com" })).toBe("locked");
      done += 1;
    }
  };
  const callers = Promise.all([1, 2, 3, 4].map(caller));
  try {
    for (let idle = 0; done < calls; ) {
      await settle();
      if (sent > answered) {
        await realPause(1); // on the wire: real I/O, fake time stands still
        continue;
      }
      if (clock.step()) idle = 0;
      else if ((idle += 1) > 200) throw new Error(`stuck: ${done} of ${calls} done, nothing sleeping or in flight`);
    }
    await callers;
  } finally {
    await client.close();
  }
  return { minutes: (clock.now() - began) / 60_000, client, refusedByServer: emulator.runtime.counters.get("429") ?? 0 };
}

describe("adaptive pacing against the emulator's rate limit", () => {
  it("learns a limit of 60 a minute: 240 reads with few 429s, close to the floor of 4 minutes", async () => {
    const { minutes, client, refusedByServer } = await run(60, 240, {});
    // Measured: 5 × 429 (the four requests on the wire when the first minute's 60 were spent, then
    // one as recovery went past 60), 4.11 fake minutes (1.03 × the floor), ending at ~60/min.
    expect(client.stats.rateLimited).toBe(refusedByServer);
    expect(refusedByServer).toBeGreaterThan(0);
    expect(refusedByServer).toBeLessThanOrEqual(6);
    expect(minutes / (240 / 60)).toBeLessThanOrEqual(1.1);
    expect(client.stats.requestsPerMinute).toBeGreaterThan(45);
    expect(client.stats.requestsPerMinute).toBeLessThan(66);
  }, 60_000);

  it("with no limit set on the server it grows past its start rate of 120 a minute", async () => {
    const { minutes, client, refusedByServer } = await run(0, 600, {});
    expect(refusedByServer).toBe(0);
    expect(client.stats.requestsPerMinute).toBeGreaterThan(1000);
    expect(minutes).toBeLessThan(1); // 600 at a fixed 120 a minute would take 5
  }, 60_000);

  it("fixed at the known limit (requestsPerMinute = 60): no 429 and the least time possible", async () => {
    const { minutes, client, refusedByServer } = await run(60, 121, { requestsPerMinute: 60 });
    expect(refusedByServer).toBe(0);
    expect(client.stats.rateLimited).toBe(0);
    expect(minutes).toBe(2); // the 121st can start no sooner than two windows in
  }, 60_000);
});
