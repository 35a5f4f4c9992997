// The write fault matrix on the real engine: every write other than an order (DNS, nameservers, lock,
// e-mail forwarding, ID protection, contacts, glue register / modify / delete, release) and refresh,
// under each fault the emulator can inject on the write's route (a slow answer past the client
// timeout, a connection reset before or after the server acted, 500, 502, 503, 429 with
// Retry-After, a body that is not JSON, an error in a 200, a write acknowledged and dropped) and
// under the clocks going wrong (the token hour turning mid-run, the server 5 minutes ahead or
// behind across an hour boundary). Each case proves: the run succeeds, or fails saying what
// happened and what to do; the state records what is live and nothing else (stack export against
// the emulator's admin view and the signed API); the next `up` converges and the drift check
// passes; a write that may bill is carried out once. The full matrix (RELIABILITY=1, `npm run
// reliability`) puts each fault in front of every write kind in one run; `npm test` runs one case per kind.
// Figures and what each case proves: docs/reliability.md ("Every other write under faults").
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import { configureStack, createProject, openAccount, type PulumiResult, type Project } from "./harness";
import { clocksBeforeTurn, clockShiftEnv, skewedClocks, sleep, startLoggedEmulator, stateResources, type LoggedEmulator, type StateResource } from "./reliability-writes.helpers";
import {
  contactsSlot,
  dnsSlot,
  emailForwardingSlot,
  glueDeleteSlot,
  glueHost,
  glueModifySlot,
  glueRegisterSlot,
  idProtectionSlot,
  lockSlot,
  nameserversSlot,
  refreshSlot,
  releaseSlot,
  type Slot,
  type WriteKind,
} from "./reliability-writes.kinds";

/** The client gives up on an answer after this long (stack config), so the timeouts are quick. */
const CLIENT_TIMEOUT_MS = 3_000;
/** Past the client timeout: the server acts (or answers) only after the client gave up. */
const SLOW_MS = 7_000;
/** How far before an hour turn both clocks stand when an hour-turn case starts: room for a slow engine start, and under the 60 s the server allows a timestamp. */
const TURN_LEAD_MS = 40_000;
/** How long the hour-turn case holds the requests that arrive before the clock is moved past the turn. */
const HOLD_MS = 1_500;
const HOUR_MS = 3_600_000;
/** What a 429 asks the client to wait. */
const RETRY_AFTER_S = 2;

interface Fault {
  /** As the figures and the test names say it (regex-safe, for `-t`). */
  name: string;
  /** The fault body for POST /__admin/faults on each of the kind's routes, without route and times. */
  route?: { kind: string; ms?: number; status?: number; retryAfter?: number };
  /** Or the clocks: the hour turning mid-run, or the server `skewSeconds` off across an hour boundary. */
  clock?: { turn: true } | { skewSeconds: number };
}

const FAULTS: Fault[] = [
  { name: `latency ${SLOW_MS} ms`, route: { kind: "latency", ms: SLOW_MS } },
  { name: "reset", route: { kind: "reset" } },
  { name: "resetAfter", route: { kind: "resetAfter" } },
  { name: "status 500", route: { kind: "status", status: 500 } },
  { name: "status 502", route: { kind: "status", status: 502 } },
  { name: "status 503", route: { kind: "status", status: 503 } },
  { name: `rateLimit 429 Retry-After ${RETRY_AFTER_S} s`, route: { kind: "rateLimit", retryAfter: RETRY_AFTER_S } },
  { name: "malformed", route: { kind: "malformed" } },
  { name: "error200", route: { kind: "error200" } },
  { name: "ignore", route: { kind: "ignore" } },
  { name: "hour turn", clock: { turn: true } },
  { name: "server clock 300 s ahead", clock: { skewSeconds: 300 } },
  { name: "server clock 300 s behind", clock: { skewSeconds: -300 } },
];
const fault = (name: string): Fault => FAULTS.find((f) => f.name === name) as Fault;

/** Fault kinds that answer instead of the handler: the write they hit was not carried out. */
const ABSORBS = new Set(["reset", "status", "rateLimit", "malformed", "error200", "ignore"]);
/** Of those, the ones whose (fake) answer is a 200 in the request log. */
const ABSORBS_WITH_200 = new Set(["malformed", "error200", "ignore"]);

