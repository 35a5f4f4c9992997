// The serialized half of every resource. Pulumi stores the text of these functions in state and runs
// it in the provider process, so they capture two strings and nothing else, and `require` the
// runtime by its package name only when called: state written today runs whatever version is
// installed tomorrow, and the text never changes with our code (no spurious updates).
import type * as pulumi from "@pulumi/pulumi";

/** The package specifier the provider process resolves from the Pulumi program's directory. */
export const RUNTIME_MODULE = "pulumi-domainsreseller/runtime";

const shims = new Map<string, pulumi.dynamic.ResourceProvider>();

function makeShim(kind: string): pulumi.dynamic.ResourceProvider {
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

/** One provider object per kind for the whole program: Pulumi caches serialization by object identity. */
export function shimFor(kind: string): pulumi.dynamic.ResourceProvider {
  let shim = shims.get(kind);
  if (!shim) {
    shim = makeShim(kind);
    shims.set(kind, shim);
  }
  return shim;
}
