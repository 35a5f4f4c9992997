// Two writers of one zone, over real HTTP against the emulator: the API replaces the whole list with
// each save, so a save planned before another writer's save landed drops that writer's records.
// The emulator's `hold` fault puts both saves on the server together, each planned from the zone
// as it was before either, so the race happens every time instead of by luck of timing. What is
// proven: the writer whose records are gone fails naming another writer and what to do; a save
// whose own records held but whose zone changed elsewhere meanwhile succeeds with a warning; a
// registrar that drops the save still fails as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import { fromWire, planSave, type DnsRecord } from "../../provider/model/dns";
import type { KindContext } from "../../provider/runtime/kind";
import { NotAppliedError } from "../../provider/runtime/verify";
import { readZone, saveZone } from "../../provider/runtime/zone";
import { startTestEmulator, type TestEmulator } from "../e2e/harness";

const DOMAIN = "acme-widgets.net";
const DNS_SAVE = "POST /domains/{domain}/dns";

let emulator: TestEmulator;
const clients: DomainsResellerClient[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emulator?.close();
});

/** A writer of its own: its own client, as another stack's provider process would have. */
function writer(): KindContext & { warnings: string[] } {
  const client = new DomainsResellerClient({ endpoint: emulator.handle.endpoint, username: emulator.account.email, apiKey: emulator.account.apiKey, requestsPerMinute: 100_000 });
  clients.push(client);
  const warnings: string[] = [];
  return { client, warn: (message) => warnings.push(message), warnings };
}

const record = (name: string, value: string): DnsRecord => ({ name, type: "TXT", value });

/** Reads the zone and plans a merge save of `declared` on it, as a DnsRecordSet's create does. */
async function planned(ctx: KindContext, declared: DnsRecord[]) {
  return planSave({ mode: "merge", declared, live: await readZone(ctx, DOMAIN) });
}

