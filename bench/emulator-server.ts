/**
 * The server side of the emulator bench, run in a child process so the load generator and the
 * server each get a core (as they would in real use) and RSS is the server's own. Driven over
 * IPC: start (emulator on a file db with N domains, or the bare node:http floor), stats, stop.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type Seed } from "../emulator";

export type ServerCommand =
  | { cmd: "start-emulator"; dbPath: string; email: string; apiKey: string; domains: number; records: { hostname: string; type: string; address: string; priority?: string }[] }
  | { cmd: "start-bare"; getBody: string }
  | { cmd: "stats" }
  | { cmd: "stop" };

let stop: (() => Promise<void>) | undefined;

async function handle(msg: ServerCommand): Promise<unknown> {
  switch (msg.cmd) {
    case "start-emulator": {
      const domains = Array.from({ length: msg.domains }, (_, i) => ({ domain: `bench-${i}.com`, dns: msg.records }));
      const seed: Seed = { accounts: [{ email: msg.email, apiKey: msg.apiKey, credit: "1000000.00", domains }] };
      const t = performance.now();
      const emu = await startEmulator({ dbPath: msg.dbPath, seed });
      stop = () => emu.close();
      return { origin: emu.origin, seedMs: performance.now() - t };
    }
    case "start-bare": {
      const server = createServer((req, res) => {
        req.resume();
        req.on("end", () => {
          const body = req.method === "GET" ? msg.getBody : '{"success":true}';
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
          res.end(body);
        });
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      stop = () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
      return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    }
    case "stats":
      return { rss: process.memoryUsage().rss };
    case "stop":
      await stop?.();
      setImmediate(() => process.exit(0));
      return {};
  }
}

if (require.main === module) {
  process.on("message", (msg: ServerCommand) => {
    handle(msg).then(
      (reply) => process.send?.({ ok: true, reply }),
      (error: unknown) => process.send?.({ ok: false, error: String(error) }),
    );
  });
}
