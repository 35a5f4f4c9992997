/**
 * A Pulumi project for the stack benchmark, driven through the real `pulumi` CLI with the
 * repository's isolated environment (scripts/pulumi-env.mjs: local file backend, the CLI set up by
 * scripts/setup.mjs, no network). Projects live under `.e2e/` in the repository so that the program
 * resolves `pulumi-domainsreseller` and `@pulumi/pulumi` from its node_modules, as an example does.
 *
 * Every command is timed (spawn to exit) while a sampler watches the provider process the engine
 * starts: the dynamic-provider host, or the domainsreseller plugin (see `sampleProviderRss`).
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type * as PulumiEnvModule from "../scripts/pulumi-env.mjs";

/** The repository: the folder above this file that holds scripts/pulumi-env.mjs (bench/ in source, .bench-build/bench/ compiled). */
function findRepoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "scripts", "pulumi-env.mjs"))) return dir;
  }
  throw new Error(`scripts/pulumi-env.mjs not found above ${__dirname}`);
}

export const repoRoot = findRepoRoot();
// The environment module is ESM; Node.js 20.19+ loads it with require(), and the compiled bench is
// CommonJS, whose relative imports would point into .bench-build/.
const envModule = require(join(repoRoot, "scripts", "pulumi-env.mjs")) as typeof PulumiEnvModule;

export interface CommandResult {
  code: number;
  seconds: number;
  /** Peak resident memory of the provider process(es) of this command, MiB (kernel high-water mark). */
  providerRssMb: number;
  /** The largest VmRSS seen by the 200 ms samples, MiB (a peak between samples is only in providerRssMb). */
  providerRssSampledMb: number;
  /** How many provider processes the command started (an `up` runs a preview and an update). */
  providerProcesses: number;
  /** CPU seconds of the command's processes by role (see sampleProviderRss). */
  cpuSeconds: Record<ProcessRole, number>;
  /** The last 64 KiB of what the command printed, for failures. */
  output: string;
}

export interface Project {
  dir: string;
  run(args: string[], options?: { env?: Record<string, string>; stdin?: string }): Promise<CommandResult>;
  ok(args: string[], options?: { env?: Record<string, string>; stdin?: string }): Promise<CommandResult>;
  /** Size of the stack's checkpoint file in the backend, bytes (0 before the first deployment). */
  stateBytes(): number;
  cleanup(): void;
}

const KIB = 1024;
const TAIL = 64 * KIB;

/** The folder of bin/pulumi-resource-domainsreseller, which runs this checkout's dist/provider/plugin/main.js. */
export const pluginBinDir = join(repoRoot, "bin");

/**
 * Puts this checkout's package in `<dir>/node_modules/pulumi-domainsreseller` as a real folder, the
 * way `npm install` lays it out (package.json, dist/, bin/), rather than the repository's link to
 * itself. What Pulumi stores per dynamic resource depends on it: an installed package's kinds are
 * stored as a short `require` of their module, a linked checkout's as their text (provider/resources/shim.ts).
 * Its dependencies resolve from the repository's node_modules, above `.e2e/`.
 */
function layOutAsInstalled(dir: string): void {
  const target = join(dir, "node_modules", "pulumi-domainsreseller");
  mkdirSync(target, { recursive: true });
  cpSync(join(repoRoot, "package.json"), join(target, "package.json"));
  for (const folder of ["dist", "bin"]) {
    cpSync(join(repoRoot, folder), join(target, folder), { recursive: true, filter: (source) => !source.endsWith(".tsbuildinfo") });
  }
}

/**
 * Creates `.e2e/<name>-XXXX/` with Pulumi.yaml, package.json and the given files. With `plugin`, the
 * Pulumi.yaml points the engine at the repository's bin/ (`plugins.providers`, as
 * test/e2e/plugin.test.ts does): the plugin of this checkout, with no install into the plugin cache.
 */
export function createProject(name: string, files: Record<string, string>, options: { plugin?: boolean; installed?: boolean } = {}): Project {
  const work = join(repoRoot, ".e2e");
  mkdirSync(work, { recursive: true });
  const dir = mkdtempSync(join(work, `${name}-`));
  if (options.installed) layOutAsInstalled(dir);
  const home = mkdtempSync(join(tmpdir(), `dr-bench-${name}-`));
  const plugins = options.plugin ? `plugins:\n  providers:\n    - name: domainsreseller\n      path: ${JSON.stringify(pluginBinDir)}\n` : "";
  writeFileSync(join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\nmain: index.ts\n${plugins}`);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, main: "index.ts" }, null, 2));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);

  const run = (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) =>
    new Promise<CommandResult>((resolve, reject) => {
      const started = performance.now();
      const child = spawn("pulumi", args, { cwd: dir, env: envModule.pulumiEnv(home, options.env), stdio: ["pipe", "pipe", "pipe"] });
      let output = "";
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString("utf8")).slice(-TAIL);
      };
      child.stdout.on("data", keep);
      child.stderr.on("data", keep);
      child.stdin.end(options.stdin ?? "");
      const sampler = child.pid === undefined ? undefined : sampleProviderRss(child.pid);
      child.on("error", (error) => {
        sampler?.stop();
        reject(error);
      });
      child.on("close", (code) => {
        const seconds = (performance.now() - started) / 1000;
        const sampled = sampler?.stop() ?? { peakKb: 0, sampledKb: 0, processes: 0, cpuSeconds: { provider: 0, program: 0, engine: 0 } };
        resolve({
          code: code ?? 1,
          seconds,
          providerRssMb: sampled.peakKb / KIB,
          providerRssSampledMb: sampled.sampledKb / KIB,
          providerProcesses: sampled.processes,
          cpuSeconds: sampled.cpuSeconds,
          output,
        });
      });
    });

  const ok = async (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) => {
    const result = await run(args, options);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${result.code} in ${dir}\n${result.output}`);
    return result;
  };

  // The file backend keeps one checkpoint per stack: backend/.pulumi/stacks/<project>/<stack>.json.
  const stateBytes = () => {
    const stacks = join(home, "backend", ".pulumi", "stacks", name);
    if (!existsSync(stacks)) return 0;
    return readdirSync(stacks)
      .filter((file) => file.endsWith(".json"))
      .reduce((total, file) => total + statSync(join(stacks, file)).size, 0);
  };

  const cleanup = () => {
    rmSync(home, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, run, ok, stateBytes, cleanup };
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * Every process's parent and CPU time so far, from /proc/<pid>/stat ("pid (comm) state ppid …";
 * comm may hold spaces, so fields are counted from its closing parenthesis: state is field 3,
 * ppid 4, utime 14, stime 15).
 */
