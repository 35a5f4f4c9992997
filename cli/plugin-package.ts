// What `domainsreseller plugin install` hands to `pulumi plugin install`: a folder holding one
// executable, `pulumi-resource-domainsreseller`, a shell launcher that runs this installed package's
// compiled plugin (dist/provider/plugin/main.js) with Node.
//
// Why a launcher and not a bundle: the plugin needs @pulumi/pulumi, gRPC and protobuf at run time,
// and all of them are already installed next to this package; bundling them would add a bundler to
// the build for a file that duplicates node_modules. The price: the launcher names absolute paths,
// so after moving or upgrading the package `plugin install` must run again (it says so inside).
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

export const PLUGIN_NAME = "domainsreseller";
export const PLUGIN_EXECUTABLE = `pulumi-resource-${PLUGIN_NAME}`;
const PACKAGE_NAME = "pulumi-domainsreseller";

/** This package's root folder and version, found by walking up from `from` (works from source and from dist/). */
export function findPackage(from: string): { root: string; version: string } {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown; version?: unknown };
      if (parsed.name === PACKAGE_NAME && typeof parsed.version === "string") return { root: dir, version: parsed.version };
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package above ${from}`);
  }
}

/** The compiled plugin entry of the package at `root`. */
export const pluginEntry = (root: string): string => join(root, "dist", "provider", "plugin", "main.js");

/** The first executable `name` on `path` (a PATH value), or undefined. */
export function findOnPath(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `text` as one single-quoted shell word, whatever it holds. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

export interface LauncherTarget {
  /** The Node.js executable recorded at install time. */
  node: string;
  /** The plugin's main.js. */
  entry: string;
  version: string;
}

/**
 * The launcher script. The engine starts plugins with its own environment, where the `node` of an
 * interactive shell (nvm, asdf) may be missing, so the Node.js that ran the install is recorded;
 * when that one is gone (Node upgraded), `node` on PATH is used instead.
 */
export function launcherScript({ node, entry, version }: LauncherTarget): string {
  return [
    "#!/bin/sh",
    `# ${PLUGIN_EXECUTABLE} ${version}, written by \`domainsreseller plugin install\`.`,
    `# It runs ${entry};`,
    "# after moving or upgrading that package, run `npx domainsreseller plugin install` again.",
    `node=${shellQuote(node)}`,
    '[ -x "$node" ] || node=node',
    `exec "$node" ${shellQuote(entry)} "$@"`,
    "",
  ].join("\n");
}
