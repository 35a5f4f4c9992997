// One error class for everything the client can fail with. Callers branch on `code`, a stable
// string, never on the message text. The codes are declared once in a table (what happened and
// what to do), so the union type, the docs and the messages cannot drift apart.

export const ERROR_CODES = {
  authentication: "check the username (the reseller's WHMCS e-mail) and the API key, and that the reseller is enabled",
  not_found: "check the spelling of the domain and that it belongs to this reseller account",
  validation: "correct the named field and try again",
  insufficient_credit: "add credit to the reseller account, then retry",
  rate_limited: "wait and retry, or lower requestsPerMinute",
  transient: "retry later; the server or the network failed",
  outcome_unknown: "do not resend; read the current state (for example the `information` route) and decide from that",
  protocol: "the server answered with something this client does not understand; check the endpoint URL",
  configuration: "fix the client options",
} as const;

export type DomainsResellerErrorCode = keyof typeof ERROR_CODES;

// Branded with a registered symbol so `instanceof` works across two copies of this package
// (the Pulumi shim loads the runtime by name; nested node_modules can hold a second copy).
const BRAND = Symbol.for("pulumi-domainsreseller.error");

export interface ErrorDetails {
  route?: string | undefined;
  domain?: string | undefined;
  status?: number | undefined;
  /** The API's own `error` text, already scrubbed of secrets. */
  apiMessage?: string | undefined;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  retryAfterSeconds?: number | undefined;
  cause?: Error | undefined;
}

export class DomainsResellerError extends Error {
  readonly code: DomainsResellerErrorCode;
  readonly route: string | undefined;
  readonly domain: string | undefined;
  readonly status: number | undefined;
  readonly apiMessage: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: DomainsResellerErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause ? { cause: details.cause } : undefined);
    this.name = "DomainsResellerError";
    this.code = code;
    this.route = details.route;
    this.domain = details.domain;
    this.status = details.status;
    this.apiMessage = details.apiMessage;
    this.retryAfterSeconds = details.retryAfterSeconds;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** Plain data for logs and Pulumi diagnostics (no stack, no secrets: none are ever stored). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, route: this.route, domain: this.domain, status: this.status, apiMessage: this.apiMessage };
  }
}

export function isDomainsResellerError(value: unknown, code?: DomainsResellerErrorCode): value is DomainsResellerError {
  return value instanceof DomainsResellerError && (code === undefined || value.code === code);
}

/**
 * True only for an HTTP 404 answered by the API for a domain route: the server's own statement
 * that it does not know the domain. A 200 whose error text says "not found" is not enough (a
 * registrar module's message can mean many things), and neither is a network failure.
 */
export function isHttpNotFound(error: unknown): error is DomainsResellerError {
  return error instanceof DomainsResellerError && error.code === "not_found" && error.status === 404;
}

/** "<route> on <domain>: <what happened>. <what to do>." — the one message shape users see. */
export function describe(code: DomainsResellerErrorCode, what: string, route?: string, domain?: string, advice?: string): string {
  const subject = route ? `${route}${domain ? ` on ${domain}` : ""}: ` : "";
  return `${subject}${what}. What to do: ${advice ?? ERROR_CODES[code]}.`;
}

/**
 * What happened, without the generic "What to do" sentence `describe` ends with: for a caller whose
 * own sentence around it gives the advice that fits its situation.
 */
export function withoutAdvice(error: Error): string {
  return error.message.replace(/\. What to do: [\s\S]*$/, "");
}

/**
 * Removes every known secret from a text. Used on anything that came from outside (server
 * bodies, network error messages) before it is put on an error or a log line.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}

/** A short, single-line, printable excerpt of a body for protocol errors. */
export function snippet(body: string, secrets: readonly string[], max = 120): string {
  const flat = scrub(body, secrets).replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
