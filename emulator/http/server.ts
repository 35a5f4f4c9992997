/**
 * node:http adapter: reads the body (up to 1 MiB), calls the app, writes the answer, logs one
 * line per request. Knows nothing of routes or state; the only things it is told are the server
 * clock (for the Date header) and how to carry out the answers that are not answers (drop, hang).
 *
 * It also holds the transport limits (docs/emulator.md, "Limits"): users run the emulator on
 * their machines and every test trusts it, so a hostile or broken client must get a quick, clear
 * answer and must not hold memory or stall the other clients. Each limit answers in JSON, like
 * every other refusal.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { ApiRequest, ApiResponse } from "../app";

/** Largest request body read; a larger one is answered 413 as soon as that is known. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Request line plus headers (Node's own default, set explicitly so the documented figure holds). */
export const MAX_HEADER_BYTES = 16 * 1024;
/** From a request's first byte (or a new connection) to the end of its headers. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** From a request's first byte to the end of its body: bounds a client that trickles a body. */
export const REQUEST_TIMEOUT_MS = 10_000;
// Node checks the two timeouts on an interval (30 s by default, which would let a trickling
// client hold a request three times longer than the limit says); once a second keeps the
// overshoot under a second for the cost of one walk over the open connections.
const TIMEOUT_CHECK_MS = 1000;

const TOO_LARGE = { error: `body: request body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MiB` };

export interface HttpOptions {
  log?: (line: string) => void;
  /**
   * Server time in unix seconds (the emulator clock, which the admin API can shift). The Date
   * header follows it, because clients correct their clock skew from Date: a shifted clock must
   * look shifted from the outside too, or a test of skew handling proves nothing.
   */
  nowSeconds?: () => number;
  /** Default HEADERS_TIMEOUT_MS; tests shorten it so a timeout case does not take 10 s. */
  headersTimeoutMs?: number;
  /** Default REQUEST_TIMEOUT_MS; at least headersTimeoutMs (Node refuses otherwise). */
  requestTimeoutMs?: number;
}

export function createHttpServer(app: (req: ApiRequest) => Promise<ApiResponse>, options: HttpOptions = {}): Server {
  const { log } = options;
  const date = dateHeader(options.nowSeconds ?? (() => Math.floor(Date.now() / 1000)));
  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // The response being worked on per connection: a client error (a timeout, say) may only write
  // its own answer on a connection where no answer has started.
  const inFlight = new WeakMap<Duplex, ServerResponse>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, res);
    res.once("close", () => {
      if (inFlight.get(socket) === res) inFlight.delete(socket);
    });
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
          // Too large: answer now, before the rest arrives, and close (the rest is never read as
          // a request). Node discards what the client still sends until the answer is out.
          send(res, { status: 413, body: JSON.stringify(TOO_LARGE), label: "", headers: { connection: "close" } }, date());
          done(413, `${req.method} ${req.url?.split("?")[0]}`);
          return;
        }
        const answer = await app({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body });
        if (answer.destroy) {
          socket.destroy();
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
        // The client went away mid-body (or a timeout ended the request): nobody to answer.
        res.destroy();
      },
    );
  };

  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    handle,
  );
  // With this listener Node no longer sends "100 Continue" by itself: a client that asks first
  // (curl does for bodies over 1 MB) and announces too large a body gets the 413 instead, and
  // never sends the body at all.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (declaredLength(req) <= MAX_BODY_BYTES) res.writeContinue();
    handle(req, res);
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    const res = inFlight.get(socket);
    const answer = clientErrorAnswer(error, res !== undefined, headersTimeout, requestTimeout);
    if (!answer || !socket.writable || res?.headersSent) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({ error: answer.message });
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\ndate: ${date()}\r\nconnection: close\r\n\r\n${body}`,
    );
    // Once the answer is out the connection is done, whatever the client still sends.
    socket.once("finish", () => socket.destroy());
    log?.(`${answer.reason} ${answer.status}`);
  });
  server.keepAliveTimeout = 5000;
  return server;
}

/**
 * The answer to an error Node met before (or instead of) a request: a timeout, headers over the
 * limit, bytes that are not HTTP. Undefined for a client that is already gone (no one to answer).
 */
function clientErrorAnswer(
  error: NodeJS.ErrnoException,
  headersDone: boolean,
  headersTimeoutMs: number,
  requestTimeoutMs: number,
): { status: number; reason: string; message: string } | undefined {
  switch (error.code) {
    case "ECONNRESET":
    case "EPIPE":
      return undefined;
    case "ERR_HTTP_REQUEST_TIMEOUT":
      // Node reports both timeouts with one code; a request whose handler ran had its headers.
      return headersDone
        ? { status: 408, reason: "Request Timeout", message: `request: not received in full within ${requestTimeoutMs / 1000} s` }
        : { status: 408, reason: "Request Timeout", message: `request: headers not received within ${headersTimeoutMs / 1000} s` };
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, reason: "Request Header Fields Too Large", message: `request: headers exceed ${MAX_HEADER_BYTES / 1024} KiB` };
    default:
      return { status: 400, reason: "Bad Request", message: "request: malformed HTTP request" };
  }
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

/** The Content-Length the client announced (Node has already refused a malformed one), or 0. */
function declaredLength(req: IncomingMessage): number {
  return Number(req.headers["content-length"] ?? 0);
}

/**
 * The body as UTF-8 text, or null as soon as it is known to exceed the limit: at once when the
 * announced length does, otherwise when the bytes received pass it (a chunked body has no
 * length). Past the limit nothing more is kept, so a 20 MB body costs no more memory than 1 MiB.
 * Rejects when the client goes away before the end.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  if (declaredLength(req) > MAX_BODY_BYTES) return Promise.resolve(null);
  // Neither length nor chunking: a request without a body (RFC 9112 §6.3), e.g. every GET. Node
  // discards the empty stream itself once the response is sent.
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return Promise.resolve("");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      // Over the limit: answer now and read on only to discard (the answer closes the connection).
      settled = true;
      chunks.length = 0;
      req.off("data", onData);
      req.resume();
      resolve(null);
    };
    req.on("data", onData);
    req.on("end", () => {
      if (settled) return;
      settled = true;
      // One chunk is the usual case for a form body: decode it without copying it first.
      resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    });
    // A client that disconnects mid-body, or a request ended by the request timeout: without
    // this the promise (and the chunks it holds) would wait forever.
    req.on("close", () => {
      if (settled) return;
      settled = true;
      reject(new Error("request closed before its body ended"));
    });
    req.on("error", () => {
      // 'close' follows and settles; this listener only keeps the error from being unhandled.
    });
  });
}
