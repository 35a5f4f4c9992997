// Error mapping: each status/body combination gets the code a caller branches on, and a message
// naming the route, the domain and what to do. A wrong code here means a wrong automated reaction
// (retrying an auth failure, treating a missing domain as transient, …).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient, DomainsResellerError, isDomainsResellerError } from "../../provider/client";
import { API_KEY, USERNAME, startServer, type Reply, type TestServer } from "./helpers/server";

let server: TestServer;
let client: DomainsResellerClient;
let reply: Reply = { json: {} };

beforeAll(async () => {
  server = await startServer(() => reply);
  // Pacing off: the 429 case's Retry-After (120 s) would otherwise hold every later case, since the
  // client honours a Retry-After for all its requests (pacing.test.ts covers that).
  client = new DomainsResellerClient({ endpoint: server.endpoint, username: USERNAME, apiKey: API_KEY, maxRetries: 0, requestsPerMinute: Infinity });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<DomainsResellerError> {
  try {
    await promise;
  } catch (error) {
    expect(isDomainsResellerError(error)).toBe(true);
    return error as DomainsResellerError;
  }
  throw new Error("the call succeeded but should have failed");
}

const CASES: { name: string; reply: Reply; code: string; status: number; says: RegExp }[] = [
  { name: "401 is an authentication failure", reply: { status: 401, json: { error: "Invalid token" } }, code: "authentication", status: 401, says: /refused the credentials.*Invalid token.*API key/ },
  { name: "403 is an authentication failure", reply: { status: 403, json: { error: "Reseller disabled" } }, code: "authentication", status: 403, says: /Reseller disabled/ },
  { name: "404 means not found or not owned", reply: { status: 404, json: { error: "Domain not found" } }, code: "not_found", status: 404, says: /not found or is not owned by this account/ },
  { name: "400 is a validation refusal", reply: { status: 400, json: { error: "lockstatus is required" } }, code: "validation", status: 400, says: /rejected the request.*lockstatus is required/ },
  { name: "422 is a validation refusal", reply: { status: 422, json: { error: "bad" } }, code: "validation", status: 422, says: /rejected/ },
  { name: "500 with 'enough credits' is insufficient credit, not transient", reply: { status: 500, json: { error: "Reseller does not have enough credits on his account" } }, code: "insufficient_credit", status: 500, says: /add credit/ },
  { name: "200 with 'enough credits' is insufficient credit", reply: { status: 200, json: { error: "Not enough credit" } }, code: "insufficient_credit", status: 200, says: /enough credit/ },
  { name: "429 is rate limited and reports Retry-After", reply: { status: 429, json: { error: "slow down" }, headers: { "retry-after": "120" } }, code: "rate_limited", status: 429, says: /wait 120 s/ },
  { name: "500 is transient", reply: { status: 500, json: { error: "Registrar timeout" } }, code: "transient", status: 500, says: /server failed.*Registrar timeout/ },
  { name: "502 with an HTML page is transient, quoting a snippet", reply: { status: 502, raw: "<html><body>Bad gateway</body></html>" }, code: "transient", status: 502, says: /Bad gateway/ },
  { name: "200 with a non-empty error is a failure, not a success", reply: { status: 200, json: { error: "Domain is locked at registry" } }, code: "validation", status: 200, says: /Domain is locked at registry/ },
  { name: "200 with 'Invalid token' error is an authentication failure", reply: { status: 200, json: { error: "Invalid token" } }, code: "authentication", status: 200, says: /credentials/ },
  { name: "200 with a non-JSON body is a protocol error with a sanitised snippet", reply: { status: 200, raw: "<?php\u0007 Fatal error:\n\n  Call to undefined function" }, code: "protocol", status: 200, says: /not JSON: "<\?php Fatal error: Call to undefined function"/ },
  { name: "a redirect is a protocol error (wrong endpoint)", reply: { status: 302, raw: "", headers: { location: "/login" } }, code: "protocol", status: 302, says: /endpoint/ },
];

describe("status and body → error code", () => {
  it.each(CASES)("$name", async (c) => {
    reply = c.reply;
    const error = await failure(client.call("saveLock", { domain: "example.com", lockstatus: "locked" }));
    expect(error.code).toBe(c.code);
    expect(error.status).toBe(c.status);
    expect(error.route).toBe("saveLock");
    expect(error.domain).toBe("example.com");
    expect(error.message).toMatch(/^saveLock on example\.com: /);
    expect(error.message).toMatch(/What to do: /);
    expect(error.message).toMatch(c.says);
  });

  it("an empty error field does not turn a success into a failure", async () => {
    reply = { json: { error: "", success: true } };
    await expect(client.call("saveLock", { domain: "example.com", lockstatus: "unlocked" })).resolves.toBeUndefined();
  });

  it("a lock answer other than locked/unlocked is a protocol error, not a guess", async () => {
    reply = { json: "maybe" };
    const error = await failure(client.call("getLock", { domain: "example.com" }));
    expect(error.code).toBe("protocol");
    expect(error.message).toMatch(/documented shape/);
  });

  it("a body beyond 8 MB is cut off as a protocol error instead of being buffered", async () => {
    reply = { status: 200, raw: `"${"x".repeat(8.5 * 1024 * 1024)}"` };
    const error = await failure(client.call("getLock", { domain: "example.com" }));
    expect(error.code).toBe("protocol");
  });

  it("a lock answer in capitals is still understood", async () => {
    reply = { json: "Unlocked" };
    await expect(client.call("getLock", { domain: "example.com" })).resolves.toBe("unlocked");
  });
});

describe("parameter validation happens before any request", () => {
  it("names the field and the fix, and sends nothing", async () => {
    const before = server.requests.length;
    const error = await failure(client.call("saveLock", { domain: "example.com", lockstatus: "on" as never }));
    expect(error.code).toBe("validation");
    expect(error.message).toMatch(/lockstatus: must be "locked" or "unlocked"/);
    expect(error.message).toMatch(/nothing was sent/);
    expect(server.requests.length).toBe(before);
  });

  it("rejects a misspelt parameter name instead of silently dropping it", async () => {
    const error = await failure(client.call("saveLock", { domain: "example.com", lockstatus: "locked", lockStatus: "x" } as never));
    expect(error.message).toMatch(/lockStatus/);
  });

  it("rejects a name that is not a domain", async () => {
    const error = await failure(client.call("getDns", { domain: "localhost" }));
    expect(error.code).toBe("validation");
    expect(error.message).toMatch(/domain: must be a domain name/);
  });

  it("names the nested field of a bad DNS record", async () => {
    const error = await failure(client.call("saveDns", { domain: "example.com", dnsrecords: [{ hostname: "@", type: "A", address: "192.0.2.1" }, { hostname: "@", type: "A!", address: "x" }] }));
    expect(error.message).toMatch(/dnsrecords\[1\]\.type/);
  });

  it("refuses email forwards whose lists do not pair up", async () => {
    const error = await failure(client.call("saveEmailForwarding", { domain: "example.com", prefix: ["a", "b"], forwardto: ["x@y.z"] }));
    expect(error.message).toMatch(/same length/);
  });

  it("refuses an unknown route name as a configuration error", async () => {
    const error = await failure(client.call("getLocks" as never, {} as never));
    expect(error.code).toBe("configuration");
    expect(error.message).toMatch(/getLock/);
  });
});

describe("the error class", () => {
  it("is recognised across package copies through its registered brand", () => {
    const foreign = Object.assign(Object.create(Error.prototype) as object, { [Symbol.for("pulumi-domainsreseller.error")]: true });
    expect(foreign instanceof DomainsResellerError).toBe(true);
    expect(new Error("x") instanceof DomainsResellerError).toBe(false);
  });
});
