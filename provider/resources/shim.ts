// The serialized half of every resource. Pulumi stores the text of these functions in state and runs
// it in the provider process, so they capture two strings and nothing else, and `require` the
// runtime by its package name only when called: state written today runs whatever version is
// installed tomorrow, and the text never changes with our code (no spurious updates).
//
// Installed from a registry, each kind's provider is also the whole export of a module of its own
// (./shims/<Kind>.js). Pulumi's closure serializer writes an object that is a package module's
// exports as `require("<package>/<path>")` instead of its text, so the state then holds about
// 400 characters per resource where the text is about 2,400. The engine stores that string twice
// per resource and rewrites the whole checkpoint after every step, so at portfolio scale its size is
// most of the engine's work (docs/benchmarks.md). The short form is used only where the serializer
// will name the module by a path the provider process can `require` (see `serializerNamesPackagePath`);
// anywhere else (a linked checkout, pnpm's store, a copy nested under another package) the text
// is stored as before. Both forms run the same code and diff equal, so a stack may hold either.
import type * as pulumi from "@pulumi/pulumi";
import { relative } from "node:path";

/** The package specifier the provider process resolves from the Pulumi program's directory. */
export const RUNTIME_MODULE = "pulumi-domainsreseller/runtime";

/** Where the per-kind modules sit inside the package; exported as is by package.json, never moved. */
export const SHIM_MODULE_DIR = "pulumi-domainsreseller/dist/provider/resources/shims";

const shims = new Map<string, pulumi.dynamic.ResourceProvider>();

/** A kind's provider object: seven calls into the runtime, capturing the kind's name and nothing else. */
export function makeShim(kind: string): pulumi.dynamic.ResourceProvider {
  const mod = RUNTIME_MODULE;
  return {
    configure: async (req) => require(mod).configure(kind, req),
    check: async (olds, news) => require(mod).check(kind, olds, news),
    diff: async (id, olds, news) => require(mod).diff(kind, id, olds, news),
    create: async (inputs) => require(mod).create(kind, inputs),
    read: async (id, props) => require(mod).read(kind, id, props),
    update: async (id, olds, news) => require(mod).update(kind, id, olds, news),
    delete: async (id, props) => require(mod).delete(kind, id, props),
  };
}

/**
 * Whether Pulumi's serializer, given the exports of the module at `file`, will store
 * `require("<SHIM_MODULE_DIR>/<Kind>.js")`. It names a module by the part of its path (relative to the
 * program's directory) after the first `node_modules`; that must be our package at its top level.
 */
export function serializerNamesPackagePath(file: string, kind: string, cwd: string): boolean {
  const parts = relative(cwd, file).split(/[\\/]/);
  const first = parts.indexOf("node_modules");
  return first >= 0 && parts.slice(first + 1).join("/") === `${SHIM_MODULE_DIR}/${kind}.js`;
}

/** The kind's module when it is installed where the serializer names it by package path, else undefined. */
function installedShim(kind: string): pulumi.dynamic.ResourceProvider | undefined {
  let file: string;
  try {
    file = require.resolve(`./shims/${kind}`);
  } catch {
    return undefined; // running from source (ts-node, vitest): there is no compiled module to name
  }
  if (!file.endsWith(".js") || !serializerNamesPackagePath(file, kind, process.cwd())) return undefined;
  return require(file) as pulumi.dynamic.ResourceProvider;
}

/** One provider object per kind for the whole program: Pulumi caches serialization by object identity. */
export function shimFor(kind: string): pulumi.dynamic.ResourceProvider {
  let shim = shims.get(kind);
  if (!shim) {
    shim = installedShim(kind) ?? makeShim(kind);
    shims.set(kind, shim);
  }
  return shim;
}
