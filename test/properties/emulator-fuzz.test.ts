// Property: the emulator's HTTP front (node:http adapter, path decoding, router, PHP form parser,
// auth, handlers) never fails on what a client sends. Random bytes, random methods, paths with
// "..", "%2f", "%00", over-long labels and raw UTF-8, random headers, random form bodies, signed
// and unsigned, to real routes and the admin surface: every answer is below 500 (no fault is
// injected here), none takes more than a few seconds, nothing is logged as an internal error, and
// afterwards the server still answers a normal signed request. Users run the emulator locally and
// every test trusts it, so a request that crashes or wedges it would be a bug anywhere.
//
// test/emulator/security.test.ts pins the answer to each known attack; this file throws ~150
// requests nobody wrote down. Each goes out byte for byte on its own TCP connection (fetch would
// normalise the path and refuse the odd method or header).
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BASE, startEmulator, type EmulatorHandle } from "../../emulator";
import { ROUTES } from "../../emulator/routes/table";
import { buildForm, type FormValue } from "../../provider/client";
import { DEMO, call, sign } from "../emulator/helpers";

const SEED = 4_040_500;
/** Long enough for any answer on a loaded machine, far below the server's own 10 s timeouts. */
const ANSWER_WITHIN_MS = 4000;

let emu: EmulatorHandle;
const internalErrors: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ port: 0, admin: true, seed: "default", log: (line) => (line.startsWith("internal error") ? internalErrors.push(line) : undefined) });
});
afterAll(async () => {
  await emu.close();
});

// ---------- one raw exchange ----------

interface Exchange {
  /** The final status (1xx interim answers skipped), or undefined when the server closed without one. */
  status: number | undefined;
  /** The start of what came back, for the failure message. */
  text: string;
}

/**
 * Writes `bytes` on a fresh connection and collects what comes back until the server closes.
 * `halfClose` ends the client's side after writing (for bytes that are not a whole request, which
 * the server would otherwise wait for until its header timeout). Rejects after ANSWER_WITHIN_MS.
 */
function exchange(bytes: Buffer, halfClose: boolean): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(emu.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer and no close within ${ANSWER_WITHIN_MS} ms`));
    }, ANSWER_WITHIN_MS);
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", () => {}); // a reset is a close: judged by what arrived before it
    socket.on("close", () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("latin1");
      const statuses = [...text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((m) => Number(m[1])).filter((s) => s >= 200);
      resolve({ status: statuses[0], text: text.slice(0, 300) });
    });
    socket.once("connect", () => {
      socket.write(bytes);
      if (halfClose) socket.end();
    });
  });
}

// ---------- generators ----------

const DOMAINS = ["acme-widgets.com", "acme-widgets.net", "nobody-holds-this.com", "ACME-WIDGETS.COM", "xn--bcher-kva.de", "bücher.de", "a..b", "-x.com"];
const SEGMENTS = [
  ...["domains", "order", "register", "transfer", "renew", "dns", "lock", "email", "contact", "eppcode", "information", "nameservers", "modify", "delete", "release"],
  ...["sync", "transfersync", "protectid", "lookup", "suggestions", "billing", "credits", "version", "tlds", "pricing"],
  ...DOMAINS,
  ...["..", ".", "", "%2f", "%2F..%2F", "%2e%2e", "%252e%252e", "%00", "%", "%zz", "%C3%A9", "%E0%A4%A", "é", "日本", ";x=1", "~", "*", "a".repeat(70), "b".repeat(300)],
];
const segment = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...SEGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "%", "2", "f", ".", "/", "\\", "é", "?", "#", "&", "="), maxLength: 8 }) });
const ADMIN = ["accounts", "domains", "faults", "behaviour", "ledger", "counters", "requests", "acme-widgets.com", "credit", "x"]; // no "reset", no "clock": they would change the accounts or the signing hour
// Real routes (so that random bodies reach the handlers), with their method most of the time.
const routeArb = fc
  .tuple(fc.constantFrom(...ROUTES), fc.constantFrom(...DOMAINS), fc.constantFrom("register", "transfer", "renew", "x"), fc.constantFrom("", "", "/", "//", "/extra"))
  .map(([route, domain, type, tail]) => ({ method: route.method, path: `${API_BASE}${route.template.replace("{domain}", domain).replace("{type}", type)}${tail}` }));
const pathArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(segment, { maxLength: 5 }).map((s) => `${API_BASE}/${s.join("/")}`) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...ADMIN), { maxLength: 3 }).map((s) => `/__admin/${s.join("/")}`) },
  { weight: 1, arbitrary: fc.constantFrom("/", "*", "/index.php", `${API_BASE}`, `${API_BASE}/`, `/modules/../${API_BASE}/version`, `//${API_BASE}//billing//credits//`, `${API_BASE}/${"x".repeat(17000)}`) },
);

