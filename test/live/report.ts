// What a contract run prints: failures a user can paste into an issue as they are. Every line that
// leaves the suite goes through a redactor, because a failure's text can carry whatever a server
// chose to echo, and a pasted report must never hold the API key.
import { DomainsResellerError, routes, type RouteName } from "../../provider/client";
import type { ContractClient } from "./guard";

export type Redact = (text: string) => string;

/**
 * Replaces each secret, as written and as a form or URL would encode it, with a placeholder.
 * Secrets shorter than 4 characters are left alone: replacing them would shred ordinary words and
 * make the report unreadable, and no real API key is that short.
 */
export function makeRedactor(secrets: readonly { value: string; as: string }[]): Redact {
  const pairs = secrets
    .filter((s) => s.value.length >= 4)
    .flatMap((s) => [s.value, encodeURIComponent(s.value), encodeURIComponent(s.value).replace(/%20/g, "+")].map((form) => ({ form, as: s.as })))
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.form.length - a.form.length);
  return (text) => pairs.reduce((out, { form, as }) => out.split(form).join(as), text);
}

/** "GET /domains/{domain}/dns": the route as the API reference names it, without the domain or any parameter. */
export function routeLine(route: RouteName): string {
  const def = routes[route];
  return `${def.method} ${def.path}`;
}

function bodyText(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text;
}

/**
 * The failure of one scenario as a report: the scenario, the routes it uses, the call that failed
 * with its status and the server's words, and (when a JSON answer did not have the documented shape)
 * the raw body, re-read once; a body that is not JSON is already quoted in the client's message.
 * Redacted as a whole.
 */
export async function failureReport(scenario: { name: string; routes: readonly RouteName[] }, error: unknown, client: ContractClient, redact: Redact): Promise<string> {
  const lines = [`contract scenario "${scenario.name}" failed`, `  routes: ${scenario.routes.map(routeLine).join(", ")}`];
  if (error instanceof DomainsResellerError) {
    const route = error.route as RouteName | undefined;
    lines.push(`  request: ${route !== undefined && route in routes ? routeLine(route) : "(none)"}${error.domain ? ` for ${error.domain}` : ""}`);
    // The client puts a status on every error built from an answer, except the one for a 2xx JSON
    // body of the wrong shape: that body is worth seeing whole, so it is read once more.
    const wrongShape = error.code === "protocol" && error.status === undefined;
    const status = error.status !== undefined ? `HTTP ${error.status}` : wrongShape ? "a 2xx JSON body without the documented shape" : "no HTTP answer";
    lines.push(`  answer: ${status}, code ${error.code}${error.apiMessage !== undefined ? `, error text "${error.apiMessage}"` : ""}`);
    const last = client.lastCall;
    if (wrongShape && last !== undefined && last.route === route && routes[last.route].safety === "read") {
      try {
        lines.push(`  body (read again): ${bodyText(await client.raw(last.route, last.params as never))}`);
      } catch (again) {
        lines.push(`  body: could not be read again (${again instanceof Error ? again.message : String(again)})`);
      }
    }
  } else if (client.lastCall !== undefined) {
    lines.push(`  last request: ${routeLine(client.lastCall.route)}`);
  }
  lines.push(`  ${error instanceof Error ? error.message : String(error)}`);
  return redact(lines.join("\n"));
}

/** A fresh Error holding only redacted text: the original's properties and cause chain are dropped, since a reporter may print them. */
export function redactedError(message: string, redact: Redact): Error {
  const error = new Error(redact(message));
  error.stack = `Error: ${error.message}`;
  return error;
}

/** The plausible answers of a server for a domain it does not hold (API reference §2.5, §9.1). */
export type UnknownDomainKind = "404" | "400" | "500" | "200-with-error" | "200-as-if-held" | "other";

export interface UnknownDomainAnswer {
  kind: UnknownDomainKind;
  name: string;
  status: number | undefined;
  code: string;
  errorText: string | undefined;
}

/** What the product makes of each answer (provider/runtime/gone.ts, domain/account.ts), for the printed line. */
const MEANING: Record<UnknownDomainKind, string> = {
  "404": "the product takes a 404 (with /version answering) as proof the domain is not in the account",
  "400": "the product decides from the error text plus the registry lookup; a 400 alone proves nothing",
  "500": "the product decides from the error text plus the registry lookup; reads are retried on a 500 first",
  "200-with-error": "the product decides from the error text plus the registry lookup (a 2xx with an error is a failure)",
  "200-as-if-held": "the server answered as if the account held the name: the product would take it as held",
  other: "an answer none of the plausible ones: please report it",
};

export function classifyUnknownDomain(name: string, outcome: { ok: true } | { ok: false; error: DomainsResellerError }): UnknownDomainAnswer {
  if (outcome.ok) return { kind: "200-as-if-held", name, status: 200, code: "none", errorText: undefined };
  const { status, code, apiMessage } = outcome.error;
  const kind: UnknownDomainKind = status === 404 ? "404" : status === 400 ? "400" : status === 500 ? "500" : status === 200 ? "200-with-error" : "other";
  return { kind, name, status, code, errorText: apiMessage };
}

export function describeUnknownDomain(answer: UnknownDomainAnswer): string {
  const said = answer.errorText !== undefined ? ` with error text "${answer.errorText}"` : "";
  return `unknown domain: GET /domains/{domain}/information for ${answer.name} answered ${answer.status !== undefined ? `HTTP ${answer.status}` : "no status"}${said} (client code ${answer.code}) → ${answer.kind}: ${MEANING[answer.kind]}`;
}
