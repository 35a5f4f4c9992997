// Turns what came back (a response, or a network failure) into either a JSON value or a
// DomainsResellerError with a stable code. A call fails when the status is not 2xx OR the body
// carries a non-empty `error` (older servers and pass-through registrar modules answer 200 + error).
import { DomainsResellerError, describe, scrub, snippet, type DomainsResellerErrorCode } from "./errors";
import type { Safety } from "./routes";
import type { WireResponse } from "./transport";

export interface CallContext {
  route: string;
  domain: string | undefined;
  safety: Safety;
  secrets: readonly string[];
}

const CREDIT = /enough credit/i;

function bodyError(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const error = (json as Record<string, unknown>)["error"];
  if (error === undefined || error === null || error === "" || error === false) return undefined;
  return typeof error === "string" ? error : JSON.stringify(error);
}

function codeFor(status: number, apiMessage: string | undefined, safety: Safety): DomainsResellerErrorCode {
  if (apiMessage !== undefined && CREDIT.test(apiMessage)) return "insufficient_credit";
  if (status === 401 || status === 403) return "authentication";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  // A 5xx after an order reached the server is the classic double charge: a proxy's 502/504 can
  // come back after the order went through. Only the account can tell what happened.
  if (status >= 500) return safety === "once" ? "outcome_unknown" : "transient";
  if (status >= 400) return "validation";
  if (status >= 300) return "protocol";
  // 2xx with an error body: the message is all we have; recognise the common cases, else a refusal.
  // These codes are hints for the message only: nothing retries on them, and a body's words are
  // never proof that a domain is gone (see `isHttpNotFound`).
  if (apiMessage !== undefined && /invalid token|unauthori[sz]ed|authenticat|api key/i.test(apiMessage)) return "authentication";
  if (apiMessage !== undefined && /not found|not owned|does not belong/i.test(apiMessage)) return "not_found";
  return "validation";
}

const WHAT: Record<DomainsResellerErrorCode, string> = {
  authentication: "the API refused the credentials",
  not_found: "the domain was not found or is not owned by this account",
  validation: "the API rejected the request",
  insufficient_credit: "the reseller account does not have enough credit for this order",
  rate_limited: "the API is rate limiting this account",
  transient: "the server failed to answer",
  outcome_unknown: "the request was sent but no usable answer came back",
  protocol: "the server's answer is not a Domains Reseller API response",
  configuration: "the client is misconfigured",
};

function adviceFor(code: DomainsResellerErrorCode, safety: Safety): string | undefined {
  // A refused order may still have been billed or executed upstream: look before resending.
  if (safety === "once" && code !== "outcome_unknown" && code !== "insufficient_credit" && code !== "configuration") {
    return "do not resend blindly; read the current state (for example the `information` route or the credit balance), then decide";
  }
  return undefined;
}

/** Parses the body and throws the mapped error for a failed call; returns the JSON value otherwise. */
export function interpret(ctx: CallContext, response: WireResponse, retryAfterSeconds?: number): unknown {
  const { status } = response;
  const text = response.body.trim();
  let json: unknown = null;
  let parsed = true;
  if (text !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      parsed = false;
    }
  }
  const apiMessage = parsed ? bodyError(json) : undefined;
  const ok = status >= 200 && status < 300;
  if (ok && !parsed) {
    // For an order the server did answer 2xx, so it may have acted: the outcome is unknown.
    const code: DomainsResellerErrorCode = ctx.safety === "once" ? "outcome_unknown" : "protocol";
    const what = `${WHAT.protocol} (HTTP ${status}, body is not JSON: "${snippet(text, ctx.secrets)}")${code === "outcome_unknown" ? "; it may or may not have been carried out" : ""}`;
    return fail(code, what, ctx, { status });
  }
  if (ok && apiMessage === undefined) return json;
  const code = codeFor(status, apiMessage, ctx.safety);
  const clean = apiMessage !== undefined ? snippet(apiMessage, ctx.secrets, 300) : undefined;
  const said = clean !== undefined ? `: "${clean}"` : !parsed ? `, body: "${snippet(text, ctx.secrets)}"` : "";
  const wait = code === "rate_limited" && retryAfterSeconds !== undefined ? `; the server asked to wait ${retryAfterSeconds} s` : "";
  const unsure = code === "outcome_unknown" ? "; it may or may not have been carried out" : "";
  return fail(code, `${WHAT[code]} (HTTP ${status}${said})${wait}${unsure}`, ctx, { status, apiMessage: clean, retryAfterSeconds });
}

type Extra = { status?: number; apiMessage?: string | undefined; retryAfterSeconds?: number | undefined; cause?: Error };

function make(code: DomainsResellerErrorCode, what: string, ctx: CallContext, extra: Extra): DomainsResellerError {
  return new DomainsResellerError(code, describe(code, what, ctx.route, ctx.domain, adviceFor(code, ctx.safety)), { route: ctx.route, domain: ctx.domain, ...extra });
}

function fail(code: DomainsResellerErrorCode, what: string, ctx: CallContext, extra: Extra): never {
  throw make(code, what, ctx, extra);
}

// Failures that prove the request never left this process: safe to retry for every route.
const NOT_SENT = new Set(["UND_ERR_CONNECT_TIMEOUT", "ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

/** Maps a thrown network/undici error; `sent` tells the caller whether a retry could repeat the call. */
export function networkFailure(ctx: CallContext, error: unknown): { error: DomainsResellerError; sent: boolean } {
  const raw = error as { code?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
  const errCode = typeof raw?.code === "string" ? raw.code : typeof raw?.cause?.code === "string" ? raw.cause.code : "UNKNOWN";
  const message = scrub(typeof raw?.message === "string" ? raw.message : String(error), ctx.secrets);
  // A fresh Error, not the undici one: that object may hold request options (headers with the token).
  const cause = Object.assign(new Error(message), { code: errCode });
  cause.stack = `${cause.name}: ${message}`;
  const sent = !NOT_SENT.has(errCode);
  if (errCode === "UND_ERR_RES_EXCEEDED_MAX_SIZE") return { error: make("protocol", `${WHAT.protocol} (${message})`, ctx, { cause }), sent: true };
  const code: DomainsResellerErrorCode = sent && ctx.safety === "once" ? "outcome_unknown" : "transient";
  const what = code === "outcome_unknown" ? `${WHAT.outcome_unknown} (${errCode}: ${message}); it may or may not have been carried out` : `the network failed (${errCode}: ${message})`;
  return { error: make(code, what, ctx, { cause }), sent };
}
