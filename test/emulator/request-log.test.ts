// The admin request log (GET/DELETE /__admin/requests) and the `hold` fault: what concurrency tests
// judge overlap by, and how they put two writers' saves on the server together.
import { describe, expect, it } from "vitest";
import { createApp } from "../../emulator/app";
import { Store } from "../../emulator/db/store";
import { RequestLog, type RequestEntry } from "../../emulator/request-log";
import { Runtime } from "../../emulator/runtime";
import { applySeed } from "../../emulator/admin/seed-apply";
import { DEFAULT_SEED } from "../../emulator/seed";
import { admin, call, start } from "./helpers";

type Log = { now: number; dropped: number; requests: RequestEntry[] };

const log = async (emu: Awaited<ReturnType<typeof start>>) => (await admin(emu, "GET", "/requests")).body as Log;

/** Polls the log until `ready` holds (a request the test started has reached the server). */
async function until(emu: Awaited<ReturnType<typeof start>>, ready: (l: Log) => boolean): Promise<Log> {
  for (let i = 0; i < 200; i++) {
    const l = await log(emu);
    if (ready(l)) return l;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the request log never showed what the test waited for: ${JSON.stringify(await log(emu))}`);
}

const rows = (address: string) => ({ dnsrecords: [{ hostname: "@", type: "A", address }] });

describe("request log", () => {
  it("lists each routed API request with method, template, domain, monotonic start and end, and status", async () => {
    const emu = await start();
    await call(emu, "GET", "/domains/ACME-widgets.com/dns");
    await call(emu, "POST", "/domains/acme-widgets.com/lock", { lockstatus: "locked" });
    await call(emu, "GET", "/billing/credits");
    await call(emu, "GET", "/domains/nobody-holds-this.com/lock");
    await call(emu, "GET", "/no/such/route"); // unrouted, like the counters
    await admin(emu, "GET", "/counters"); // admin calls are not API requests
    const l = await log(emu);
    expect(l.dropped).toBe(0);
    expect(l.requests.map(({ id, method, route, domain, status }) => ({ id, method, route, domain, status }))).toEqual([
      { id: 1, method: "GET", route: "/domains/{domain}/dns", domain: "acme-widgets.com", status: 200 },
      { id: 2, method: "POST", route: "/domains/{domain}/lock", domain: "acme-widgets.com", status: 200 },
      { id: 3, method: "GET", route: "/billing/credits", domain: null, status: 200 },
      { id: 4, method: "GET", route: "/domains/{domain}/lock", domain: "nobody-holds-this.com", status: 404 },
    ]);
    // One after the other: each ended before the next began, and the clock only moves forward.
    for (const [i, r] of l.requests.entries()) {
      expect(r.end!).toBeGreaterThanOrEqual(r.start);
      if (i > 0) expect(r.start).toBeGreaterThanOrEqual(l.requests[i - 1]!.end!);
    }
    expect(l.now).toBeGreaterThanOrEqual(l.requests.at(-1)!.end!);
  });

  it("shows two requests in flight together, the first still open until its answer", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route: "POST /domains/{domain}/dns", kind: "latency", ms: 400, times: 1 });
    const slow = call(emu, "POST", "/domains/acme-widgets.com/dns", rows("192.0.2.1"));
    const open = await until(emu, (l) => l.requests.length === 1);
    expect(open.requests[0]).toMatchObject({ route: "/domains/{domain}/dns", end: null, status: null });
    await call(emu, "GET", "/domains/acme-widgets.net/dns");
    await slow;
    const [save, read] = (await log(emu)).requests;
    expect(save).toMatchObject({ method: "POST", status: 200 });
    // The read began after the save and ended before it: the two overlap.
    expect(read!.start).toBeGreaterThan(save!.start);
    expect(read!.end!).toBeLessThan(save!.end!);
    expect(save!.end! - save!.start).toBeGreaterThanOrEqual(390);
  });

  it("records dropped answers as reset or hang, and refused requests with their status", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route: "GET /domains/{domain}/lock", kind: "reset", times: 1 });
    await admin(emu, "POST", "/faults", { route: "GET /domains/{domain}/dns", kind: "hangAfter", ms: 50, times: 1 });
    await admin(emu, "POST", "/faults", { route: "GET /domains/{domain}/email", kind: "status", status: 502, times: 1 });
    await expect(call(emu, "GET", "/domains/acme-widgets.com/lock")).rejects.toThrow();
    await expect(call(emu, "GET", "/domains/acme-widgets.com/dns")).rejects.toThrow();
    await call(emu, "GET", "/domains/acme-widgets.com/email");
    await call(emu, "GET", "/version", undefined, { apiKey: "wrong" });
    expect((await log(emu)).requests.map((r) => r.status)).toEqual(["reset", "hang", 502, 401]);
  });

  it("is cleared by DELETE /__admin/requests and by reset, and numbering starts again", async () => {
    const emu = await start();
    await call(emu, "GET", "/version");
    expect((await admin(emu, "DELETE", "/requests")).body).toEqual({ ok: true });
    expect((await log(emu)).requests).toEqual([]);
    await call(emu, "GET", "/version");
    expect((await log(emu)).requests.map((r) => r.id)).toEqual([1]);
    await admin(emu, "POST", "/reset", {});
    expect((await log(emu)).requests).toEqual([]);
  });

  it("keeps nothing when the admin surface is off", async () => {
    const store = new Store(":memory:");
    const runtime = new Runtime();
    applySeed(store, DEFAULT_SEED, runtime.now());
    const app = createApp({ store, runtime, admin: false, transferDelaySeconds: 0 });
    const answer = await app({ method: "GET", url: "/modules/addons/DomainsReseller/api/index.php/version", headers: {}, body: "" });
    expect(answer.status).toBe(401);
    expect(runtime.counters.get("GET /version")).toBe(1);
    expect(runtime.requests.list()).toEqual([]);
    store.close();
  });
});

describe("RequestLog bound", () => {
  it("keeps the newest `limit` entries, oldest first, and counts what it dropped", () => {
    const requests = new RequestLog(3);
    const entries = ["a.com", "b.com", "c.com", "d.com", "e.com"].map((domain) => requests.begin("GET", "/domains/{domain}/dns", domain));
    requests.end(entries[4]!, 200);
    const list = requests.list();
    expect(list.map((e) => [e.id, e.domain])).toEqual([
      [3, "c.com"],
      [4, "d.com"],
      [5, "e.com"],
    ]);
    expect(list[2]).toMatchObject({ status: 200, end: expect.any(Number) });
    expect(list[0]).toMatchObject({ status: null, end: null });
    expect(requests.dropped).toBe(2);
    // Copies: changing what was listed changes nothing in the log.
    list[0]!.status = 500;
    expect(requests.list()[0]!.status).toBeNull();
  });

  it("holds 10 000 entries by default", () => {
    const requests = new RequestLog();
    for (let i = 0; i < 10_050; i++) requests.begin("GET", "/version", null);
    const list = requests.list();
    expect(list).toHaveLength(10_000);
    expect(list[0]!.id).toBe(51);
    expect(requests.dropped).toBe(50);
  });
});

describe("hold fault", () => {
  it("holds saves until `count` are waiting, then runs them back to back in arrival order", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route: "POST /domains/{domain}/dns", kind: "hold", count: 2, ms: 10_000, times: 2 });
    const first = call(emu, "POST", "/domains/acme-widgets.com/dns", rows("192.0.2.1"));
    await until(emu, (l) => l.requests.length === 1);
    // Still held: the zone is as seeded, though the save arrived.
    expect((await call(emu, "GET", "/domains/acme-widgets.com/dns")).body).not.toContainEqual(expect.objectContaining({ address: "192.0.2.1" }));
    const second = call(emu, "POST", "/domains/acme-widgets.com/dns", rows("192.0.2.2"));
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    // Both landed, the later arrival last: its whole list is the zone.
    expect((await call(emu, "GET", "/domains/acme-widgets.com/dns")).body).toEqual([expect.objectContaining({ address: "192.0.2.2" })]);
    const saves = (await log(emu)).requests.filter((r) => r.method === "POST");
    expect(saves).toHaveLength(2);
    // The first save was in flight until the second arrived: the two overlap.
    expect(saves[0]!.end!).toBeGreaterThan(saves[1]!.start);
    // Used up: a third save goes through at once.
    expect((await admin(emu, "GET", "/faults")).body).toEqual([]);
  });

  it("lets a held request go after `ms`, or at once when the faults are cleared", async () => {
    const emu = await start();
    await admin(emu, "POST", "/faults", { route: "GET /version", kind: "hold", count: 5, ms: 150, times: 1 });
    const started = Date.now();
    expect((await call(emu, "GET", "/version")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    await admin(emu, "POST", "/faults", { route: "GET /version", kind: "hold", ms: 60_000 });
    const held = call(emu, "GET", "/version");
    await until(emu, (l) => l.requests.length === 2);
    expect((await admin(emu, "DELETE", "/faults")).status).toBe(200);
    expect((await held).status).toBe(200);
    expect((await admin(emu, "POST", "/faults", { route: "GET /version", kind: "hold", count: 0 })).status).toBe(400);
  });
});
