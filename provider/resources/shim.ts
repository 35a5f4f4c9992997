// The dynamic half of every resource. A dynamic resource's type is `pulumi-nodejs:dynamic/...`,
// which the engine hands to Pulumi's dynamic-provider host, and its `__provider` input is a module
// text the host evaluates: `exports.handler()` returns the provider whose calls it makes. Pulumi's
// own `dynamic.Resource` fills that text by serializing a provider object's closures (2,415
// characters for ours); ours writes it directly: one line that requires the runtime by its package
// name when called, so state written today runs whatever version is installed tomorrow, the text
// never changes with our code (no spurious updates), and it resolves wherever the runtime does
// (installed, linked, pnpm). The engine stores the text twice per resource and rewrites the whole
// checkpoint after every step, so at portfolio scale its length is most of the engine's work; and a
// plain string costs the program less than the SDK's serialized-provider Output (docs/benchmarks.md).
//
// State written by earlier versions holds other texts: the serialized closures, or a `require` of
// ./shims/<Kind>.js. Both still run (they call the same runtime), and diff equal to this one.
import * as pulumi from "@pulumi/pulumi";

/** The package specifier the provider process resolves from the Pulumi program's directory. */
export const RUNTIME_MODULE = "pulumi-domainsreseller/runtime";

/** The input key the dynamic-provider host reads the provider from. */
const PROVIDER_KEY = "__provider";

/** The `__provider` text of a kind: a module whose handler returns the runtime's provider of that kind. */
export function providerText(kind: string): string {
  if (!/^[A-Za-z]+$/.test(kind)) throw new Error(`pulumi-domainsreseller: "${kind}" is not a resource kind name`);
  return `exports.handler = function () { return require(${JSON.stringify(RUNTIME_MODULE)}).provider(${JSON.stringify(kind)}); };\n`;
}

/** The type the engine hands to the dynamic-provider host: what `pulumi.dynamic.Resource` registers, so URNs and state are unchanged. */
export function dynamicType(kind: string): string {
  return `pulumi-nodejs:dynamic/domainsreseller:${kind}`;
}

/** A resource's inputs with the provider text the dynamic-provider host evaluates. */
export function dynamicInputs(kind: string, props: pulumi.Inputs): pulumi.Inputs {
  return { ...props, [PROVIDER_KEY]: providerText(kind) };
}
