// Which calls may be repeated. Orders (register/transfer/renew) and irreversible calls are sent
// exactly once: a reset or timeout after sending becomes outcome_unknown, never a second order
// and a second charge. Reads and whole-state saves are retried. The server counts requests.
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DomainsResellerClient, type DomainsResellerError, type RouteName } from "../../provider/client";
import { API_KEY, USERNAME, startServer, type Reply, type TestServer } from "./helpers/server";
import { ROUTE_CASES } from "./helpers/route-cases";

const instantClock = { now: () => Date.now(), sleep: async () => undefined };
let server: TestServer | undefined;
let client: DomainsResellerClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setup(script: (index: number) => Reply, requestTimeoutMs = 5_000): Promise<{ server: TestServer; client: DomainsResellerClient }> {
  server = await startServer((_req, i) => script(i));
  client = new DomainsResellerClient({ endpoint: server.endpoint, username: USERNAME, apiKey: API_KEY, clock: instantClock, maxRetries: 3, requestTimeoutMs });
  return { server, client };
}

async function failure(promise: Promise<unknown>): Promise<DomainsResellerError> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: DomainsResellerError) => e,
  );
}

const caseFor = (route: string) => {
  const c = ROUTE_CASES.find((x) => x.route === route);
  if (!c) throw new Error(route);
  return c;
};
const ONCE = [
  "register", "transfer", "renew", "release", "requestDelete", "registerPrivateNameserver", "modifyPrivateNameserver", "deletePrivateNameserver",
  // May bill: ID protection can invoice, a registrant change is a paid trade on some TLDs.
  "setIdProtection", "saveContacts",
];

describe("calls that cost money or cannot be undone are sent once", () => {
  it.each(ONCE)("%s: a connection reset after sending is outcome_unknown after exactly one request", async (route) => {
    const { server, client } = await setup(() => "reset");
    const error = await failure(client.call(route as RouteName, caseFor(route).params as never));
    expect(server.requests).toHaveLength(1);
    expect(error.code).toBe("outcome_unknown");
    expect(error.message).toMatch(/may or may not have been carried out/);
    expect(error.message).toMatch(/do not resend; read the current state \(for example the `information` route\)/);
  });

  it("register: a response timeout is outcome_unknown after exactly one request", async () => {
    const { server, client } = await setup(() => "hang", 300);
    const error = await failure(client.call("register", caseFor("register").params as never));
    expect(error.code).toBe("outcome_unknown");
    expect(server.requests).toHaveLength(1);
  });

  it.each(ONCE.flatMap((route) => [502, 503, 504].map((status) => [route, status] as const)))(
    "%s: an HTTP %i after sending is outcome_unknown after exactly one request (a proxy can answer that after the order went through)",
    async (route, status) => {
      const { server, client } = await setup(() => ({ status, raw: "<html>Bad Gateway</html>" }));
      const error = await failure(client.call(route as RouteName, caseFor(route).params as never));
      expect(error.code).toBe("outcome_unknown");
      expect(error.message).toMatch(/may or may not have been carried out/);
      expect(error.message).toMatch(/do not resend/);
      expect(server.requests).toHaveLength(1);
    },
  );

  it("register: a 200 that is not JSON is outcome_unknown, not a protocol error to retry", async () => {
    const { server, client } = await setup(() => ({ status: 200, raw: "<html>maintenance</html>" }));
    const error = await failure(client.call("register", caseFor("register").params as never));
    expect(error.code).toBe("outcome_unknown");
    expect(server.requests).toHaveLength(1);
  });

  it("renew: insufficient credit answered with HTTP 500 keeps its own code", async () => {
    const { server, client } = await setup(() => ({ status: 500, json: { error: "You do not have enough credit to renew this domain" } }));
    const error = await failure(client.call("renew", caseFor("renew").params as never));
    expect(error.code).toBe("insufficient_credit");
    expect(server.requests).toHaveLength(1);
  });

  it("renew: a refusal (400) is not resent, and the advice is to read the state first", async () => {
    const { server, client } = await setup(() => ({ status: 400, json: { error: "busy" } }));
    const error = await failure(client.call("renew", caseFor("renew").params as never));
    expect(error.code).toBe("validation");
    expect(error.message).toMatch(/do not resend blindly/);
    expect(server.requests).toHaveLength(1);
  });

  it("transfer: a 429 is not resent either", async () => {
    const { server, client } = await setup(() => ({ status: 429, json: { error: "slow" }, headers: { "retry-after": "1" } }));
    const error = await failure(client.call("transfer", caseFor("transfer").params as never));
    expect(error.code).toBe("rate_limited");
    expect(server.requests).toHaveLength(1);
  });

  it("register: connection refused is retried, because nothing was sent", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    client = new DomainsResellerClient({ endpoint: `http://127.0.0.1:${port}/api`, username: USERNAME, apiKey: API_KEY, clock: instantClock, maxRetries: 2 });
    const error = await failure(client.call("register", caseFor("register").params as never));
    expect(error.code).toBe("transient");
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(client.stats.requestsSent).toBe(3);
  });
});

describe("reads and whole-state saves are retried", () => {
  it("saveDns: a reset is retried and the save succeeds", async () => {
    const { server, client } = await setup((i) => (i === 0 ? "reset" : { json: {} }));
    await expect(client.call("saveDns", caseFor("saveDns").params as never)).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).toBe(server.requests[0]?.body);
  });

  it("getLock: two 503s then an answer", async () => {
    const { server, client } = await setup((i) => (i < 2 ? { status: 503, json: { error: "busy" } } : { json: "unlocked" }));
    await expect(client.call("getLock", { domain: "example.com" })).resolves.toBe("unlocked");
    expect(server.requests).toHaveLength(3);
    expect(client.stats.retries).toBe(2);
  });

  it("getLock: gives up after maxRetries and reports transient", async () => {
    const { server, client } = await setup(() => ({ status: 500, json: { error: "down" } }));
    const error = await failure(client.call("getLock", { domain: "example.com" }));
    expect(error.code).toBe("transient");
    expect(server.requests).toHaveLength(4);
  });

  it("getLock: a timeout on a read is transient and retried", async () => {
    const { server, client } = await setup((i) => (i === 0 ? "hang" : { json: "locked" }), 300);
    await expect(client.call("getLock", { domain: "example.com" })).resolves.toBe("locked");
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ["validation", { status: 400, json: { error: "bad" } }],
    ["not_found", { status: 404, json: { error: "nope" } }],
    ["insufficient_credit", { status: 500, json: { error: "not enough credits" } }],
  ] as const)("saveNameservers: %s is never retried", async (code, reply) => {
    const { server, client } = await setup(() => reply);
    const error = await failure(client.call("saveNameservers", caseFor("saveNameservers").params as never));
    expect(error.code).toBe(code);
    expect(server.requests).toHaveLength(1);
  });
});
