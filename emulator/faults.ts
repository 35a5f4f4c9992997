/**
 * What each injected fault kind answers. Two families:
 *
 * - before the handler (`beforeHandler`): the request fails before it reaches the registrar, so
 *   state is unchanged and a client retry is safe to assert on;
 * - after the handler (`afterHandler`): the handler ran and its transaction committed, then the
 *   answer is lost or spoilt on the way back (a dropped connection, a hung proxy, a gateway error
 *   page). This is the case where an order went through and the client cannot tell.
 */
import type { AfterFaultKind, BeforeFaultKind, Fault } from "./runtime";

export interface FaultAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** Drop the connection without an answer. */
  destroy?: boolean;
  /** Send nothing, then drop the connection after this many ms (the client may give up first). */
  hangMs?: number;
}

/** How long a `hangAfter` holds the socket when the fault gives no `ms`: longer than most client timeouts, but bounded. */
export const DEFAULT_HANG_MS = 30_000;

export function beforeHandler(f: Fault<BeforeFaultKind>): FaultAnswer {
  switch (f.kind) {
    case "reset":
      return { status: 0, body: "", destroy: true };
    case "malformed":
      // A proxy error page cut short: not JSON, as a client would see from a broken upstream.
      return { status: f.status ?? 200, body: '<html><body>Bad Gateway</body></html>{"ns1":"trunc', headers: { "content-type": "text/html" } };
    case "ignore":
      // A registrar that acknowledges a change and drops it: the client sees success, nothing changed.
      // Only a read-back after the write can notice.
      return { status: 200, body: JSON.stringify({ success: true }) };
    case "emptyList":
      // A read that glitches: 200 with an empty list (a cache or replica that has not caught up).
      // A whole-list save built on it would wipe the records the client did not declare.
      return { status: 200, body: "[]" };
    case "error200":
      // The pass-through contract: a 2xx whose body carries an error (reference §2.5).
      return { status: 200, body: JSON.stringify({ error: "Injected fault: registrar returned an error" }) };
    case "rateLimit":
      return { status: f.status ?? 429, body: JSON.stringify({ error: "Too many requests" }), headers: { "retry-after": String(f.retryAfter ?? 1) } };
    case "status":
    // latency and hold delay the request and let it through (app.ts); they never answer.
    case "hold":
    case "latency": {
      const status = f.status ?? 503;
      const headers: Record<string, string> = f.retryAfter !== undefined ? { "retry-after": String(f.retryAfter) } : {};
      return { status, body: JSON.stringify({ error: `Injected fault: HTTP ${status}` }), headers };
    }
  }
}

/** Gateway error pages as a reverse proxy in front of WHMCS writes them: HTML, not the API's JSON. */
const REASONS: Record<number, string> = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Time-out" };

/** Replaces the committed answer; the handler's changes stay. */
export function afterHandler(f: Fault<AfterFaultKind>): FaultAnswer {
  switch (f.kind) {
    case "resetAfter":
      return { status: 0, body: "", destroy: true };
    case "hangAfter":
      return { status: 0, body: "", hangMs: f.ms ?? DEFAULT_HANG_MS };
    case "statusAfter": {
      const status = f.status ?? 504;
      const title = `${status} ${REASONS[status] ?? "Error"}`;
      const headers: Record<string, string> = { "content-type": "text/html" };
      if (f.retryAfter !== undefined) headers["retry-after"] = String(f.retryAfter);
      return { status, body: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`, headers };
    }
  }
}
