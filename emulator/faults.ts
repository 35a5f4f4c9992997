/**
 * What each injected fault kind answers. None of them runs the handler: the request fails before
 * it reaches the registrar, so state is unchanged and a client retry is safe to assert on.
 */
import type { Fault } from "./runtime";

export function faultResponse(f: Fault): { status: number; body: string; headers?: Record<string, string>; destroy?: boolean } {
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
    case "error200":
      // The pass-through contract: a 2xx whose body carries an error (reference §2.5).
      return { status: 200, body: JSON.stringify({ error: "Injected fault: registrar returned an error" }) };
    case "rateLimit":
      return { status: f.status ?? 429, body: JSON.stringify({ error: "Too many requests" }), headers: { "retry-after": String(f.retryAfter ?? 1) } };
    case "status":
    case "latency": {
      const status = f.status ?? 503;
      const headers: Record<string, string> = f.retryAfter !== undefined ? { "retry-after": String(f.retryAfter) } : {};
      return { status, body: JSON.stringify({ error: `Injected fault: HTTP ${status}` }), headers };
    }
  }
}