/**
 * What the state must say right after the first run: `live` (exactly what the account shows);
 * `unconfirmed` (glue: the case's record is in the state marked unconfirmed, the API cannot list
 * glue to settle it; everything else as live); `pendingDelete` (glue: the record whose delete
 * answer was lost stays in the state, to be deleted by the next run; everything else as live);
 * `unchanged` (a failed refresh learnt nothing: the state is as before it); `undetectable` (glue
 * acknowledged and dropped: the state says the change was made, which the API cannot check);
 * `late` (a change sent once whose answer was lost to a slow server: the state keeps what a read
 * right after showed, the value before the case; the server applies the change when its delay is
 * over, which may be before the run ends, and the next run reads it).
 */
type FirstState = "live" | "unconfirmed" | "pendingDelete" | "unchanged" | "undetectable" | "late";
interface Expectation {
  outcome: "succeeded" | "failed";
  /** Words the failure must say (what happened, what to do). */
  says: string[];
  firstState: FirstState;
}

const isGlue = (kind: WriteKind) => kind === "glueRegister" || kind === "glueModify" || kind === "glueDelete";

function expectFirst(slot: Slot, f: Fault): Expectation {
  const ok = (firstState: FirstState = "live"): Expectation => ({ outcome: "succeeded", says: [], firstState });
  const failed = (says: string[], firstState: FirstState = "live"): Expectation => ({ outcome: "failed", says, firstState });
  // Clocks: a read (or, for a write that may bill, the read before it) learns the server's clock.
  if (f.route === undefined) return ok();
  const kind = f.route.kind;
  if (!slot.once) {
    // Idempotent writes and reads are retried when the server did not answer usefully; a wrong answer fails.
    if (!["malformed", "error200", "ignore"].includes(kind)) return ok();
    const kept: FirstState = slot.kind === "refresh" ? "unchanged" : "live";
    if (kind === "malformed") return failed(["is not a Domains Reseller API response", "body is not JSON", "What to do:"], kept);
    if (kind === "error200") return failed(["Injected fault: registrar returned an error", "What to do:"], kept);
    return failed([slot.ignoredSays as string], kept);
  }
  // Sent once: never repeated by the client.
  if (kind === "rateLimit") return failed(["rate limiting", `asked to wait ${RETRY_AFTER_S} s`, "What to do:"]);
  if (kind === "error200") return failed(["Injected fault: registrar returned an error", "What to do:"]);
  if (kind === "ignore") return slot.ignoredSays === undefined ? ok("undetectable") : failed([slot.ignoredSays]);
  // The answer is lost (latency, reset before or after, 5xx, a body that is not JSON).
  if (isGlue(slot.kind)) return failed(["no answer came back", "NOT sent again", "pulumi up"], slot.kind === "glueDelete" ? "pendingDelete" : "unconfirmed");
  // Read right after: a change that went through (resetAfter) settles the step.
  if (kind === "resetAfter") return ok();
  return failed(["its answer was lost", "NOT sent again", "pulumi up"], kind === "latency" ? "late" : "live");
}

interface Figure {
  kind: WriteKind;
  fault: string;
  firstUp: string;
  firstUpSeconds: number;
  secondUpSeconds: number;
  calls: number;
  carriedOut: number;
  converged: string;
}

/** One stack: its project, the kinds it holds, and whether its first run of a case is a refresh. */
interface Stack {
  project: Project;
  slots: Slot[];
  refresh: boolean;
}

const HEADER = `import { DnsRecordSet, Domain, EmailForwarding, IdProtection, Nameservers, PrivateNameserver, RegistrarLock } from "pulumi-domainsreseller";\n`;
const UP = ["up", "--yes", "--non-interactive", "--skip-preview"];
const DRIFT_CHECK = ["preview", "--refresh", "--expect-no-changes", "--non-interactive"];

const email = "writes-e2e@example.com";
const apiKey = `e2e-${randomBytes(18).toString("hex")}`;
let emulator: LoggedEmulator;
let api: DomainsResellerClient;
const projects: Project[] = [];
const figures: Figure[] = [];
const started = performance.now();

beforeAll(async () => {
  emulator = await startLoggedEmulator();
  await openAccount(emulator, { email, apiKey, credit: "100.00" });
  // The account as a panel sees it: the signed API, apart from the provider under test.
  api = new DomainsResellerClient({ endpoint: emulator.handle.endpoint, username: email, apiKey });
});

