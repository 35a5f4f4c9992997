// The runtime as Pulumi's provider process calls it, over real HTTP against the emulator: adoption,
// restore on delete, gone domains, failed saves that must change nothing, and errors without secrets.
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as runtime from "../../provider/runtime";
import { resetHandover } from "../../provider/runtime/handover";
import { startTestEmulator, type TestEmulator } from "../e2e/harness";

let emulator: TestEmulator;
const KIND = "RegistrarLock";

beforeAll(async () => {
  emulator = await startTestEmulator();
  const { endpoint } = emulator.handle;
  const { email, apiKey } = emulator.account;
  values = { "domainsreseller:endpoint": endpoint, "domainsreseller:username": email, "domainsreseller:apiKey": apiKey };
  await nextDeployment();
});
let values: Record<string, string> = {};
/** Each test is a deployment of its own, as the engine configures a new provider for each. */
const nextDeployment = async () => {
  resetHandover(); // a new provider process
  await runtime.configure(KIND, { config: { get: (key: string) => values[key] } });
};
afterAll(async () => emulator?.close());
beforeEach(async () => {
  await nextDeployment();
  await emulator.admin("DELETE", "/faults");
  await emulator.drift("acme-widgets.net", { locked: false });
});

describe("RegistrarLock runtime", () => {
  it("create adopts the live lock, records it, and sets the declared one", async () => {
    const { id, outs } = await runtime.create(KIND, { domain: "acme-widgets.net", locked: true });
    expect(id).toBe("acme-widgets.net");
    expect(outs).toEqual({ domain: "acme-widgets.net", locked: true, initialLocked: false, schemaVersion: 1 });
    expect((await emulator.domain("acme-widgets.net")).locked).toBe(true);
  });

  it("create sends no save when the domain is already as declared", async () => {
    await emulator.resetCounters();
    await runtime.create(KIND, { domain: "acme-widgets.net", locked: false });
    expect(await emulator.writes()).toBe(0);
  });

  it("a refused save fails the create and leaves the domain as it was", async () => {
    await emulator.admin("POST", "/faults", { route: "POST /domains/{domain}/lock", kind: "error200" });
    const failure = runtime.create(KIND, { domain: "acme-widgets.net", locked: true });
    await expect(failure).rejects.toThrow(/RegistrarLock acme-widgets\.net: create failed/);
    await expect(failure).rejects.toHaveProperty("id", "acme-widgets.net"); // recorded, so destroy can restore
    expect((await emulator.domain("acme-widgets.net")).locked).toBe(false);
  });

  it("a save the registrar acknowledges but drops is caught by the read-back, not recorded as done", async () => {
    await emulator.admin("POST", "/faults", { route: "POST /domains/{domain}/lock", kind: "ignore" });
    const failure = runtime.create(KIND, { domain: "acme-widgets.net", locked: true });
    await expect(failure).rejects.toThrow(/accepted the request to lock acme-widgets\.net but still reports it unlocked/);
    // Recorded with what is really there, so the next `up` retries and `destroy` restores.
    await expect(failure).rejects.toMatchObject({ id: "acme-widgets.net", properties: { locked: false, initialLocked: false, schemaVersion: 1 } });
  });

  it("read reports drift as new state and inputs", async () => {
    const read = await runtime.read(KIND, "acme-widgets.net", { domain: "acme-widgets.net", locked: true, initialLocked: false, schemaVersion: 1 });
    expect(read).toEqual({
      id: "acme-widgets.net",
      props: { domain: "acme-widgets.net", locked: false, initialLocked: false, schemaVersion: 1 },
      inputs: { domain: "acme-widgets.net", locked: false },
    });
  });

  it("read of a domain transferred away says it is gone; delete then has nothing to restore", async () => {
    await emulator.admin("POST", "/domains", { owner: emulator.account.email, domain: "left-us.com", locked: false });
    const state = { domain: "left-us.com", locked: true, initialLocked: false, schemaVersion: 1 };
    expect(await runtime.read(KIND, "left-us.com", state)).toMatchObject({ id: "left-us.com" });
    await emulator.drift("left-us.com", { status: "Transferred Away" });
    expect(await runtime.read(KIND, "left-us.com", state)).toEqual({ id: "" });
    await emulator.resetCounters();
    await expect(runtime.delete(KIND, "left-us.com", state)).resolves.toBeUndefined();
    expect(await emulator.writes()).toBe(0);
  });

  it("a domain that was never in the account is gone too (HTTP 404 while the API answers)", async () => {
    expect(await runtime.read(KIND, "not-ours.com", { domain: "not-ours.com", locked: true, initialLocked: true })).toEqual({ id: "" });
  });

  it("a 200 carrying an error does not drop the resource: refresh fails instead", async () => {
    await emulator.admin("POST", "/faults", { route: "GET /domains/{domain}/lock", kind: "error200" });
    await expect(runtime.read(KIND, "acme-widgets.net", { domain: "acme-widgets.net", locked: true, initialLocked: false })).rejects.toThrow(/read failed/);
  });

  it("delete restores the lock found at adoption", async () => {
    await emulator.drift("acme-widgets.net", { locked: true });
    await runtime.delete(KIND, "acme-widgets.net", { domain: "acme-widgets.net", locked: true, initialLocked: false });
    expect((await emulator.domain("acme-widgets.net")).locked).toBe(false);
  });

  it("update sets the declared lock and keeps the lock found at adoption", async () => {
    const outs = await runtime.update(KIND, "acme-widgets.net", { domain: "acme-widgets.net", locked: false, initialLocked: false, schemaVersion: 1 }, { domain: "acme-widgets.net", locked: true });
    expect(outs).toEqual({ outs: { domain: "acme-widgets.net", locked: true, initialLocked: false, schemaVersion: 1 } });
    expect((await emulator.domain("acme-widgets.net")).locked).toBe(true);
  });

  it("an update the registrar drops is recorded with the lock really in force (and the serialized provider)", async () => {
    await emulator.admin("POST", "/faults", { route: "POST /domains/{domain}/lock", kind: "ignore" });
    const failure = runtime.update(KIND, "acme-widgets.net", { domain: "acme-widgets.net", locked: false, initialLocked: false, schemaVersion: 1 }, { domain: "acme-widgets.net", locked: true, __provider: "serialized" });
    await expect(failure).rejects.toMatchObject({
      id: "acme-widgets.net",
      properties: { domain: "acme-widgets.net", locked: false, initialLocked: false, schemaVersion: 1, __provider: "serialized" },
    });
  });

  it("errors name the resource and carry neither the API key nor the token", async () => {
    await emulator.admin("POST", "/faults", { route: "GET /domains/{domain}/lock", kind: "status", status: 401 });
    const error = await runtime.read(KIND, "acme-widgets.net", { domain: "acme-widgets.net", locked: true, initialLocked: false }).catch((e: unknown) => e);
    const text = `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`;
    expect(text).toContain("RegistrarLock acme-widgets.net: read failed");
    expect(text).not.toContain(emulator.account.apiKey);
  });
});
