// `domainsreseller plugin install`: makes the `domainsreseller` resource plugin known to Pulumi, so
// YAML, Python, Go and .NET programs (and `pulumi import`) find it by its type tokens, with no
// `plugins:` section in Pulumi.yaml. It writes a launcher (cli/plugin-package.ts) into a temporary
// folder and hands the folder to `pulumi plugin install resource domainsreseller <version> --file`.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_FAILURE, EXIT_OK, parseCommand, usageError } from "../args";
import { findOnPath, findPackage, launcherScript, PLUGIN_EXECUTABLE, PLUGIN_NAME, pluginEntry } from "../plugin-package";

const HELP = `usage: domainsreseller plugin install [--dry-run] [--version X.Y.Z]

Installs the ${PLUGIN_NAME} resource plugin into Pulumi's plugin cache ($PULUMI_HOME/plugins), for
programs in YAML, Python, Go or .NET and for \`pulumi import\` (see docs/plugin.md).
  --dry-run     print the launcher and the pulumi command, change nothing
  --version     the plugin version to install as (default: this package's version)

The plugin runs this installed package with Node.js: after moving or upgrading the package, run
this command again.`;

export interface InstallOptions {
  /** The plugin's main.js. */
  entry: string;
  version: string;
  /** The Node.js executable the launcher runs. */
  node: string;
  /** PATH to find `pulumi` on. */
  path: string | undefined;
  dryRun: boolean;
}

const fail = (message: string): number => {
  process.stderr.write(`domainsreseller: ${message}\n`);
  return EXIT_FAILURE;
};

/** The install itself, with every input explicit (the tests use a stand-in entry and PULUMI_HOME). */
export function installPlugin(options: InstallOptions): number {
  const pulumi = findOnPath("pulumi", options.path);
  if (pulumi === undefined) {
    return fail("`pulumi` is not on PATH. Install the Pulumi CLI (https://www.pulumi.com/docs/install/) or add its folder to PATH, then run `domainsreseller plugin install` again.");
  }
  if (!existsSync(options.entry)) {
    return fail(`the plugin entry ${options.entry} is missing: this package is not built (run \`npm run build\` in a checkout).`);
  }
  const script = launcherScript(options);
  const args = (folder: string) => ["plugin", "install", "resource", PLUGIN_NAME, options.version, "--file", folder, "--reinstall"];
  if (options.dryRun) {
    process.stdout.write(`would write <folder>/${PLUGIN_EXECUTABLE}:\n${script}\nwould run: ${pulumi} ${args("<folder>").join(" ")}\n`);
    return EXIT_OK;
  }
  const folder = mkdtempSync(join(tmpdir(), "domainsreseller-plugin-"));
  try {
    const launcher = join(folder, PLUGIN_EXECUTABLE);
    writeFileSync(launcher, script);
    chmodSync(launcher, 0o755);
    // --reinstall: a launcher installed before names the old paths and must be replaced.
    const result = spawnSync(pulumi, args(folder), { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
    // Pulumi's own progress lines belong with ours on stderr; stdout carries only the result.
    process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    if (result.error !== undefined) return fail(`cannot run ${pulumi}: ${result.error.message}`);
    if (result.status !== 0) return fail(`\`pulumi plugin install\` failed (exit ${result.status ?? result.signal}); see its message above.`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  process.stdout.write(`installed resource plugin ${PLUGIN_NAME} ${options.version} (runs ${options.entry})\n`);
  return EXIT_OK;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, { "dry-run": { type: "boolean" }, version: { type: "string" }, help: { type: "boolean", short: "h" } }, HELP);
  if (parsed.exit !== undefined) return parsed.exit;
  const [action, ...extra] = parsed.positionals;
  if (action !== "install" || extra.length > 0) {
    return usageError(`${action === undefined ? "name an action" : `unknown action "${[action, ...extra].join(" ")}"`}: the only action is install\n\n${HELP}`);
  }
  const pkg = findPackage(__dirname);
  const version = parsed.values.version ?? pkg.version;
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) return usageError(`--version must be a semantic version such as 1.2.3; got "${version}"`);
  return installPlugin({ entry: pluginEntry(pkg.root), version, node: process.execPath, path: process.env.PATH, dryRun: parsed.values["dry-run"] ?? false });
}
