// Targeted attacks on the emulator, which users run locally and every test trusts: forged or
// stale credentials, one reseller reaching another's domain, path tricks, hostile bodies and slow
// clients. Each case pins the exact answer and then checks the server still serves a normal
// signed request, so a case that wedges or crashes the server cannot pass.
import { request, type IncomingHttpHeaders } from "node:http";
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEED, type EmulatorHandle, type Seed } from "../../emulator";
import { API_BASE, createApp } from "../../emulator/app";
import { applySeed } from "../../emulator/admin/seed-apply";
import { Store } from "../../emulator/db/store";
import { HEADERS_TIMEOUT_MS, MAX_BODY_BYTES, MAX_HEADER_BYTES, REQUEST_TIMEOUT_MS, createHttpServer } from "../../emulator/http/server";
import { MAX_INPUT_NESTING_LEVEL, MAX_INPUT_VARS, parseStr, type PhpValue } from "../../emulator/php/parse-str";
import { Runtime } from "../../emulator/runtime";
import { DEMO, admin, buildQuery, call, sign, start, type Reply } from "./helpers";

const now = () => Math.floor(Date.now() / 1000);

const OWN = "acme-widgets.com";
const RIVAL = { email: "rival@rival-corp.example", apiKey: "rival-api-key-0123456789" };
const RIVAL_DOMAIN = "rival-shop.com";
const NOBODY = "nobody-holds-this-name.com";
// Every value of the rival's state that could leak into an answer: none may ever appear.
const RIVAL_SECRETS = ["rival-corp", "ns1.rival-dns.test", "198.51.100.77", "Rival-Epp-4242", "ceo@", "Mallory", "300.00"];

const SEED: Seed = {
  accounts: [
    ...DEFAULT_SEED.accounts,
    {
      email: RIVAL.email,
      apiKey: RIVAL.apiKey,
      credit: "300.00",
      domains: [
        {
          domain: RIVAL_DOMAIN,
          locked: false,
          nameservers: ["ns1.rival-dns.test", "ns2.rival-dns.test"],
          dns: [{ hostname: "@", type: "A", address: "198.51.100.77" }],
          emailForwarding: [{ prefix: "ceo", forwardto: "ceo@rival-corp.example" }],
          eppCode: "Rival-Epp-4242",
          contacts: { Registrant: { "First Name": "Mallory", "Last Name": "Rival", "Email Address": "owner@rival-corp.example" } },
        },
      ],
    },
  ],
};

const NOT_FOUND = '{"error":"Domain not found"}';
const BAD_AUTH = '{"error":"Invalid username or token"}';

function signed(email = DEMO.email, apiKey = DEMO.apiKey, at = now()): Record<string, string> {
  return { username: email, token: sign(email, apiKey, at), timestamp: String(at) };
}

/** A normal signed request still gets its normal answer (credit unchanged: nothing was billed). */
async function stillServes(emu: EmulatorHandle): Promise<void> {
  const r = await call(emu, "GET", "/billing/credits");
  expect(r.status).toBe(200);
  expect(r.body).toBe("500.00");
}

interface RawReply {
  status: number;
  text: string;
  headers: IncomingHttpHeaders;
  ms: number;
}

/**
 * One request with the path sent byte for byte (fetch would resolve "..", "%2e%2e" and "//"
 * before sending, so it cannot test them), on its own connection.
 */
