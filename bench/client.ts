// Throughput of the client against a loopback server answering "locked", beside raw undici
// `request` to the same server in the same run (the floor the client cannot beat). The client
// should keep at least 0.85 × the raw rate: signing, validation and pacing must stay cheap.
// Run: npm run bench -- client   (or, after a build: node .bench-build/bench/client.js [--seconds 5] [--concurrency 4])
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { Pool, request } from "undici";
import { DomainsResellerClient, signToken } from "../provider/client";
import { defaultUserAgent } from "../provider/client/version";
import { startBenchServer } from "./client-server";

const BASE = "/modules/addons/DomainsReseller/api/index.php";

/** Runs `concurrency` loops of `once` for `seconds`; returns completed requests per second. */
async function measure(seconds: number, concurrency: number, once: () => Promise<unknown>): Promise<{ count: number; rate: number }> {
  const until = performance.now() + seconds * 1000;
  let count = 0;
  const worker = async () => {
    while (performance.now() < until) {
      await once();
      count += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { count, rate: count / ((performance.now() - start) / 1000) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { seconds: { type: "string", default: "5" }, concurrency: { type: "string", default: "4" } } });
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const server = await startBenchServer();
  const origin = `http://127.0.0.1:${server.port}`;
  // The floor: a bare undici pool of the same size sending the same header bytes (a fixed, valid
  // signature), but no validation, no per-hour signing, no pacing, no classification.
  const pool = new Pool(origin, { connections: concurrency, keepAliveTimeout: 30_000 });
  const now = Math.floor(Date.now() / 1000);
  const headers = { username: "bench@example.com", token: signToken("bench@example.com", "bench-key-0123456789", now), timestamp: String(now), "user-agent": defaultUserAgent(), accept: "application/json" };
  const raw = async () => {
    const res = await request(`${origin}${BASE}/domains/example.com/lock`, { dispatcher: pool, headers });
    return JSON.parse(await res.body.text()) as unknown;
  };
  const client = new DomainsResellerClient({
    endpoint: `${origin}${BASE}`,
    username: "bench@example.com",
    apiKey: "bench-key-0123456789",
    maxConcurrency: concurrency,
    requestsPerMinute: Infinity,
  });
  const viaClient = () => client.call("getLock", { domain: "example.com" });

  await measure(1, concurrency, raw); // warm-up: JIT and keep-alive sockets
  await measure(1, concurrency, viaClient);
  // Short alternating rounds, order flipped each time, medians reported: on a shared 2-core
  // machine a burst of other work lands on both paths instead of skewing one of them.
  const rounds = Math.max(2, Math.round(seconds));
  const rawRates: number[] = [];
  const clientRates: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const pair = round % 2 === 0 ? [raw, viaClient] : [viaClient, raw];
    for (const fn of pair) (fn === raw ? rawRates : clientRates).push((await measure(seconds / rounds, concurrency, fn)).rate);
  }
  const rawRate = median(rawRates);
  const clientRate = median(clientRates);
  const ratio = clientRate / rawRate;
  const rows = [
    ["path", "req/s", "× raw"],
    ["raw undici request", rawRate.toFixed(0), "1.00"],
    ["DomainsResellerClient.call(getLock)", clientRate.toFixed(0), ratio.toFixed(2)],
  ];
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const lines = rows.map((r) => `| ${r.map((cell, i) => cell.padEnd(width[i] as number)).join(" | ")} |`);
  lines.splice(1, 0, `|${width.map((w) => "-".repeat(w + 2)).join("|")}|`);
  process.stdout.write(
    `client bench: ${seconds} s per path in ${rounds} alternating rounds (medians), concurrency ${concurrency}, Node ${process.version}, ${cpus().length} cores\n${lines.join("\n")}\n` +
      `tokens computed: ${client.stats.tokensComputed} for ${client.stats.requestsSent} requests\n` +
      `target client ≥ 0.85 × raw: ${ratio >= 0.85 ? "met" : "NOT met"}\n`,
  );
  await client.close();
  await pool.close();
  await server.close();
  return ratio >= 0.85 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
