// What every class of the plugin SDK shares: the type tokens, and the inputs a CustomResource is
// registered with. Unlike the dynamic classes there is no provider text: the installed
// `pulumi-resource-domainsreseller` plugin does the work, looked up by the type token. The claim is
// the same as theirs (resources/claims.ts): two resources of the program fighting over a setting
// fail while the program declares them, and a settings resource declared after a `Domain` of its
// name tells the plugin's preview so, which then reads nothing to prove the account holds it.
import type * as pulumi from "@pulumi/pulumi";
import { checkClaim, CLAIM_KEY } from "../resources/claims";

/** The Pulumi package name: the plugin is `pulumi-resource-domainsreseller`, its config `domainsreseller:*`. */
export const PACKAGE = "domainsreseller";

/** The type token of a kind, e.g. `domainsreseller:index:Domain`. */
export const typeToken = (kind: string): string => `${PACKAGE}:index:${kind}`;

/** Options of a read by id (`Kind.get`): the id is what the plugin's Read adopts. */
export type ReadOptions = pulumi.CustomResourceOptions & { id: pulumi.Input<pulumi.ID> };

/**
 * The property map to register: every output name (so the SDK makes an Output for it, as generated
 * SDKs do), then the args and the claim. A read by id sends no args and claims nothing: the
 * plugin's Read fills everything in.
 */
export function resourceInputs(kind: string, name: string, outputs: readonly string[], args: object | undefined, opts: pulumi.CustomResourceOptions | undefined): pulumi.Inputs {
  const inputs: pulumi.Inputs = Object.fromEntries(outputs.map((output) => [output, undefined]));
  if (opts?.id !== undefined || args === undefined) return inputs;
  return { ...inputs, ...args, [CLAIM_KEY]: checkClaim(kind, name, claimable(kind, args)) };
}

/** What a claim is made of: a `Domain` names its domain `name`, the settings kinds `domain`. */
function claimable(kind: string, args: object): Parameters<typeof checkClaim>[2] {
  if (kind !== "Domain") return args as Parameters<typeof checkClaim>[2];
  const { name, profile } = args as { name: pulumi.Input<string>; profile?: pulumi.Input<string> };
  return { domain: name, profile };
}

/** True for an instance of the class registered as `type`, even across copies of this package. */
export function isInstanceOf(obj: unknown, type: string): boolean {
  return typeof obj === "object" && obj !== null && (obj as { __pulumiType?: unknown }).__pulumiType === type;
}
