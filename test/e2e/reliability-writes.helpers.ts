// What the write fault matrix (reliability-writes.test.ts) needs beside the shared harness: an
// emulator whose request log is kept (to tell a write the server carried out from one a fault
// absorbed or the registry refused, and to see which requests fell on which side of an hour
// turn), the provider's clock shifted (clock-shift.cjs), and the stack's state read back.
import { join } from "node:path";
import { repoRoot } from "../../scripts/pulumi-env.mjs";
import { startTestEmulator, type Project, type TestEmulator } from "./harness";

/** One API request as the emulator answered it: the route template, the status (or "reset"/"hang"), and when, by the emulator's clock. */
export interface RequestLine {
  route: string;
  status: string;
  /** Unix milliseconds by the emulator's (shifted) clock, when the answer left. */
  at: number;
  /** Unix milliseconds by the real clock, when the answer left. */
  realAt: number;
}

export interface LoggedEmulator extends TestEmulator {
  /** Every API request answered so far (admin calls excluded). */
  requests: RequestLine[];
  /** The emulator clock's offset from real time, as last set through the admin API. */
  clockOffsetSeconds(): number;
}

// "<label> <status> <ms>ms", as the emulator logs an answer: label is the route template.
const LOG_LINE = /^(GET|POST) (\S+) (\S+) [\d.]+ms$/;

/** The harness's test emulator, with the request log kept and the clock offset tracked. */
export async function startLoggedEmulator(): Promise<LoggedEmulator> {
  const requests: RequestLine[] = [];
  let offsetSeconds = 0;
  const emulator = await startTestEmulator({
    log: (line) => {
      const match = LOG_LINE.exec(line);
      if (!match || match[2]!.startsWith("/__admin")) return;
      const realAt = Date.now();
      requests.push({ route: `${match[1]} ${match[2]}`, status: match[3]!, at: realAt + offsetSeconds * 1000, realAt });
    },
    onAdmin: (method, path, answer) => {
      if (method === "POST" && path === "/clock") offsetSeconds = (answer as { offsetSeconds: number }).offsetSeconds;
    },
  });
  return { ...emulator, requests, clockOffsetSeconds: () => offsetSeconds };
}

const HOUR_MS = 3_600_000;

/** The environment that shifts the provider's clock by `shiftMs` (see clock-shift.cjs). */
export function clockShiftEnv(shiftMs: number): Record<string, string> {
  const preload = `--require ${join(repoRoot, "test", "e2e", "clock-shift.cjs")}`;
  return { NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" "), DOMAINSRESELLER_TEST_CLOCK_SHIFT_MS: String(Math.round(shiftMs)) };
}

/**
 * Clocks for a server `skewSeconds` off the provider, with an hour boundary between the two (the
 * provider 150 s before it when the server is ahead, 150 s after it when behind), so that the
 * provider's first token is for the wrong hour. Real time only decides where the boundary is.
 */
export function skewedClocks(skewSeconds: number, nowMs = Date.now()): { providerShiftMs: number; serverOffsetSeconds: number } {
  const boundary = Math.ceil(nowMs / HOUR_MS) * HOUR_MS;
  const providerAt = skewSeconds > 0 ? boundary - 150_000 : boundary + 150_000;
  const providerShiftMs = providerAt - nowMs;
  return { providerShiftMs, serverOffsetSeconds: Math.round((providerShiftMs + skewSeconds * 1000) / 1000) };
}

/** Clocks that agree and stand `leadMs` before an hour turns, so that the hour turns during the run about to start. */
export function clocksBeforeTurn(leadMs: number, nowMs = Date.now()): { providerShiftMs: number; serverOffsetSeconds: number } {
  const boundary = Math.ceil((nowMs + leadMs + 1000) / HOUR_MS) * HOUR_MS;
  const serverOffsetSeconds = Math.round((boundary - leadMs - nowMs) / 1000);
  return { providerShiftMs: serverOffsetSeconds * 1000, serverOffsetSeconds };
}


/** One resource of this package in the stack's state: its kind ("Domain"), its name, and its outputs. */
export interface StateResource {
  kind: string;
  name: string;
  outputs: Record<string, unknown>;
}

/** The package's resources as `pulumi stack export` records them. */
export async function stateResources(project: Project, env?: Record<string, string>): Promise<StateResource[]> {
  const exported = JSON.parse((await project.ok(["stack", "export"], env ? { env } : {})).stdout) as {
    deployment: { resources?: { type: string; urn: string; outputs?: Record<string, unknown> }[] };
  };
  return (exported.deployment.resources ?? [])
    .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/domainsreseller:"))
    .map((r) => ({ kind: r.type.slice(r.type.lastIndexOf(":") + 1), name: r.urn.slice(r.urn.lastIndexOf("::") + 2), outputs: r.outputs ?? {} }));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
