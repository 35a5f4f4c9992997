// The settings kinds as Pulumi's provider process calls them, over real HTTP against the emulator:
// adoption of seeded state, saves verified by a re-read, drift seen by read, and delete giving back
// what was found. Out-of-band changes go through the signed API, as a registrar's panel would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import * as runtime from "../../provider/runtime";
import { resetHandover } from "../../provider/runtime/handover";
import { forgetSharedReads } from "../../provider/runtime/sharedReads";
import { startTestEmulator, type TestEmulator } from "../e2e/harness";

let emulator: TestEmulator;

/** What the engine does: check the raw inputs, then hand the checked ones on. */
async function checked(kind: string, raw: Record<string, unknown>): Promise<Record<string, unknown>> {
  const outcome = await runtime.check(kind, {}, raw);
  if (outcome.failures) throw new Error(JSON.stringify(outcome.failures));
  return outcome.inputs ?? {};
}
const create = async (kind: string, raw: Record<string, unknown>) => runtime.create(kind, await checked(kind, raw));
const update = async (kind: string, id: string, olds: Record<string, unknown>, raw: Record<string, unknown>) => runtime.update(kind, id, olds, await checked(kind, raw));
let panel: DomainsResellerClient;
let values: Record<string, string> = {};
/** A later deployment (`pulumi destroy`, the next `up`): the engine starts a provider and configures it. */
const nextDeployment = async () => {
  resetHandover(); // a new provider process
  forgetSharedReads();
  await runtime.configure("Nameservers", { config: { get: (key: string) => values[key] } });
};

beforeAll(async () => {
  emulator = await startTestEmulator();
  const { endpoint } = emulator.handle;
  const { email, apiKey } = emulator.account;
  values = { "domainsreseller:endpoint": endpoint, "domainsreseller:username": email, "domainsreseller:apiKey": apiKey };
  await nextDeployment();
  panel = new DomainsResellerClient({ endpoint, username: email, apiKey });
});
afterAll(async () => {
  await panel?.close();
  await emulator?.close();
});

describe("Nameservers", () => {
  const domain = "acme-mail.com";
  const found = ["ns1.mailhost.test", "ns2.mailhost.test", "ns3.mailhost.test"];

  it("adopts, sets, reads drift, updates and gives the delegation back", async () => {
    const { id, outs } = await create("Nameservers", { domain, nameservers: ["NS1.Cloud.test.", "ns2.cloud.test"] });
    expect(outs).toEqual({ domain, nameservers: ["ns1.cloud.test", "ns2.cloud.test"], initialNameservers: found, schemaVersion: 1 });
    expect(await panel.call("getNameservers", { domain })).toEqual(["ns1.cloud.test", "ns2.cloud.test"]);

    await panel.call("saveNameservers", { domain, ns1: "ns9.elsewhere.test", ns2: "ns2.cloud.test" });
    await nextDeployment(); // the refresh that sees it
    const read = await runtime.read("Nameservers", id, outs);
    expect(read.inputs).toEqual({ domain, nameservers: ["ns9.elsewhere.test", "ns2.cloud.test"] });
    expect(await runtime.diff("Nameservers", id, read.props ?? {}, { domain, nameservers: ["ns1.cloud.test", "ns2.cloud.test"] })).toMatchObject({ changes: true });

    await update("Nameservers", id, read.props ?? {}, { domain, nameservers: ["ns2.cloud.test", "ns1.cloud.test"] });
    expect(await panel.call("getNameservers", { domain })).toEqual(["ns2.cloud.test", "ns1.cloud.test"]);
    await nextDeployment();
    await runtime.delete("Nameservers", id, outs);
    expect(await panel.call("getNameservers", { domain })).toEqual(found);
  });
});

describe("EmailForwarding", () => {
  const domain = "acme-shop.io";

  it("owns the whole list, and puts back the list it found", async () => {
    const { id, outs } = await create("EmailForwarding", { domain, forwards: [{ from: "Info", to: "owner@Example.org" }, { from: "*", to: "all@example.org" }] });
    expect(outs).toMatchObject({ forwards: [{ from: "info", to: "owner@example.org" }, { from: "*", to: "all@example.org" }], initialForwards: [{ from: "orders", to: "orders@acme-corp.example" }] });
    expect(await panel.call("getEmailForwarding", { domain })).toHaveLength(2);
    await nextDeployment();
    await runtime.delete("EmailForwarding", id, outs);
    expect(await panel.call("getEmailForwarding", { domain })).toEqual([{ prefix: "orders", forwardto: "orders@acme-corp.example" }]);
  });
});

describe("IdProtection", () => {
  const domain = "acme-widgets.co.uk";

  it("reads the setting from information, turns it on once, and turns it back off on delete", async () => {
    await emulator.resetCounters();
    const { id, outs } = await create("IdProtection", { domain, enabled: true });
    expect(outs).toEqual({ domain, enabled: true, initialEnabled: false, schemaVersion: 1 });
    expect((await emulator.counters())["POST /domains/{domain}/protectid"]).toBe(1);
    expect((await panel.call("information", { domain })).idProtection).toBe(true);
    await nextDeployment();
    await runtime.delete("IdProtection", id, outs);
    expect((await panel.call("information", { domain })).idProtection).toBe(false);
  });

  it("a change whose answer is lost is settled by reading, not by sending it again", async () => {
    await emulator.resetCounters();
    await emulator.admin("POST", "/faults", { route: "POST /domains/{domain}/protectid", kind: "resetAfter", count: 1 });
    const { outs } = await create("IdProtection", { domain, enabled: true });
    expect(outs).toMatchObject({ enabled: true });
    expect((await emulator.counters())["POST /domains/{domain}/protectid"]).toBe(1);
    await emulator.admin("DELETE", "/faults");
    await nextDeployment();
    await runtime.delete("IdProtection", domain, outs);
  });
});