afterAll(async () => {
  for (const project of projects) project.cleanup();
  await api?.close();
  await emulator?.close();
  if (figures.length > 0) {
    const rows = figures.map((f) => `| ${f.kind} | ${f.fault} | ${f.firstUp} | ${f.firstUpSeconds.toFixed(1)} s | ${f.secondUpSeconds.toFixed(1)} s | ${f.calls} | ${f.carriedOut} | ${f.converged} |`);
    console.log(
      [`${figures.length} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`, "| write | fault | first up | first up | second up | calls | carried out | converged |", "|---|---|---|---|---|---|---|---|", ...rows].join("\n"),
    );
  }
});

const timed = async (run: () => Promise<PulumiResult>): Promise<[PulumiResult, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
};

const programOf = (slots: Slot[], cell: number, state: StateResource[]) => HEADER + slots.map((s) => s.program(cell, state)).join("");

async function openStack(name: string, slots: Slot[]): Promise<Stack> {
  for (const slot of slots) await slot.seed(emulator, email);
  const project = createProject(`writes-${name}`, programOf(slots, -1, []));
  projects.push(project);
  await configureStack(project, "dev", emulator);
  await project.ok(["config", "set", "domainsreseller:requestTimeoutMs", String(CLIENT_TIMEOUT_MS)]);
  await project.ok(UP);
  const stack: Stack = { project, slots, refresh: slots.some((s) => s.kind === "refresh") };
  // Set up without faults, the state already says what the account shows.
  const state = await stateResources(project);
  for (const slot of slots) expectSame(await slot.observe(state, emulator, api), `${slot.kind} after set-up`);
  return stack;
}

function expectSame(observed: { state: unknown; admin: unknown; signed: unknown }, where: string): void {
  expect(observed.state, `${where}: state against the admin view`).toEqual(observed.admin);
  if (observed.signed !== undefined) expect(observed.signed, `${where}: signed API against the admin view`).toEqual(observed.admin);
}

/** Every request the emulator counted on `routes` has been answered (a slow one has landed). */
async function settled(routes: string[], mark: number): Promise<void> {
  const deadline = Date.now() + SLOW_MS + 10_000;
  for (;;) {
    const counters = await emulator.counters();
    const counted = routes.reduce((n, r) => n + (counters[r] ?? 0), 0);
    const answered = emulator.requests.slice(mark).filter((l) => routes.includes(l.route)).length;
    if (answered >= counted || Date.now() > deadline) return;
    await sleep(200);
  }
}

/**
 * Runs one case: each slot of the stack gets its fault (the same one in the matrix; one each in the
 * fast subset), or the clocks go wrong for the whole run. Then the second run, the drift check,
 * and the comparisons.
 */