function raw(emu: EmulatorHandle, method: string, path: string, o: { headers?: Record<string, string | string[]>; body?: string | Buffer } = {}): Promise<RawReply> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: emu.port, method, path, headers: o.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), headers: res.headers, ms: Date.now() - started }));
      res.on("error", reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${method} ${path.slice(0, 120)} within 10 s`)));
    req.on("error", reject);
    req.end(o.body);
  });
}

const api = (route: string) => `${API_BASE}${route}`;

/** A raw connection: the test writes bytes as it likes, and reads everything the server sends. */
interface Conn {
  socket: Socket;
  received: () => string;
  closed: Promise<{ text: string; at: number }>;
  /** Resolves with the text once the server has sent a whole head (status line and headers). */
  head: Promise<{ text: string; at: number }>;
}

/** A fresh socket to the emulator, for requests no HTTP client would send (trickled, cut, oversized). */
function open(emu: EmulatorHandle): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const socket = connect(emu.port, "127.0.0.1");
    let text = "";
    let headDone: (v: { text: string; at: number }) => void = () => {};
    const head = new Promise<{ text: string; at: number }>((r) => (headDone = r));
    const closed = new Promise<{ text: string; at: number }>((r) => socket.on("close", () => r({ text, at: Date.now() })));
    socket.on("data", (c: Buffer) => {
      text += c.toString("latin1");
      if (text.includes("\r\n\r\n")) headDone({ text, at: Date.now() });
    });
    // The server may close while this side still writes (that is the point of some cases).
    socket.on("error", () => {});
    socket.once("connect", () => resolve({ socket, received: () => text, closed, head }));
    socket.once("error", reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Status line and JSON body of a raw HTTP/1.1 answer. */
function parseRaw(text: string): { status: number; headers: string; body: string } {
  const end = text.indexOf("\r\n\r\n");
  const head = end < 0 ? text : text.slice(0, end);
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head.toLowerCase(), body: end < 0 ? "" : text.slice(end + 4) };
}

function headLines(path: string, headers: Record<string, string>): string {
  return `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("")}\r\n`;
}

async function rivalState(emu: EmulatorHandle): Promise<unknown> {
  const r = await admin(emu, "GET", `/domains/${RIVAL_DOMAIN}`);
  expect(r.status).toBe(200);
  return r.body;
}

async function books(emu: EmulatorHandle): Promise<unknown> {
  return { ledger: (await admin(emu, "GET", "/ledger")).body, accounts: (await admin(emu, "GET", "/accounts")).body };
}

describe("credentials", () => {
  const route = api("/billing/credits");

  it("refuses missing, empty and malformed auth headers with the one 401 answer", async () => {
    const emu = await start();
    const at = now();
    const good = sign(DEMO.email, DEMO.apiKey, at);
    const rawDigest = Buffer.from(good, "base64").toString("utf8"); // the hex itself, not its base64
    const cases: [string, Record<string, string | string[]>][] = [
      ["no headers", {}],
      ["no token", { username: DEMO.email }],
      ["no username", { token: good }],
      ["empty username", { username: "", token: good }],
      ["empty token", { username: DEMO.email, token: "" }],
      ["blank token", { username: DEMO.email, token: "   " }],
      ["token not base64", { username: DEMO.email, token: "!!!!not*base64~~~~" + "x".repeat(70) }],
      ["token one char short", { username: DEMO.email, token: good.slice(0, -1) }],
      ["token one char long", { username: DEMO.email, token: `${good}=` }],
      ["token 8 KiB long", { username: DEMO.email, token: good.repeat(100) }],
      ["token as hex, not base64", { username: DEMO.email, token: rawDigest }],
      ["token with its case flipped", { username: DEMO.email, token: good.replace(/[a-z]/g, (c) => c.toUpperCase()) }],
      ["two usernames", { username: [DEMO.email, "ghost@example.com"], token: good }],
      ["two tokens", { username: DEMO.email, token: [good, good] }],
    ];
    for (const [name, headers] of cases) {
      const r = await raw(emu, "GET", route, { headers });
      expect({ name, status: r.status, text: r.text }).toEqual({ name, status: 401, text: BAD_AUTH });
    }
    await stillServes(emu);
  });

  it("refuses the previous and the next hour's token without a timestamp", async () => {
    const emu = await start();
    for (const at of [now() - 3600, now() + 3600]) {
      const r = await raw(emu, "GET", route, { headers: { username: DEMO.email, token: sign(DEMO.email, DEMO.apiKey, at) } });
      expect([r.status, r.text]).toEqual([401, BAD_AUTH]);
    }
    await stillServes(emu);
  });

  it("ignores a timestamp that is not a number or is far off: only the server's hour counts then", async () => {
    const emu = await start();
    const t = now();
    const notNumbers = ["abc", "", "1e9", "-5", "0x6000", `${t}.5`, `${t}abc`, " ", "NaN", "Infinity", "9".repeat(40)];
    const farOff = [t - 3600, t + 3600, t - 61 - 7200, 0, 253402300799];
    for (const timestamp of notNumbers) {
      // Signed for the server's hour: accepted, the bad header changes nothing.
      const ok = await raw(emu, "GET", route, { headers: { username: DEMO.email, token: sign(DEMO.email, DEMO.apiKey, t), timestamp } });
      expect({ timestamp, status: ok.status, text: ok.text }).toEqual({ timestamp, status: 200, text: '"500.00"' });
    }
    for (const at of farOff) {
      // Signed for the claimed hour: refused, since a far-off timestamp is not believed.
      const r = await raw(emu, "GET", route, { headers: { username: DEMO.email, token: sign(DEMO.email, DEMO.apiKey, at), timestamp: String(at) } });
      expect({ at, status: r.status, text: r.text }).toEqual({ at, status: 401, text: BAD_AUTH });
      const ok = await raw(emu, "GET", route, { headers: { username: DEMO.email, token: sign(DEMO.email, DEMO.apiKey, t), timestamp: String(at) } });
      expect({ at, status: ok.status }).toEqual({ at, status: 200 });
    }
    await stillServes(emu);
  });

  it("refuses an unknown user and another reseller's key, and never takes credentials from the query or body", async () => {
    const emu = await start({ seed: SEED });
    const at = now();
    const cases: [string, Record<string, string>][] = [
      ["unknown user", signed("ghost@example.com", DEMO.apiKey, at)],
      ["unknown user, own key", signed("ghost@example.com", "ghost-key", at)],
      ["demo with the rival's key", { ...signed(DEMO.email, DEMO.apiKey, at), token: sign(DEMO.email, RIVAL.apiKey, at) }],
      ["rival with demo's key", { ...signed(RIVAL.email, RIVAL.apiKey, at), token: sign(RIVAL.email, DEMO.apiKey, at) }],
      ["demo's token under the rival's name", { ...signed(RIVAL.email, RIVAL.apiKey, at), token: sign(DEMO.email, DEMO.apiKey, at) }],
      ["a username that only starts like a reseller's", signed(`${DEMO.email}.evil`, DEMO.apiKey, at)],
    ];
    for (const [name, headers] of cases) {
      const r = await raw(emu, "GET", api(`/domains/${OWN}/information`), { headers });
      expect({ name, status: r.status, text: r.text }).toEqual({ name, status: 401, text: BAD_AUTH });
    }
    const creds = buildQuery({ username: DEMO.email, token: sign(DEMO.email, DEMO.apiKey, at), timestamp: at });
    const inQuery = await raw(emu, "GET", api(`/domains/${OWN}/lock?${creds}`));
    expect([inQuery.status, inQuery.text]).toEqual([401, BAD_AUTH]);
    const inBody = await raw(emu, "POST", api(`/domains/${OWN}/lock`), { headers: { "content-type": "application/x-www-form-urlencoded" }, body: `${creds}&lockstatus=unlocked` });
    expect([inBody.status, inBody.text]).toEqual([401, BAD_AUTH]);
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(true);
    await stillServes(emu);
  });
});

/** Route, method, and the params of a plausible call (writes carry valid bodies: only ownership may refuse them). */
const DOMAIN_CALLS: [string, "GET" | "POST", (d: string) => string, Record<string, unknown>?][] = [
  ["dns read", "GET", (d) => `/domains/${d}/dns`],
  ["dns write", "POST", (d) => `/domains/${d}/dns`, { dnsrecords: [{ hostname: "@", type: "A", address: "192.0.2.66", priority: "N/A" }] }],
  ["nameservers read", "GET", (d) => `/domains/${d}/nameservers`],
  ["nameservers write", "POST", (d) => `/domains/${d}/nameservers`, { ns1: "ns1.attacker.test", ns2: "ns2.attacker.test" }],
  ["lock read", "GET", (d) => `/domains/${d}/lock`],
  ["lock write", "POST", (d) => `/domains/${d}/lock`, { lockstatus: "locked" }],
  ["email read", "GET", (d) => `/domains/${d}/email`],
  ["email write", "POST", (d) => `/domains/${d}/email`, { prefix: ["ceo"], forwardto: ["thief@attacker.test"] }],
  ["contacts read", "GET", (d) => `/domains/${d}/contact`],
  [
    "contacts write",
    "POST",
    (d) => `/domains/${d}/contact`,
    { contactdetails: { Registrant: { "First Name": "Eve", "Last Name": "Attacker", "Email Address": "eve@attacker.test" } } },
  ],
  ["information", "GET", (d) => `/domains/${d}/information`],
  ["epp code", "GET", (d) => `/domains/${d}/eppcode`],
  ["id protection", "POST", (d) => `/domains/${d}/protectid`, { protectenable: 1 }],
  ["private nameserver", "POST", (d) => `/domains/${d}/nameservers/register`, { nameserver: "ns9.attacker.test", ipaddress: "192.0.2.99" }],
  ["sync", "POST", (d) => `/domains/${d}/sync`],
  ["release", "POST", (d) => `/domains/${d}/release`, { transfertag: "ATTACKER" }],
  ["delete", "POST", (d) => `/domains/${d}/delete`],
  ["renew", "POST", () => "/order/domains/renew", undefined],
];

describe("another reseller's domain", () => {
  it.each([404, 200, 400, 500])("is refused on every route exactly like an unknown domain (unknownDomainStatus %i), changing, billing and leaking nothing", async (status) => {
    const emu = await start({ seed: SEED });
    if (status !== 404) expect((await admin(emu, "POST", "/behaviour", { unknownDomainStatus: status })).status).toBe(200);
    const stateBefore = await rivalState(emu);
    const booksBefore = await books(emu);
    for (const [name, method, path, params] of DOMAIN_CALLS) {
      const answers: Reply[] = [];
      for (const domain of [RIVAL_DOMAIN, NOBODY, RIVAL_DOMAIN.toUpperCase()]) {
        const p = name === "renew" ? { domain, regperiod: 1 } : params;
        answers.push(await call(emu, method, path(domain), p));
      }
      for (const r of answers) {
        expect({ name, status: r.status, text: r.text }).toEqual({ name, status, text: NOT_FOUND });
        for (const secret of RIVAL_SECRETS) expect(r.text).not.toContain(secret);
      }
      // The rival's own credentials still reach it (so the refusal above is about ownership).
      if (method === "GET") expect((await call(emu, method, path(RIVAL_DOMAIN), params, { email: RIVAL.email, apiKey: RIVAL.apiKey })).status).toBe(200);
    }
    expect(await rivalState(emu)).toEqual(stateBefore);
    expect(await books(emu)).toEqual(booksBefore);
    await stillServes(emu);
  });

  it("ignores a body or query `domain` naming the rival's domain: the path domain is the one touched", async () => {
    const emu = await start({ seed: SEED });
    const stateBefore = await rivalState(emu);
    const r = await call(emu, "POST", `/domains/${OWN}/lock`, { domain: RIVAL_DOMAIN, lockstatus: "unlocked" });
    expect([r.status, r.text]).toEqual([200, '{"success":true}']);
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(false);
    const q = await call(emu, "GET", `/domains/${OWN}/nameservers`, { domain: RIVAL_DOMAIN });
    expect(q.status).toBe(200);
    expect(q.text).not.toContain("rival");
    const other = await call(emu, "POST", `/domains/${RIVAL_DOMAIN}/lock`, { domain: OWN, lockstatus: "locked" });
    expect([other.status, other.text]).toEqual([404, NOT_FOUND]);
    expect(await rivalState(emu)).toEqual(stateBefore);
    await stillServes(emu);
  });
});

describe("path tricks in the domain segment", () => {
  it("normalises upper case and percent-encoded letters to the owned domain", async () => {
    const emu = await start({ seed: SEED });
    const h = signed();
    for (const d of ["ACME-WIDGETS.COM", "Acme-Widgets.Com", "%61cme-widgets.com", "acme%2Dwidgets%2Ecom"]) {
      const r = await raw(emu, "GET", api(`/domains/${d}/lock`), { headers: h });
      expect({ d, status: r.status, text: r.text }).toEqual({ d, status: 200, text: '"locked"' });
    }
    const w = await raw(emu, "POST", api("/domains/ACME-WIDGETS.COM/lock"), { headers: { ...h, "content-type": "application/x-www-form-urlencoded" }, body: "lockstatus=unlocked" });
    expect([w.status, w.text]).toEqual([200, '{"success":true}']);
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(false);
    expect((await admin(emu, "GET", "/domains/ACME-WIDGETS.COM")).status).toBe(200);
    await stillServes(emu);
  });

  it("answers every other spelling of a name as a name no reseller holds", async () => {
    const emu = await start({ seed: SEED });
    const stateBefore = await rivalState(emu);
    const h = signed();
    const spellings = [
      "..",
      ".",
      "%2e%2e",
      "%2E%2E",
      ".%2e",
      `${OWN}.`, // trailing dot: refused, as the addon's lookup in WHMCS' domain table would miss it
      `${OWN}..`,
      `.${OWN}`,
      `${OWN}%2e`,
      `${OWN}%2f`,
      `${OWN}%2F..%2F${RIVAL_DOMAIN}`,
      `${RIVAL_DOMAIN}%2f..%2f${OWN}`,
      `..%2f${OWN}`,
      `${OWN}%00`,
      `${OWN}%00.evil`,
      `%00${OWN}`,
      `${OWN}%20`,
      `%20${OWN}`,
      `${OWN}%0a`,
      `${OWN}%3f`,
      `${OWN}%23`,
      `${OWN}%3Bx`,
      `${OWN}%5c..%5c${RIVAL_DOMAIN}`,
      `${"a".repeat(64)}.com`,
      `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.com`, // 254 characters
      `${"x".repeat(2000)}.com`,
      `${"a.".repeat(200)}com`,
      "%C3%A1cme-widgets.com",
      "acme-widgets.c%C3%B6m",
      "xn--acme-widgets.com",
      "*.acme-widgets.com",
      "acme_widgets.com",
    ];
    expect(spellings.filter((d) => d.length === 254)).toHaveLength(1);
    for (const d of spellings) {
      for (const [method, suffix, body] of [
        ["GET", "lock", undefined],
        ["POST", "lock", "lockstatus=unlocked"],
        ["GET", "information", undefined],
        ["POST", "dns", "dnsrecords="],
      ] as const) {
        const r = await raw(emu, method, api(`/domains/${d}/${suffix}`), { headers: { ...h, "content-type": "application/x-www-form-urlencoded" }, ...(body ? { body } : {}) });
        expect({ d, method, suffix, status: r.status, text: r.text }).toEqual({ d, method, suffix, status: 404, text: NOT_FOUND });
      }
    }
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(true);
    expect(await rivalState(emu)).toEqual(stateBefore);
    await stillServes(emu);
  });

  it("keeps extra or dot segments out of the domain: an unknown route, never another domain", async () => {
    const emu = await start({ seed: SEED });
    const stateBefore = await rivalState(emu);
    const h = signed();
    const paths = [
      `/domains/${OWN}/../${RIVAL_DOMAIN}/lock`,
      `/domains/${RIVAL_DOMAIN}/../${OWN}/lock`,
      `/domains/${OWN}/%2e%2e/${RIVAL_DOMAIN}/lock`,
      `/domains/./${OWN}/lock`,
      `/domains/${OWN}/./lock`,
      `/domains/${OWN}%2flock`,
      `/domains/${OWN}/lock/..`,
      `/domains/${OWN}/lock%2f..%2f..%2f${RIVAL_DOMAIN}%2flock`,
      `/../../../../../__admin/domains/${RIVAL_DOMAIN}`,
      `/%2e%2e/%2e%2e/__admin/domains/${RIVAL_DOMAIN}`,
    ];
    for (const p of paths) {
      const r = await raw(emu, "GET", api(p), { headers: h });
      expect({ p, status: r.status }).toEqual({ p, status: 404 });
      expect(JSON.parse(r.text).error).toMatch(/^Unknown API route: GET \//);
      for (const secret of RIVAL_SECRETS) expect(r.text).not.toContain(secret);
    }
    expect(await rivalState(emu)).toEqual(stateBefore);
    await stillServes(emu);
  });

  it("collapses double slashes and ignores query strings for the domain", async () => {
    const emu = await start({ seed: SEED });
    const h = signed();
    const ok = [
      `${API_BASE}//domains//${OWN}//lock`,
      `/${API_BASE}/domains/${OWN}/lock/`,
      `${API_BASE}/domains/${OWN}/lock?domain=${RIVAL_DOMAIN}`,
      `${API_BASE}/domains/${OWN}/lock?x=1&domain[]=${RIVAL_DOMAIN}&path=../${RIVAL_DOMAIN}`,
      `${API_BASE}/domains/${OWN}/lock?`,
      `${API_BASE}/domains/${OWN}/lock?/../../${RIVAL_DOMAIN}/lock`,
    ];
    for (const p of ok) {
      const r = await raw(emu, "GET", p, { headers: h });
      expect({ p, status: r.status, text: r.text }).toEqual({ p, status: 200, text: '"locked"' });
    }
    const refused = [`${API_BASE}//domains//${RIVAL_DOMAIN}//lock`, `${API_BASE}/domains/${RIVAL_DOMAIN}/lock?domain=${OWN}`, `${API_BASE}/domains/${RIVAL_DOMAIN}?/lock`];
    const answers = await Promise.all(refused.map((p) => raw(emu, "GET", p, { headers: h })));
    expect(answers.map((r) => [r.status, r.text])).toEqual([
      [404, NOT_FOUND],
      [404, NOT_FOUND],
      [404, `{"error":"Unknown API route: GET /domains/${RIVAL_DOMAIN}"}`],
    ]);
    await stillServes(emu);
  });

  it("answers a request line over the header limit 431 with a JSON body", async () => {
    const emu = await start();
    const r = await raw(emu, "GET", api(`/domains/${"a".repeat(MAX_HEADER_BYTES)}.com/lock`), { headers: signed() });
    expect([r.status, r.text, r.headers.connection]).toEqual([431, `{"error":"request: headers exceed ${MAX_HEADER_BYTES / 1024} KiB"}`, "close"]);
    await stillServes(emu);
  });

  it("answers bytes that are not HTTP 400 with a JSON body", async () => {
    const emu = await start();
    for (const junk of ["GARBAGE\r\n\r\n", "GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "\x00\x01\x02\r\n\r\n"]) {
      const c = await open(emu);
      c.socket.write(junk, "latin1");
      const { text } = await c.closed;
      const r = parseRaw(text);
      expect({ junk, status: r.status, body: r.body }).toEqual({ junk, status: 400, body: '{"error":"request: malformed HTTP request"}' });
    }
    await stillServes(emu);
  });
});

