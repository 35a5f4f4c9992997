// Runs `pulumi` as a child that the test can signal mid-run (the harness's `pulumi()` waits for the
// end), and finds the processes of that run by walking /proc: the CLI starts its plugins (the
// language host and the dynamic provider) in process groups of their own, so neither a process
// group nor the CLI's pid reaches them. Linux only, as the e2e suite is.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { pulumiEnv } from "../../scripts/pulumi-env.mjs";
import type { Project } from "./harness";

export interface RunningPulumi {
  pid: number;
  /** Everything the run printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** Resolves when the CLI has exited: its code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  running(): boolean;
}

export function spawnPulumi(project: Project, args: string[]): RunningPulumi {
  const child = spawn("pulumi", args, { cwd: project.dir, env: pulumiEnv(project.home), stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error("pulumi did not start");
  let text = "";
  let done = false;
  child.stdout.on("data", (chunk) => (text += String(chunk)));
  child.stderr.on("data", (chunk) => (text += String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on("close", (code, signal) => {
      done = true;
      resolve({ code, signal, output: text });
    }),
  );
  return { pid: child.pid, output: () => text, exited, running: () => !done };
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The command line, arguments joined by spaces. */
  command: string;
}

/** Every live descendant of `root` (not `root` itself), parents before children. */
export function descendants(root: number): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name in parentheses may hold spaces: the fields after its closing one are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
      const list = children.get(ppid) ?? [];
      list.push({ pid: Number(entry), ppid, command });
      children.set(ppid, list);
    } catch {
      // The process ended while the table was read: it is no descendant any more.
    }
  }
  const out: ProcessInfo[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child.pid);
    }
  };
  walk(root);
  return out;
}

/** The dynamic provider of a run: the node process serving `@pulumi/pulumi/cmd/dynamic-provider`. */
export function dynamicProviderOf(cliPid: number): ProcessInfo[] {
  return descendants(cliPid).filter((p) => p.command.includes("@pulumi/pulumi/cmd/dynamic-provider"));
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0; its state letter says it is gone.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `ready` every 100 ms until it holds; fails when the run ends first or `timeoutMs` passes. */
export async function waitUntil(run: RunningPulumi, ready: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (!run.running()) throw new Error(`the run ended before ${what}:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms:\n${run.output()}`);
    await sleep(100);
  }
}
