// The API key and the token never leave the client: not in messages, causes, stacks, JSON, logger
// lines, nor in util.inspect of the error or the client — even when a server echoes them back.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { DomainsResellerClient, signToken } from "../../provider/client";
import { API_KEY, USERNAME, startServer, type Reply, type TestServer } from "./helpers/server";

let server: TestServer | undefined;
let client: DomainsResellerClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

function tokensNow(): string[] {
  const s = Math.floor(Date.now() / 1000);
  return [signToken(USERNAME, API_KEY, s - 3600), signToken(USERNAME, API_KEY, s), signToken(USERNAME, API_KEY, s + 3600)];
}

function assertClean(text: string): void {
  expect(text).not.toContain(API_KEY);
  for (const token of tokensNow()) expect(text).not.toContain(token);
}

async function captured(reply: (echo: { token: string }) => Reply, route: "getLock" | "register" = "getLock", requestTimeoutMs = 5000) {
  const lines: string[] = [];
  server = await startServer((req) => reply({ token: String(req.headers["token"]) }));
  client = new DomainsResellerClient({ endpoint: server.endpoint, username: USERNAME, apiKey: API_KEY, maxRetries: 1, requestTimeoutMs, clock: { now: () => Date.now(), sleep: async () => undefined }, logger: (l) => lines.push(l) });
  const params = route === "getLock" ? { domain: "example.com" } : { domain: "example.com", regperiod: 1, nameservers: ["a.example.net", "b.example.net"], contacts: { registrant: { firstname: "A", lastname: "B", email: "a@b.co", address1: "x", city: "y", state: "", postcode: "", country: "GB", phonenumber: "+44.2071234567" } } };
  const error = await client.call(route, params as never).then(
    () => {
      throw new Error("expected failure");
    },
    (e: unknown) => e,
  );
  return { error, lines };
}

const FAILURES: [string, (e: { token: string }) => Reply, "getLock" | "register"][] = [
  ["a 401 whose body echoes the key and the token", (e) => ({ status: 401, json: { error: `bad token ${e.token} for key ${API_KEY}` } }), "getLock"],
  ["a non-JSON 200 body that contains the token", (e) => ({ status: 200, raw: `<pre>token=${e.token} key=${API_KEY}</pre>` }), "getLock"],
  ["a 500 on a read, retried, echoing the key", () => ({ status: 500, json: { error: `upstream said ${API_KEY}` } }), "getLock"],
  ["a connection reset on an order (outcome_unknown)", () => "reset", "register"],
  ["a 200 with an error object that contains the token", (e) => ({ status: 200, json: { error: { token: e.token } } }), "getLock"],
];

describe("no credential in anything a failure produces", () => {
  it.each(FAILURES)("%s", async (_name, reply, route) => {
    const { error, lines } = await captured(reply, route);
    assertClean(inspect(error, { depth: 10, showHidden: true }));
    assertClean(JSON.stringify(error));
    assertClean(String((error as Error).stack));
    assertClean(inspect((error as Error).cause, { depth: 10, showHidden: true }));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) assertClean(line);
  });

  it("a timeout's error and cause carry no request headers", async () => {
    const { error } = await captured(() => "hang", "getLock", 300);
    expect((error as { code?: string }).code).toBe("transient");
    assertClean(inspect(error, { depth: 10, showHidden: true }));
  });

  it("util.inspect of the client shows neither the key nor a token", async () => {
    server = await startServer(() => ({ json: "locked" }));
    client = new DomainsResellerClient({ endpoint: server.endpoint, username: USERNAME, apiKey: API_KEY });
    await client.call("getLock", { domain: "example.com" });
    assertClean(inspect(client, { depth: 10, showHidden: true }));
    assertClean(JSON.stringify(client));
  });
});