function processes(): Map<number, { ppid: number; cpuTicks: number }> {
  const map = new Map<number, { ppid: number; cpuTicks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      map.set(Number(entry), { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return map;
}

function descendants(root: number, all: Map<number, { ppid: number }>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of all) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

export type ProcessRole = "provider" | "program" | "engine";

/**
 * What a process under the CLI is. The plugin is `node …/bin/pulumi-resource-domainsreseller` (the
 * engine execs the script, whose `#!/usr/bin/env node` line makes it node's argument; for an instant
 * the same process is `/usr/bin/env node …`, with the same argument), or `node …/dist/provider/plugin/main.js`
 * when started without the launcher. The dynamic-provider host is `node …/@pulumi/pulumi/cmd/dynamic-provider/index.js`,
 * started by the `pulumi-resource-pulumi-nodejs` shell script, which first runs
 * `node -e "…require.resolve('…/cmd/dynamic-provider')"` to find it: that short-lived helper must
 * not count, so the script path must be an argument of its own. The program runs in
 * `node …/@pulumi/pulumi/cmd/run`. Everything else (the CLI and engine, the language host, the
 * helpers) is the engine's.
 */
function roleOf(pid: number): ProcessRole {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (args.some((arg) => /[\\/]cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(arg))) return "provider";
    if (args.some((arg) => /(^|[\\/])pulumi-resource-domainsreseller$|[\\/]dist[\\/]provider[\\/]plugin[\\/]main\.js$/.test(arg))) return "provider";
    if (args.some((arg) => /[\\/]cmd[\\/]run([\\/]index\.js)?$/.test(arg))) return "program";
  } catch {
    // Gone: counted as the engine's, like any helper.
  }
  return "engine";
}

function memoryKb(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rss: field("VmRSS"), hwm: field("VmHWM") };
  } catch {
    return undefined;
  }
}

export interface Sampled {
  peakKb: number;
  sampledKb: number;
  processes: number;
  /** CPU seconds (user + system) by role, as last sampled: a process's last 200 ms are not seen. */
  cpuSeconds: Record<ProcessRole, number>;
}

/**
 * Every 200 ms: the processes under `root` (and `root`, the CLI), their role, CPU time, and for the
 * provider process (dynamic-provider host or plugin) VmRSS and VmHWM from /proc/<pid>/status. VmHWM is the kernel's own peak of
 * the resident set, so the figure kept (the largest VmHWM seen) also covers a peak between two
 * samples; only the last 200 ms before the process exits go unseen.
 */
export function sampleProviderRss(root: number, everyMs = 200): { stop(): Sampled } {
  let peakKb = 0;
  let sampledKb = 0;
  const providers = new Set<number>();
  const cpu = new Map<number, { role: ProcessRole; ticks: number }>();
  const sample = () => {
    const all = processes();
    for (const pid of [root, ...descendants(root, all)]) {
      const ticks = all.get(pid)?.cpuTicks ?? 0;
      // A fresh fork still shows its parent's command line until it execs: judge each sample anew.
      const known = cpu.get(pid)?.role;
      const role = pid === root ? "engine" : known !== undefined && known !== "engine" ? known : roleOf(pid);
      cpu.set(pid, { role, ticks: Math.max(ticks, cpu.get(pid)?.ticks ?? 0) });
      if (role !== "provider") continue;
      const memory = memoryKb(pid);
      if (!memory) continue;
      providers.add(pid);
      peakKb = Math.max(peakKb, memory.hwm, memory.rss);
      sampledKb = Math.max(sampledKb, memory.rss);
    }
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const cpuSeconds: Record<ProcessRole, number> = { provider: 0, program: 0, engine: 0 };
      for (const { role, ticks } of cpu.values()) cpuSeconds[role] += ticks / TICKS_PER_SECOND;
      return { peakKb, sampledKb, processes: providers.size, cpuSeconds };
    },
  };
}
