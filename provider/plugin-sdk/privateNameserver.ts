import * as pulumi from "@pulumi/pulumi";
import type { PrivateNameserver as DynamicPrivateNameserver, PrivateNameserverArgs } from "../resources/privateNameserver";
import { withoutDebugStacks } from "../resources/internal/debugStacks";
import { isInstanceOf, resourceInputs, typeToken, type ReadOptions } from "./resource";

const OUTPUTS = ["domain", "host", "ip", "adopted"] as const satisfies readonly (keyof DynamicPrivateNameserver)[];

/**
 * A private (glue) nameserver, served by the `domainsreseller` plugin. Same inputs,
 * outputs and behaviour as the dynamic `PrivateNameserver` (docs/resources/private-nameserver.md). Import id: see docs/plugin.md.
 */
export class PrivateNameserver extends pulumi.CustomResource {
  static readonly __pulumiType = typeToken("PrivateNameserver");

  /** The private nameserver `id` as it is live, read by the plugin and not managed by this program. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): PrivateNameserver {
    return new PrivateNameserver(name, undefined, { ...opts, id });
  }

  static override isInstance(obj: unknown): obj is PrivateNameserver {
    return isInstanceOf(obj, PrivateNameserver.__pulumiType);
  }

  declare readonly domain: DynamicPrivateNameserver["domain"];
  declare readonly host: DynamicPrivateNameserver["host"];
  declare readonly ip: DynamicPrivateNameserver["ip"];
  declare readonly adopted: DynamicPrivateNameserver["adopted"];

  constructor(name: string, args: PrivateNameserverArgs | undefined, opts: ReadOptions);
  constructor(name: string, args: PrivateNameserverArgs, opts?: pulumi.CustomResourceOptions);
  constructor(name: string, args: PrivateNameserverArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    const inputs = resourceInputs("PrivateNameserver", name, OUTPUTS, args, opts);
    const restore = withoutDebugStacks();
    try {
      super(PrivateNameserver.__pulumiType, name, inputs, opts);
    } finally {
      restore();
    }
  }
}
