// `domainsreseller call` end to end, in-process: run(argv) against a loopback server, with stdout
// and stderr captured. Catches wrong route matching, unsigned requests, leaked tokens in --verbose,
// and unhelpful messages for missing credentials.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../cli/commands/call";
import { signToken } from "../../provider/client";
import { API_KEY, USERNAME, startServer, type Reply, type TestServer } from "./helpers/server";

let server: TestServer;
let reply: Reply = { json: "locked" };
let out = "";
let err = "";
const ENV = ["DOMAINSRESELLER_ENDPOINT", "DOMAINSRESELLER_USERNAME", "DOMAINSRESELLER_API_KEY"] as const;

beforeAll(async () => {
  server = await startServer(() => reply);
});
afterAll(() => server.close());
beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  for (const name of ENV) vi.stubEnv(name, "");
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const creds = () => ["--endpoint", server.endpoint, "--username", USERNAME, "--api-key", API_KEY];

describe("domainsreseller call", () => {
  it("GET /domains/example.com/lock prints the body as JSON and exits 0", async () => {
    reply = { json: "locked" };
    expect(await run(["GET", "/domains/example.com/lock", ...creds()])).toBe(0);
    expect(JSON.parse(out)).toBe("locked");
    const req = server.requests.at(-1);
    expect(req?.path).toBe("/domains/example.com/lock");
    expect(req?.headers["token"]).toBe(signToken(USERNAME, API_KEY, Number(req?.headers["timestamp"])));
  });

  it("POST with --form-json sends the PHP form body, domain included", async () => {
    reply = { json: { success: true } };
    expect(await run(["post", "/domains/example.com/lock", "--form-json", '{"lockstatus":"unlocked"}', ...creds()])).toBe(0);
    expect(server.requests.at(-1)?.body).toBe("domain=example.com&lockstatus=unlocked");
    expect(JSON.parse(out)).toEqual({ success: true });
  });

  it("takes credentials from the environment when flags are absent", async () => {
    vi.stubEnv("DOMAINSRESELLER_ENDPOINT", server.endpoint);
    vi.stubEnv("DOMAINSRESELLER_USERNAME", USERNAME);
    vi.stubEnv("DOMAINSRESELLER_API_KEY", API_KEY);
    reply = { json: { ns1: "a.example.net", ns2: "b.example.net", success: true } };
    expect(await run(["GET", "/domains/example.com/nameservers", "--normalized"])).toBe(0);
    expect(JSON.parse(out)).toEqual(["a.example.net", "b.example.net"]);
  });

  it("an unknown route is refused with close matches, before any request", async () => {
    const before = server.requests.length;
    expect(await run(["GET", "/domains/example.com/locks", ...creds()])).toBe(2);
    expect(err).toMatch(/no API route GET \/domains\/example\.com\/locks; closest: GET \/domains\/example\.com\/lock/);
    expect(server.requests.length).toBe(before);
  });

  it("a missing API key names the flag and the environment variable", async () => {
    expect(await run(["GET", "/domains/example.com/lock", "--endpoint", server.endpoint, "--username", USERNAME])).toBe(2);
    expect(err).toMatch(/the API key: pass --api-key or set DOMAINSRESELLER_API_KEY/);
  });

  it("an API failure goes to stderr with its code and exits 1", async () => {
    reply = { status: 404, json: { error: "Domain not found" } };
    expect(await run(["GET", "/domains/missing.example/dns", ...creds()])).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/getDns on missing\.example: the domain was not found or is not owned by this account.*\[not_found\]/);
  });

  it("the API's wire name `domainfields` is refused before sending, naming the key to use instead", async () => {
    const before = server.requests.length;
    const form = JSON.stringify({ regperiod: 1, domainfields: "YTowOnt9", nameservers: ["ns1.example.net", "ns2.example.net"], contacts: {} });
    expect(await run(["POST", "/order/domains/register", "--form-json", form, ...creds()])).toBe(1);
    expect(err).toMatch(/"domainfields" is the API's wire name: pass "domainFields" as a JSON object of TLD fields/);
    expect(server.requests.length).toBe(before);
  });

  it("an unknown key lists the keys the route takes", async () => {
    expect(await run(["POST", "/domains/example.com/lock", "--form-json", '{"lock":"locked"}', ...creds()])).toBe(1);
    expect(err).toMatch(/"lock" is not a parameter of this route \(it takes: domain, lockstatus\)/);
  });

  it("a bad --form-json is a usage error", async () => {
    expect(await run(["POST", "/domains/example.com/lock", "--form-json", "[1]", ...creds()])).toBe(2);
    expect(err).toMatch(/must be a JSON object/);
  });

  it("--verbose shows the request line and headers with the token redacted, and never the key", async () => {
    reply = { json: "locked" };
    expect(await run(["GET", "/domains/example.com/lock", "--verbose", ...creds()])).toBe(0);
    expect(err).toMatch(/> GET http:\/\/127\.0\.0\.1:\d+\/modules\/addons\/DomainsReseller\/api\/index\.php\/domains\/example\.com\/lock/);
    expect(err).toMatch(/> token: \[redacted\]/);
    expect(err).toMatch(/> username: reseller@example\.com/);
    const token = server.requests.at(-1)?.headers["token"];
    expect(typeof token).toBe("string");
    expect(err + out).not.toContain(String(token));
    expect(err + out).not.toContain(API_KEY);
  });

  it("--verbose on a failing call leaks neither key nor token", async () => {
    reply = { status: 401, json: { error: `Invalid token for ${API_KEY}` } };
    expect(await run(["GET", "/domains/example.com/lock", "--verbose", ...creds()])).toBe(1);
    const token = String(server.requests.at(-1)?.headers["token"]);
    expect(err).not.toContain(API_KEY);
    expect(err).not.toContain(token);
    expect(err).toMatch(/\[authentication\]/);
  });

  it("an endpoint over plain http to a remote host is refused as configuration", async () => {
    expect(await run(["GET", "/version", "--endpoint", "http://reseller.example.com/api", "--username", USERNAME, "--api-key", API_KEY])).toBe(1);
    expect(err).toMatch(/plain http/);
  });
});
