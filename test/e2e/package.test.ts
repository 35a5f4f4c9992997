// What users install is what we test: pack the package, install the tarball into a fresh project
// outside this repository, and run `pulumi up` there against the emulator.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/pulumi-env.mjs";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const PROGRAM = `
import { RegistrarLock } from "pulumi-domainsreseller";
const lock = new RegistrarLock("gadgets", { domain: "acme-gadgets.org", locked: false });
export const locked = lock.locked;
export const initialLocked = lock.initialLocked;
`;

describe("the packed package in a fresh project", () => {
  let emulator: TestEmulator;
  let project: Project;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dr-pack-"));
    execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] });
    const tarball = readdirSync(dir).find((name) => name.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack produced no tarball");
    const own = JSON.parse(execFileSync("npm", ["pkg", "get", "devDependencies"], { cwd: repoRoot, encoding: "utf8" })) as Record<string, string>;
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({
        name: "fresh-stack",
        private: true,
        main: "index.ts",
        dependencies: { "pulumi-domainsreseller": `file:./${tarball}`, "@pulumi/pulumi": own["@pulumi/pulumi"], typescript: own.typescript, "@types/node": own["@types/node"] },
      }),
    );
    // Optional dependencies hold the emulator's SQLite addon, which a stack pointed at an API does not need.
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--omit=optional", "--prefer-offline"], { cwd: dir, stdio: ["ignore", "pipe", "inherit"] });
    emulator = await startTestEmulator();
    project = createProject("fresh", PROGRAM, { dir });
    await configureStack(project, "dev", emulator);
  });

  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("installs only built files, with type declarations", () => {
    const installed = join(dir, "node_modules", "pulumi-domainsreseller");
    const files = readdirSync(join(installed, "dist", "provider", "runtime"));
    expect(files).toContain("index.js");
    expect(files).toContain("index.d.ts");
    expect(readdirSync(installed)).not.toContain("test");
  });

  it("puts the domainsreseller command on the project's path", () => {
    const help = execFileSync(join(dir, "node_modules", ".bin", "domainsreseller"), ["--help"], { encoding: "utf8" });
    expect(help).toContain("usage: domainsreseller <command>");
    expect(help).toMatch(/emulator\s+run a local Domains Reseller API server/);
  });

  it("runs `pulumi up` and `destroy` from the installed tarball", async () => {
    await project.ok(["up", "--yes", "--non-interactive"]);
    const outputs = JSON.parse((await project.ok(["stack", "output", "--json"])).stdout);
    expect(outputs).toEqual({ locked: false, initialLocked: true });
    expect((await emulator.domain("acme-gadgets.org")).locked).toBe(false);
    await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    expect((await emulator.domain("acme-gadgets.org")).locked).toBe(true);
  });
});