describe("PrivateNameserver", () => {
  const domain = "acme-labs.dev";

  it("registers, modifies the address in place, says refresh cannot see glue, and deletes", async () => {
    const { id, outs } = await create("PrivateNameserver", { domain, host: "NS3.acme-labs.dev", ip: "192.0.2.99" });
    expect(outs).toEqual({ domain, host: "ns3.acme-labs.dev", ip: "192.0.2.99", schemaVersion: 1 });
    const updated = await update("PrivateNameserver", id, outs, { domain, host: "ns3.acme-labs.dev", ip: "2001:db8::99" });
    expect(updated.outs.ip).toBe("2001:db8::99");
    const glue = async () => ((await emulator.domain(domain)).privateNameservers as { nameserver: string; ipaddress: string }[]);
    expect(await glue()).toContainEqual({ nameserver: "ns3.acme-labs.dev", ipaddress: "2001:db8::99" });
    expect(await runtime.read("PrivateNameserver", id, updated.outs)).toMatchObject({ id, props: updated.outs });
    await nextDeployment();
    await runtime.delete("PrivateNameserver", id, updated.outs);
    expect((await glue()).map((g) => g.nameserver)).not.toContain("ns3.acme-labs.dev");
  });
});

describe("credentials profiles", () => {
  it("a resource with a profile works in that account, with its own credentials, beside the default one", async () => {
    await emulator.admin("POST", "/accounts", { email: "eu@example.com", apiKey: "eu-key-0123456789", credit: "0.00" });
    await emulator.admin("POST", "/domains", { owner: "eu@example.com", domain: "eu-shop.example", locked: false });
    const { endpoint } = emulator.handle;
    const { email, apiKey } = emulator.account;
    const profiles = JSON.stringify({ eu: { endpoint, username: "eu@example.com", apiKey: "eu-key-0123456789" } });
    const values: Record<string, string> = { "domainsreseller:endpoint": endpoint, "domainsreseller:username": email, "domainsreseller:apiKey": apiKey, "domainsreseller:profiles": profiles };
    await runtime.configure("RegistrarLock", { config: { get: (key: string) => values[key] } });
    const { outs } = await create("RegistrarLock", { domain: "eu-shop.example", locked: true, profile: "eu" });
    expect(outs).toEqual({ domain: "eu-shop.example", locked: true, profile: "eu", initialLocked: false, schemaVersion: 1 });
    expect((await emulator.domain("eu-shop.example")).locked).toBe(true);
    // Without the profile the default account is used, which does not hold the domain.
    await expect(create("RegistrarLock", { domain: "eu-shop.example", locked: true })).rejects.toThrow(/not found|not owned/);
  });
});

describe("PrivateNameserver adoption", () => {
  it("a host the registry already has is adopted, and stays registered on delete", async () => {
    const { id, outs } = await create("PrivateNameserver", { domain: "acme-labs.dev", host: "ns1.acme-labs.dev", ip: "192.0.2.53" });
    expect(outs).toMatchObject({ host: "ns1.acme-labs.dev", adopted: true });
    await emulator.resetCounters();
    await nextDeployment();
    await runtime.delete("PrivateNameserver", id, outs);
    expect(await emulator.writes()).toBe(0);
    expect(((await emulator.domain("acme-labs.dev")).privateNameservers as { nameserver: string }[]).map((g) => g.nameserver)).toContain("ns1.acme-labs.dev");
  });
});

describe("DnsRecordSet", () => {
  const domain = "acme-mail.com";
  const rows = async () => (await panel.call("getDns", { domain })).map((r) => `${r.hostname}/${r.type}/${r.address}`).sort();

  it("merge: saves the declared records, leaves the others exactly as they are, and on delete removes only what it added (the CNAME it found stays)", async () => {
    const before = await rows();
    const checked = await runtime.check("DnsRecordSet", {}, { domain, records: [{ name: "www", type: "CNAME", value: "ACME-mail.com." }, { name: "api", type: "A", value: "192.0.2.77" }] });
    expect(checked.failures).toBeUndefined();
    // The engine keeps the records as a map keyed by record, so previews name what changed.
    expect(Object.keys(checked.inputs?.records as object)).toEqual(["api/A/192.0.2.77", "www/CNAME/acme-mail.com"]);
    const { id, outs } = await runtime.create("DnsRecordSet", checked.inputs ?? {});
    expect(outs).toMatchObject({ domain, mode: "merge", unmanagedCount: 7 });
    expect(await rows()).toEqual([...before, "api/A/192.0.2.77"].sort());
    await nextDeployment();
    await runtime.delete("DnsRecordSet", id, outs);
    expect(outs.found).toEqual([expect.objectContaining({ hostname: "www", type: "CNAME" })]);
    expect(await rows()).toEqual(before);
  });

  it("refuses to save on an empty read while the state knows of live records (a glitch must never wipe a zone)", async () => {
    const checked = await runtime.check("DnsRecordSet", {}, { domain: "acme-shop.io", records: [{ name: "@", type: "A", value: "192.0.2.30" }] });
    const { id, outs } = await runtime.create("DnsRecordSet", checked.inputs ?? {});
    await emulator.drift("acme-shop.io", { dns: [] });
    const next = await runtime.check("DnsRecordSet", {}, { domain: "acme-shop.io", records: [{ name: "@", type: "A", value: "192.0.2.31" }] });
    await emulator.resetCounters();
    await expect(runtime.update("DnsRecordSet", id, outs, next.inputs ?? {})).rejects.toThrow(/refusing to save DNS: the DNS records of acme-shop\.io came back empty/);
    expect(await emulator.writes()).toBe(0);
  });
});
