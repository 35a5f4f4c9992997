/**
 * A fixed-concurrency load loop over keep-alive connections (undici Pool): N workers each send
 * requests back to back for a fixed time; we count completions and keep every latency for p50/p99.
 */
import { Pool } from "undici";

export interface LoadResult {
  label: string;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface LoadSpec {
  label: string;
  origin: string;
  connections: number;
  durationMs: number;
  /** Builds request i (path, method, headers, body). */
  request: (i: number) => { path: string; method: "GET" | "POST"; headers: Record<string, string>; body?: string };
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const pool = new Pool(spec.origin, { connections: spec.connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const deadline = performance.now() + spec.durationMs;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const r = spec.request(i++);
      const t = performance.now();
      try {
        const res = await pool.request({ path: r.path, method: r.method, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) });
        await res.body.text();
        if (res.statusCode !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { label: spec.label, requests: latencies.length, perSecond: latencies.length / elapsed, p50Ms: pct(0.5), p99Ms: pct(0.99), errors };
}
