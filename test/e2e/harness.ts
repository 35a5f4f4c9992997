// End-to-end harness: a fresh emulator on a free port and a Pulumi project in a temporary folder,
// driven through the real `pulumi` CLI with a local file backend. Every e2e test builds on this.
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { signToken } from "../../provider/client/sign";
import { forgetSharedReads } from "../../provider/runtime/sharedReads";
import { pulumiEnv, repoRoot } from "../../scripts/pulumi-env.mjs";

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Written to the command's standard input (how secrets are passed: never as arguments). */
  stdin?: string;
}

export interface Project {
  dir: string;
  home: string;
  /** Runs `pulumi <args>` in the project with the isolated environment. */
  pulumi(args: string[], options?: RunOptions): Promise<PulumiResult>;
  /** Like `pulumi`, but throws with the whole output when the command fails. */
  ok(args: string[], options?: RunOptions): Promise<PulumiResult>;
  /** Replaces the program (index.ts), for a test that changes the code between runs. */
  writeProgram(program: string): void;
  /** Every file under the project and its backend, and everything the CLI printed, as text (for secret scans). */
  allText(): string;
  cleanup(): void;
}

/** Where test projects live: inside the repository so they resolve its node_modules like an example would. */
const WORK = join(repoRoot, ".e2e");

