// "Gone" only on proof: a refresh that drops a resource, or a delete that skips its restore, on a
// misread error loses track of a domain. Each case scripts what the server answers.
import { afterEach, describe, expect, it } from "vitest";
import { DomainsResellerClient, DomainsResellerError } from "../../provider/client";
import { isGoneStatus, provesGone } from "../../provider/runtime/gone";
import { API_KEY, USERNAME, startServer, type Recorded, type Reply, type TestServer } from "../client/helpers/server";

let server: TestServer | undefined;
let client: DomainsResellerClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

async function answering(reply: (req: Recorded) => Reply): Promise<DomainsResellerClient> {
  server = await startServer(reply);
  client = new DomainsResellerClient({ endpoint: server.endpoint, username: USERNAME, apiKey: API_KEY, maxRetries: 0 });
  return client;
}

/** The error a failed getLock produced on this server. */
async function lockError(c: DomainsResellerClient): Promise<unknown> {
  return c.call("getLock", { domain: "shop.example" }).then(() => undefined, (e: unknown) => e);
}

const routeOf = (req: Recorded) => `${req.method} ${req.path}`;

describe("provesGone", () => {
  it("a 200 whose error text says 'not found' is not proof while information says the domain is active", async () => {
    const c = await answering((req) => (routeOf(req).endsWith("/information") ? { json: { domain: "shop.example", status: "Active" } } : { json: { error: "Domain not found in registrar" } }));
    const error = await lockError(c);
    expect(error).toMatchObject({ code: "not_found", status: 200 });
    expect(await provesGone(c, "shop.example", error)).toBe(false);
  });

  it("information reporting Transferred Away is proof", async () => {
    const c = await answering((req) => (routeOf(req).endsWith("/information") ? { json: { domain: "shop.example", status: "Transferred Away" } } : { status: 404, json: { error: "Domain not found" } }));
    expect(await provesGone(c, "shop.example", await lockError(c))).toBe(true);
  });

  it("a 404 for the domain is proof when the API's version route answers (the endpoint is right)", async () => {
    const c = await answering((req) => (routeOf(req).endsWith("/version") ? { json: "3.2.1" } : { status: 404, json: { error: "Domain not found" } }));
    expect(await provesGone(c, "shop.example", await lockError(c))).toBe(true);
  });

  it("404 on every route (a wrong endpoint path) is not proof: nothing is dropped", async () => {
    const c = await answering(() => ({ status: 404, raw: "<html>Not Found</html>" }));
    expect(await provesGone(c, "shop.example", await lockError(c))).toBe(false);
  });

  it("an error that is not not_found (a timeout, a 500) is never proof, and asks the server nothing", async () => {
    const c = await answering(() => ({ status: 500, json: { error: "down" } }));
    const error = await lockError(c);
    const before = server?.requests.length ?? 0;
    expect(await provesGone(c, "shop.example", error)).toBe(false);
    expect(await provesGone(c, "shop.example", new Error("socket hang up"))).toBe(false);
    expect(server?.requests.length).toBe(before);
    expect(error).toBeInstanceOf(DomainsResellerError);
  });

  it("knows the statuses after which a registration is no longer the account's", () => {
    expect(["Transferred Away", "cancelled", " Fraud "].every((status) => isGoneStatus({ status }))).toBe(true);
    expect(isGoneStatus({ status: "Expired", restorable: false })).toBe(true);
    // Expired but restorable, or the server did not say: still the account's domain.
    expect(isGoneStatus({ status: "Expired", restorable: true })).toBe(false);
    expect(isGoneStatus({ status: "Expired" })).toBe(false);
    expect(["Active", "Pending Transfer", "Grace", "Redemption", "", null, undefined].some((status) => isGoneStatus({ status }))).toBe(false);
  });
});
