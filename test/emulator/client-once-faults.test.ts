// Every route that may bill or cannot be undone, sent by the real client to the emulator while a
// fault hits AFTER the emulator committed: the answer is lost (reset, hang past the timeout, a
// proxy's 502/504). The client must report outcome_unknown after sending exactly once, and the
// emulator's books must show the work done exactly once: one ledger line, one request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient, routes, type RouteName } from "../../provider/client";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { admin, DEMO, REGISTRANT } from "./helpers";

const order = { regperiod: 1, nameservers: { ns1: "ns1.example.net", ns2: "ns2.example.net" }, contacts: { registrant: REGISTRANT } };
const FAULTS = [
  { kind: "resetAfter" },
  { kind: "hangAfter", ms: 3_000 },
  { kind: "statusAfter", status: 502 },
  { kind: "statusAfter", status: 504 },
] as const;

/** Params for each `once` route on a domain of its own; `billed` routes must leave one ledger line. */
function caseFor(route: RouteName, domain: string): { params: Record<string, unknown>; billed: boolean; seed?: Record<string, unknown> } {
  switch (route) {
    case "register":
      return { params: { domain, ...order }, billed: true };
    case "transfer":
      return { params: { domain, ...order, eppcode: "Epp-42" }, billed: true };
    case "renew":
      return { params: { domain, regperiod: 1 }, billed: true, seed: {} };
    case "release":
      return { params: { domain, transfertag: "NEWTAG" }, billed: false, seed: {} };
    case "requestDelete":
      return { params: { domain }, billed: false, seed: {} };
    case "saveContacts":
      return { params: { domain, contactdetails: { Registrant: { "First Name": "Grace" } } }, billed: false, seed: {} };
    case "setIdProtection":
      return { params: { domain, status: true }, billed: false, seed: {} };
    case "registerPrivateNameserver":
      return { params: { domain, nameserver: `ns1.${domain}`, ipaddress: "192.0.2.1" }, billed: false, seed: {} };
    case "modifyPrivateNameserver":
      return { params: { domain, nameserver: `ns1.${domain}`, currentipaddress: "192.0.2.1", newipaddress: "192.0.2.2" }, billed: false, seed: { privateNameservers: [{ nameserver: `ns1.${domain}`, ipaddress: "192.0.2.1" }] } };
    case "deletePrivateNameserver":
      return { params: { domain, nameserver: `ns1.${domain}` }, billed: false, seed: { privateNameservers: [{ nameserver: `ns1.${domain}`, ipaddress: "192.0.2.1" }] } };
    default:
      throw new Error(`no case for the once route ${route}: add one`);
  }
}

const ONCE = (Object.keys(routes) as RouteName[]).filter((r) => routes[r].safety === "once");
const MATRIX = ONCE.flatMap((route) => FAULTS.map((fault, i) => ({ route, fault, domain: `once-${route.toLowerCase()}-${i}.com` })));
const routeKey = (route: RouteName) => `${routes[route].method} ${routes[route].path}`;

let emu: EmulatorHandle;
let client: DomainsResellerClient;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, admin: true, seed: "default" });
  client = new DomainsResellerClient({ endpoint: emu.endpoint, username: DEMO.email, apiKey: DEMO.apiKey, requestTimeoutMs: 1_000, maxRetries: 3 });
  for (const { route, domain } of MATRIX) {
    const { seed } = caseFor(route, domain);
    if (seed) await admin(emu, "POST", "/domains", { owner: DEMO.email, domain, expiryDate: "2030-03-01", ...seed });
  }
});
afterAll(async () => {
  await client?.close();
  await emu?.close();
});

describe("a lost answer after the work was done", () => {
  it("covers every once route of the client's table", () => {
    expect(ONCE.sort()).toEqual(["deletePrivateNameserver", "modifyPrivateNameserver", "register", "registerPrivateNameserver", "release", "renew", "requestDelete", "saveContacts", "setIdProtection", "transfer"]);
  });

  it.each(MATRIX.map((m) => [m.route, m.fault.kind + ("status" in m.fault ? ` ${m.fault.status}` : ""), m] as const))("%s with %s: outcome_unknown, sent once, done once", async (route, _label, { fault, domain }) => {
    const { params, billed } = caseFor(route, domain);
    await admin(emu, "DELETE", "/counters");
    await admin(emu, "POST", "/faults", { route: routeKey(route), times: 1, ...fault });
    const error = await client.call(route, params as never).then(() => undefined, (e: unknown) => e);
    await admin(emu, "DELETE", "/faults");
    expect(error).toMatchObject({ code: "outcome_unknown" });
    expect((await admin(emu, "GET", "/counters")).body[routeKey(route)]).toBe(1);
    const ledger = ((await admin(emu, "GET", "/ledger")).body as { domain: string }[]).filter((e) => e.domain === domain);
    expect(ledger).toHaveLength(billed ? 1 : 0);
  });
});
