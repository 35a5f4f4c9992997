// A loopback node:http server for client tests. It records every request (method, path after the
// API base, headers, raw body, body as PHP would parse it) and answers with a scripted reply.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { phpParseStr, type Parsed } from "./php-parse";

export const BASE = "/modules/addons/DomainsReseller/api/index.php";
export const USERNAME = "reseller@example.com";
export const API_KEY = "1234567890QWERTYUIOPASDFGHJKLZXCVBNM";

export interface Recorded {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage["headers"];
  body: string;
  parsed: Parsed;
}

/** A reply: status + JSON value, or a raw string body, or "reset"/"hang" to break the exchange. */
export type Reply =
  | { status?: number; json?: unknown; raw?: string; headers?: Record<string, string> }
  | "reset"
  | "hang";

export interface TestServer {
  endpoint: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export async function startServer(reply: (req: Recorded, index: number) => Reply | Promise<Reply>): Promise<TestServer> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const body = Buffer.concat(chunks).toString("utf8");
      const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname;
      const rec: Recorded = { method: req.method ?? "", path, query: url.search.replace(/^\?/, ""), headers: req.headers, body, parsed: phpParseStr(body) };
      requests.push(rec);
      void Promise.resolve(reply(rec, requests.length - 1)).then((r) => {
        if (r === "reset") return req.socket.destroy();
        if (r === "hang") return;
        const headers = { "content-type": "application/json", ...(r.headers ?? {}) };
        res.writeHead(r.status ?? 200, headers);
        res.end(r.raw ?? JSON.stringify(r.json ?? {}));
      });
    });
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${BASE}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