async function runCase(stack: Stack, cell: number, faults: Map<Slot, Fault>): Promise<void> {
  const { project, slots } = stack;
  const faultOf = (slot: Slot) => faults.get(slot) as Fault;
  const clock = [...faults.values()].find((f) => f.clock !== undefined)?.clock;
  const before = await stateResources(project);
  project.writeProgram(programOf(slots, cell, before));
  for (const slot of slots) await slot.drift?.(emulator, cell);
  const observedBefore = new Map<Slot, unknown>();
  for (const slot of slots) observedBefore.set(slot, (await slot.observe(before, emulator, api)).state);
  await emulator.resetCounters();
  const mark = emulator.requests.length;
  const ledgerBefore = (await emulator.ledger()).length;
  let env: Record<string, string> | undefined;
  let turn: { boundary: number; offsetSeconds: number; movedAt: number | undefined } | undefined;
  try {
    if (clock !== undefined && "skewSeconds" in clock) {
      const clocks = skewedClocks(clock.skewSeconds);
      await emulator.admin("POST", "/clock", { offsetSeconds: clocks.serverOffsetSeconds });
      env = clockShiftEnv(clocks.providerShiftMs);
    } else if (clock !== undefined) {
      // Both clocks stand before an hour turns; the run's first request is held (latency), and
      // while it is held the emulator's clock is moved past the turn: that request and every
      // later one were signed in the hour before, and the server checks them in the hour after.
      const clocks = clocksBeforeTurn(TURN_LEAD_MS);
      await emulator.admin("POST", "/clock", { offsetSeconds: clocks.serverOffsetSeconds });
      env = clockShiftEnv(clocks.providerShiftMs);
      turn = { boundary: Math.ceil((Date.now() + clocks.serverOffsetSeconds * 1000) / HOUR_MS) * HOUR_MS, offsetSeconds: clocks.serverOffsetSeconds, movedAt: undefined };
      // Every request that arrives before the clock is moved is held, not only the first: a stack
      // of several write kinds sends several at once. turnTheHour lifts the hold once it has moved.
      await emulator.admin("POST", "/faults", { route: "*", kind: "latency", ms: HOLD_MS, times: 1_000 });
    }
    const faultIds = new Map<Slot, { id: number; kind: string }[]>();
    for (const [slot, f] of faults) {
      if (f.route === undefined) continue; // a clock case: no route fault
      const ids = [];
      for (const route of slot.faultRoutes) ids.push({ id: ((await emulator.admin("POST", "/faults", { route, ...f.route, times: 1 })) as { id: number }).id, kind: f.route.kind });
      faultIds.set(slot, ids);
    }
    const opts = env ? { env } : {};
    // Several kinds in one run: one failing must not stop the engine before the others have met their fault.
    const firstRun = stack.refresh ? ["refresh", "--yes", "--non-interactive", "--skip-preview"] : slots.length > 1 ? [...UP, "--continue-on-error"] : UP;
    const running = timed(() => project.pulumi(firstRun, opts));
    if (turn !== undefined) turn.movedAt = await turnTheHour(turn, running);
    const [first, firstUpSeconds] = await running;
    const left = new Set(((await emulator.admin("GET", "/faults")) as { id: number }[]).map((f) => f.id));
    await emulator.admin("DELETE", "/faults");
    const printed = first.stdout + first.stderr;

    if (turn !== undefined) {
      // Proof that the hour turned during the run: a request arrived in the hour before (and was
      // held over the turn), and the answers came in the hour after.
      const boundary = turn.boundary;
      expect(turn.movedAt, `the run's first request arrived before the turn\n${printed}`).toBeLessThan(boundary);
      const answered = emulator.requests.slice(mark).map((l) => l.at);
      expect(answered.length, printed).toBeGreaterThan(0);
      expect(answered.every((t) => t >= boundary), `every answer after the turn (${answered.map((t) => t - boundary).join(", ")} ms from it)`).toBe(true);
    }

    // The first run: its outcome and words, and the state against the account at once.
    const afterFirst = await stateResources(project, env);
    const repairs: (() => Promise<void>)[] = [];
    for (const slot of slots) {
      const f = faultOf(slot);
      const expected = expectFirst(slot, f);
      const where = `${slot.kind} under ${f.name}, first run`;
      if (expected.outcome === "failed") {
        expect(printed, where).toContain(slot.failure(cell));
        for (const words of expected.says) expect(printed, `${where}: says "${words}"`).toContain(words);
      } else {
        expect(printed, where).not.toContain(slot.failure(cell));
      }
      const observed = await slot.observe(afterFirst, emulator, api);
      repairs.push(...(await checkFirstState(slot, cell, expected.firstState, observed, observedBefore.get(slot), where)));
    }
    expect(first.code === 0, `first run exit code\n${printed}`).toBe(slots.every((s) => expectFirst(s, faultOf(s)).outcome === "succeeded"));

    // What a slow server still works on lands; an acknowledged-and-dropped glue change is fixed in the panel.
    await settled(slots.flatMap((s) => s.faultRoutes), mark);
    for (const repair of repairs) await repair();

    const [, secondUpSeconds] = await timed(() => project.ok(stack.refresh ? ["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"] : UP, opts));
    await project.ok(DRIFT_CHECK, opts);

    // Converged: the state is the account, through both windows onto it; nothing undeclared moved; nothing billed.
    const finalState = await stateResources(project, env);
    const counters = await emulator.counters();
    const lines = emulator.requests.slice(mark);
    for (const slot of slots) {
      const f = faultOf(slot);
      expectSame(await slot.observe(finalState, emulator, api), `${slot.kind} under ${f.name}, converged`);
      const untouched = await slot.untouched?.(emulator, api);
      if (untouched) {
        expect(untouched.admin, `${slot.kind}: what the program never declared (admin)`).toEqual(untouched.seeded);
        expect(untouched.signed, `${slot.kind}: what the program never declared (signed API)`).toEqual(untouched.seeded);
      }
      const calls = slot.faultRoutes.reduce((n, r) => n + (counters[r] ?? 0), 0);
      const ids = faultIds.get(slot) ?? [];
      const consumed = ids.filter((i) => !left.has(i.id));
      const ok200 = lines.filter((l) => slot.faultRoutes.includes(l.route) && l.status === "200").length;
      const carriedOut = ok200 - consumed.filter((i) => ABSORBS_WITH_200.has(i.kind)).length + consumed.filter((i) => i.kind === "resetAfter").length;
      const expected = expectFirst(slot, f);
      if (slot.once) {
        // Sent once: whatever happened on the way, the server carried the change out exactly once
        // (an acknowledged-and-dropped glue change never: the API cannot tell, see docs).
        expect(carriedOut, `${slot.kind} under ${f.name}: changes carried out by the server`).toBe(expected.firstState === "undetectable" ? 0 : 1);
      }
      if (f.route !== undefined && ABSORBS.has(f.route.kind)) expect(consumed.length, `${slot.kind}: the fault was met`).toBe(ids.length);
      figures.push({
        kind: slot.kind,
        fault: f.name,
        firstUp: `${expected.outcome}${expected.outcome === "failed" ? ` (${expected.firstState === "live" ? "state = account" : expected.firstState})` : ""}`,
        firstUpSeconds,
        secondUpSeconds,
        calls,
        carriedOut,
        converged: expected.firstState === "undetectable" ? "yes, after the panel fix" : "yes",
      });
    }
    expect((await emulator.ledger()).length, "nothing billed").toBe(ledgerBefore);
  } finally {
    await emulator.admin("DELETE", "/faults");
    await emulator.admin("POST", "/clock", { offsetSeconds: 0 });
  }
}

