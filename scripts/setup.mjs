#!/usr/bin/env node
// One idempotent step before the demo, the tests and the benchmarks, on a fresh clone or a warm one:
//   1. npm packages (npm ci when package-lock.json changed since the last install),
//   2. the Pulumi CLI (a recent one on PATH, else a cached build, else built from Go modules),
//   3. the YAML language host for YAML programs run against the provider plugin (bundled with a
//      real Pulumi install; else a cached build, else built from Go modules),
//   4. the compiled package (TypeScript to CommonJS in dist/).
// Plain Node with no dependencies, because it runs before node_modules exists.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, copyFileSync, chmodSync, lstatSync, symlinkSync, rmSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { toolsCacheDir } from "./pulumi-env.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MIN_PULUMI = [3, 216, 0]; // ReadResult.inputs (refresh updates inputs) needs 3.216; configure needs 3.139.
const step = (message) => process.stderr.write(`setup: ${message}\n`);
const started = Date.now();

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
}

function installPackages() {
  const lock = readFileSync(join(root, "package-lock.json"));
  const stamp = createHash("sha256").update(lock).update(process.version).digest("hex");
  const stampFile = join(root, "node_modules", ".setup-stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  step("installing npm packages (npm ci; the SQLite addon compiles from source, about 2 minutes)");
  const env = { ...process.env };
  // node-gyp would download Node's headers; the machine's Node installation already has them.
  const prefix = dirname(dirname(process.execPath));
  if (!env.npm_config_nodedir && existsSync(join(prefix, "include", "node", "node.h"))) env.npm_config_nodedir = prefix;
  run("npm", ["ci", "--no-audit", "--no-fund"], { env });
  writeFileSync(stampFile, stamp);
}

function versionOf(pulumi) {
  try {
    const out = execFileSync(pulumi, ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
    const match = /v?(\d+)\.(\d+)\.(\d+)/.exec(out);
    return match ? match.slice(1, 4).map(Number) : undefined;
  } catch {
    return undefined;
  }
}

const atLeast = (v, min) => v[0] !== min[0] ? v[0] > min[0] : v[1] !== min[1] ? v[1] > min[1] : v[2] >= min[2];

function pathPulumi() {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    const candidate = join(dir, "pulumi");
    if (dir && existsSync(candidate)) {
      const version = versionOf(candidate);
      if (version && atLeast(version, MIN_PULUMI)) return dir;
      if (version) step(`ignoring ${candidate} (v${version.join(".")}): this project needs ${MIN_PULUMI.join(".")} or newer`);
    }
  }
  return undefined;
}

function ensurePulumi() {
  const onPath = process.env.DOMAINSRESELLER_BUILD_PULUMI ? undefined : pathPulumi();
  if (onPath) return onPath;
  // Go's official installer puts it in /usr/local/go/bin, which is not always on PATH.
  const env = { ...process.env, PATH: `${process.env.PATH ?? ""}:/usr/local/go/bin` };
  const hasGo = spawnSync("go", ["version"], { stdio: "ignore", env }).status === 0;
  const script = join(root, "scripts", "install-pulumi.sh");
  if (!hasGo) {
    const cached = spawnSync("bash", [script, "--cached-only"], { cwd: root, encoding: "utf8", env });
    if (cached.status === 0) return cached.stdout.trim();
    throw new Error(
      `the Pulumi CLI ${MIN_PULUMI.join(".")} or newer is needed and neither it nor Go was found.\n` +
        "Install Pulumi (https://www.pulumi.com/docs/install/) so that `pulumi` is on PATH, or install Go 1.22+ to let this script build it.",
    );
  }
  const out = spawnSync("bash", [script], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env });
  if (out.status !== 0) throw new Error("building the Pulumi CLI failed (see the lines above)");
  const bin = out.stdout.trim().split("\n").pop();
  // The engine looks for bundled plugins next to its own executable; the dynamic-provider plugin is a
  // small script that resolves @pulumi/pulumi from the program directory, so one copy serves any project.
  const plugin = join(bin, "pulumi-resource-pulumi-nodejs");
  if (!existsSync(plugin)) {
    copyFileSync(join(root, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs"), plugin);
    chmodSync(plugin, 0o755);
  }
  return bin;
}

/** The folder holding `pulumi-language-yaml`, or undefined (with a warning) when none can be had. */
function ensureYamlHost(pulumiBin) {
  // A real Pulumi install bundles the YAML host next to the CLI; the engine finds it there.
  if (existsSync(join(pulumiBin, "pulumi-language-yaml"))) return pulumiBin;
  const env = { ...process.env, PATH: `${process.env.PATH ?? ""}:/usr/local/go/bin` };
  const hasGo = spawnSync("go", ["version"], { stdio: "ignore", env }).status === 0;
  const script = join(root, "scripts", "install-pulumi-yaml.sh");
  const out = spawnSync("bash", hasGo ? [script] : [script, "--cached-only"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env });
  if (out.status !== 0) {
    // Only YAML programs need it; everything written in TypeScript runs without it.
    step(hasGo ? "building the YAML language host failed (see the lines above); YAML programs will not run" : "no YAML language host and no Go to build it; YAML programs will not run");
    return undefined;
  }
  const bin = out.stdout.trim().split("\n").pop();
  linkNextToBuiltCli(pulumiBin, join(bin, "pulumi-language-yaml"));
  return bin;
}

/**
 * The engine treats the YAML host as a bundled plugin: found on PATH but not next to the `pulumi`
 * executable, it prints "using pulumi-language-yaml from $PATH" on every run. The CLI this script
 * built lives in our own cache, so a link there silences that without rebuilding it; a CLI the
 * user installed is left alone (its own install bundles the host anyway).
 */
function linkNextToBuiltCli(pulumiBin, host) {
  const cache = toolsCacheDir();
  if (!resolve(pulumiBin).startsWith(resolve(cache) + sep)) return;
  const link = join(pulumiBin, "pulumi-language-yaml");
  if (existsSync(link)) return; // follows the link: present and pointing at a host
  rmSync(link, { force: true }); // a dangling link, left when the YAML cache was removed
  symlinkSync(host, link);
}

// Programs in this repository (the root demo, examples/, test projects) import the package by its
// published name, exactly as users do; a link in node_modules makes that name resolve to this checkout.
function linkSelf() {
  const link = join(root, "node_modules", "pulumi-domainsreseller");
  try {
    lstatSync(link);
  } catch {
    symlinkSync("..", link, "dir");
  }
}

function build() {
  step("compiling TypeScript to dist/");
  run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"]);
}

try {
  installPackages();
  linkSelf();
  const bin = ensurePulumi();
  writeFileSync(join(root, "node_modules", ".pulumi-bin"), bin + "\n");
  const yamlBin = ensureYamlHost(bin);
  const yamlFile = join(root, "node_modules", ".pulumi-yaml-bin");
  if (yamlBin) writeFileSync(yamlFile, yamlBin + "\n");
  else rmSync(yamlFile, { force: true });
  build();
  step(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s (pulumi: ${bin})`);
} catch (error) {
  process.stderr.write(`setup: ${error.message}\n`);
  process.exit(1);
}
