/**
 * node:http adapter: reads the body (up to 1 MiB), calls the app, writes the answer, logs one
 * line per request. Knows nothing of routes or state; the only things it is told are the server
 * clock (for the Date header) and how to carry out the answers that are not answers (drop, hang).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ApiRequest, ApiResponse } from "../app";

export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpOptions {
  log?: (line: string) => void;
  /**
   * Server time in unix seconds (the emulator clock, which the admin API can shift). The Date
   * header follows it, because clients correct their clock skew from Date: a shifted clock must
   * look shifted from the outside too, or a test of skew handling proves nothing.
   */
  nowSeconds?: () => number;
}

export function createHttpServer(app: (req: ApiRequest) => Promise<ApiResponse>, options: HttpOptions = {}): Server {
  const { log } = options;
  const date = dateHeader(options.nowSeconds ?? (() => Math.floor(Date.now() / 1000)));
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
          send(res, { status: 413, body: JSON.stringify({ error: "body: request body exceeds 1 MiB" }), label: "", headers: { connection: "close" } }, date());
          done(413, `${req.method} ${req.url?.split("?")[0]}`);
          return;
        }
        const answer = await app({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body });
        if (answer.destroy) {
          req.socket.destroy();
          done("reset", answer.label);
          return;
        }
        if (answer.hangMs !== undefined) {
          hang(req, answer.hangMs);
          done("hang", answer.label);
          return;
        }
        send(res, answer, date());
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

/**
 * Sends nothing and ends the socket after `ms`, or sooner if the client gives up or the emulator
 * closes (its close() calls closeAllConnections, which destroys sockets mid-request too). Either
 * way the socket's close clears the timer, which is unref'd besides: a hung request never keeps
 * a process alive or a timer pending.
 */
function hang(req: IncomingMessage, ms: number): void {
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), ms);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

/** The RFC 9110 Date value for the server clock, formatted once per second (it is on every answer). */
function dateHeader(nowSeconds: () => number): () => string {
  let second = Number.NaN;
  let text = "";
  return () => {
    const s = nowSeconds();
    if (s !== second) {
      second = s;
      text = new Date(s * 1000).toUTCString();
    }
    return text;
  };
}

function send(res: ServerResponse, answer: ApiResponse, date: string): void {
  if (res.headersSent || res.destroyed) return;
  const length = Buffer.byteLength(answer.body);
  const base = { "content-type": "application/json", "content-length": length, date };
  res.writeHead(answer.status, answer.headers ? { ...base, ...answer.headers } : base);
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