/** Checks the state right after the first run; returns the panel fixes an undetectable change needs. */
async function checkFirstState(slot: Slot, cell: number, firstState: FirstState, observed: { state: unknown; admin: unknown; signed: unknown }, before: unknown, where: string): Promise<(() => Promise<void>)[]> {
  switch (firstState) {
    case "live":
      expectSame(observed, where);
      return [];
    case "unchanged":
      // The refresh could not read the account: it recorded nothing, true or false.
      expect(observed.state, `${where}: state as before the refresh`).toEqual(before);
      return [];
    case "late":
      // Nothing was recorded as done; the two windows onto the account agree with each other.
      expect(observed.state, `${where}: state as before the case`).toEqual(before);
      if (observed.signed !== undefined) expect(observed.signed, `${where}: signed API against the admin view`).toEqual(observed.admin);
      return [];
    case "unconfirmed":
    case "pendingDelete": {
      const host = glueHost(slot.domain, cell, slot.kind);
      const questioned = (rows: unknown) => (rows as string[]).filter((r) => r.startsWith(`${host}=`));
      const others = (rows: unknown) => (rows as string[]).filter((r) => !r.startsWith(`${host}=`));
      expect(others(observed.state), `${where}: every other glue record as the account has it`).toEqual(others(observed.admin));
      if (firstState === "unconfirmed") expect(questioned(observed.state), `${where}: the case's record kept, unconfirmed`).toEqual([expect.stringMatching(/ \(unconfirmed\)$/)]);
      else expect(questioned(observed.state), `${where}: the record whose delete answer was lost stays, to be deleted again`).toHaveLength(1);
      return [];
    }
    case "undetectable": {
      // The registrar said yes and did nothing; with no route that lists glue, nothing can tell.
      expect(observed.state, `${where}: the state believes the change`).not.toEqual(observed.admin);
      return [async () => fixGlueInPanel(slot.domain, observed.state as string[])];
    }
  }
}

/** What the user does after checking the panel: make the account hold the glue the state says. */
async function fixGlueInPanel(domain: string, recorded: string[]): Promise<void> {
  const legacy = ((await emulator.domain(domain)).privateNameservers as { nameserver: string; ipaddress: string }[]).filter((g) => g.nameserver.startsWith("ns0."));
  const wanted = recorded.map((row) => {
    const [nameserver, ipaddress] = row.split("=") as [string, string];
    return { nameserver, ipaddress };
  });
  await emulator.drift(domain, { privateNameservers: [...legacy, ...wanted] });
}

/**
 * Waits for the run's first request to arrive (it is held by the latency fault), then moves the
 * emulator clock just past the hour turn. Answers when that was, by the emulator clock before the move.
 */
