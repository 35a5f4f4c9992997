// `domainsreseller plugin install` against the real Pulumi CLI with a throwaway PULUMI_HOME, so the
// user's plugin cache is never touched. The entry is a stand-in main.js that echoes its arguments:
// what is tested is that Pulumi lists the plugin and that the installed executable reaches the entry.
// Catches a launcher Pulumi refuses, quoting broken by a path with spaces or quotes, a re-install
// that keeps the old launcher, and a dry run that changes something.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { installPlugin, run } from "../../cli/commands/plugin";
import { launcherScript, PLUGIN_EXECUTABLE } from "../../cli/plugin-package";
import { pulumiBinDir } from "../../scripts/pulumi-env.mjs";

let dir = "";
let out = "";
let err = "";
const path = () => `${pulumiBinDir()}:${process.env.PATH ?? ""}`;

/** A stand-in plugin entry that prints which entry ran and with what arguments. */
function entry(label: string): string {
  const folder = join(dir, "it's a package", label);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, "main.js");
  writeFileSync(file, `process.stdout.write(JSON.stringify({ label: ${JSON.stringify(label)}, args: process.argv.slice(2) }));\n`);
  return file;
}

const pulumi = (...args: string[]) => execFileSync(join(pulumiBinDir(), "pulumi"), args, { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
const installed = (version: string) => join(dir, "home", "plugins", `resource-domainsreseller-v${version}`, PLUGIN_EXECUTABLE);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dr-plugin-install-"));
  vi.stubEnv("PULUMI_HOME", join(dir, "home"));
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("domainsreseller plugin install", () => {
  it("installs a plugin that `pulumi plugin ls` lists and whose executable runs the package's entry", () => {
    const main = entry("first");
    expect(installPlugin({ entry: main, version: "0.1.0", node: process.execPath, path: path(), dryRun: false }), err).toBe(0);
    expect(out).toContain("installed resource plugin domainsreseller 0.1.0");
    const listed = JSON.parse(pulumi("plugin", "ls", "--json")) as { name: string; kind: string; version: string }[];
    expect(listed).toContainEqual(expect.objectContaining({ name: "domainsreseller", kind: "resource", version: "0.1.0" }));
    expect(JSON.parse(execFileSync(installed("0.1.0"), ["--flag", "it's"], { encoding: "utf8" }))).toEqual({ label: "first", args: ["--flag", "it's"] });
  });

  it("a second install replaces the launcher, so a moved package is found again", () => {
    expect(installPlugin({ entry: entry("old"), version: "0.1.0", node: process.execPath, path: path(), dryRun: false })).toBe(0);
    expect(installPlugin({ entry: entry("moved"), version: "0.1.0", node: process.execPath, path: path(), dryRun: false }), err).toBe(0);
    expect(JSON.parse(execFileSync(installed("0.1.0"), [], { encoding: "utf8" })).label).toBe("moved");
  });

  it("falls back to `node` on PATH when the recorded Node.js is gone", () => {
    expect(installPlugin({ entry: entry("node"), version: "0.2.0", node: join(dir, "no-such-node"), path: path(), dryRun: false })).toBe(0);
    const env = { ...process.env, PATH: `${join(process.execPath, "..")}:/usr/bin:/bin` };
    expect(JSON.parse(execFileSync(installed("0.2.0"), [], { encoding: "utf8", env })).label).toBe("node");
  });

  it("--dry-run prints the launcher and the pulumi command and installs nothing", () => {
    const main = entry("dry");
    expect(installPlugin({ entry: main, version: "0.1.0", node: process.execPath, path: path(), dryRun: true })).toBe(0);
    expect(out).toContain(launcherScript({ entry: main, version: "0.1.0", node: process.execPath }));
    expect(out).toMatch(/would run: \S+\/pulumi plugin install resource domainsreseller 0\.1\.0 --file <folder> --reinstall/);
    expect(existsSync(join(dir, "home", "plugins")) ? readdirSync(join(dir, "home", "plugins")).filter((f) => f.includes("domainsreseller")) : []).toEqual([]);
  });

  it("says how to get Pulumi when `pulumi` is not on PATH, before anything else", () => {
    const empty = join(dir, "empty");
    mkdirSync(empty);
    expect(installPlugin({ entry: join(dir, "missing.js"), version: "0.1.0", node: process.execPath, path: empty, dryRun: true })).toBe(1);
    expect(err).toContain("`pulumi` is not on PATH. Install the Pulumi CLI (https://www.pulumi.com/docs/install/)");
  });

  it("names the missing build when the plugin entry does not exist", () => {
    expect(installPlugin({ entry: join(dir, "dist", "main.js"), version: "0.1.0", node: process.execPath, path: path(), dryRun: false })).toBe(1);
    expect(err).toContain("is missing: this package is not built");
  });

  it("refuses an unknown action and a version that is not semver, as usage errors", async () => {
    expect(await run(["uninstall"])).toBe(2);
    expect(err).toContain('unknown action "uninstall": the only action is install');
    expect(await run(["install", "--version", "latest"])).toBe(2);
    expect(err).toContain('--version must be a semantic version such as 1.2.3; got "latest"');
  });
});
