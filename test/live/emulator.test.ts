// The live contract scenarios against a fresh emulator, in every `npm test`: the scenarios are
// only worth running against a real account if they pass here, change nothing they do not put
// back, never order, and fail (with a usable report) when a server departs from the contract.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { ContractClient, type InnerClient } from "./guard";
import { CONTRACT_RECORD, probeUnknownDomain, readScenarios, writeScenarios, type Scenario } from "./scenarios";
import { noteVersion, openTarget, registerScenarios, runScenario, summary, type ContractTarget } from "./suite";

// acme-mail.com has everything a scenario reads: 8 DNS rows, 3 nameservers, forwards, a lock.
const DOMAIN = "acme-mail.com";

let emu: EmulatorHandle;
let target: ContractTarget;

async function admin(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emu.origin}/__admin${path}`, { method, headers: { "content-type": "application/json" }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  expect(res.ok, `${method} /__admin${path} -> ${res.status}`).toBe(true);
  return res.json();
}
/** What the scenarios may touch, as the emulator stores it. */
const stateOf = async () => {
  const s = await admin("GET", `/domains/${DOMAIN}`);
  return { dns: s.dns, locked: s.locked, nameservers: s.nameservers, emailForwarding: s.emailForwarding, status: s.status, expiryDate: s.expiryDate };
};
const counters = async (): Promise<Record<string, number>> => admin("GET", "/counters");
const posts = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([route]) => route.startsWith("POST ")));
const scenario = (list: readonly Scenario[], prefix: string) => {
  const found = list.find((s) => s.name.startsWith(prefix));
  if (found === undefined) throw new Error(`no scenario named "${prefix}…"`);
  return found;
};

beforeAll(async () => {
  emu = await startEmulator({ admin: true });
  const account = emu.accounts[0]!;
  // One read per check on the emulator: it shows a write at once, so waiting would only hide a bug.
  // No backoff jitter: the unknown-domain probe's 500 case is retried as on a real server, only
  // without the random pauses between attempts (which are not part of the contract).
  target = openTarget({ endpoint: emu.endpoint, username: account.email, apiKey: account.apiKey, testDomain: DOMAIN, writes: true, settle: { attempts: 1, delayMs: 0 }, client: { random: () => 0 } });
});
afterAll(async () => {
  await target?.close();
  await emu?.close();
});

describe("read-only scenarios", () => {
  let before: Awaited<ReturnType<typeof stateOf>>;
  beforeAll(async () => {
    before = await stateOf();
    await admin("DELETE", "/counters");
  });

  registerScenarios(readScenarios, () => target);

  it("sent no write: only GETs and the registry sync, and the domain is as it was", async () => {
    const sent = await counters();
    expect(posts(sent)).toEqual({ "POST /domains/{domain}/sync": 1 });
    expect(sent["GET /domains/{domain}/information"]).toBeGreaterThan(0);
    expect(await stateOf()).toEqual(before);
    expect(await admin("GET", "/ledger")).toEqual([]);
  });

  it("summed up what a report needs: the version, the findings, the tally, and no credential", async () => {
    await noteVersion(target);
    const text = summary(target, "emulator run");
    expect(text).toMatch(/^ {2}- unknown domain: .* answered HTTP 404 with error text "Domain not found" .* → 404: /m);
    expect(text).toContain("  - e-mail forwarding: 3 forward(s)");
    expect(text).toContain("  - module version: 2.6.0-emulator (GET /version)");
    expect(text).toContain(`  ${readScenarios.length} of ${readScenarios.length} scenario(s) passed\n`);
    const account = emu.accounts[0]!;
    expect(text).not.toContain(account.apiKey);
    expect(text).not.toContain(account.email);
  });
});

describe("write scenarios restore what they change", () => {
  let before: Awaited<ReturnType<typeof stateOf>>;
  beforeAll(async () => {
    before = await stateOf();
    await admin("DELETE", "/counters");
  });

  registerScenarios(writeScenarios, () => target);

  it("made each write and its restore, ordered nothing, and left the domain exactly as it found it", async () => {
    expect(posts(await counters())).toEqual({
      "POST /domains/{domain}/dns": 2,
      "POST /domains/{domain}/lock": 2,
      "POST /domains/{domain}/nameservers": 1,
    });
    expect(await stateOf()).toEqual(before);
    expect(await admin("GET", "/ledger")).toEqual([]);
  });

  it("clears a contract record left by an interrupted run", async () => {
    const dns = (await stateOf()).dns;
    await admin("PATCH", `/domains/${DOMAIN}`, { dns: [...dns, { hostname: CONTRACT_RECORD, type: "TXT", address: "left over" }] });
    await runScenario(scenario(writeScenarios, "DNS"), target);
    expect((await stateOf()).dns.map((r: { hostname: string }) => r.hostname)).not.toContain(CONTRACT_RECORD);
    expect(target.notes).toContain(`DNS: removed 1 ${CONTRACT_RECORD} record(s) left by an earlier interrupted run`);
  });
});

describe("the unknown-domain probe names each plausible answer", () => {
  afterAll(async () => {
    await admin("DELETE", "/behaviour");
  });

  it.each([
    [404, "404"],
    [400, "400"],
    [500, "500"],
    [200, "200-with-error"],
  ] as const)("a server answering %i is recorded as %s", async (status, kind) => {
    await admin("POST", "/behaviour", { unknownDomainStatus: status });
    const answer = await probeUnknownDomain({ client: target.client, settle: target.settle, note: () => undefined });
    expect(answer).toMatchObject({ kind, status, errorText: "Domain not found" });
    expect(answer.name).toMatch(/^domainsreseller-contract-[0-9a-f]{12}\.com$/);
  });
});

describe("a scenario fails, with a report, when the server departs from the contract", () => {
  beforeAll(async () => {
    await admin("DELETE", "/counters");
  });
  afterAll(async () => {
    await admin("DELETE", "/faults");
  });

  it("a DNS save acknowledged but dropped: the TXT record is missed, the zone is as before", async () => {
    const dns = (await stateOf()).dns;
    await admin("POST", "/faults", { route: "POST /domains/{domain}/dns", kind: "ignore", times: 1 });
    await expect(runScenario(scenario(writeScenarios, "DNS"), target)).rejects.toThrow(/contract scenario "DNS: add and remove[^"]*" failed\n {2}routes: GET \/domains\/\{domain\}\/dns, POST \/domains\/\{domain\}\/dns\n[\s\S]*the TXT record _domainsreseller-contract after saving it: not seen after 1 read/);
    expect((await stateOf()).dns).toEqual(dns);
  });

  it("a read that glitches empty: nothing is saved on it", async () => {
    const saves = async () => (await counters())["POST /domains/{domain}/dns"] ?? 0;
    const before = await saves();
    await admin("POST", "/faults", { route: "GET /domains/{domain}/dns", kind: "emptyList", times: 1 });
    await expect(runScenario(scenario(writeScenarios, "DNS"), target)).rejects.toThrow(/two reads of the zone disagreed \(0 rows, then 8\); nothing was saved/);
    expect(await saves()).toBe(before);
  });

  it("a lock change acknowledged but dropped: the scenario fails and the lock is put back", async () => {
    await admin("POST", "/faults", { route: "POST /domains/{domain}/lock", kind: "ignore", times: 1 });
    await expect(runScenario(scenario(writeScenarios, "registrar lock"), target)).rejects.toThrow(/the lock unlocked after saving it: not seen after 1 read\(s\); last read: "locked"/);
    expect((await stateOf()).locked).toBe(true);
  });

  it("a restore that does not hold is reported as RESTORE FAILED, naming what the domain shows", async () => {
    // The change goes through; the restoring save is then acknowledged and dropped. The fault is
    // added from inside the client, right before that save, so nothing depends on timing.
    const account = emu.accounts[0]!;
    const real = new DomainsResellerClient({ endpoint: emu.endpoint, username: account.email, apiKey: account.apiKey });
    let saves = 0;
    const inner: InnerClient = {
      call: async (route, params) => {
        if (route === "saveLock" && ++saves === 2) await admin("POST", "/faults", { route: "POST /domains/{domain}/lock", kind: "ignore", times: 1 });
        return real.call(route, params);
      },
      callRaw: (route, params) => real.callRaw(route, params),
    };
    try {
      const rigged = { ...target, client: new ContractClient(inner, { testDomain: DOMAIN, writes: true }) };
      await expect(runScenario(scenario(writeScenarios, "registrar lock"), rigged)).rejects.toThrow(/RESTORE FAILED, check the test domain by hand: the lock back to locked: not seen after 1 read\(s\); last read: "unlocked"/);
      expect((await stateOf()).locked).toBe(false);
    } finally {
      await real.close();
      await admin("PATCH", `/domains/${DOMAIN}`, { locked: true });
    }
  });

  it("a lock change the server refuses (a TLD without a registrar lock) fails on the refusal, not as a failed restore", async () => {
    const real = new DomainsResellerClient({ endpoint: emu.endpoint, username: emu.accounts[0]!.email, apiKey: emu.accounts[0]!.apiKey });
    const uk = { ...target, client: new ContractClient(real, { testDomain: "acme-widgets.co.uk", writes: true }) };
    const failure = await runScenario(scenario(writeScenarios, "registrar lock"), uk)
      .then(
        () => new Error("the scenario passed"),
        (error: unknown) => error as Error,
      )
      .finally(() => real.close());
    expect(failure.message).toMatch(/request: POST \/domains\/\{domain\}\/lock for acme-widgets\.co\.uk\n {2}answer: HTTP 400, code validation, error text "\.co\.uk domains have no registrar lock/);
    expect(failure.message).not.toContain("RESTORE FAILED");
  });

  it("an answer that is not JSON: the report has the route, the status and the start of the body", async () => {
    await admin("POST", "/faults", { route: "GET /billing/credits", kind: "malformed", times: 1 });
    await expect(runScenario(scenario(readScenarios, "credit balance"), target)).rejects.toThrow(/request: GET \/billing\/credits\n {2}answer: HTTP 200, code protocol\n[\s\S]*body is not JSON: "<html>/);
  });

  it("JSON of the wrong shape: the report shows the body, read once more", async () => {
    // Two hits: the scenario's read, and the report's second read of the raw body.
    await admin("POST", "/faults", { route: "GET /billing/credits", kind: "emptyList", times: 2 });
    await expect(runScenario(scenario(readScenarios, "credit balance"), target)).rejects.toThrow(
      /request: GET \/billing\/credits\n {2}answer: a 2xx JSON body without the documented shape, code protocol\n {2}body \(read again\): \[\]\n/,
    );
  });

  it("an error inside a 200: the report quotes the server's words", async () => {
    await admin("POST", "/faults", { route: "GET /domains/{domain}/lock", kind: "error200", times: 1 });
    await expect(runScenario(scenario(readScenarios, "registrar lock"), target)).rejects.toThrow(/request: GET \/domains\/\{domain\}\/lock for acme-mail\.com\n {2}answer: HTTP 200, code validation, error text "Injected fault: registrar returned an error"/);
  });

  it("never reached an order route in any of the above", async () => {
    const sent = Object.keys(await counters());
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((route) => /\/order\/domains\/|\/release$/.test(route))).toEqual([]);
    expect(await admin("GET", "/ledger")).toEqual([]);
  });
});
