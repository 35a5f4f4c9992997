/**
 * The provider at portfolio scale against the engine's floor, on the real Pulumi CLI.
 *
 * For each N (default 10 and 100): the emulator account holds N domains (bench/stack-programs.ts),
 * and a program declares per domain a Domain (adopt), a merge DnsRecordSet of 3 records,
 * Nameservers, RegistrarLock, EmailForwarding, IdProtection, and on every tenth domain a
 * PrivateNameserver. Timed: `up` (adopts and converges), a no-op `up`, `preview`,
 * `preview --refresh`, `destroy`. Each runs on three programs back to back, so all three see the
 * same machine load: the dynamic resources, the same program on the provider plugin
 * (bin/pulumi-resource-domainsreseller, against an emulator of its own seeded alike), and
 * the floor, a program of as many no-op dynamic resources; ratio = provider / floor and
 * plugin / floor. At N = 100 a few more runs measure `--parallel 32` and `PULUMI_PARALLEL_DIFF`.
 *
 * Run: `npm run bench -- stack [N ...]` (e.g. `stack 10 100 1000`), or after a build of
 * .bench-build: `node .bench-build/bench/stack.js 10 100 [--no-extras] [--no-plugin] [--merge] [--skip-checkpoints]` (`--from-json` redraws the plot
 * and reprints the tables from docs/benchmarks-stack.json, running nothing). Needs dist/ built
 * (`npm run build`). Writes docs/benchmarks-stack.json and docs/benchmarks-stack.svg.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, relative } from "node:path";
import { startEmulator, type EmulatorHandle } from "../emulator";
import { declaredDomain, floorProgram, PLUGIN_PROGRAM, providerResourceCount, PROVIDER_PROGRAM, seedDomain } from "./stack-programs";
import { createProject, repoRoot, type CommandResult, type Project } from "./stack-project";
import { cpuTable, routeBreakdown, slopes, slopeTable, svg, table, targetLines, targets, type OpResult, type PluginResult, type Side, type SizeResult } from "./stack-report";

const EMAIL = "bench@example.com";
const API_KEY = "bench-stack-key";
/** High enough that pacing never waits (docs/client.md: any positive number; the default is 120). */
const REQUESTS_PER_MINUTE = 100_000;
/** As wide as the engine's widest parallelism measured here (32), so the client's pool never queues the engine. */
const MAX_CONCURRENCY = 32;
const STACK = "bench";

interface Op {
  key: string;
  label: string;
  args: string[];
  env?: Record<string, string>;
}

// --expect-no-changes makes the three runs that should change nothing prove it; a run that finds
// changes still completes (and is timed), and is flagged in the table.
const OPS: Op[] = [
  { key: "up", label: "up (adopt)", args: ["up", "--yes"] },
  { key: "noop", label: "up (no-op)", args: ["up", "--yes", "--expect-no-changes"] },
  { key: "preview", label: "preview", args: ["preview", "--expect-no-changes"] },
  { key: "refresh", label: "preview --refresh", args: ["preview", "--refresh", "--expect-no-changes"] },
  { key: "destroy", label: "destroy", args: ["destroy", "--yes"] },
];

/** At N = 100: the sequence again with the engine's parallelism raised (default: 4 × GOMAXPROCS = 8 here), diffs in parallel, and a second no-op. */
const EXTRAS: Op[] = [
  { key: "up-p32", label: "up (adopt) --parallel 32", args: ["up", "--yes", "--parallel", "32"] },
  { key: "noop-pdiff", label: "up (no-op) PULUMI_PARALLEL_DIFF=true", args: ["up", "--yes", "--expect-no-changes"], env: { PULUMI_PARALLEL_DIFF: "true" } },
  // The first no-op after an adopting `up` still rewrites the checkpoint (docs/benchmarks.md says why): a second one shows the steady state.
  { key: "noop-again", label: "up (no-op), second in a row", args: ["up", "--yes", "--expect-no-changes"] },
  { key: "refresh-p32", label: "preview --refresh --parallel 32", args: ["preview", "--refresh", "--expect-no-changes", "--parallel", "32"] },
  { key: "destroy-p32", label: "destroy --parallel 32", args: ["destroy", "--yes", "--parallel", "32"] },
];
const EXTRAS_AT = 100;

