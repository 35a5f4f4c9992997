// What every class of the plugin SDK shares: the type tokens, and the inputs a CustomResource is
// registered with. Unlike the dynamic classes there is no serialized provider and no claim: the
// installed `pulumi-resource-domainsreseller` plugin does the work, looked up by the type token.
import type * as pulumi from "@pulumi/pulumi";

/** The Pulumi package name: the plugin is `pulumi-resource-domainsreseller`, its config `domainsreseller:*`. */
export const PACKAGE = "domainsreseller";

/** The type token of a kind, e.g. `domainsreseller:index:Domain`. */
export const typeToken = (kind: string): string => `${PACKAGE}:index:${kind}`;

/** Options of a read by id (`Kind.get`): the id is what the plugin's Read adopts. */
export type ReadOptions = pulumi.CustomResourceOptions & { id: pulumi.Input<pulumi.ID> };

/**
 * The property map to register: every output name (so the SDK makes an Output for it, as generated
 * SDKs do), then the args. A read by id sends no args: the plugin's Read fills everything in.
 */
export function resourceInputs(outputs: readonly string[], args: object | undefined, opts: pulumi.CustomResourceOptions | undefined): pulumi.Inputs {
  const inputs: pulumi.Inputs = Object.fromEntries(outputs.map((name) => [name, undefined]));
  if (opts?.id !== undefined || args === undefined) return inputs;
  return { ...inputs, ...args };
}

/** True for an instance of the class registered as `type`, even across copies of this package. */
export function isInstanceOf(obj: unknown, type: string): boolean {
  return typeof obj === "object" && obj !== null && (obj as { __pulumiType?: unknown }).__pulumiType === type;
}