// Form values of the shapes handlers read (dnsrecords rows, contacts, nameservers), with junk mixed in.
const scalar: fc.Arbitrary<FormValue> = fc.oneof(fc.constantFrom("", "N/A", "@", "A", "MX", "192.0.2.1", "locked", "1", "-1", "99999", "acme-widgets.com", "ns1.example.net"), fc.string({ maxLength: 12 }), fc.integer(), fc.boolean());
const formValue: fc.Arbitrary<FormValue> = fc.letrec<{ v: FormValue }>((tie) => ({
  v: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("hostname", "type", "address", "priority", "recid", "ns1", "First Name", "0", "x[y]"), tie("v"), { maxKeys: 4 })),
})).v;
const FIELDS = ["domain", "regperiod", "dnsrecords", "lockstatus", "prefix", "forwardto", "nameserver", "ipaddress", "currentipaddress", "newipaddress", "contactdetails", "searchTerm", "eppcode", "idprotection", "ns1", "ns2", "domainfields", "addons"];
const bodyArb = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), formValue, { maxKeys: 5 }).map((p) => buildForm(p)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "&&&", "=", "[]=1", "a[=1", "dnsrecords=", "dnsrecords[0]=x", `d${"[a]".repeat(80)}=1`, "x=1&".repeat(1200), "%", '{"domain":"acme-widgets.com"}', "domain=acme-widgets.com&dnsrecords[0][type]=A"),
  },
);

const HEADER_NAMES = ["username", "token", "timestamp", "content-type", "accept", "user-agent", "x-forwarded-for", "cookie", "expect", "authorization", "x-a"];
const headerValue = fc.oneof(fc.constantFrom("", " ", "application/json", "application/x-www-form-urlencoded", "text/plain; charset=utf-8", "100-continue", DEMO.email, "9".repeat(30), "-1"), fc.stringMatching(/^[ -~]{0,40}$/));
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

interface HttpCase {
  method: string;
  path: string;
  query: string | undefined;
  headers: [string, string][];
  auth: "signed" | "wrong" | "none";
  body: string;
  chunked: boolean;
}

// A query as clients send one (form-encoded ASCII), or a broken one; raw bytes in the request line
// come from the path segments above.
const queryArb = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), formValue, { maxKeys: 4 }).map((p) => buildForm(p)) },
  { weight: 1, arbitrary: fc.constantFrom("", "&", "%", "a[=1", "a]=1", "%00=%00", "domain=%FF", "?", "x=1&".repeat(1100)) },
);

