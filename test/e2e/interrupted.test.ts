// Interrupted runs on the real engine: a `pulumi up` of 20 adopted domains (each with a merge
// DnsRecordSet, Nameservers and a RegistrarLock) plus one registration, made slow by an emulator
// latency fault, is stopped while the order is in flight, in the three ways a run ends early:
// Ctrl-C (SIGINT to the CLI), the dynamic provider killed (SIGKILL), and the CLI killed with its
// whole process tree (SIGKILL). Each case then runs what docs/reliability.md ("Interrupted runs")
// tells the user to run, and proves: the stack converges (every declared record, nameserver and
// lock in force, the records the program never declared untouched, the drift check clean, nothing
// pending), and the registration was sent once and billed once. The edges the docs warn about
// (Ctrl-C twice, the CLI killed alone, `up` at once after a killed provider) run with RELIABILITY=1.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, openAccount, startTestEmulator, type Project, type TestEmulator } from "./harness";
import { alive, descendants, dynamicProviderOf, sleep, spawnPulumi, waitUntil, type RunningPulumi } from "./interrupt";

const FLEET = 20;
/** Every API request takes this long: the apply lasts about 25 s, long enough to stop in the middle. */
const LATENCY_MS = 300;
/**
 * The order answers this much later again (latencies add up), so that it is in flight when the
 * signal comes: the case the money depends on.
 */
const ORDER_LATENCY_MS = 4_000;
/** Writes that must have landed before the signal: the run is stopped in the middle, not at the start. */
const MIN_WRITES = 4;
const REGISTER = "POST /order/domains/register";
const NAMESERVERS = ["ns1.fleet.test", "ns2.fleet.test"];
const SEEDED_NAMESERVERS = ["ns1.emulator.test", "ns2.emulator.test"];
const UP = ["up", "--yes", "--non-interactive", "--skip-preview"];
const REFRESH = ["refresh", "--yes", "--non-interactive", "--skip-preview"];
const DRIFT_CHECK = ["preview", "--refresh", "--expect-no-changes", "--non-interactive"];
const REGISTRANT = `{ firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" }`;

const fleetName = (prefix: string, i: number) => `${prefix}-${String(i).padStart(2, "0")}.com`;
const orderName = (prefix: string) => `${prefix}-new.com`;
/** What the account holds before the program runs: none of it is declared, so all of it must stay. */
const seededRows = (i: number) => [
  { hostname: "@", type: "MX", address: "mail.keep.test", priority: 10 },
  { hostname: "keep", type: "A", address: `198.51.100.${i + 1}` },
  // Another type at a declared name: a merge set owns www/A only.
  { hostname: "www", type: "AAAA", address: `2001:db8::${i + 1}` },
];
const declaredRows = (i: number) => [
  { hostname: "www", type: "A", address: `192.0.2.${i + 1}` },
  { hostname: "@", type: "TXT", address: `site-${i}` },
];
const rowKey = (r: { hostname: string; type: string; address: string }) => `${r.hostname}/${r.type}/${r.address}`;

// The order is declared first, and the fleet only once the order's step has reached the API (the
// emulator's request counters, reset before each run, say so): the engine starts steps in the
// order resources register, and the SDK registers them in the order their inputs resolve, which
// without the wait may put the order last, after the fleet, with nothing left to interrupt.
const program = (prefix: string, adminOrigin: string) => `
import { Domain, DnsRecordSet, Nameservers, RegistrarLock } from "pulumi-domainsreseller";
export = async () => {
  new Domain("order", { name: "${orderName(prefix)}", source: "register", years: 1, nameservers: ${JSON.stringify(NAMESERVERS)}, contacts: { registrant: ${REGISTRANT} }, maxPrice: 20 });
  for (let waited = 0; waited < 60_000; waited += 100) {
    const counters = (await (await fetch("${adminOrigin}/__admin/counters")).json()) as Record<string, number>;
    if (Object.keys(counters).length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (let i = 0; i < ${FLEET}; i++) {
    const domain = \`${prefix}-\${String(i).padStart(2, "0")}.com\`;
    new DnsRecordSet(\`dns-\${i}\`, { domain, mode: "merge", records: [
      { name: "www", type: "A", value: \`192.0.2.\${i + 1}\` },
      { name: "@", type: "TXT", value: \`site-\${i}\` },
    ] });
    new Nameservers(\`ns-\${i}\`, { domain, nameservers: ${JSON.stringify(NAMESERVERS)} });
    new RegistrarLock(\`lock-\${i}\`, { domain, locked: false });
  }
};
`;
/** Stack, default provider, the stack guard, the order and three per domain. */
const TOTAL_RESOURCES = 4 + 3 * FLEET;

