import * as pulumi from "@pulumi/pulumi";
import type { IdProtection as DynamicIdProtection, IdProtectionArgs } from "../resources/idProtection";
import { withoutDebugStacks } from "../resources/internal/debugStacks";
import { isInstanceOf, resourceInputs, typeToken, type ReadOptions } from "./resource";

const OUTPUTS = ["domain", "enabled", "initialEnabled"] as const satisfies readonly (keyof DynamicIdProtection)[];

/**
 * WHOIS privacy (ID protection) of a domain, served by the `domainsreseller` plugin. Same inputs,
 * outputs and behaviour as the dynamic `IdProtection` (docs/resources/id-protection.md). Import id: the domain.
 */
export class IdProtection extends pulumi.CustomResource {
  static readonly __pulumiType = typeToken("IdProtection");

  /** The ID protection of domain `id` as it is live, read by the plugin and not managed by this program. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): IdProtection {
    return new IdProtection(name, undefined, { ...opts, id });
  }

  static override isInstance(obj: unknown): obj is IdProtection {
    return isInstanceOf(obj, IdProtection.__pulumiType);
  }

  declare readonly domain: DynamicIdProtection["domain"];
  declare readonly enabled: DynamicIdProtection["enabled"];
  declare readonly initialEnabled: DynamicIdProtection["initialEnabled"];

  constructor(name: string, args: IdProtectionArgs | undefined, opts: ReadOptions);
  constructor(name: string, args: IdProtectionArgs, opts?: pulumi.CustomResourceOptions);
  constructor(name: string, args: IdProtectionArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    const inputs = resourceInputs("IdProtection", name, OUTPUTS, args, opts);
    const restore = withoutDebugStacks();
    try {
      super(IdProtection.__pulumiType, name, inputs, opts);
    } finally {
      restore();
    }
  }
}