describe("hostile bodies", () => {
  const lockPath = api(`/domains/${OWN}/lock`);

  it("answers 413 to a 2 MB and a 20 MB body as soon as the length is declared, before the body is sent", async () => {
    const emu = await start();
    for (const size of [2_000_000, 20_000_000]) {
      const c = await open(emu);
      const sent = Date.now();
      c.socket.write(headLines(lockPath, { ...signed(), "content-type": "application/x-www-form-urlencoded", "content-length": String(size) }));
      c.socket.write(`lockstatus=unlocked&pad=${"x".repeat(64 * 1024)}`);
      const { text, at } = await c.head;
      const r = parseRaw(text);
      expect({ size, status: r.status }).toEqual({ size, status: 413 });
      expect(r.headers).toContain("connection: close");
      expect(at - sent).toBeLessThan(1000);
      const { text: all } = await c.closed;
      expect(parseRaw(all).body).toBe('{"error":"body: request body exceeds 1 MiB"}');
    }
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(true);
    await stillServes(emu);
  });

  it("answers a client that asks first (Expect: 100-continue) 413 instead of inviting a body over the limit", async () => {
    const emu = await start();
    const big = await open(emu);
    big.socket.write(headLines(lockPath, { ...signed(), "content-type": "application/x-www-form-urlencoded", "content-length": "2000000", expect: "100-continue" }));
    const { text } = await big.closed;
    expect(text).not.toContain("100 Continue");
    expect([parseRaw(text).status, parseRaw(text).body]).toEqual([413, '{"error":"body: request body exceeds 1 MiB"}']);
    // Within the limit the client is invited, then served.
    const small = await open(emu);
    small.socket.write(headLines(lockPath, { ...signed(), "content-type": "application/x-www-form-urlencoded", "content-length": "19", expect: "100-continue", connection: "close" }));
    await small.head;
    expect(small.received()).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    small.socket.write("lockstatus=unlocked");
    const done = await small.closed;
    expect(parseRaw(done.text.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "")).body).toBe('{"success":true}');
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(false);
    await stillServes(emu);
  });

  it("answers 413 to a chunked body as soon as it passes 1 MiB, without waiting for its end", async () => {
    const emu = await start();
    const c = await open(emu);
    c.socket.write(headLines(lockPath, { ...signed(), "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" }));
    const chunk = "x".repeat(64 * 1024);
    const sent = Date.now();
    // 17 × 64 KiB is past 1 MiB; the chunked body is never terminated.
    for (let i = 0; i < 17; i++) c.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const { text, at } = await c.head;
    expect(parseRaw(text).status).toBe(413);
    expect(at - sent).toBeLessThan(1000);
    const { text: all } = await c.closed;
    expect(parseRaw(all).body).toBe('{"error":"body: request body exceeds 1 MiB"}');
    await stillServes(emu);
  });

  it("lets an ordinary client read the 413 while it is still uploading 2 MB or 20 MB", async () => {
    const emu = await start();
    for (const size of [2_000_000, 20_000_000]) {
      const started = Date.now();
      const r = await call(emu, "POST", `/domains/${OWN}/lock`, undefined, { rawBody: `lockstatus=unlocked&pad=${"x".repeat(size)}` });
      expect({ size, status: r.status, text: r.text }).toEqual({ size, status: 413, text: '{"error":"body: request body exceeds 1 MiB"}' });
      expect(Date.now() - started).toBeLessThan(3000);
    }
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(true);
    await stillServes(emu);
  });

  it("drops a variable nested deeper than 64 levels, and its whole top-level array, as PHP does", async () => {
    expect(MAX_INPUT_NESTING_LEVEL).toBe(64);
    const nest = (n: number) => "[k]".repeat(n);
    const deep = (n: number, leaf: PhpValue): PhpValue => (n === 0 ? leaf : { k: deep(n - 1, leaf) });
    expect(parseStr(`a${nest(63)}[]=1`)).toEqual({ a: deep(63, ["1"]) });
    expect(parseStr(`a${nest(64)}=1&b=2`)).toEqual({ a: deep(64, "1"), b: "2" });
    expect(parseStr(`a${nest(65)}=1&b=2`)).toEqual({ b: "2" });
    // php_register_variable_ex deletes the top-level variable of that name, values before it included…
    expect(parseStr(`a[x]=1&a${nest(65)}=2&b=3`)).toEqual({ b: "3" });
    // …and a later one of the same name starts afresh.
    expect(parseStr(`a[x]=1&a${nest(65)}=2&a[y]=3`)).toEqual({ a: { y: "3" } });
    // An unclosed 65th bracket is still a 65th level (PHP counts before looking for "]").
    expect(parseStr(`a${nest(64)}[k=1&b=2`)).toEqual({ b: "2" });

    const emu = await start();
    for (const depth of [10_000, 300_000]) {
      const started = Date.now();
      // lockstatus nested too deep is dropped, so the route sees no lockstatus at all.
      const r = await call(emu, "POST", `/domains/${OWN}/lock`, undefined, { rawBody: `lockstatus${nest(depth)}=unlocked` });
      expect({ depth, status: r.status, text: r.text }).toEqual({ depth, status: 400, text: '{"error":"lockstatus is required (locked or unlocked)"}' });
      expect(Date.now() - started).toBeLessThan(2000);
      const q = await call(emu, "GET", `/domains/${OWN}/lock`, undefined, { query: { [`x${nest(Math.min(depth, 1000))}`]: 1 } });
      expect([q.status, q.text]).toEqual([200, '"locked"']);
    }
    const deep64 = await call(emu, "POST", `/domains/${OWN}/lock`, undefined, { rawBody: `lockstatus${nest(64)}=unlocked` });
    expect([deep64.status, deep64.text]).toEqual([400, '{"error":"lockstatus must be a single value, not an array"}']);
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(true);
    await stillServes(emu);
  });

  it("reads at most 1000 input variables, as PHP's max_input_vars", async () => {
    expect(MAX_INPUT_VARS).toBe(1000);
    const vars = (n: number) => Array.from({ length: n }, (_, i) => `v${i}=1`).join("&");
    // The query string (PHP's treat_data): the 1001st variable is not read; empty pairs do not count.
    expect(Object.keys(parseStr(`${vars(1000)}&last=1`, "query"))).toHaveLength(1000);
    expect(parseStr(`${vars(1000)}&last=1`, "query")).not.toHaveProperty("last");
    expect(parseStr(`${"&".repeat(50)}${vars(999)}&last=1`, "query")).toHaveProperty("last", "1");
    // A form body (PHP's POST reader): it stores a variable and then counts it, so the 1001st is
    // still read and the 1002nd is not; empty pairs count.
    expect(parseStr(`${vars(1000)}&last=1`)).toHaveProperty("last", "1");
    expect(parseStr(`${vars(1001)}&last=1`)).not.toHaveProperty("last");
    expect(parseStr(`${"&".repeat(1001)}last=1`)).toEqual({});

    const emu = await start();
    const over = await call(emu, "POST", `/domains/${OWN}/lock`, undefined, { rawBody: `${vars(1001)}&lockstatus=unlocked` });
    expect([over.status, over.text]).toEqual([400, '{"error":"lockstatus is required (locked or unlocked)"}']);
    const atLimit = await call(emu, "POST", `/domains/${OWN}/lock`, undefined, { rawBody: `${vars(1000)}&lockstatus=unlocked` });
    expect([atLimit.status, atLimit.text]).toEqual([200, '{"success":true}']);
    const many = await call(emu, "POST", `/domains/${OWN}/lock`, undefined, { rawBody: `lockstatus=locked&${"a[]=1&".repeat(150_000)}` });
    expect([many.status, many.text]).toEqual([200, '{"success":true}']);
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(true);
    await stillServes(emu);
  });
});

