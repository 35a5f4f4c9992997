/**
 * Pacing against a server's rate limit: a fixed number of client reads (`getLock`) against the
 * emulator with `rateLimitPerMinute` set to several values, once with the limit known
 * (`requestsPerMinute` = the limit; `Infinity` when there is none) and once adaptive (the
 * client's defaults). Reports the wall time, the floor (calls ÷ limit), their ratio, the 429s the
 * server sent and the rate the adaptive client ended at. Targets: known ≤ 1.1 × floor; adaptive
 * near it with few 429s, and with no limit, well under the 120-a-minute start rate's time.
 *
 * Every run has its own emulator (the limit counts per account, the counters per emulator) and
 * all run at once in this process: the runs are bound by time, not CPU, so the whole takes as long
 * as the longest run (~2 minutes with the defaults).
 *
 * Run: npm run bench -- pacing [--limits 60,300,1200,none] [--calls N]
 * Default calls: 2 × limit + 1 (so the least possible time under a sliding window, two whole
 * minutes, is also calls ÷ limit to within 1/limit), and 601 with no limit.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { startEmulator, type EmulatorHandle } from "../emulator";
import { DomainsResellerClient, type ClientOptions } from "../provider/client";

const DOMAIN = "acme-widgets.com";
const CALLERS = 4; // as many as the client's default maxConcurrency

interface Result {
  limit: number | undefined;
  mode: "known" | "adaptive";
  calls: number;
  seconds: number;
  refused: number;
  clientSaw: number;
  endRate: number;
}

async function admin(emulator: EmulatorHandle, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.origin}/__admin${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator admin ${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
}

async function run(limit: number | undefined, mode: Result["mode"], calls: number): Promise<Result> {
  const emulator = await startEmulator({ admin: true });
  try {
    await admin(emulator, "POST", "/behaviour", { rateLimitPerMinute: limit ?? 0 });
    const account = emulator.accounts[0] as { email: string; apiKey: string };
    const pacing: Partial<ClientOptions> = mode === "known" ? { requestsPerMinute: limit ?? Infinity } : {};
    const client = new DomainsResellerClient({ endpoint: emulator.endpoint, username: account.email, apiKey: account.apiKey, ...pacing });
    let next = 0;
    const caller = async () => {
      while (next < calls) {
        next += 1;
        await client.call("getLock", { domain: DOMAIN });
      }
    };
    const began = performance.now();
    await Promise.all(Array.from({ length: CALLERS }, caller));
    const seconds = (performance.now() - began) / 1000;
    const counters = (await admin(emulator, "GET", "/counters")) as Record<string, number>;
    const result: Result = { limit, mode, calls, seconds, refused: counters["429"] ?? 0, clientSaw: client.stats.rateLimited, endRate: client.stats.requestsPerMinute };
    await client.close();
    process.stdout.write(`  done: ${label(limit)} ${mode.padEnd(8)} ${seconds.toFixed(1)} s, ${result.refused} × 429\n`);
    return result;
  } finally {
    await emulator.close();
  }
}

const label = (limit: number | undefined) => (limit === undefined ? "none" : `${limit}/min`);

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { limits: { type: "string", default: "60,300,1200,none" }, calls: { type: "string" } } });
  const limits = values.limits.split(",").map((s) => (s.trim() === "none" ? undefined : Number(s)));
  if (limits.some((l) => l !== undefined && !(Number.isInteger(l) && l > 0))) throw new Error(`--limits: whole numbers or "none", got ${values.limits}`);
  const callsFor = (limit: number | undefined) => (values.calls !== undefined ? Number(values.calls) : limit === undefined ? 601 : 2 * limit + 1);
  process.stdout.write(`pacing bench: Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ${CALLERS} callers per client, all runs at once\n`);
  const results = await Promise.all(limits.flatMap((limit) => (["known", "adaptive"] as const).map((mode) => run(limit, mode, callsFor(limit)))));

  const rows = [["limit", "calls", "floor (calls ÷ limit)", "mode", "wall", "ratio", "429s", "rate at end"]];
  for (const r of results) {
    const floor = r.limit === undefined ? undefined : (r.calls / r.limit) * 60;
    rows.push([
      label(r.limit),
      String(r.calls),
      floor === undefined ? "—" : `${floor.toFixed(1)} s`,
      r.mode === "known" ? (r.limit === undefined ? "known (Infinity)" : `known (${r.limit})`) : "adaptive",
      `${r.seconds.toFixed(1)} s`,
      floor === undefined ? "—" : (r.seconds / floor).toFixed(2),
      r.clientSaw === r.refused ? String(r.refused) : `${r.refused} (client saw ${r.clientSaw})`,
      Number.isFinite(r.endRate) ? `${r.endRate.toFixed(0)}/min` : "off",
    ]);
  }
  const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const lines = rows.map((r) => `| ${r.map((cell, i) => cell.padEnd(width[i] as number)).join(" | ")} |`);
  lines.splice(1, 0, `|${width.map((w) => "-".repeat(w + 2)).join("|")}|`);
  process.stdout.write(`${lines.join("\n")}\nload average at end ${loadavg().map((l) => l.toFixed(1)).join(" ")}\n`);
  const over = results.filter((r) => r.mode === "known" && r.limit !== undefined && r.seconds / ((r.calls / r.limit) * 60) > 1.1);
  if (over.length > 0) process.stdout.write(`target missed (known limit > 1.1 × floor): ${over.map((r) => label(r.limit)).join(", ")}\n`);
  return over.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