/** Every POST that changes nothing (as the e2e harness counts writes): searches and syncs only read. */
const READ_ONLY_POSTS = new Set(["POST /domains/lookup", "POST /domains/lookup/suggestions", "POST /domains/{domain}/sync", "POST /domains/{domain}/transfersync"]);

async function admin(emulator: EmulatorHandle, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.origin}/__admin${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator admin ${method} ${path}: ${response.status} ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

async function seed(emulator: EmulatorHandle, n: number): Promise<void> {
  await admin(emulator, "POST", "/accounts", { email: EMAIL, apiKey: API_KEY, credit: "1000.00" });
  // Eight at a time: quick, and the admin API sees no more than a test would send.
  for (let start = 0; start < n; start += 8) {
    const batch = Array.from({ length: Math.min(8, n - start) }, (_, k) => admin(emulator, "POST", "/domains", seedDomain(EMAIL, start + k)));
    await Promise.all(batch);
  }
}

/** Runs `op` in `project`; a run with --expect-no-changes that found changes is kept and flagged. */
async function timed(project: Project, op: Op): Promise<Side> {
  const load = loadavg()[0] ?? 0;
  const before = process.cpuUsage();
  const result: CommandResult = await project.run(op.args, op.env ? { env: op.env } : {});
  const used = process.cpuUsage(before);
  const unexpectedChanges = result.code !== 0 && /no changes were expected/.test(result.output);
  if (result.code !== 0 && !unexpectedChanges) throw new Error(`pulumi ${op.args.join(" ")} exited ${result.code} in ${project.dir}\n${result.output}`);
  if (unexpectedChanges) process.stdout.write(`  ! ${op.label}: the engine found changes where none were expected\n${result.output.slice(-4000)}\n`);
  return {
    seconds: result.seconds,
    rssMb: result.providerRssMb,
    rssSampledMb: result.providerRssSampledMb,
    providerProcesses: result.providerProcesses,
    cpuSeconds: result.cpuSeconds,
    stateKb: project.stateBytes() / 1024,
    benchCpuSeconds: (used.user + used.system) / 1e6,
    load,
    ...(unexpectedChanges ? { unexpectedChanges } : {}),
  };
}

const cpuLine = (side: Side): string => [side.cpuSeconds.engine, side.cpuSeconds.program, side.cpuSeconds.provider, side.benchCpuSeconds].map((c) => c.toFixed(1)).join("/");

const callCount = (routes: Record<string, number>) => Object.values(routes).reduce((a, b) => a + b, 0);
const writeCount = (routes: Record<string, number>) =>
  Object.entries(routes)
    .filter(([route]) => route.startsWith("POST ") && !READ_ONLY_POSTS.has(route))
    .reduce((a, [, c]) => a + c, 0);

/** Runs `op` on `project` and returns its side with the API calls it made (the counters are reset first). */
async function counted(project: Project, op: Op, emulator: EmulatorHandle): Promise<{ side: Side; routes: Record<string, number> }> {
  await admin(emulator, "DELETE", "/counters");
  const side = await timed(project, op);
  return { side, routes: (await admin(emulator, "GET", "/counters")) as Record<string, number> };
}

/** A program and the emulator it talks to. */
interface Measured {
  project: Project;
  emulator: EmulatorHandle;
}

async function runOps(ops: readonly Op[], n: number, provider: Measured, plugin: Measured | undefined, floor: Project): Promise<OpResult[]> {
  const results: OpResult[] = [];
  for (const op of ops) {
    const { side: p, routes } = await counted(provider.project, op, provider.emulator);
    const g = plugin ? await counted(plugin.project, op, plugin.emulator) : undefined;
    const f = await timed(floor, op);
    const calls = callCount(routes);
    const writes = writeCount(routes);
    const pluginResult: PluginResult | undefined = g && {
      side: g.side,
      ratio: g.side.seconds / f.seconds,
      calls: callCount(g.routes),
      callsPerDomain: callCount(g.routes) / n,
      writes: writeCount(g.routes),
      routes: g.routes,
    };
    const result: OpResult = { key: op.key, label: op.label, provider: p, floor: f, ratio: p.seconds / f.seconds, calls, callsPerDomain: calls / n, writes, routes, ...(pluginResult ? { plugin: pluginResult } : {}) };
    results.push(result);
    process.stdout.write(
      `  N=${n} ${op.label.padEnd(38)} provider ${p.seconds.toFixed(1).padStart(6)} s  floor ${f.seconds.toFixed(1).padStart(6)} s  ratio ${result.ratio.toFixed(2)}  calls ${calls} (${result.callsPerDomain.toFixed(2)}/domain)  writes ${writes}  RSS ${p.rssMb.toFixed(0)}/${f.rssMb.toFixed(0)} MiB  load ${p.load.toFixed(1)}\n` +
        (pluginResult
          ? `  N=${n} ${`${op.label} (plugin)`.padEnd(38)} plugin   ${pluginResult.side.seconds.toFixed(1).padStart(6)} s  ratio ${pluginResult.ratio.toFixed(2)}  calls ${pluginResult.calls} (${pluginResult.callsPerDomain.toFixed(2)}/domain)  writes ${pluginResult.writes}  RSS ${pluginResult.side.rssMb.toFixed(0)} MiB (${pluginResult.side.providerProcesses} process(es))  load ${pluginResult.side.load.toFixed(1)}\n`
          : "") +
        `    CPU s engine/program/provider/bench process: provider run ${cpuLine(p)}, ${pluginResult ? `plugin run ${cpuLine(pluginResult.side)}, ` : ""}floor run ${cpuLine(f)}; state ${p.stateKb.toFixed(0)}/${pluginResult ? `${pluginResult.side.stateKb.toFixed(0)}/` : ""}${f.stateKb.toFixed(0)} KiB\n`,
    );
  }
  return results;
}

/** Points the project at the emulator's account (the API key through standard input, never the command line). */
async function configure(project: Project, emulator: EmulatorHandle): Promise<void> {
  await project.ok([
    "config", "set-all",
    "--plaintext", `domainsreseller:endpoint=${emulator.endpoint}`,
    "--plaintext", `domainsreseller:username=${EMAIL}`,
    "--plaintext", `domainsreseller:requestsPerMinute=${REQUESTS_PER_MINUTE}`,
    "--plaintext", `domainsreseller:maxConcurrency=${MAX_CONCURRENCY}`,
  ]);
  await project.ok(["config", "set", "--secret", "domainsreseller:apiKey"], { stdin: API_KEY });
}

/**
 * The same commands with the engine's checkpoint writes off (`--skip-checkpoints`). The file backend
 * rewrites the whole checkpoint after every step, so its cost grows with the square of the stack's
 * size for every provider alike (Pulumi's journaling, which removes it, serves its Cloud backend
 * only); at N = 1000 that alone would take hours here. Off for all three programs, what remains is
 * what the provider costs beside the floor. A diagnostic setting: an interrupted run forgets what it did.
 */
const withoutCheckpoints = (ops: readonly Op[]): Op[] => ops.map((op) => ({ ...op, env: { ...op.env, PULUMI_SKIP_CHECKPOINTS: "true" } }));

async function runSize(n: number, extras: boolean, withPlugin: boolean, skipCheckpoints = false): Promise<SizeResult> {
  const started = performance.now();
  const emulator = await startEmulator({ port: 0, admin: true, seed: "none" });
  // The plugin's program adopts the same portfolio from an emulator of its own: each `up` finds the
  // account as seeded, whatever the other program did, and each program's calls are counted apart.
  // It sits idle in this process while the other programs run.
  const pluginEmulator = withPlugin ? await startEmulator({ port: 0, admin: true, seed: "none" }) : undefined;
  const resources = providerResourceCount(n);
  const portfolio = `${JSON.stringify(Array.from({ length: n }, (_, i) => declaredDomain(i)), null, 1)}\n`;
  const provider = createProject(`bench-stack-p${n}`, { "index.ts": PROVIDER_PROGRAM, "portfolio.json": portfolio }, { installed: true });
  const plugin = withPlugin ? createProject(`bench-stack-g${n}`, { "index.ts": PLUGIN_PROGRAM, "portfolio.json": portfolio }, { plugin: true }) : undefined;
  const floor = createProject(`bench-stack-f${n}`, { "index.ts": floorProgram(resources) });
  const projects = [provider, ...(plugin ? [plugin] : []), floor];
  try {
    await seed(emulator, n);
    if (pluginEmulator) await seed(pluginEmulator, n);
    for (const project of projects) await project.ok(["stack", "init", STACK, "--non-interactive"]);
    await configure(provider, emulator);
    if (plugin && pluginEmulator) await configure(plugin, pluginEmulator);
    process.stdout.write(`N=${n}: ${n} domains seeded${plugin ? " in each of two emulators" : ""}, ${resources} resources per program${skipCheckpoints ? ", PULUMI_SKIP_CHECKPOINTS=true for every command" : ""}\n`);
    const providerTarget = { project: provider, emulator };
    const pluginTarget = plugin && pluginEmulator ? { project: plugin, emulator: pluginEmulator } : undefined;
    const ops = await runOps(skipCheckpoints ? withoutCheckpoints(OPS) : OPS, n, providerTarget, pluginTarget, floor);
    const extraOps = extras ? await runOps(skipCheckpoints ? withoutCheckpoints(EXTRAS) : EXTRAS, n, providerTarget, pluginTarget, floor) : [];
    return { n, resources, ops, extras: extraOps, totalSeconds: (performance.now() - started) / 1000, ...(skipCheckpoints ? { skipCheckpoints } : {}) };
  } finally {
    for (const project of projects) project.cleanup();
    await emulator.close();
    await pluginEmulator?.close();
  }
}

function parseArgs(argv: readonly string[]): { sizes: number[]; extras: boolean; plugin: boolean; merge: boolean; skipCheckpoints: boolean } {
  const sizes = argv.filter((a) => /^\d+$/.test(a)).map(Number).filter((n) => n > 0);
  return {
    sizes: sizes.length > 0 ? [...new Set(sizes)].sort((a, b) => a - b) : [10, 100],
    extras: !argv.includes("--no-extras"),
    plugin: !argv.includes("--no-plugin"),
    merge: argv.includes("--merge"),
    skipCheckpoints: argv.includes("--skip-checkpoints"),
  };
}

/**
 * With `--merge`, the sizes of this run replace the same sizes in the stored JSON and the others
 * are kept (each carries its own date and machine), so a long size (N = 1000) can be run apart.
 */
function mergedSizes(results: SizeResult[], jsonPath: string): SizeResult[] {
  if (!existsSync(jsonPath)) return results;
  const stored = JSON.parse(readFileSync(jsonPath, "utf8")) as Stored;
  const fresh = new Set(results.map((r) => r.n));
  const kept = stored.sizes.filter((r) => !fresh.has(r.n)).map((r) => ({ ...r, measuredAt: r.measuredAt ?? stored.date, machine: r.machine ?? stored.machine }));
  return [...kept, ...results].sort((a, b) => a.n - b.n);
}

/** Where the figures go: runs with the checkpoint writes off are kept apart from the others. */
const outputs = (skipCheckpoints: boolean) => {
  const base = join(repoRoot, "docs", skipCheckpoints ? "benchmarks-stack-no-checkpoints" : "benchmarks-stack");
  return { json: `${base}.json`, svg: `${base}.svg` };
};

interface Stored {
  date: string;
  machine: string;
  loadAverageAtEnd: number[];
  settings: Record<string, unknown>;
  sizes: SizeResult[];
}

/** Prints the tables and the targets, and writes the JSON and the plot. */
function publish(stored: Stored): void {
  const slopeList = slopes(stored.sizes);
  const targetList = targets(stored.sizes);
  const report = [
    "",
    table(stored.sizes),
    "",
    "CPU by process (sampled every 200 ms from /proc):",
    cpuTable(stored.sizes),
    "",
    "API calls per domain, by route:",
    routeBreakdown(stored.sizes),
    "",
    "Cost of one more domain:",
    slopeTable(slopeList),
    "",
    "Targets:",
    targetLines(targetList),
  ].join("\n");
  process.stdout.write(`${report}\n`);
  const out = outputs(stored.sizes.some((size) => size.skipCheckpoints === true));
  const checkpoints = out.json.includes("no-checkpoints") ? ", checkpoint writes off (PULUMI_SKIP_CHECKPOINTS)" : "";
  writeFileSync(out.json, `${JSON.stringify({ ...stored, slopes: slopeList, targets: targetList }, null, 2)}\n`);
  writeFileSync(out.svg, svg(stored.sizes, `pulumi-domainsreseller at portfolio scale: wall time against N (${stored.date.slice(0, 10)}${checkpoints})`));
  process.stdout.write(`written: ${relative(repoRoot, out.json)}, ${relative(repoRoot, out.svg)}\n`);
}

export async function main(argv = process.argv.slice(2)): Promise<SizeResult[]> {
  // Redraws the plot and reprints the tables from the stored figures, running nothing.
  if (argv.includes("--from-json")) {
    const stored = JSON.parse(readFileSync(outputs(argv.includes("--skip-checkpoints")).json, "utf8")) as Stored;
    publish(stored);
    return stored.sizes;
  }
  const { sizes, extras, plugin, merge, skipCheckpoints } = parseArgs(argv);
  // The plugin's launcher (bin/) runs dist/provider/plugin/main.js, and its program loads dist/provider/plugin-sdk.
  const needed = ["runtime/index.js", ...(plugin ? ["plugin/main.js", "plugin-sdk/index.js"] : [])];
  for (const file of needed) {
    if (!existsSync(join(repoRoot, "dist", "provider", file))) {
      throw new Error(`dist/provider/${file} is not built (the programs resolve pulumi-domainsreseller from dist/): run \`npm run build\` first`);
    }
  }
  const date = new Date().toISOString();
  const machine = `node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average at start ${loadavg().map((l) => l.toFixed(1)).join(" ")}`;
  process.stdout.write(`${machine}\nrequestsPerMinute ${REQUESTS_PER_MINUTE}, maxConcurrency ${MAX_CONCURRENCY}, engine --parallel default (8 on 2 cores)\n`);
  const results: SizeResult[] = [];
  for (const n of sizes) {
    const result = { ...(await runSize(n, extras && n === EXTRAS_AT, plugin, skipCheckpoints)), measuredAt: new Date().toISOString(), machine };
    results.push(result);
    process.stdout.write(`N=${n}: ${result.totalSeconds.toFixed(0)} s in total (seeding, set-up, ${result.ops.length + result.extras.length} commands on each program)\n`);
  }
  publish({
    date,
    machine,
    loadAverageAtEnd: loadavg(),
    settings: { requestsPerMinute: REQUESTS_PER_MINUTE, maxConcurrency: MAX_CONCURRENCY, engineParallelDefault: "4 × GOMAXPROCS", plugin },
    sizes: merge ? mergedSizes(results, outputs(skipCheckpoints).json) : results,
  });
  return results;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
