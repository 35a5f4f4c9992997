/**
 * The emulator's programmatic API: `startEmulator()` runs a local Domains Reseller API server on
 * loopback (SQLite-backed, optionally with the /__admin test surface), for the demo, the examples
 * and every end-to-end test.
 *
 * @example
 * const emu = await startEmulator({ admin: true });
 * // point the provider at emu.endpoint with emu.accounts[0]
 * await emu.close();
 */
import type { AddressInfo } from "node:net";
import { Store } from "./db/store";
import { Runtime } from "./runtime";
import { API_BASE, createApp } from "./app";
import { createHttpServer } from "./http/server";
import { applySeed } from "./admin/seed-apply";
import { DEFAULT_SEED, loadSeedFile, type Seed } from "./seed";

export { DEFAULT_SEED, loadSeedFile, API_BASE };
export type { Seed };

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  /** SQLite file; default ":memory:". */
  dbPath?: string;
  /** "default" (the demo reseller), "none", or a seed. Applied on top of an existing file db. */
  seed?: Seed | "default" | "none";
  /** Mount the /__admin test surface. Off by default. */
  admin?: boolean;
  /** Seconds a transfer stays pending before transfersync completes it (default 0). */
  transferDelaySeconds?: number;
  /** One line per request (method, route, status, ms), plus internal errors. */
  log?: (line: string) => void;
}

export interface EmulatorHandle {
  /** e.g. "http://127.0.0.1:PORT/modules/addons/DomainsReseller/api/index.php" */
  endpoint: string;
  /** e.g. "http://127.0.0.1:PORT" (the admin API lives at origin + "/__admin") */
  origin: string;
  port: number;
  /** The accounts of the seed that was applied (empty for seed "none"). */
  accounts: { email: string; apiKey: string }[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host)) throw new Error(`the emulator only listens on loopback (127.0.0.1, ::1, localhost), not "${host}"`);
  const store = new Store(options.dbPath ?? ":memory:");
  const runtime = new Runtime();
  const seed = options.seed ?? "default";
  let accounts: { email: string; apiKey: string }[] = [];
  try {
    if (seed !== "none") accounts = applySeed(store, seed === "default" ? DEFAULT_SEED : seed, runtime.now());
  } catch (error) {
    store.close();
    throw error;
  }
  const app = createApp({ store, runtime, admin: options.admin ?? false, transferDelaySeconds: options.transferDelaySeconds ?? 0, ...(options.log ? { log: options.log } : {}) });
  const server = createHttpServer(app, { ...(options.log ? { log: options.log } : {}), nowSeconds: () => runtime.now() });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  const origin = `http://${hostPart}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    endpoint: `${origin}${API_BASE}`,
    origin,
    port,
    accounts,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
