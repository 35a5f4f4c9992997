// Pacing and retry timing with a fake clock: the concurrency cap, the requests-per-minute window,
// full-jitter backoff and Retry-After. Failures here mean hammering a shared reseller account.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import { Limiter } from "../../provider/client/limiter";
import { backoffDelay, parseRetryAfter } from "../../provider/client/retry";
import { FakeClock, flush } from "./helpers/fake-clock";
import { API_KEY, USERNAME, startServer, type Reply, type TestServer } from "./helpers/server";

describe("Limiter", () => {
  it("never lets more than maxConcurrency requests run at once, and hands slots over in order", async () => {
    const limiter = new Limiter(2, Infinity, new FakeClock(0));
    const order: number[] = [];
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    const c = limiter.acquire().then((r) => (order.push(3), r));
    const d = limiter.acquire().then((r) => (order.push(4), r));
    await flush();
    expect(order).toEqual([]);
    expect(limiter.active).toBe(2);
    a();
    a(); // releasing twice must not free a second slot
    await flush();
    expect(order).toEqual([3]);
    b();
    await flush();
    expect(order).toEqual([3, 4]);
    (await c)();
    (await d)();
    expect(limiter.active).toBe(0);
  });

  it("starts at most requestsPerMinute requests in any 60 s window", async () => {
    const clock = new FakeClock(1_000_000);
    const limiter = new Limiter(10, 3, clock);
    const started: number[] = [];
    const go = () => limiter.acquire().then((release) => (started.push(clock.now()), release()));
    const all = Promise.all([go(), go(), go(), go(), go()]);
    await flush();
    expect(started).toEqual([1_000_000, 1_000_000, 1_000_000]);
    await clock.advance(59_999);
    expect(started).toHaveLength(3);
    await clock.advance(1);
    await all;
    expect(started).toEqual([1_000_000, 1_000_000, 1_000_000, 1_060_000, 1_060_000]);
  });
});

describe("backoff", () => {
  it("doubles the ceiling each attempt, capped, with full jitter between 0 and the ceiling", () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, () => 0.999999))).toEqual([249, 499, 999, 1999, 7999]);
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(2, () => 0.5)).toBe(500);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("7", 0)).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

describe("the client's pacing", () => {
  let server: TestServer | undefined;
  let client: DomainsResellerClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
  });

  async function setup(clock: FakeClock, script: (i: number) => Reply, extra: Record<string, unknown> = {}) {
    server = await startServer((_r, i) => script(i));
    client = new DomainsResellerClient({ endpoint: server.endpoint, username: USERNAME, apiKey: API_KEY, clock, random: () => 0.5, ...extra });
    return { server, client };
  }

  it("holds the third request of a 2-per-minute budget until the window moves", async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 12));
    const { server, client } = await setup(clock, () => ({ json: "locked" }), { requestsPerMinute: 2 });
    const calls = [1, 2, 3].map(() => client.call("getLock", { domain: "example.com" }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(2);
    await clock.advance(60_000);
    await Promise.all(calls);
    expect(server.requests).toHaveLength(3);
  });

  it("waits with jittered exponential backoff between retries (0.5 × 250, 500, 1000 ms)", async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 12));
    const { server, client } = await setup(clock, (i) => (i < 3 ? { status: 503, json: { error: "busy" } } : { json: "locked" }));
    const call = client.call("getLock", { domain: "example.com" });
    let settled = false;
    void call.finally(() => (settled = true));
    // Time moves only while the client sleeps; I/O gets real time between steps.
    await vi.waitFor(async () => {
      await clock.advance(100);
      expect(settled).toBe(true);
    });
    await expect(call).resolves.toBe("locked");
    expect(clock.sleeps).toEqual([125, 250, 500]);
    expect(server.requests).toHaveLength(4);
  });

  it("honours Retry-After when it is longer than the backoff", async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 12));
    const { client } = await setup(clock, (i) => (i === 0 ? { status: 429, json: { error: "slow down" }, headers: { "retry-after": "5" } } : { json: "locked" }));
    const call = client.call("getLock", { domain: "example.com" });
    await vi.waitFor(() => expect(clock.pendingSleeps).toBe(1));
    expect(clock.sleeps).toEqual([5000]);
    await clock.advance(5000);
    await expect(call).resolves.toBe("locked");
  });

  it("does not wait out a Retry-After longer than a minute; it reports rate_limited at once", async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 12));
    const { server, client } = await setup(clock, () => ({ status: 429, json: { error: "slow down" }, headers: { "retry-after": "600" } }));
    await expect(client.call("getLock", { domain: "example.com" })).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 600 });
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});