interface StateResource {
  urn: string;
  type: string;
  outputs?: Record<string, unknown>;
}
interface PendingOperation {
  type: string;
  resource: { urn: string };
}
interface State {
  resources: StateResource[];
  pending: PendingOperation[];
}

interface Figure {
  case: string;
  toSignal: number;
  writesAtSignal: number;
  signalToExit: number;
  recordedByInterruptedRun: number;
  /** Pending operations the interrupted run left in the state. */
  pendingAfterInterruption: number;
  commands: string[];
  recoverySeconds: number;
  orderCalls: number;
  ledgerLines: number;
  /** Settings whose killed create had written before dying: re-created, they take that write as what they found. */
  foundAfterKill: number;
}

describe("interrupted runs: Ctrl-C, a killed provider, a killed CLI", () => {
  let emulator: TestEmulator;
  const projects: Project[] = [];
  const figures: Figure[] = [];
  const email = "interrupted-e2e@example.com";
  const apiKey = `e2e-${randomBytes(18).toString("hex")}`;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await openAccount(emulator, { email, apiKey, credit: "500.00" });
  });
  afterAll(async () => {
    if (figures.length > 0) console.log(`interrupted runs:\n${figures.map((f) => JSON.stringify(f)).join("\n")}`);
    for (const project of projects) project.cleanup();
    await emulator?.close();
  });

  const calls = async (route: string) => (await emulator.counters())[route] ?? 0;
  /** API requests of every route so far. */
  const requests = async () => Object.values(await emulator.counters()).reduce((n, c) => n + c, 0);
  const ledgerFor = async (domain: string) => (await emulator.ledger()).filter((e) => e.domain === domain);

  async function stack(prefix: string): Promise<Project> {
    for (let i = 0; i < FLEET; i++) await emulator.admin("POST", "/domains", { owner: email, domain: fleetName(prefix, i), dns: seededRows(i) });
    const project = createProject(`interrupted-${prefix}`, program(prefix, emulator.handle.origin));
    projects.push(project);
    await configureStack(project, "dev", emulator);
    // The client's default pacing (120 requests a minute) would stretch the apply to over a minute by
    // itself; the latency fault is what makes it long here, so the case runs as fast as it can.
    await project.ok(["config", "set", "domainsreseller:requestsPerMinute", "100000"]);
    await emulator.resetCounters();
    return project;
  }

  async function exportState(project: Project): Promise<State> {
    const deployment = JSON.parse((await project.ok(["stack", "export"])).stdout).deployment as { resources?: StateResource[]; pending_operations?: PendingOperation[] };
    return { resources: deployment.resources ?? [], pending: deployment.pending_operations ?? [] };
  }

  /** The lock files of the file backend: one while a run holds the stack. */
  function lockFiles(project: Project): string[] {
    const root = join(project.home, "backend", ".pulumi", "locks");
    const found: string[] = [];
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (entry.endsWith(".json")) found.push(full);
      }
    };
    walk(root);
    return found;
  }

  /** Starts the slow apply and returns once the order is in flight and some writes have landed. */
  async function slowUpUntilOrderInFlight(project: Project, prefix: string, orderLatencyMs = ORDER_LATENCY_MS): Promise<{ run: RunningPulumi; started: number; writesAtSignal: number }> {
    await emulator.admin("POST", "/faults", { route: "*", kind: "latency", ms: LATENCY_MS });
    await emulator.admin("POST", "/faults", { route: REGISTER, kind: "latency", ms: orderLatencyMs, times: 1 });
    const started = Date.now();
    const run = spawnPulumi(project, UP);
    await waitUntil(run, async () => (await calls(REGISTER)) >= 1 && (await emulator.writes()) >= MIN_WRITES, 120_000, "order sent");
    const writesAtSignal = await emulator.writes();
    // The signal must come while the order is in flight (sent, not billed yet) and most of the
    // fleet is still to do (3 writes a domain).
    expect(await ledgerFor(orderName(prefix))).toEqual([]);
    expect(writesAtSignal).toBeLessThan(FLEET);
    return { run, started, writesAtSignal };
  }

  /** The user's check after a killed run that was ordering: wait until the account shows the order. */
  async function waitForOrder(prefix: string, orderLatencyMs = ORDER_LATENCY_MS): Promise<void> {
    const deadline = Date.now() + orderLatencyMs + 15_000;
    while ((await ledgerFor(orderName(prefix))).length === 0 && Date.now() < deadline) await sleep(200);
  }

  /** Runs the user's recovery commands in turn, each timed; returns their total seconds. */
  async function recover(project: Project, commands: string[][], figure: Pick<Figure, "commands">): Promise<number> {
    const started = Date.now();
    for (const args of commands) {
      figure.commands.push(`pulumi ${args.join(" ")}`);
      await project.ok(args);
    }
    return (Date.now() - started) / 1000;
  }

  /** Converged: what the program declares is in force, what it never declared is intact, charged once. */
  async function expectConverged(project: Project, prefix: string): Promise<void> {
    const state = await exportState(project);
    expect(state.pending).toEqual([]);
    expect(state.resources).toHaveLength(TOTAL_RESOURCES);
    expect(lockFiles(project)).toEqual([]);
    for (let i = 0; i < FLEET; i++) {
      const live = (await emulator.domain(fleetName(prefix, i))) as { dns: { hostname: string; type: string; address: string }[]; nameservers: string[]; locked: boolean };
      expect(live.dns.map(rowKey).sort()).toEqual([...declaredRows(i), ...seededRows(i)].map(rowKey).sort());
      expect(live.nameservers).toEqual(NAMESERVERS);
      expect(live.locked).toBe(false);
    }
    const ordered = (await emulator.domain(orderName(prefix))) as { owner: string; status: string };
    expect(ordered).toMatchObject({ owner: email, status: "Active" });
    expect(await calls(REGISTER)).toBe(1);
    expect(await ledgerFor(orderName(prefix))).toEqual([expect.objectContaining({ type: "register", years: 1 })]);
  }

  /** Settings that recorded a value the killed run had written as the value they found (a delete would give that back). */
  function foundAfterKill(state: State): number {
    return state.resources.filter(
      (r) =>
        (r.type.endsWith(":Nameservers") && JSON.stringify(r.outputs?.initialNameservers) !== JSON.stringify(SEEDED_NAMESERVERS)) ||
        (r.type.endsWith(":RegistrarLock") && r.outputs?.initialLocked !== true),
    ).length;
  }

  /**
   * After a killed CLI: the stack is locked and the steps that were in flight are pending creates.
   * The documented recovery: `pulumi cancel`, a refresh that clears the pending creates, the
   * order checked, then `up`.
   */
  async function recoverFromKilledCli(project: Project, prefix: string, figure: Figure): Promise<void> {
    // A kill during a checkpoint write can leave the stack's metadata file empty (the file backend
    // writes it in place): every command then fails with `failed to load checkpoint: EOF`. The repair
    // the docs give: delete that empty file.
    const attrs = join(project.home, "backend", ".pulumi", "stacks", `interrupted-${prefix}`, "dev.json.attrs");
    const readable = await project.pulumi(["stack", "export"]);
    if (readable.code !== 0) {
      expect(readable.stderr).toContain("failed to load checkpoint");
      expect(statSync(attrs).size).toBe(0);
      rmSync(attrs);
      figure.case += " (empty checkpoint metadata deleted)";
    }
    const interrupted = await exportState(project);
    figure.recordedByInterruptedRun = interrupted.resources.length;
    figure.pendingAfterInterruption = interrupted.pending.length;

    // Locked: a command that writes refuses, naming the lock file and `pulumi cancel`.
    const blocked = await project.pulumi(UP);
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain("the stack is currently locked by 1 lock(s)");
    expect(blocked.stdout + blocked.stderr).toContain("pulumi cancel");
    expect(lockFiles(project)).toHaveLength(1);
    // The steps in flight are pending creates, the order among them; the order is not recorded.
    expect(interrupted.pending.length).toBeGreaterThan(0);
    expect(interrupted.pending.every((p) => p.type === "creating")).toBe(true);
    expect(interrupted.pending.map((p) => p.resource.urn)).toContainEqual(expect.stringMatching(/:Domain::order$/));
    expect(interrupted.resources.find((r) => r.type.endsWith(":Domain"))).toBeUndefined();

    const began = Date.now();
    figure.commands.push("pulumi cancel --yes --non-interactive");
    const cancelled = await project.ok(["cancel", "--yes", "--non-interactive"]);
    expect(cancelled.stdout).toContain("has been canceled");
    expect(lockFiles(project)).toEqual([]);
    // Without a terminal, a plain refresh leaves pending creates as they are, and says nothing.
    figure.commands.push(`pulumi ${REFRESH.join(" ")}`);
    await project.ok(REFRESH);
    expect((await exportState(project)).pending).toHaveLength(interrupted.pending.length);
    figure.commands.push(`pulumi ${[...REFRESH, "--clear-pending-creates"].join(" ")}`);
    await project.ok([...REFRESH, "--clear-pending-creates"]);
    expect((await exportState(project)).pending).toEqual([]);
    figure.recoverySeconds = (Date.now() - began) / 1000;
    await waitForOrder(prefix);
    figure.recoverySeconds += await recover(project, [UP, DRIFT_CHECK], figure);
    await expectConverged(project, prefix);
  }

  const newFigure = (name: string, started: number, signalled: number, exitedAt: number, writesAtSignal: number, recorded: number): Figure => ({
    case: name,
    toSignal: (signalled - started) / 1000,
    writesAtSignal,
    signalToExit: (exitedAt - signalled) / 1000,
    recordedByInterruptedRun: recorded,
    pendingAfterInterruption: 0,
    commands: [],
    recoverySeconds: 0,
    orderCalls: 0,
    ledgerLines: 0,
    foundAfterKill: 0,
  });
  const finish = async (project: Project, prefix: string, figure: Figure) =>
    figures.push({ ...figure, orderCalls: await calls(REGISTER), ledgerLines: (await ledgerFor(orderName(prefix))).length, foundAfterKill: foundAfterKill(await exportState(project)) });

  it("Ctrl-C: the engine finishes the steps in flight (the order included), records them and unlocks the stack; refresh and up converge", async () => {
    const prefix = "ctrlc";
    const project = await stack(prefix);
    const { run, started, writesAtSignal } = await slowUpUntilOrderInFlight(project, prefix);
    const signalled = Date.now();
    process.kill(run.pid, "SIGINT");
    const end = await run.exited;
    const exitedAt = Date.now();
    await emulator.admin("DELETE", "/faults");
    expect(end.signal).toBeNull();
    expect(end.code).not.toBe(0);
    expect(end.output).toContain("^C received; cancelling");
    expect(end.output).toContain("error: update canceled");

    const interrupted = await exportState(project);
    expect(interrupted.pending).toEqual([]);
    expect(lockFiles(project)).toEqual([]);
    // The order was in flight at the signal: the engine waited for its answer and recorded it.
    expect(interrupted.resources.find((r) => r.type.endsWith(":Domain"))?.outputs).toMatchObject({ name: orderName(prefix), status: "Active" });
    expect(await ledgerFor(orderName(prefix))).toHaveLength(1);
    expect(interrupted.resources.length).toBeLessThan(TOTAL_RESOURCES / 2);

    const figure = newFigure("Ctrl-C", started, signalled, exitedAt, writesAtSignal, interrupted.resources.length);
    figure.recoverySeconds = await recover(project, [REFRESH, UP, DRIFT_CHECK], figure);
    await expectConverged(project, prefix);
    await finish(project, prefix, figure);
  });

  it("killed provider: the steps in flight fail (no pending operation, no lock), the order lands later; once the account shows it, up adopts it: billed once", async () => {
    const prefix = "killprov";
    const project = await stack(prefix);
    const { run, started, writesAtSignal } = await slowUpUntilOrderInFlight(project, prefix);
    const providers = dynamicProviderOf(run.pid);
    expect(providers).toHaveLength(1); // all dynamic resources share one provider process
    const [provider] = providers;
    if (provider === undefined) throw new Error("no dynamic provider process");
    const signalled = Date.now();
    process.kill(provider.pid, "SIGKILL");
    const end = await run.exited;
    const exitedAt = Date.now();
    await emulator.admin("DELETE", "/faults");
    expect(end.signal).toBeNull();
    expect(end.code).not.toBe(0);
    expect(end.output).toContain("error reading from server: EOF");

    const interrupted = await exportState(project);
    // The engine got an answer from every step (a broken connection is a failure), so nothing is
    // left pending and the stack is unlocked; the order's step failed, so the Domain is not recorded.
    expect(interrupted.pending).toEqual([]);
    expect(lockFiles(project)).toEqual([]);
    expect(interrupted.resources.find((r) => r.type.endsWith(":Domain"))).toBeUndefined();

    const figure = newFigure("killed provider", started, signalled, exitedAt, writesAtSignal, interrupted.resources.length);
    await waitForOrder(prefix);
    figure.recoverySeconds = await recover(project, [REFRESH, UP, DRIFT_CHECK], figure);
    await expectConverged(project, prefix);
    await finish(project, prefix, figure);
  });

  it.skipIf(!process.env.RELIABILITY)("killed CLI (the whole process tree): the stack stays locked with pending creates; cancel, refresh --clear-pending-creates and up converge, billed once", async () => {
    const prefix = "killcli";
    const project = await stack(prefix);
    const { run, started, writesAtSignal } = await slowUpUntilOrderInFlight(project, prefix);
    const tree = descendants(run.pid);
    const signalled = Date.now();
    // The CLI first, so that it cannot react to its plugins dying; then every process it started.
    process.kill(run.pid, "SIGKILL");
    for (const p of tree) {
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    const end = await run.exited;
    const exitedAt = Date.now();
    await emulator.admin("DELETE", "/faults");
    expect(end.signal).toBe("SIGKILL");
    for (let i = 0; i < 50 && tree.some((p) => alive(p.pid)); i++) await sleep(100);
    expect(tree.filter((p) => alive(p.pid))).toEqual([]);

    const figure = newFigure("killed CLI and its plugins", started, signalled, exitedAt, writesAtSignal, 0);
    await recoverFromKilledCli(project, prefix, figure);
    await finish(project, prefix, figure);
  });

  // The slow edges (about 2 minutes more): what the docs warn about, shown on the real engine.
  describe.skipIf(!process.env.RELIABILITY)("the edges the docs warn about (RELIABILITY=1)", () => {
    it("Ctrl-C twice: the CLI ends at once and ends its plugins; no lock, the steps in flight pending; refresh --clear-pending-creates and up converge", async () => {
      const prefix = "ctrlc-twice";
      const project = await stack(prefix);
      const { run, started, writesAtSignal } = await slowUpUntilOrderInFlight(project, prefix);
      const tree = descendants(run.pid);
      const signalled = Date.now();
      process.kill(run.pid, "SIGINT");
      await waitUntil(run, async () => run.output().includes("^C received; cancelling"), 10_000, "the first Ctrl-C acknowledged");
      process.kill(run.pid, "SIGINT");
      const end = await run.exited;
      const exitedAt = Date.now();
      await emulator.admin("DELETE", "/faults");
      expect(end.code).not.toBe(0);
      expect(end.output).toContain("^C received; terminating");
      for (let i = 0; i < 50 && tree.some((p) => alive(p.pid)); i++) await sleep(100);
      expect(tree.filter((p) => alive(p.pid))).toEqual([]);

      const interrupted = await exportState(project);
      expect(lockFiles(project)).toEqual([]);
      expect(interrupted.pending.length).toBeGreaterThan(0);
      expect(interrupted.pending.every((p) => p.type === "creating")).toBe(true);
      expect(interrupted.pending.map((p) => p.resource.urn)).toContainEqual(expect.stringMatching(/:Domain::order$/));

      const figure = newFigure("Ctrl-C twice", started, signalled, exitedAt, writesAtSignal, interrupted.resources.length);
      figure.pendingAfterInterruption = interrupted.pending.length;
      figure.recoverySeconds = await recover(project, [[...REFRESH, "--clear-pending-creates"]], figure);
      expect((await exportState(project)).pending).toEqual([]);
      await waitForOrder(prefix);
      figure.recoverySeconds += await recover(project, [UP, DRIFT_CHECK], figure);
      await expectConverged(project, prefix);
      await finish(project, prefix, figure);
    });

    it("killed CLI alone (kill -9 of pulumi): its plugins live on and keep writing; once they are ended, the same recovery converges", async () => {
      const prefix = "killcli-only";
      const project = await stack(prefix);
      const { run, started, writesAtSignal } = await slowUpUntilOrderInFlight(project, prefix);
      const tree = descendants(run.pid);
      const signalled = Date.now();
      process.kill(run.pid, "SIGKILL");
      const requestsAtKill = await requests();
      const end = await run.exited;
      const exitedAt = Date.now();
      expect(end.signal).toBe("SIGKILL");
      await sleep(3_000);
      const orphans = tree.filter((p) => alive(p.pid));
      // The language host and the provider (with its shell wrapper) outlive the CLI, and the
      // provider goes on with the steps it had begun: requests arrive after the CLI is gone.
      expect(orphans.some((p) => p.command.includes("@pulumi/pulumi/cmd/dynamic-provider"))).toBe(true);
      expect(orphans.some((p) => p.command.includes("pulumi-language-nodejs"))).toBe(true);
      const requestsAfterKill = await requests();
      expect(requestsAfterKill).toBeGreaterThan(requestsAtKill);
      for (const p of orphans) process.kill(p.pid, "SIGKILL");
      for (let i = 0; i < 50 && orphans.some((p) => alive(p.pid)); i++) await sleep(100);
      expect(orphans.filter((p) => alive(p.pid))).toEqual([]);
      await emulator.admin("DELETE", "/faults");

      const figure = newFigure(`killed CLI alone (${orphans.length} plugin processes lived on, ${requestsAfterKill - requestsAtKill} requests after the kill)`, started, signalled, exitedAt, writesAtSignal, 0);
      await recoverFromKilledCli(project, prefix, figure);
      await finish(project, prefix, figure);
    });

    it("killed provider, then up at once while the order is still in flight: the order journal refuses a second order until the account shows the first", async () => {
      const prefix = "killprov-hasty";
      const slowOrderMs = 15_000;
      const project = await stack(prefix);
      const { run, started, writesAtSignal } = await slowUpUntilOrderInFlight(project, prefix, slowOrderMs);
      const [provider] = dynamicProviderOf(run.pid);
      if (provider === undefined) throw new Error("no dynamic provider process");
      const signalled = Date.now();
      process.kill(provider.pid, "SIGKILL");
      const end = await run.exited;
      const exitedAt = Date.now();
      await emulator.admin("DELETE", "/faults");
      expect(end.code).not.toBe(0);

      const figure = newFigure("killed provider, up at once", started, signalled, exitedAt, writesAtSignal, (await exportState(project)).resources.length);
      // The state knows nothing of the first order; the journal of this machine does
      // (runtime/domain/journal.ts): the Domain is refused, everything else converges.
      const hasty = await project.pulumi([...UP]);
      figure.commands.push(`pulumi ${UP.join(" ")} (refused: an unrecorded order)`);
      expect(hasty.code).not.toBe(0);
      expect(hasty.stdout).toContain(`was sent at`);
      expect(hasty.stdout).toContain("by a run that ended before recording it");
      expect(await calls(REGISTER)).toBe(1);
      await waitForOrder(prefix, slowOrderMs);
      figure.recoverySeconds = await recover(project, [UP, DRIFT_CHECK], figure);
      expect(await calls(REGISTER)).toBe(1);
      expect(await ledgerFor(orderName(prefix))).toEqual([expect.objectContaining({ type: "register", years: 1 })]);
      await finish(project, prefix, figure);
    });
  });
});
