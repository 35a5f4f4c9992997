// Signing in time: one HMAC per credential per hour, the server's clock wins when ours is off by
// more than 30 s, and an auth failure right at an hour boundary is retried once with the token of
// the other hour. Failures here show up as random 401s at the top of the hour.
import { afterEach, describe, expect, it } from "vitest";
import { DomainsResellerClient, hourStamp, signToken } from "../../provider/client";
import { FakeClock } from "./helpers/fake-clock";
import { API_KEY, USERNAME, startServer, type Recorded, type Reply, type TestServer } from "./helpers/server";

let server: TestServer | undefined;
let client: DomainsResellerClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

const H14 = Date.UTC(2026, 0, 15, 14, 0, 0);

async function setup(clock: FakeClock, script: (req: Recorded, i: number) => Reply) {
  server = await startServer(script);
  client = new DomainsResellerClient({ endpoint: server.endpoint, username: USERNAME, apiKey: API_KEY, clock, maxRetries: 0 });
  return { server, client };
}
// The test server answers with a Date that agrees with the fake clock unless a test says otherwise.
const dated = (clock: FakeClock, reply: { status?: number; json?: unknown }, offsetMs = 0): Reply => ({ ...reply, headers: { date: new Date(clock.now() + offsetMs).toUTCString() } });
const ts = (r: Recorded | undefined) => Number(r?.headers["timestamp"]);

describe("token cache", () => {
  it("computes the HMAC once per hour however many calls are made, and again after the hour turns", async () => {
    const clock = new FakeClock(H14 + 60_000);
    const { client } = await setup(clock, () => dated(clock, { json: "locked" }));
    for (let i = 0; i < 25; i += 1) await client.call("getLock", { domain: "example.com" });
    expect(client.stats.tokensComputed).toBe(1);
    clock.set(H14 + 3_600_000 + 60_000);
    await client.call("getLock", { domain: "example.com" });
    expect(client.stats.tokensComputed).toBe(2);
  });

  it("shares the hourly token between clients holding the same credential", async () => {
    const clock = new FakeClock(H14 + 7 * 3_600_000 + 5_000);
    const { client } = await setup(clock, () => dated(clock, { json: "locked" }));
    const twin = new DomainsResellerClient({ endpoint: server?.endpoint ?? "", username: USERNAME, apiKey: API_KEY, clock, maxConcurrency: 2 });
    const other = new DomainsResellerClient({ endpoint: server?.endpoint ?? "", username: USERNAME, apiKey: `${API_KEY}-other`, clock });
    await client.call("getLock", { domain: "example.com" });
    await twin.call("getLock", { domain: "example.com" });
    await other.call("getLock", { domain: "example.com" }).catch(() => undefined);
    expect(client.stats.tokensComputed + twin.stats.tokensComputed).toBe(1);
    expect(other.stats.tokensComputed).toBe(1);
    await twin.close();
    await other.close();
  });

  it("signs each request with the hour of its own timestamp header", async () => {
    const clock = new FakeClock(H14 + 1_234_567);
    const { server, client } = await setup(clock, () => dated(clock, { json: "locked" }));
    await client.call("getLock", { domain: "example.com" });
    const req = server.requests[0];
    expect(ts(req)).toBe(Math.floor((H14 + 1_234_567) / 1000));
    expect(req?.headers["token"]).toBe(signToken(USERNAME, API_KEY, ts(req)));
  });
});

describe("clock skew", () => {
  it("signs with the server's time once its Date header shows we are more than 30 s off", async () => {
    const clock = new FakeClock(H14 - 100_000);
    const { server, client } = await setup(clock, () => dated(clock, { json: "locked" }, 180_000));
    await client.call("getLock", { domain: "example.com" });
    await client.call("getLock", { domain: "example.com" });
    expect(ts(server.requests[0])).toBe((H14 - 100_000) / 1000);
    const corrected = ts(server.requests[1]);
    expect(Math.abs(corrected - (H14 + 80_000) / 1000)).toBeLessThanOrEqual(1);
    expect(hourStamp(corrected)).toBe("26-01-15 14");
    expect(server.requests[1]?.headers["token"]).toBe(signToken(USERNAME, API_KEY, corrected));
  });

  it("ignores a disagreement of under 30 s (Date has one-second resolution)", async () => {
    const clock = new FakeClock(H14 + 500_000);
    const { server, client } = await setup(clock, () => dated(clock, { json: "locked" }, 20_000));
    await client.call("getLock", { domain: "example.com" });
    await client.call("getLock", { domain: "example.com" });
    expect(ts(server.requests[1])).toBe((H14 + 500_000) / 1000);
  });

  it("retries an auth failure once when the same response revealed our clock was wrong", async () => {
    const clock = new FakeClock(H14 - 1_000_000);
    const { server, client } = await setup(clock, (_r, i) => dated(clock, i === 0 ? { status: 401, json: { error: "Invalid token" } } : { json: "locked" }, 900_000));
    await expect(client.call("getLock", { domain: "example.com" })).resolves.toBe("locked");
    expect(server.requests).toHaveLength(2);
    expect(Math.abs(ts(server.requests[1]) - (H14 - 100_000) / 1000)).toBeLessThanOrEqual(1);
  });
});

