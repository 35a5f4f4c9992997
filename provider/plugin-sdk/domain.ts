import * as pulumi from "@pulumi/pulumi";
import type { Domain as DynamicDomain, DomainArgs } from "../resources/domain";
import { withSecretOutputs } from "../resources/options";
import { withoutDebugStacks } from "../resources/internal/debugStacks";
import { isInstanceOf, resourceInputs, typeToken, type ReadOptions } from "./resource";

const OUTPUTS = [
  "name", "status", "expiryDate", "locked", "idProtection", "dnsManagement", "emailForwarding",
  "nameservers", "lastQuote", "transferStatus", "transferFailureReason",
] as const satisfies readonly (keyof DynamicDomain)[];

/**
 * A registration in your reseller account, served by the `domainsreseller` plugin. Same inputs,
 * outputs and behaviour as the dynamic `Domain` of `pulumi-domainsreseller` (docs/resources/domain.md).
 * Import id: the domain name.
 */
export class Domain extends pulumi.CustomResource {
  static readonly __pulumiType = typeToken("Domain");

  /** The domain `id` (its name) as it is live, read by the plugin and not managed by this program. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Domain {
    return new Domain(name, undefined, { ...opts, id });
  }

  static override isInstance(obj: unknown): obj is Domain {
    return isInstanceOf(obj, Domain.__pulumiType);
  }

  declare readonly name: DynamicDomain["name"];
  declare readonly status: DynamicDomain["status"];
  declare readonly expiryDate: DynamicDomain["expiryDate"];
  declare readonly locked: DynamicDomain["locked"];
  declare readonly idProtection: DynamicDomain["idProtection"];
  declare readonly dnsManagement: DynamicDomain["dnsManagement"];
  declare readonly emailForwarding: DynamicDomain["emailForwarding"];
  declare readonly nameservers: DynamicDomain["nameservers"];
  declare readonly lastQuote: DynamicDomain["lastQuote"];
  declare readonly transferStatus: DynamicDomain["transferStatus"];
  declare readonly transferFailureReason: DynamicDomain["transferFailureReason"];

  constructor(name: string, args: DomainArgs | undefined, opts: ReadOptions);
  constructor(name: string, args: DomainArgs, opts?: pulumi.CustomResourceOptions);
  constructor(name: string, args: DomainArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    // The EPP code is encrypted in state even when the program passes a plain string.
    const secretArgs = args?.eppCode !== undefined ? { ...args, eppCode: pulumi.secret(args.eppCode) } : args;
    const inputs = resourceInputs("Domain", name, OUTPUTS, secretArgs, opts);
    const restore = withoutDebugStacks();
    try {
      super(Domain.__pulumiType, name, inputs, withSecretOutputs(["eppCode"], opts));
    } finally {
      restore();
    }
  }
}