/**
 * An emulator with short timeouts (the defaults, checked below, would make these cases take
 * their full length), wired as startEmulator wires it.
 */
async function startWithTimeouts(headersTimeoutMs: number, requestTimeoutMs: number): Promise<EmulatorHandle> {
  const store = new Store(":memory:");
  const runtime = new Runtime();
  const accounts = applySeed(store, DEFAULT_SEED, runtime.now());
  const app = createApp({ store, runtime, admin: true, transferDelaySeconds: 0 });
  const server = createHttpServer(app, { nowSeconds: () => runtime.now(), headersTimeoutMs, requestTimeoutMs });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  const emu: EmulatorHandle = {
    endpoint: `${origin}${API_BASE}`,
    origin,
    port,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
  return emu;
}

describe("slow clients", () => {
  it("has a headers and a whole-request timeout by default", () => {
    const server = createHttpServer(async () => ({ status: 200, body: "", label: "" }));
    expect([server.headersTimeout, server.requestTimeout, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS]).toEqual([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, 10_000, 10_000]);
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it("times out a body sent a byte a second, and headers sent a byte a second, while other clients keep being answered", async () => {
    const emu = await startWithTimeouts(1500, 2000);
    try {
      const bodyLoris = await open(emu);
      const headLoris = await open(emu);
      const started = Date.now();
      bodyLoris.socket.write(headLines(api(`/domains/${OWN}/lock`), { ...signed(), "content-type": "application/x-www-form-urlencoded", "content-length": "1000" }));
      const head = `GET ${api("/billing/credits")} HTTP/1.1\r\nHost: 127.0.0.1\r\nusername: ${DEMO.email}\r\n`;
      // Both start now (the clock of a timeout starts at a request's first byte), then drip.
      headLoris.socket.write(head[0]!);
      let i = 1;
      const drip = setInterval(() => {
        if (!bodyLoris.socket.destroyed) bodyLoris.socket.write("l");
        if (!headLoris.socket.destroyed) headLoris.socket.write(head[i++ % head.length]!);
      }, 1000);
      // Meanwhile, normal requests every 100 ms: all answered, none slowed down.
      const latencies: number[] = [];
      let stop = false;
      const others = (async () => {
        while (!stop) {
          const t = Date.now();
          await stillServes(emu);
          latencies.push(Date.now() - t);
          await sleep(100);
        }
      })();
      try {
        const [b, h] = await Promise.all([bodyLoris.closed, headLoris.closed]);
        for (const [conn, timeout, error] of [
          [b, 2000, "request: not received in full within 2 s"],
          [h, 1500, "request: headers not received within 1.5 s"],
        ] as const) {
          const r = parseRaw(conn.text);
          expect([r.status, r.body]).toEqual([408, JSON.stringify({ error })]);
          // The check runs once a second: closed between the timeout and a second after it.
          expect(conn.at - started).toBeGreaterThanOrEqual(timeout - 50);
          expect(conn.at - started).toBeLessThan(timeout + 1500);
        }
      } finally {
        clearInterval(drip);
        stop = true;
        await others;
      }
      expect(latencies.length).toBeGreaterThanOrEqual(10);
      expect(Math.max(...latencies)).toBeLessThan(1000);
      expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(true);
      await stillServes(emu);
    } finally {
      await emu.close();
    }
  });

  it("closes a connection that sends nothing at all after the headers timeout", async () => {
    const emu = await startWithTimeouts(1000, 1000);
    try {
      const c = await open(emu);
      const started = Date.now();
      const { text, at } = await c.closed;
      expect([parseRaw(text).status, parseRaw(text).body]).toEqual([408, '{"error":"request: headers not received within 1 s"}']);
      expect(at - started).toBeGreaterThanOrEqual(950);
      expect(at - started).toBeLessThan(2500);
      await stillServes(emu);
    } finally {
      await emu.close();
    }
  });

  it("lets a client that sends half a body and gives up go, answering 400", async () => {
    const emu = await start();
    const c = await open(emu);
    c.socket.write(headLines(api(`/domains/${OWN}/lock`), { ...signed(), "content-type": "application/x-www-form-urlencoded", "content-length": "100" }));
    c.socket.end("lockstatus=unl");
    const { text } = await c.closed;
    expect([parseRaw(text).status, parseRaw(text).body]).toEqual([400, '{"error":"request: malformed HTTP request"}']);
    expect((await admin(emu, "GET", `/domains/${OWN}`)).body.locked).toBe(true);
    await stillServes(emu);
  });
});

/** A small seeded PRNG (mulberry32), so a failing mix can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("150 random hostile requests", () => {
  it("never answer 5xx, never hang, never leak the other reseller, never change its domain or bill anyone", async () => {
    const seed = Number(process.env.SECURITY_MIX_SEED ?? 20260807);
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const emu = await start({ seed: SEED });
    const stateBefore = await rivalState(emu);
    const booksBefore = await books(emu);

    const domains = [OWN, RIVAL_DOMAIN, NOBODY, RIVAL_DOMAIN.toUpperCase(), "..", "%2e%2e", `${OWN}%2f..%2f${RIVAL_DOMAIN}`, `${RIVAL_DOMAIN}%00`, `${RIVAL_DOMAIN}.`, `${"a".repeat(70)}.com`, `${OWN}%ff`, "%"];
    const suffixes = ["dns", "nameservers", "lock", "email", "contact", "information", "eppcode", "protectid", "sync", "release", "delete", "nameservers/register", "", "../lock", "lock/..", "x"];
    // Valid credentials half the time: auth comes before parsing, so only those reach the body
    // parser and the ownership checks.
    const auths = [
      () => signed(),
      () => signed(),
      () => signed(),
      () => signed(),
      () => signed(),
      () => signed(RIVAL.email, DEMO.apiKey),
      () => ({ username: DEMO.email, token: sign(DEMO.email, DEMO.apiKey, now() - 3600) }),
      () => ({ username: DEMO.email }),
      () => ({ username: DEMO.email, token: "%%%", timestamp: "soon" }),
      () => ({}),
    ];
    const bodies = [
      () => "lockstatus=unlocked",
      () => buildQuery({ dnsrecords: [{ hostname: "@", type: "A", address: "192.0.2.9" }] }),
      () => `ns1=ns1.x.test&ns2=ns2.x.test&domain=${RIVAL_DOMAIN}`,
      () => `lockstatus${"[a]".repeat(5000)}=x`,
      () => Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join("&"),
      () => `prefix[0]=ceo&forwardto[0]=a@b.test&${"x".repeat(MAX_BODY_BYTES)}`,
      () => '{"lockstatus":"locked"}',
      () => "%ff%fe%00&&==&[]=1&a[=2&a]=3&%5B%5D=4",
      () => Buffer.from(Array.from({ length: 512 }, () => Math.floor(rnd() * 256))),
      () => "",
    ];
    const types = ["application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data; boundary=x"];

    // Every fifth request is normal traffic on a domain the attacks never name: it must keep
    // being answered, and normally, all through the mix.
    const CONTROL = "acme-gadgets.org";
    const requests = Array.from({ length: 150 }, (_, n) => {
      if (n % 5 === 0) return { n, method: "GET", path: api(`/domains/${CONTROL}/lock`), headers: signed(), body: undefined };
      const method = pick(["GET", "POST", "POST", "PUT"] as const);
      const renew = rnd() < 0.1;
      // Renewals only for names the caller does not hold: a real one would bill, which is allowed but not what this checks.
      const path = renew ? api("/order/domains/renew") : api(`/domains/${pick(domains)}/${pick(suffixes)}${rnd() < 0.2 ? `?domain=${RIVAL_DOMAIN}&x[${"[".repeat(3)}=1` : ""}`);
      const body = method === "GET" ? undefined : renew ? `domain=${pick([RIVAL_DOMAIN, NOBODY, `${RIVAL_DOMAIN}.`, RIVAL_DOMAIN.toUpperCase()])}&regperiod=1` : pick(bodies)();
      return { n, method: renew ? "POST" : method, path, headers: { ...pick(auths)(), "content-type": pick(types) }, body };
    });

    // Eight at a time, as a busy client would.
    const answers: { n: number; status: number; text: string; ms: number }[] = [];
    const queue = [...requests];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let r = queue.shift(); r; r = queue.shift()) {
          const a = await raw(emu, r.method, r.path, { headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) }).catch((e: Error) => ({ status: -1, text: e.message, ms: 0 }));
          answers.push({ n: r.n, status: a.status, text: a.text, ms: a.ms });
        }
      }),
    );
    expect(answers).toHaveLength(150);
    // The mix reached every layer: refused by validation, auth, ownership or routing, and size.
    expect(answers.filter((a) => a.n % 5 === 0).map((a) => [a.status, a.text])).toEqual(Array.from({ length: 30 }, () => [200, '"locked"']));
    for (const status of [400, 401, 404, 413]) expect(answers.some((a) => a.status === status), `some answer ${status}`).toBe(true);
    expect(answers.some((a) => a.text === NOT_FOUND)).toBe(true);
    const bad = answers.filter((a) => a.status < 200 || a.status >= 500 || a.ms > 5000 || RIVAL_SECRETS.some((s) => a.text.includes(s)));
    expect(bad.map((a) => ({ ...a, request: requests[a.n] && { ...requests[a.n], body: String(requests[a.n]!.body ?? "").slice(0, 80) } })), `seed ${seed}`).toEqual([]);
    expect(await rivalState(emu)).toEqual(stateBefore);
    expect(await books(emu)).toEqual(booksBefore);
    await stillServes(emu);
  });
});
