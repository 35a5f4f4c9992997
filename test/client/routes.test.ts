// Every one of the 30 routes against a loopback server: the right method and path, signed headers,
// the body as PHP would parse it, and the normalized result. A wrong path or field name here is a
// call the real API would 404 or ignore.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient, routeNames, signToken, type RouteName } from "../../provider/client";
import { API_KEY, USERNAME, startServer, type Recorded, type TestServer } from "./helpers/server";
import { ROUTE_CASES } from "./helpers/route-cases";

let server: TestServer;
let client: DomainsResellerClient;
let reply: unknown = {};

beforeAll(async () => {
  server = await startServer(() => ({ json: reply }));
  client = new DomainsResellerClient({ endpoint: server.endpoint, username: USERNAME, apiKey: API_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

function last(): Recorded {
  const req = server.requests.at(-1);
  if (!req) throw new Error("no request reached the server");
  return req;
}

describe("route table", () => {
  it("covers exactly the 30 routes of the API reference", () => {
    expect(routeNames).toHaveLength(30);
    expect(new Set(ROUTE_CASES.map((c) => c.route))).toEqual(new Set(routeNames));
  });
});

describe.each(ROUTE_CASES)("$route", (c) => {
  it(`sends ${c.method} ${c.path} signed, with the body PHP expects, and normalizes the answer`, async () => {
    reply = c.reply;
    const before = Math.floor(Date.now() / 1000);
    const result = await client.call(c.route as RouteName, c.params as never);
    const req = last();
    expect(req.method).toBe(c.method);
    expect(req.path).toBe(c.path);
    expect(req.query).toBe(c.query ?? "");
    expect(req.headers["username"]).toBe(USERNAME);
    const ts = Number(req.headers["timestamp"]);
    expect(ts).toBeGreaterThanOrEqual(before - 1);
    expect(ts).toBeLessThanOrEqual(before + 5);
    expect(req.headers["token"]).toBe(signToken(USERNAME, API_KEY, ts));
    expect(req.headers["user-agent"]).toMatch(/^pulumi-domainsreseller\/\d+\.\d+\.\d+/);
    if (c.method === "POST") {
      expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect(req.parsed).toEqual(c.body);
      if (c.rawBody !== undefined) expect(req.body).toBe(c.rawBody);
    } else {
      expect(req.body).toBe("");
    }
    expect(result).toEqual(c.result);
  });
});

describe("saving an empty table", () => {
  // http_build_query drops an empty array, so "clear every record" would reach the server as a save
  // with its required list missing, and be refused. WHMCS posts one blank row, which servers skip.
  it("sends one blank DNS row instead of no dnsrecords at all", async () => {
    reply = { success: true };
    await client.call("saveDns", { domain: "example.com", dnsrecords: [] });
    expect(last().parsed).toEqual({ domain: "example.com", dnsrecords: [{ hostname: "", type: "A", address: "", priority: "N/A" }] });
  });

  it("sends one blank forwarding row instead of no prefix/forwardto at all", async () => {
    reply = { success: true };
    await client.call("saveEmailForwarding", { domain: "example.com", prefix: [], forwardto: [] });
    expect(last().parsed).toEqual({ domain: "example.com", prefix: [""], forwardto: [""] });
  });
});

describe("absent is not off", () => {
  it("an information answer without idProtectionStatus reads as undefined, never false", async () => {
    const { routes } = await import("../../provider/client");
    const parsed = routes.information.response.parse({ domain: "example.com", status: "Active", transferLock: "1" });
    expect(parsed.idProtection).toBeUndefined();
    expect(parsed.dnsManagement).toBeUndefined();
    expect(parsed.transferLock).toBe(true);
    expect(routes.information.response.parse({ idProtectionStatus: 0 }).idProtection).toBe(false);
    expect(routes.information.response.parse({ idProtectionStatus: "" }).idProtection).toBeUndefined();
  });
});
