// What users install is what we test: pack the package, install the tarball into a fresh project
// outside this repository with a plain `npm install`, and run `pulumi up` there against an emulator
// this test starts from the repository (the fresh project has no SQLite driver: it builds nothing
// native, and its `domainsreseller emulator` says what to add).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUNTIME_MODULE, providerText } from "../../provider/resources/shim";
import { pulumiEnv, repoRoot } from "../../scripts/pulumi-env.mjs";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const PROGRAM = `
import { RegistrarLock } from "pulumi-domainsreseller";
const lock = new RegistrarLock("gadgets", { domain: "acme-gadgets.org", locked: false });
export const locked = lock.locked;
export const initialLocked = lock.initialLocked;
`;

/** Every compiled addon (`*.node`) under a folder. */
function nativeAddons(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".node") && statSync(join(folder, f)).isFile());
}

/** Texts earlier builds stored as a RegistrarLock's `__provider`: each must still run, and diff equal. */
async function legacyProviders(): Promise<Record<string, string>> {
  // Pulumi's serialization of a provider object whose calls require the runtime by package name.
  const mod = RUNTIME_MODULE;
  const kind = "RegistrarLock";
  const closures = {
    configure: async (req: unknown) => require(mod).configure(kind, req),
    check: async (olds: unknown, news: unknown) => require(mod).check(kind, olds, news),
    diff: async (id: string, olds: unknown, news: unknown) => require(mod).diff(kind, id, olds, news),
    create: async (inputs: unknown) => require(mod).create(kind, inputs),
    read: async (id: string, props: unknown) => require(mod).read(kind, id, props),
    update: async (id: string, olds: unknown, news: unknown) => require(mod).update(kind, id, olds, news),
    delete: async (id: string, props: unknown) => require(mod).delete(kind, id, props),
  };
  const serialized = (await pulumi.runtime.serializeFunction(() => closures, { allowSecrets: true })).text;
  // The same serializer given a kind's module (./shims/<Kind>.js) inside node_modules.
  const shimModule = 'exports.handler = __f0;\nconst provider = require("pulumi-domainsreseller/dist/provider/resources/shims/RegistrarLock.js");\n\nfunction __f0() {\n  return (function() {\n    with({ this: undefined, arguments: undefined }) {\n\nreturn () => provider;\n\n    }\n  }).apply(undefined, undefined).apply(this, arguments);\n}\n';
  return { serialized, shimModule };
}

interface StateResource {
  type: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

describe("the packed package in a fresh project", () => {
  let emulator: TestEmulator;
  let project: Project;
  let dir: string;
  let installLog: string;

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
    // A plain install, as users type it. --foreground-scripts puts every install script's output in
    // the log, so a native build (node-gyp, prebuild-install) would show there and not only as a file.
    const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--foreground-scripts"], { cwd: dir, encoding: "utf8" });
    installLog = `${install.stdout}\n${install.stderr}`;
    if (install.status !== 0) throw new Error(`npm install failed (exit ${install.status}):\n${installLog}`);
    emulator = await startTestEmulator();
    project = createProject("fresh", PROGRAM, { dir });
    await configureStack(project, "dev", emulator);
  });

  const exportDeployment = async () => JSON.parse((await project.ok(["stack", "export"])).stdout) as { deployment: { resources: StateResource[] } };
  const importDeployment = async (deployment: unknown) => {
    const file = join(dir, "deployment.json");
    writeFileSync(file, JSON.stringify(deployment));
    await project.ok(["stack", "import", "--file", file]);
  };
  const lockIn = (exported: { deployment: { resources: StateResource[] } }): StateResource => {
    const lock = exported.deployment.resources.find((r) => r.type.endsWith(":RegistrarLock"));
    if (!lock) throw new Error("no RegistrarLock in the state");
    return lock;
  };

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

  it("builds nothing native: the SQLite driver is an optional peer, not installed", () => {
    expect(existsSync(join(dir, "node_modules", "pulumi-domainsreseller", "dist", "provider", "index.js"))).toBe(true);
    expect(existsSync(join(dir, "node_modules", "better-sqlite3"))).toBe(false);
    expect(installLog).not.toMatch(/node-gyp|prebuild|better-sqlite3/i);
    expect(nativeAddons(join(dir, "node_modules"))).toEqual([]);
  });

