/**
 * Test helpers: an independent signer and PHP-style form encoder (both checked against the PHP
 * vectors in vectors.test.ts), and a tiny HTTP client for the emulator and its admin API.
 */
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { afterEach } from "vitest";
import { startEmulator, type EmulatorHandle } from "../../emulator";

export const VECTORS = join(__dirname, "..", "fixtures", "php");

/** base64(hex(HMAC-SHA256(key = "email:yy-mm-dd HH", data = apiKey))) */
export function sign(email: string, apiKey: string, unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000).toISOString(); // 2025-01-15T13:...
  const stamp = `${d.slice(2, 10)} ${d.slice(11, 13)}`;
  return Buffer.from(createHmac("sha256", `${email}:${stamp}`).update(apiKey).digest("hex")).toString("base64");
}

/** PHP urlencode: RFC 1738 style, space as "+", only [A-Za-z0-9_.-] left bare. */
function urlencode(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/** PHP http_build_query for nested plain data (true → 1, false → 0, null omitted). */
export function buildQuery(data: Record<string, unknown>, prefix?: string): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    const key = prefix ? `${prefix}[${k}]` : k;
    if (v === null || v === undefined) continue;
    if (typeof v === "object") {
      const nested = buildQuery(Array.isArray(v) ? Object.fromEntries(v.map((x, i) => [String(i), x])) : (v as Record<string, unknown>), key);
      if (nested) parts.push(nested);
    } else parts.push(`${urlencode(key)}=${urlencode(typeof v === "boolean" ? (v ? "1" : "0") : String(v))}`);
  }
  return parts.join("&");
}

export interface Reply {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body, text, headers: res.headers };
}

export interface CallOptions {
  email?: string;
  apiKey?: string;
  token?: string;
  at?: number;
  /** Sent by default (as the newest official client does) so a test never flakes on an hour boundary; null omits it. */
  timestamp?: string | null;
  query?: Record<string, unknown>;
  rawBody?: string;
  headers?: Record<string, string>;
  /** To give up on a request that hangs (the hangAfter fault). */
  signal?: AbortSignal;
}

export const DEMO = { email: "demo@example.com", apiKey: "demo-api-key-not-secret" };

/** One signed API call; `params` go form-encoded in the body for POST, in the query for GET. */
export async function call(emu: EmulatorHandle, method: "GET" | "POST" | "PUT", route: string, params?: Record<string, unknown>, o: CallOptions = {}): Promise<Reply> {
  const email = o.email ?? DEMO.email;
  const at = o.at ?? Math.floor(Date.now() / 1000);
  const token = o.token ?? sign(email, o.apiKey ?? DEMO.apiKey, at);
  const timestamp = o.timestamp === undefined ? String(at) : o.timestamp;
  const headers: Record<string, string> = { username: email, token, ...(timestamp !== null ? { timestamp } : {}), ...o.headers };
  // GET parameters travel in the query string (the WHMCS < 8 client branch), POST ones in the body.
  const query = method === "GET" && params ? { ...params, ...o.query } : o.query;
  const qs = query ? `?${buildQuery(query)}` : "";
  let body: string | undefined = o.rawBody;
  if (body === undefined && params && method !== "GET") body = buildQuery(params);
  if (body !== undefined) headers["content-type"] ??= "application/x-www-form-urlencoded";
  return reply(await fetch(`${emu.endpoint}${route}${qs}`, { method, headers, ...(body !== undefined ? { body } : {}), ...(o.signal ? { signal: o.signal } : {}) }));
}

export async function admin(emu: EmulatorHandle, method: string, path: string, body?: unknown): Promise<Reply> {
  return reply(
    await fetch(`${emu.origin}/__admin${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}

/** Starts an admin-enabled emulator (default seed unless told), closed after the test. */
export async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<EmulatorHandle> {
  const emu = await startEmulator({ admin: true, ...options });
  opened.push(emu);
  return emu;
}

const opened: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((e) => e.close()));
});

export const REGISTRANT = {
  firstname: "Ada",
  lastname: "Lovelace",
  companyname: "",
  email: "ada@example.com",
  address1: "12 St James's Sq",
  city: "London",
  state: "London",
  postcode: "SW1Y 4JH",
  country: "GB",
  phonenumber: "+44.2071234567",
};

export function registerParams(domain: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    domain,
    regperiod: 1,
    domainfields: "YTowOnt9",
    addons: { dnsmanagement: 1, emailforwarding: 0, idprotection: 0 },
    nameservers: { ns1: "ns1.example.net", ns2: "ns2.example.net" },
    contacts: { registrant: REGISTRANT },
    ...extra,
  };
}