const httpCase: fc.Arbitrary<HttpCase> = fc.oneof(
  fc.record({
    method: fc.constantFrom(...METHODS),
    path: pathArb,
    query: fc.option(queryArb, { nil: undefined }),
    headers: fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), headerValue), { maxLength: 4 }),
    auth: fc.constantFrom<HttpCase["auth"]>("signed", "signed", "wrong", "none"),
    body: bodyArb,
    chunked: fc.boolean(),
  }),
  fc.record({
    route: routeArb,
    method: fc.constantFrom(...METHODS),
    sameMethod: fc.boolean(),
    query: fc.option(queryArb, { nil: undefined }),
    headers: fc.array(fc.tuple(fc.constantFrom("content-type", "accept", "user-agent", "x-a"), headerValue), { maxLength: 2 }),
    auth: fc.constantFrom<HttpCase["auth"]>("signed", "signed", "signed", "wrong", "none"),
    body: bodyArb,
    chunked: fc.boolean(),
  }).map(({ route, method, sameMethod, ...rest }) => ({ ...rest, method: sameMethod ? route.method : method, path: route.path })),
);

/** The request as bytes: well-formed HTTP/1.1, so the server must answer it (not just close). */
function requestBytes(c: HttpCase): Buffer {
  const at = Math.floor(Date.now() / 1000);
  const auth: [string, string][] =
    c.auth === "signed"
      ? [["username", DEMO.email], ["token", sign(DEMO.email, DEMO.apiKey, at)], ["timestamp", String(at)]]
      : c.auth === "wrong"
        ? [["username", DEMO.email], ["token", sign(DEMO.email, "not-the-key", at)]]
        : [];
  // The path goes out as UTF-8 bytes where it holds any (no client would, a hostile one may).
  const target = c.query === undefined ? c.path : `${c.path}?${c.query}`;
  const body = Buffer.from(c.body, "utf8");
  const framing: [string, string][] = c.chunked ? [["transfer-encoding", "chunked"]] : [["content-length", String(body.length)]];
  const head = [`${c.method} ${target} HTTP/1.1`, "host: 127.0.0.1", "connection: close", ...[...auth, ...c.headers, ...framing].map(([k, v]) => `${k}: ${v}`)].join("\r\n");
  const payload = c.chunked ? Buffer.concat([Buffer.from(body.length > 0 ? `${body.length.toString(16)}\r\n` : ""), body, Buffer.from(body.length > 0 ? "\r\n0\r\n\r\n" : "0\r\n\r\n")]) : body;
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, "utf8"), payload]);
}

// ---------- the property ----------

describe("the emulator answers whatever it is sent", () => {
  it("random requests: always an answer below 500 (or, for bytes that are not HTTP, a close), always within seconds", async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 5, arbitrary: httpCase.map((c) => ({ kind: "http" as const, c })) },
          // Bytes that are not a request, or a request cut short, or one with a method Node does not know.
          { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((b) => ({ kind: "bytes" as const, bytes: Buffer.from(b) })) },
          { weight: 1, arbitrary: fc.tuple(httpCase, fc.nat()).map(([c, cut]) => ({ kind: "bytes" as const, bytes: requestBytes(c).subarray(0, cut % 200) })) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(httpCase, fc.constantFrom("get", "BREW", "CONNECT", "G\u00e9T", "", "PURGE", "M-SEARCH"))
              .map(([c, method]) => ({ kind: "bytes" as const, bytes: requestBytes({ ...c, method }) })),
          },
        ),
        async (req) => {
          const r = req.kind === "http" ? await exchange(requestBytes(req.c), false) : await exchange(req.bytes, true);
          // A well-formed request gets an answer; anything gets no 5xx.
          if (req.kind === "http" && r.status === undefined) throw new Error(`closed without an answer: ${r.text}`);
          if (r.status !== undefined) {
            expect(r.status, r.text).toBeLessThan(500);
            answered++;
          }
          expect(internalErrors).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
    expect(answered).toBeGreaterThan(100);
    // And the server still serves: a normal signed call gets its normal answer.
    const credits = await call(emu, "GET", "/billing/credits");
    expect(credits.status).toBe(200);
    expect(credits.body).toMatch(/^\d+\.\d{2}$/);
    expect((await call(emu, "GET", "/version")).status).toBe(200);
  });
});
