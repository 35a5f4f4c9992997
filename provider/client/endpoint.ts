// Where requests go. HTTPS is required because the token is a bearer credential for the whole
// hour; plain HTTP is allowed only on loopback (the emulator, tests), where nothing leaves the host.
import { domainToASCII } from "node:url";
import { DomainsResellerError, describe } from "./errors";

export interface Endpoint {
  /** scheme://host:port, what the connection pool is keyed on. */
  origin: string;
  /** The base path, e.g. /modules/addons/DomainsReseller/api/index.php, without a trailing slash. */
  basePath: string;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function refuse(what: string, advice: string): never {
  throw new DomainsResellerError("configuration", describe("configuration", `endpoint ${what}`, undefined, undefined, advice));
}

export function parseEndpoint(raw: string): Endpoint {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never echo the text: a key pasted into the wrong config value would land in CI logs.
    refuse("is not a URL", "give the full URL of the API, e.g. https://example.com/modules/addons/DomainsReseller/api/index.php");
  }
  if (url.username || url.password) refuse("must not contain credentials", "remove user:password@ from the URL and pass username/apiKey as options");
  if (url.search || url.hash) refuse(`for ${url.host} must not have a query or fragment`, "remove the ?… or #… part");
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    refuse(`for ${url.host} uses plain http`, "use https:// (plain http is only allowed for loopback hosts such as 127.0.0.1 or localhost)");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") refuse(`scheme ${url.protocol} is not supported`, "use https://");
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, "") };
}

/** Lower-cased, trailing dot removed, IDN labels as punycode; "" when the name cannot be converted. */
export function normalizeDomain(domain: string): string {
  const trimmed = domain.trim().replace(/\.$/, "").toLowerCase();
  return domainToASCII(trimmed);
}

/** Fills `{name}` placeholders; values are percent-encoded (a no-op for normalized domain names). */
export function fillPath(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (typeof value !== "string" || value === "") throw new TypeError(`path parameter ${name} is missing`);
    return encodeURIComponent(value);
  });
}

const paramsCache = new Map<string, string[]>();

/** Placeholder names of a template (memoised: called on every request for one of 30 templates). */
export function pathParamsOf(template: string): string[] {
  let names = paramsCache.get(template);
  if (!names) {
    names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    paramsCache.set(template, names);
  }
  return names;
}
