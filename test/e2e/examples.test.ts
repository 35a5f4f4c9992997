// examples/domain-settings runs as written against a fresh emulator: up, a drift check that passes,
// and destroy. An example that no longer works is the first thing a new user would hit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/pulumi-env.mjs";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

describe("examples/domain-settings", () => {
  let emulator: TestEmulator;
  let project: Project;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    project = createProject("example-settings", readFileSync(join(repoRoot, "examples", "domain-settings", "index.ts"), "utf8"));
    await configureStack(project, "dev", emulator);
  });
  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  it("up applies it, the drift check passes, a second up writes nothing, and destroy cleans up", async () => {
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    expect((await emulator.domain("acme-widgets.co.uk")).dns).toHaveLength(4);
    const check = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    expect(check.code, check.stdout).toBe(0);
    await emulator.resetCounters();
    await project.ok(["up", "--yes", "--non-interactive", "--expect-no-changes"]);
    expect(await emulator.writes()).toBe(0);
    await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    expect(await emulator.ledger()).toEqual([]);
  });
});

describe("examples/register-domain", () => {
  let emulator: TestEmulator;
  let project: Project;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    project = createProject("example-register", readFileSync(join(repoRoot, "examples", "register-domain", "index.ts"), "utf8"));
    await configureStack(project, "dev", emulator);
  });
  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  it("the preview quotes the registration, up orders it once, and a second up orders nothing", async () => {
    const preview = await project.ok(["preview", "--diff", "--non-interactive"]);
    expect(preview.stdout).toMatch(/amount\s*:\s*"13\.75"/);
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    await project.ok(["up", "--yes", "--non-interactive", "--expect-no-changes"]);
    expect((await emulator.ledger()).map((e) => `${e.type} ${e.domain} ${e.amount}`)).toEqual(["register my-new-shop-example.com 13.75"]);
    expect((await emulator.domain("my-new-shop-example.com")).locked).toBe(true);
  });
});

