// The examples run as written against a fresh emulator: domain-settings (up, a drift check that
// passes, destroy), register-domain (the quote, one order) and gitops-dns (its workflows' up and
// drift check). An example that no longer works is the first thing a new user would hit.
import { cpSync, readFileSync } from "node:fs";
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

// examples/gitops-dns runs as its workflows run it: the ci stack with its own Pulumi.ci.yaml (the
// safety limits), the zone files beside the program, credentials only in DOMAINSRESELLER_*.
describe("examples/gitops-dns", () => {
  const example = join(repoRoot, "examples", "gitops-dns");
  let emulator: TestEmulator;
  let project: Project;
  let env: Record<string, string>;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    project = createProject("example-gitops", readFileSync(join(example, "index.ts"), "utf8"));
    cpSync(join(example, "zones"), join(project.dir, "zones"), { recursive: true });
    cpSync(join(example, "Pulumi.ci.yaml"), join(project.dir, "Pulumi.ci.yaml"));
    await project.ok(["stack", "init", "ci", "--non-interactive"]);
    env = { DOMAINSRESELLER_ENDPOINT: emulator.handle.endpoint, DOMAINSRESELLER_USERNAME: emulator.account.email, DOMAINSRESELLER_API_KEY: emulator.account.apiKey };
  });
  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  it("apply.yml's up converges the zone files, then drift.yml's check passes and writes nothing", async () => {
    // --skip-preview: the drift check below runs the same engine preview (with --json) that plan.yml runs.
    await project.ok(["up", "--stack", "ci", "--yes", "--non-interactive", "--skip-preview"], { env });
    const uk = await emulator.domain("acme-widgets.co.uk");
    expect(uk.dns).toContainEqual(expect.objectContaining({ hostname: "_dmarc", type: "TXT", address: "v=DMARC1; p=reject" }));
    expect(uk.dns).toHaveLength(4);
    expect(await emulator.domain("acme-shop.io")).toMatchObject({ locked: true, nameservers: ["ns1.emulator.test", "ns2.emulator.test"] });
    expect((await emulator.domain("acme-shop.io")).dns).toHaveLength(7);

    await emulator.resetCounters();
    const drift = await project.pulumi(["preview", "--stack", "ci", "--refresh", "--expect-no-changes", "--json", "--non-interactive"], { env });
    expect(drift.code, `${drift.stdout}\n${drift.stderr}`).toBe(0);
    // What plan-md reads: the engine's JSON, each resource refreshed and then the same as declared.
    const preview = JSON.parse(drift.stdout) as { steps: { op: string; urn: string }[] };
    expect(preview.steps.some((s) => s.urn.endsWith("::acme-shop.io-zone"))).toBe(true);
    expect(preview.steps.filter((s) => s.op !== "same" && s.op !== "refresh")).toEqual([]);
    expect(await emulator.writes()).toBe(0);
  });
});
