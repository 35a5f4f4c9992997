// RegistrarLock on the real Pulumi engine against the emulator: create, no-op, drift, converge, destroy.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, openAccount, startTestEmulator, type Project, type TestEmulator } from "./harness";

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { RegistrarLock } from "pulumi-domainsreseller";

const config = new pulumi.Config();
const lock = new RegistrarLock("shop-lock", { domain: config.require("domain"), locked: config.requireBoolean("locked") });
export const domain = lock.domain;
export const locked = lock.locked;
export const initialLocked = lock.initialLocked;
`;

describe("RegistrarLock on the real engine", () => {
  let emulator: TestEmulator;
  let project: Project;
  const apiKey = `e2e-${randomBytes(18).toString("hex")}`;
  const email = "lock-e2e@example.com";
  const domain = "lock-e2e-shop.com";

  beforeAll(async () => {
    emulator = await startTestEmulator();
    // A reseller of its own with a key no other test uses, so the secret scan below means something.
    await openAccount(emulator, { email, apiKey });
    await emulator.admin("POST", "/domains", { owner: email, domain, locked: false });
    project = createProject("lock", PROGRAM);
    await configureStack(project, "dev", emulator);
    await project.ok(["config", "set", "domain", "Lock-E2E-Shop.com"]);
    await project.ok(["config", "set", "locked", "true"]);
  });

  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  it("up adopts the unlocked domain and locks it", async () => {
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    const outputs = JSON.parse((await project.ok(["stack", "output", "--json"])).stdout);
    expect(outputs).toEqual({ domain, locked: true, initialLocked: false });
    expect((await emulator.domain(domain)).locked).toBe(true);
  });

  it("a second up reports no changes and sends no write call", async () => {
    await emulator.resetCounters();
    const result = await project.ok(["up", "--yes", "--non-interactive", "--expect-no-changes"]);
    expect(result.stdout).toMatch(/3 unchanged/); // the lock, the stack guard and the stack
    expect(await emulator.writes()).toBe(0);
  });

  it("an out-of-band unlock fails the drift check with a diff naming `locked`", async () => {
    await emulator.drift(domain, { locked: false });
    const result = await project.pulumi(["preview", "--refresh", "--diff", "--expect-no-changes", "--non-interactive"]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/~\s+locked\s*:\s*false\s*=>\s*true/);
  });

  it("up --refresh converges the live lock back to the declared state", async () => {
    await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
    expect((await emulator.domain(domain)).locked).toBe(true);
    const again = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    expect(again.code).toBe(0);
  });

  it("destroy gives the domain back unlocked, as it was found", async () => {
    await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    expect((await emulator.domain(domain)).locked).toBe(false);
  });

  it("the whole lifecycle placed no order and spent no credit", async () => {
    expect(await emulator.ledger()).toEqual([]);
  });

  it("no state file, config file or log of the run contains the API key", async () => {
    const everything = project.allText();
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).toContain("domainsreseller:apiKey"); // the scan did read the stack's config
    expect(everything).not.toContain(apiKey);
  });
});