export function createProject(name: string, program: string, options: { dir?: string } = {}): Project {
  mkdirSync(WORK, { recursive: true });
  const dir = options.dir ?? mkdtempSync(join(WORK, `${name}-`));
  const home = mkdtempSync(join(tmpdir(), `dr-e2e-${name}-`));
  writeFileSync(join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\nmain: index.ts\n`);
  writeFileSync(join(dir, "index.ts"), program);
  if (!options.dir) writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, main: "index.ts" }, null, 2));

  const printed: string[] = [];
  const pulumi = (args: string[], opts: RunOptions = {}) =>
    new Promise<PulumiResult>((resolve) => {
      const child = execFile(
        "pulumi",
        args,
        { cwd: dir, env: pulumiEnv(home, opts.env), maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          printed.push(`$ pulumi ${args.join(" ")}\n${String(stdout)}\n${String(stderr)}`);
          resolve({ code, stdout: String(stdout), stderr: String(stderr) });
        },
      );
      child.stdin?.end(opts.stdin ?? "");
    });

  const ok = async (args: string[], opts: RunOptions = {}) => {
    const result = await pulumi(args, opts);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    return result;
  };

  const allText = () => [...[dir, home].map(readTree), ...printed].join("\n");
  // Every project is scanned for every secret the file's emulators handed out before it is removed:
  // state, backups, config, logs and everything the CLI printed. A hit fails the test file.
  const cleanup = () => {
    const leaks = secretLeaks(withoutEngineValueLogs(allText()));
    rmSync(home, { recursive: true, force: true });
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
    if (leaks.length > 0) throw new Error(`project ${name}: secrets in plain text in its files or output: ${leaks.join(", ")}`);
  };
  const writeProgram = (text: string) => writeFileSync(join(dir, "index.ts"), text);
  return { dir, home, pulumi, ok, allText, cleanup, writeProgram };
}

function readTree(root: string): string {
  const parts: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      const info = statSync(full);
      if (info.isDirectory()) {
        if (entry !== "node_modules" && entry !== "plugins") walk(full);
      } else if (info.size < 16 * 1024 * 1024) {
        parts.push(`==> ${full}\n${readFileSync(full, "utf8")}`);
      }
    }
  };
  walk(root);
  return parts.join("\n");
}

/** Credentials and EPP codes of this test file: API keys (with their e-mail, to derive tokens) and other secrets. */
const credentials = new Map<string, string>();
const otherSecrets = new Set<string>();
const startedAt = Date.now();

/** Registers a secret (an EPP code) that no project file or output may hold in plain text. */
export function registerSecret(secret: string): void {
  if (secret.length >= 6) otherSecrets.add(secret);
}

function registerCredential(email: string, apiKey: string): void {
  credentials.set(apiKey, email);
}

/**
 * Lines of the engine's own verbose log (`-v=9 --logtostderr`) that print the values it passes over
 * RPC: every config value of the default provider and every input and output, secrets included.
 * They are the engine's, not the provider's; docs/credentials.md says how to keep the key out of them.
 */
const ENGINE_VALUE_LOG = /^\{"time":"[^"]+","level":"INFO","msg":"(?:Marshaling property for RPC|Unmarshaling property for RPC|Planner decided )/;

export const withoutEngineValueLogs = (text: string): string =>
  text
    .split("\n")
    .filter((line) => !ENGINE_VALUE_LOG.test(line))
    .join("\n");

/** Names (never values) of the secrets found in `text`: keys, EPP codes, and tokens of every hour since the file started. */
export function secretLeaks(text: string): string[] {
  const leaks: string[] = [];
  const hours: number[] = [];
  for (let t = startedAt - 3_600_000; t <= Date.now() + 3_600_000; t += 3_600_000) hours.push(Math.floor(t / 1000));
  for (const [apiKey, email] of credentials) {
    if (text.includes(apiKey)) leaks.push(`the API key of ${email}`);
    for (const at of hours) {
      const token = signToken(email, apiKey, at);
      if (text.includes(token) || text.includes(Buffer.from(token, "base64").toString("utf8"))) leaks.push(`a token of ${email}`);
    }
  }
  for (const secret of otherSecrets) if (text.includes(secret)) leaks.push(`a registered secret (${secret.length} characters)`);
  return [...new Set(leaks)];
}

const READ_ONLY_POSTS = new Set([
  "POST /domains/lookup",
  "POST /domains/lookup/suggestions",
  "POST /domains/{domain}/sync",
  "POST /domains/{domain}/transfersync",
]);

export interface TestEmulatorOptions {
  /** Every line the emulator logs (one per answered request). */
  log?: (line: string) => void;
  /** Called with each admin call's parsed answer. */
  onAdmin?: (method: string, path: string, answer: unknown) => void;
}

/** A fresh emulator with the default seed and its admin surface, plus typed admin helpers. */
export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const handle = await startEmulator({ port: 0, admin: true, seed: "default", ...(options.log ? { log: options.log } : {}) });
  const account = handle.accounts[0];
  if (!account) throw new Error("the default seed has no reseller account");
  for (const a of handle.accounts) registerCredential(a.email, a.apiKey);
  const admin = async (method: string, path: string, body?: unknown) => {
    // An in-process test plays several Pulumi commands in one process; a change made out of band is
    // one a later command would see, so the runtime's shared reads of this run are forgotten.
    forgetSharedReads();
    const response = await fetch(`${handle.origin}/__admin${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator admin ${method} ${path}: ${response.status} ${text}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- admin answers are JSON of many shapes; callers type them
    const answer: any = text === "" ? undefined : JSON.parse(text);
    options.onAdmin?.(method, path, answer);
    return answer;
  };
  return {
    handle,
    account,
    admin,
    domain: (name: string) => admin("GET", `/domains/${name}`),
    drift: (name: string, change: Record<string, unknown>) => admin("PATCH", `/domains/${name}`, change),
    counters: async () => (await admin("GET", "/counters")) as Record<string, number>,
    resetCounters: () => admin("DELETE", "/counters"),
    ledger: async () => (await admin("GET", "/ledger")) as LedgerEntry[],
    /** Sum of API calls that change something: every POST route but the searches and syncs, which only read. */
    writes: async () =>
      Object.entries((await admin("GET", "/counters")) as Record<string, number>)
        .filter(([route]) => route.startsWith("POST ") && !READ_ONLY_POSTS.has(route))
        .reduce((n, [, c]) => n + c, 0),
    close: () => handle.close(),
  };
}

export interface LedgerEntry {
  account: string;
  type: string;
  domain: string;
  years: number;
  amount: string;
}

export interface TestEmulator {
  handle: EmulatorHandle;
  account: { email: string; apiKey: string };
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
  domain(name: string): Promise<Record<string, unknown>>;
  drift(name: string, change: Record<string, unknown>): Promise<unknown>;
  counters(): Promise<Record<string, number>>;
  resetCounters(): Promise<unknown>;
  /** Every order billed to any account (register, transfer, renew). */
  ledger(): Promise<LedgerEntry[]>;
  writes(): Promise<number>;
  close(): Promise<void>;
}

/** Points a stack at the emulator through stack config, the API key as a secret. */
export async function configureStack(project: Project, stack: string, emulator: TestEmulator): Promise<void> {
  await project.ok(["stack", "init", stack, "--non-interactive"]);
  await project.ok(["config", "set", "domainsreseller:endpoint", emulator.handle.endpoint]);
  await project.ok(["config", "set", "domainsreseller:username", emulator.account.email]);
  await project.ok(["config", "set", "--secret", "domainsreseller:apiKey"], { stdin: emulator.account.apiKey });
}

/** A reseller account of the test's own, made the one `configureStack` points stacks at. */
export async function openAccount(emulator: TestEmulator, account: { email: string; apiKey: string; credit?: string }): Promise<void> {
  await emulator.admin("POST", "/accounts", { email: account.email, apiKey: account.apiKey, credit: account.credit ?? "100.00" });
  registerCredential(account.email, account.apiKey);
  emulator.account = { email: account.email, apiKey: account.apiKey };
}
