// The environment every engine run of this repository uses (demo, tests, benchmarks): the Pulumi CLI
// found or built by setup.mjs, a local file backend, a passphrase secrets provider, and nothing that
// reaches the network (no update checks, no plugin downloads).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where the install scripts cache what they build from Go modules (their CACHE, same override). */
export function toolsCacheDir() {
  return process.env.DOMAINSRESELLER_TOOLS_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "pulumi-domainsreseller");
}

export function pulumiBinDir() {
  const file = join(repoRoot, "node_modules", ".pulumi-bin");
  if (!existsSync(file)) throw new Error("the Pulumi CLI is not set up yet: run `npm run setup` (or `npm test`, which runs it).");
  return readFileSync(file, "utf8").trim();
}

/**
 * The folder of the YAML language host recorded by setup.mjs, or undefined when setup found none
 * (YAML programs then fail with the engine's own "no language plugin" message).
 */
export function pulumiYamlBinDir() {
  const file = join(repoRoot, "node_modules", ".pulumi-yaml-bin");
  return existsSync(file) ? readFileSync(file, "utf8").trim() || undefined : undefined;
}

/** `home` holds the backend and Pulumi's own files; nothing is written outside it. */
export function pulumiEnv(home, extra = {}) {
  mkdirSync(join(home, "backend"), { recursive: true });
  return {
    ...process.env,
    // The CLI first: its own folder is where the engine looks for bundled plugins (see setup.mjs).
    // The YAML host's folder is the CLI's own when a real install bundles it: listed once.
    PATH: [...new Set([pulumiBinDir(), pulumiYamlBinDir() ?? pulumiBinDir()])].concat(process.env.PATH ?? "").join(":"),
    PULUMI_HOME: join(home, "pulumi-home"),
    PULUMI_BACKEND_URL: `file://${join(home, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "local-only-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    // Plain text output: the demo and the tests read it, and CI logs keep it.
    PULUMI_SUPPRESS_COPILOT_LINK: "true",
    NO_COLOR: "1",
    // The provider's journal of orders in flight, per project home: runs of one project share it,
    // and no run here leaves a note in the user's own state folder.
    DOMAINSRESELLER_ORDER_JOURNAL: join(home, "order-journal"),
    ...extra,
  };
}
