/**
 * Emulator throughput beside its floor: authenticated GET and POST /domains/{d}/dns against the
 * emulator (file SQLite, WAL, 10,000 domains), and the same JSON from a bare node:http server in
 * the same run. Each server runs in its own child process; this process only generates load over
 * a fixed number of keep-alive connections. Target: emulator ≥ 0.5 × floor. Also reports p50/p99,
 * the emulator's RSS and the database size.
 *
 * Run: compile with tsc to an outDir, then `node <outDir>/bench/emulator.js [seconds] [connections]`.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { API_BASE } from "../emulator";
import { load, type LoadResult } from "./emulator-load";
import type { ServerCommand } from "./emulator-server";

const EMAIL = "bench@example.com";
const KEY = "bench-key";
const DOMAINS = 10_000;

const RECORDS = [
  { hostname: "@", type: "A", address: "192.0.2.10" },
  { hostname: "www", type: "CNAME", address: "example.net" },
  { hostname: "@", type: "MX", address: "mail.example.net", priority: "10" },
  { hostname: "@", type: "TXT", address: "v=spf1 -all" },
];

const SAVE_BODY = RECORDS.map((r, i) =>
  Object.entries({ priority: "N/A", ...r })
    .map(([k, v]) => `dnsrecords%5B${i}%5D%5B${k}%5D=${encodeURIComponent(v)}`)
    .join("&"),
).join("&");

function token(): string {
  const d = new Date().toISOString();
  const stamp = `${d.slice(2, 10)} ${d.slice(11, 13)}`;
  return Buffer.from(createHmac("sha256", `${EMAIL}:${stamp}`).update(KEY).digest("hex")).toString("base64");
}

/** A child server process and a request/reply call over IPC. */
function child(): { send: (m: ServerCommand) => Promise<any>; proc: ChildProcess } {
  const proc = fork(join(__dirname, "emulator-server.js"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const send = (m: ServerCommand) =>
    new Promise<any>((resolve, reject) => {
      proc.once("message", (r: { ok: boolean; reply?: unknown; error?: string }) => (r.ok ? resolve(r.reply) : reject(new Error(r.error))));
      proc.send(m);
    });
  return { send, proc };
}

export async function main(argv = process.argv.slice(2)): Promise<LoadResult[]> {
  const seconds = Number(argv[0] ?? 5);
  const connections = Number(argv[1] ?? 16);
  const dir = mkdtempSync(join(tmpdir(), "emu-bench-"));
  const dbPath = join(dir, "bench.db");
  const emu = child();
  const bare = child();
  try {
    const started = await emu.send({ cmd: "start-emulator", dbPath, email: EMAIL, apiKey: KEY, domains: DOMAINS, records: RECORDS });
    const emuOrigin: string = started.origin;
    const headers = { username: EMAIL, token: token() };
    const getBody = await (await fetch(`${emuOrigin}${API_BASE}/domains/bench-0.com/dns`, { headers })).text();
    const bareOrigin: string = (await bare.send({ cmd: "start-bare", getBody })).origin;

    const durationMs = seconds * 1000;
    const domain = (i: number) => `bench-${(i * 7919) % DOMAINS}.com`;
    const get = (i: number) => ({ path: `${API_BASE}/domains/${domain(i)}/dns`, method: "GET" as const, headers });
    const post = (i: number) => ({
      path: `${API_BASE}/domains/${domain(i)}/dns`,
      method: "POST" as const,
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: `domain=${domain(i)}&${SAVE_BODY}`,
    });
    // Warm both servers so JIT state is comparable.
    await load({ label: "warm", origin: bareOrigin, connections, durationMs: 1000, request: post });
    await load({ label: "warm", origin: emuOrigin, connections, durationMs: 1000, request: post });
    const results: LoadResult[] = [];
    results.push(await load({ label: "floor GET (bare node:http)", origin: bareOrigin, connections, durationMs, request: get }));
    results.push(await load({ label: "emulator GET /domains/{d}/dns", origin: emuOrigin, connections, durationMs, request: get }));
    results.push(await load({ label: "floor POST (bare node:http)", origin: bareOrigin, connections, durationMs, request: post }));
    results.push(await load({ label: "emulator POST /domains/{d}/dns", origin: emuOrigin, connections, durationMs, request: post }));
    const rssMb = (await emu.send({ cmd: "stats" })).rss / 2 ** 20;
    await emu.send({ cmd: "stop" });
    await bare.send({ cmd: "stop" });
    const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
    const dbMb = (size(dbPath) + size(`${dbPath}-wal`)) / 2 ** 20;

    const row = (r: LoadResult) => `${r.label.padEnd(32)} ${r.perSecond.toFixed(0).padStart(7)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  non-200 ${r.errors}`;
    const [fg, eg, fp, ep] = results as [LoadResult, LoadResult, LoadResult, LoadResult];
    const lines = [
      `node ${process.version}, ${connections} keep-alive connections, ${seconds}s per run, ${DOMAINS} domains stored (seeded in ${(started.seedMs / 1000).toFixed(1)}s)`,
      ...results.map(row),
      `GET  emulator/floor: ${(eg.perSecond / fg.perSecond).toFixed(2)}`,
      `POST emulator/floor: ${(ep.perSecond / fp.perSecond).toFixed(2)}`,
      `emulator RSS after the runs: ${rssMb.toFixed(0)} MiB; database file + WAL: ${dbMb.toFixed(1)} MiB`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return results;
  } finally {
    emu.proc.kill();
    bare.proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
