import * as pulumi from "@pulumi/pulumi";
import type { Nameservers as DynamicNameservers, NameserversArgs } from "../resources/nameservers";
import { withoutDebugStacks } from "../resources/internal/debugStacks";
import { isInstanceOf, resourceInputs, typeToken, type ReadOptions } from "./resource";

const OUTPUTS = ["domain", "nameservers", "initialNameservers"] as const satisfies readonly (keyof DynamicNameservers)[];

/**
 * The nameservers a domain delegates to, served by the `domainsreseller` plugin. Same inputs,
 * outputs and behaviour as the dynamic `Nameservers` (docs/resources/nameservers.md). Import id: the domain.
 */
export class Nameservers extends pulumi.CustomResource {
  static readonly __pulumiType = typeToken("Nameservers");

  /** The delegation of domain `id` as it is live, read by the plugin and not managed by this program. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Nameservers {
    return new Nameservers(name, undefined, { ...opts, id });
  }

  static override isInstance(obj: unknown): obj is Nameservers {
    return isInstanceOf(obj, Nameservers.__pulumiType);
  }

  declare readonly domain: DynamicNameservers["domain"];
  declare readonly nameservers: DynamicNameservers["nameservers"];
  declare readonly initialNameservers: DynamicNameservers["initialNameservers"];

  constructor(name: string, args: NameserversArgs | undefined, opts: ReadOptions);
  constructor(name: string, args: NameserversArgs, opts?: pulumi.CustomResourceOptions);
  constructor(name: string, args: NameserversArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    const inputs = resourceInputs("Nameservers", name, OUTPUTS, args, opts);
    const restore = withoutDebugStacks();
    try {
      super(Nameservers.__pulumiType, name, inputs, opts);
    } finally {
      restore();
    }
  }
}
