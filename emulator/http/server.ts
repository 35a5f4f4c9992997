/**
 * node:http adapter: reads the body (up to 1 MiB), calls the app, writes the answer, logs one
 * line per request. Knows nothing of routes or state.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ApiRequest, ApiResponse } from "../app";

export const MAX_BODY_BYTES = 1024 * 1024;

export function createHttpServer(app: (req: ApiRequest) => Promise<ApiResponse>, log?: (line: string) => void): Server {
  const server = createServer((req, res) => {
    // The clock is read only when there is a log to write.
    const started = log ? process.hrtime.bigint() : 0n;
    const done = (status: number | string, label: string) => {
      if (!log) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${label} ${status} ${ms.toFixed(1)}ms`);
    };
    readBody(req).then(
      async (body) => {
        if (body === null) {
          // Too large: answer and close, without reading the rest.
          send(res, { status: 413, body: JSON.stringify({ error: "body: request body exceeds 1 MiB" }), label: "", headers: { connection: "close" } });
          done(413, `${req.method} ${req.url?.split("?")[0]}`);
          return;
        }
        const answer = await app({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body });
        if (answer.destroy) {
          req.socket.destroy();
          done("reset", answer.label);
          return;
        }
        send(res, answer);
        done(answer.status, answer.label);
      },
      () => {
        res.destroy();
      },
    );
  });
  server.keepAliveTimeout = 5000;
  return server;
}

function send(res: ServerResponse, answer: ApiResponse): void {
  if (res.headersSent || res.destroyed) return;
  const length = Buffer.byteLength(answer.body);
  res.writeHead(answer.status, answer.headers ? { "content-type": "application/json", "content-length": length, ...answer.headers } : { "content-type": "application/json", "content-length": length });
  res.end(answer.body);
}

/** The body as UTF-8 text, or null when it exceeds the limit. */
function readBody(req: IncomingMessage): Promise<string | null> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve(null);
  }
  // Neither length nor chunking: a request without a body (RFC 9112 §6.3), e.g. every GET. Node
  // discards the empty stream itself once the response is sent.
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return Promise.resolve("");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(chunk);
    });
    // One chunk is the usual case for a form body: decode it without copying it first.
    req.on("end", () => resolve(over ? null : chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