describe("hour boundary", () => {
  it("5 s before the hour: a 401 is retried once with the next hour's token", async () => {
    const clock = new FakeClock(H14 - 5_000);
    const { server, client } = await setup(clock, (_r, i) => dated(clock, i === 0 ? { status: 401, json: { error: "Invalid token" } } : { json: "unlocked" }));
    await expect(client.call("getLock", { domain: "example.com" })).resolves.toBe("unlocked");
    expect(server.requests).toHaveLength(2);
    expect(hourStamp(ts(server.requests[1]))).toBe("26-01-15 14");
    expect(server.requests[1]?.headers["token"]).not.toBe(server.requests[0]?.headers["token"]);
    expect(server.requests[1]?.headers["token"]).toBe(signToken(USERNAME, API_KEY, ts(server.requests[1])));
  });

  it("3 s after the hour: a 401 is retried once with the previous hour's token", async () => {
    const clock = new FakeClock(H14 + 3_000);
    const { server, client } = await setup(clock, (_r, i) => dated(clock, i === 0 ? { status: 401, json: { error: "Invalid token" } } : { json: "locked" }));
    await expect(client.call("getLock", { domain: "example.com" })).resolves.toBe("locked");
    expect(server.requests).toHaveLength(2);
    expect(hourStamp(ts(server.requests[1]))).toBe("26-01-15 13");
  });

  it("an order refused with 401 at the hour boundary is not resent: one request, authentication", async () => {
    const clock = new FakeClock(H14 + 3_000);
    const { server, client } = await setup(clock, (_r, i) => dated(clock, i === 0 ? { status: 401, json: { error: "Invalid token" } } : { json: "success" }));
    await expect(client.call("renew", { domain: "example.com", regperiod: 1 })).rejects.toMatchObject({ code: "authentication", status: 401 });
    expect(server.requests).toHaveLength(1);
  });

  it("a 403 at the boundary proves nothing about the token: not retried", async () => {
    const clock = new FakeClock(H14 - 2_000);
    const { server, client } = await setup(clock, () => dated(clock, { status: 403, json: { error: "Forbidden" } }));
    await expect(client.call("getLock", { domain: "example.com" })).rejects.toMatchObject({ code: "authentication", status: 403 });
    expect(server.requests).toHaveLength(1);
  });

  it("a 200 whose error text sounds like auth is not retried either", async () => {
    const clock = new FakeClock(H14 - 2_000);
    const { server, client } = await setup(clock, () => dated(clock, { json: { error: "Invalid token" } }));
    await expect(client.call("getLock", { domain: "example.com" })).rejects.toMatchObject({ code: "authentication", status: 200 });
    expect(server.requests).toHaveLength(1);
  });

  it("only once: a second 401 is reported as an authentication failure", async () => {
    const clock = new FakeClock(H14 - 2_000);
    const { server, client } = await setup(clock, () => dated(clock, { status: 401, json: { error: "Invalid token" } }));
    await expect(client.call("getLock", { domain: "example.com" })).rejects.toMatchObject({ code: "authentication" });
    expect(server.requests).toHaveLength(2);
  });

  it("mid-hour: a 401 is not retried (the key is wrong, not the hour)", async () => {
    const clock = new FakeClock(H14 + 1_800_000);
    const { server, client } = await setup(clock, () => dated(clock, { status: 401, json: { error: "Invalid token" } }));
    await expect(client.call("getLock", { domain: "example.com" })).rejects.toMatchObject({ code: "authentication", status: 401 });
    expect(server.requests).toHaveLength(1);
  });
});