/** Waits until the emulator holds a read of the zone (the read-back after the save). */
async function readBackHeld(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { requests } = (await emulator.admin("GET", "/requests")) as { requests: { method: string; end: number | null }[] };
    if (requests.some((r) => r.method === "GET" && r.end === null)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the read-back never reached the emulator");
}

const liveKeys = async () => ((await emulator.domain(DOMAIN)).dns as { hostname: string; type: string; address: string }[]).map((r) => `${r.hostname}/${r.type}/${r.address}`);

describe("two writers saving one zone at once", () => {
  it("the writer whose save landed first sees its record gone, and fails naming another writer", async () => {
    const [a, b] = [writer(), writer()];
    const seeded = await liveKeys();
    const planA = await planned(a, [record("team-a", "from-a")]);
    const planB = await planned(b, [record("team-b", "from-b")]);
    await emulator.admin("POST", "/faults", { route: DNS_SAVE, kind: "hold", count: 2, ms: 20_000, times: 2 });
    await emulator.admin("DELETE", "/requests");
    const results = await Promise.allSettled([saveZone(a, DOMAIN, planA, "sets"), saveZone(b, DOMAIN, planB, "sets")]);

    // The saves ran in arrival order; whichever landed last is the zone.
    const saves = ((await emulator.admin("GET", "/requests")) as { requests: { method: string; start: number; end: number }[] }).requests.filter((r) => r.method === "POST");
    expect(saves).toHaveLength(2);
    expect(saves[0]!.end).toBeGreaterThan(saves[1]!.start); // in flight together
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failed).toHaveLength(1);
    const loserIsA = results[0]!.status === "rejected";
    const [lost, kept] = loserIsA ? ["team-a/TXT/from-a", "team-b/TXT/from-b"] : ["team-b/TXT/from-b", "team-a/TXT/from-a"];
    expect(await liveKeys()).toEqual(expect.arrayContaining([...seeded, kept]));
    expect(await liveKeys()).not.toContain(lost);

    const error = failed[0]!.reason as Error;
    expect(error).toBeInstanceOf(NotAppliedError);
    expect(error.message).toContain(`The registrar accepted the DNS save for ${DOMAIN} but the zone read back differs (missing ${lost})`);
    expect(error.message).toContain(`records this save did not write: ${kept}`);
    expect(error.message).toContain(`The likely cause is another writer (another Pulumi stack with a DnsRecordSet on ${DOMAIN}, or someone in the registrar's panel) saving the zone at the same time`);
    expect(error.message).toContain("Run `pulumi up` again");
    expect(error.message).toContain(`Do not run two stacks that manage the DNS of ${DOMAIN} at the same time.`);
    // The winner's read-back shows exactly what it saved: nothing to warn about, nothing it could see.
    expect([...a.warnings, ...b.warnings]).toEqual([]);
  });

  it("a save whose own records held succeeds, warning that the zone changed elsewhere meanwhile", async () => {
    const a = writer();
    const planA = await planned(a, [record("team-c", "from-c")]);
    // The read-back waits until the test lets it go; meanwhile another writer adds its record on
    // top of this save (it read after the save landed, so nothing of ours is lost).
    await emulator.admin("POST", "/faults", { route: "GET /domains/{domain}/dns", kind: "hold", ms: 20_000, times: 1 });
    await emulator.admin("DELETE", "/requests");
    const saving = saveZone(a, DOMAIN, planA, "sets");
    await readBackHeld();
    const rows = (await emulator.domain(DOMAIN)).dns as { hostname: string; type: string; address: string; priority: string }[];
    await emulator.drift(DOMAIN, { dns: [...rows, { hostname: "panel", type: "TXT", address: "from-panel" }] });
    await emulator.admin("DELETE", "/faults");
    const live = await saving;

    expect(live.map((r) => `${r.row.hostname}/${r.row.type}/${r.row.address}`)).toEqual(expect.arrayContaining(["team-c/TXT/from-c", "panel/TXT/from-panel"]));
    expect(a.warnings).toHaveLength(1);
    expect(a.warnings[0]).toContain(`DnsRecordSet ${DOMAIN}: saved, and this set's records are in place, but the zone read back right after the save also shows changes it did not make (records this save did not write: panel/TXT/from-panel)`);
    expect(a.warnings[0]).toContain("another writer (another Pulumi stack");
  });

  it("a save the registrar dropped still fails, with both likely causes", async () => {
    const a = writer();
    const plan = await planned(a, [record("team-d", "from-d")]);
    await emulator.admin("POST", "/faults", { route: DNS_SAVE, kind: "ignore", times: 1 });
    const error = await saveZone(a, DOMAIN, plan, "sets").then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(NotAppliedError);
    expect(error!.message).toContain(`the zone read back differs (missing team-d/TXT/from-d)`);
    expect(error!.message).toContain("or the registrar did not apply this save");
    expect(error!.message).toContain("Run `pulumi up --refresh`");
  });

  it("an authoritative save answers for the whole zone: another writer's record there fails it", async () => {
    const [a, panel] = [writer(), writer()];
    const live = await readZone(a, DOMAIN);
    const plan = planSave({ mode: "authoritative", declared: [record("@", "only-this")], live });
    await emulator.admin("POST", "/faults", { route: "GET /domains/{domain}/dns", kind: "hold", ms: 20_000, times: 1 });
    await emulator.admin("DELETE", "/requests");
    const saving = saveZone(a, DOMAIN, plan, "zone").then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    await readBackHeld();
    await panel.client.call("saveDns", { domain: DOMAIN, dnsrecords: [...fromWire((await emulator.domain(DOMAIN)).dns as never[], DOMAIN).map((r) => r.row), { hostname: "extra", type: "A", address: "192.0.2.99", priority: "N/A" }] });
    await emulator.admin("DELETE", "/faults");
    const error = await saving;
    expect(error).toBeInstanceOf(NotAppliedError);
    expect(error!.message).toContain("(unexpected extra/A/192.0.2.99)");
  });
});