async function turnTheHour(turn: { boundary: number; offsetSeconds: number }, running: Promise<unknown>): Promise<number | undefined> {
  let done = false;
  void running.then(() => (done = true));
  while (!done) {
    const counters = await emulator.counters();
    if (Object.values(counters).some((n) => n > 0)) {
      const serverNow = Date.now() + turn.offsetSeconds * 1000;
      // Just past the boundary: the two clocks stay less than a minute apart, inside the timestamp tolerance (60 s).
      await emulator.admin("POST", "/clock", { offsetSeconds: turn.offsetSeconds + Math.ceil((turn.boundary + 1_000 - serverNow) / 1000) });
      await emulator.admin("DELETE", "/faults"); // a clock case sets no other fault
      return serverNow;
    }
    await sleep(20);
  }
  return undefined;
}

// ---- The full matrix: every fault in turn, met by every write kind at once (RELIABILITY=1) ----------
// One stack holds all ten write kinds, each on its own domain and route, so one run puts the same
// fault in front of every write; a refresh (reads, not writes) needs its own stack. 13 faults × 2
// runs instead of 143 stacks' worth of runs: the whole matrix takes minutes, not hours.

const writeSlots = (): Slot[] => [
  dnsSlot("m-dns-e2e.com"),
  nameserversSlot("m-ns-e2e.com"),
  lockSlot("m-lock-e2e.com"),
  emailForwardingSlot("m-mail-e2e.com"),
  idProtectionSlot("m-privacy-e2e.com"),
  contactsSlot("m-contacts-e2e.com"),
  glueRegisterSlot("m-glue-new-e2e.com"),
  glueModifySlot("m-glue-mod-e2e.com"),
  glueDeleteSlot("m-glue-del-e2e.com", FAULTS.length),
  releaseSlot("m-release", FAULTS.length),
];

describe.skipIf(!process.env.RELIABILITY)("write matrix", () => {
  let writes: Stack;
  let reads: Stack;
  beforeAll(async () => {
    writes = await openStack("matrix", writeSlots());
    reads = await openStack("matrix-refresh", [refreshSlot("m-refresh-e2e.com")]);
  });
  for (const [cell, f] of FAULTS.entries()) {
    it(`writes under ${f.name}`, async () => {
      await runCase(writes, cell, new Map(writes.slots.map((slot) => [slot, f])));
    });
    it(`refresh under ${f.name}`, async () => {
      await runCase(reads, cell, new Map(reads.slots.map((slot) => [slot, f])));
    });
  }
});

// ---- In `npm test`: every write kind at once, one fault each, and a refresh across an hour boundary ----

describe("write faults, one case per write kind (the full matrix: npm run reliability)", () => {
  it("every write kind meets one fault in the same run: each succeeds or says what happened, the state is the account, the next up converges, nothing billable twice", async () => {
    const cases: [Slot, Fault][] = [
      [dnsSlot("f-dns-e2e.com"), fault("resetAfter")],
      [nameserversSlot("f-ns-e2e.com"), fault("status 503")],
      [lockSlot("f-lock-e2e.com"), fault("ignore")],
      [emailForwardingSlot("f-mail-e2e.com"), fault(`rateLimit 429 Retry-After ${RETRY_AFTER_S} s`)],
      [idProtectionSlot("f-privacy-e2e.com"), fault(`latency ${SLOW_MS} ms`)],
      [contactsSlot("f-contacts-e2e.com"), fault("resetAfter")],
      [glueRegisterSlot("f-glue-new-e2e.com"), fault("resetAfter")],
      [glueModifySlot("f-glue-mod-e2e.com"), fault("status 502")],
      [glueDeleteSlot("f-glue-del-e2e.com", 1), fault("reset")],
      [releaseSlot("f-release", 1), fault("resetAfter")],
    ];
    const stack = await openStack("fast", cases.map(([slot]) => slot));
    await runCase(stack, 0, new Map(cases));
  });

  it("refresh with the server clock 5 minutes ahead, across an hour boundary: every read learns the clock, the state records the drift, the next up converges", async () => {
    const stack = await openStack("fast-refresh", [refreshSlot("f-refresh-e2e.com")]);
    await runCase(stack, 0, new Map([[stack.slots[0]!, fault("server clock 300 s ahead")]]));
  });
});