  it("type-checks a program without loading zod's or the client's declarations (ts-node checks them on every run)", () => {
    const tsc = join(dir, "node_modules", "typescript", "bin", "tsc");
    const listed = spawnSync(process.execPath, [tsc, "--noEmit", "--strict", "--module", "commonjs", "--moduleResolution", "node", "--target", "es2020", "--listFiles", "index.ts"], { cwd: dir, encoding: "utf8" });
    expect(listed.status, `${listed.stdout}\n${listed.stderr}`).toBe(0);
    const ours = listed.stdout.split("\n").filter((file) => file.includes("/node_modules/pulumi-domainsreseller/"));
    expect(ours.length).toBeGreaterThan(10);
    expect(listed.stdout).not.toMatch(/node_modules\/zod\//);
    expect(ours.filter((file) => file.includes("/dist/provider/client/routes"))).toEqual([]);
  });

  it("loads the client and the YAML parser only when a read function or zone-file tool is called, from CommonJS and ES modules alike", () => {
    const probe = `
      const before = () => Object.keys(require.cache).filter((f) => /node_modules\\/(undici|yaml)\\//.test(f)).length;
      const dr = require("pulumi-domainsreseller");
      const atLoad = before();
      const parsed = dr.parseZoneFile("domain: example.com\\nrecords:\\n  - { name: www, type: A, value: 192.0.2.1 }\\n");
      console.log(JSON.stringify({ atLoad, afterCall: before(), records: parsed.ok ? parsed.zone.records.length : parsed.problems, error: typeof dr.ZoneFileError, fn: typeof dr.getDomainInfo }));`;
    const cjs = spawnSync(process.execPath, ["-e", probe], { cwd: dir, encoding: "utf8" });
    expect(cjs.status, cjs.stderr).toBe(0);
    expect(JSON.parse(cjs.stdout)).toEqual({ atLoad: 0, afterCall: expect.any(Number), records: 1, error: "function", fn: "function" });
    expect(JSON.parse(cjs.stdout).afterCall).toBeGreaterThan(0);
    const esm = spawnSync(process.execPath, ["--input-type=module", "-e", 'import { getDomainInfo, loadZoneFile, importZone, ZoneFileError, ImportError, RegistrarLock } from "pulumi-domainsreseller"; console.log([getDomainInfo, loadZoneFile, importZone, ZoneFileError, ImportError, RegistrarLock].map((x) => typeof x).join(" "));'], { cwd: dir, encoding: "utf8" });
    expect(esm.stdout.trim(), esm.stderr).toBe("function function function function function function");
  });

  it("`npx domainsreseller emulator` says which package to add, and exits 1", () => {
    const result = spawnSync("npx", ["--no-install", "domainsreseller", "emulator", "--quiet"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).toContain("The emulator needs the SQLite driver better-sqlite3, which is not installed.");
    expect(result.stderr).toContain("npm install --save-dev better-sqlite3@^12");
    expect(result.stdout).not.toContain("endpoint:");
    expect(result.status).toBe(1);
  });

  it("puts the domainsreseller command on the project's path", () => {
    const help = execFileSync(join(dir, "node_modules", ".bin", "domainsreseller"), ["--help"], { encoding: "utf8" });
    expect(help).toContain("usage: domainsreseller <command>");
    expect(help).toMatch(/emulator\s+run a local Domains Reseller API server/);
  });

  it("ships the resource plugin: `domainsreseller plugin install` puts it in Pulumi's plugin cache, and the engine gets its schema from it", async () => {
    // The project's own isolated Pulumi home: the user's plugin cache is never touched.
    const env = pulumiEnv(project.home);
    const install = spawnSync(join(dir, "node_modules", ".bin", "domainsreseller"), ["plugin", "install"], { cwd: dir, encoding: "utf8", env, timeout: 120_000 });
    expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
    const listed = JSON.parse((await project.ok(["plugin", "ls", "--json"])).stdout) as { name: string; kind: string }[];
    expect(listed.some((p) => p.name === "domainsreseller" && p.kind === "resource")).toBe(true);
    // Found by name in the cache, run from the installed package (its gRPC server, its schema).
    const schema = JSON.parse((await project.ok(["package", "get-schema", "domainsreseller"])).stdout) as { name: string; resources: Record<string, unknown> };
    expect(schema.name).toBe("domainsreseller");
    expect(Object.keys(schema.resources).sort()).toEqual(["Domain", "DnsRecordSet", "EmailForwarding", "IdProtection", "Nameservers", "PrivateNameserver", "RegistrarLock"].map((k) => `domainsreseller:index:${k}`).sort());
  });

  it("runs `pulumi up` and `destroy` from the installed tarball", async () => {
    await project.ok(["up", "--yes", "--non-interactive"]);
    const outputs = JSON.parse((await project.ok(["stack", "output", "--json"])).stdout);
    expect(outputs).toEqual({ locked: false, initialLocked: true });
    expect((await emulator.domain("acme-gadgets.org")).locked).toBe(false);

    // The state holds one short line per resource that requires the runtime by package name.
    const deployment = await exportDeployment();
    const lock = lockIn(deployment);
    expect(lock.inputs.__provider).toBe(providerText("RegistrarLock"));
    expect(lock.outputs.__provider).toBe(providerText("RegistrarLock"));
    // The engine records where the program declared the resource: the user's line, not ours.
    expect((lock as { sourcePosition?: string }).sourcePosition).toMatch(/^project:\/\/\/index\.ts#\d+,\d+$/);

    // A stack written by an earlier build holds another text: it upgrades with nothing to change
    // and no call that writes, and the next `up` stores the short line.
    for (const [form, text] of Object.entries(await legacyProviders())) {
      const before = await exportDeployment();
      const legacy = lockIn(before);
      legacy.inputs.__provider = text;
      legacy.outputs.__provider = text;
      await importDeployment(before);
      await project.ok(["preview", "--non-interactive", "--expect-no-changes", "--refresh"]);
      await emulator.resetCounters();
      const upgrade = await project.ok(["up", "--yes", "--non-interactive", "--expect-no-changes"]);
      expect(await emulator.writes(), `${form}\n${upgrade.stdout}`).toBe(0);
      expect(lockIn(await exportDeployment()).inputs.__provider, form).toBe(providerText("RegistrarLock"));
    }

    await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    expect((await emulator.domain("acme-gadgets.org")).locked).toBe(true);
  });
});
