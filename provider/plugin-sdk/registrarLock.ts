import * as pulumi from "@pulumi/pulumi";
import type { RegistrarLock as DynamicRegistrarLock, RegistrarLockArgs } from "../resources/registrarLock";
import { withoutDebugStacks } from "../resources/internal/debugStacks";
import { isInstanceOf, resourceInputs, typeToken, type ReadOptions } from "./resource";

const OUTPUTS = ["domain", "locked", "initialLocked"] as const satisfies readonly (keyof DynamicRegistrarLock)[];

/**
 * The registrar (transfer) lock of a domain, served by the `domainsreseller` plugin. Same inputs,
 * outputs and behaviour as the dynamic `RegistrarLock` (docs/resources/registrar-lock.md). Import id: the domain.
 */
export class RegistrarLock extends pulumi.CustomResource {
  static readonly __pulumiType = typeToken("RegistrarLock");

  /** The lock of domain `id` as it is live, read by the plugin and not managed by this program. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): RegistrarLock {
    return new RegistrarLock(name, undefined, { ...opts, id });
  }

  static override isInstance(obj: unknown): obj is RegistrarLock {
    return isInstanceOf(obj, RegistrarLock.__pulumiType);
  }

  declare readonly domain: DynamicRegistrarLock["domain"];
  declare readonly locked: DynamicRegistrarLock["locked"];
  declare readonly initialLocked: DynamicRegistrarLock["initialLocked"];

  constructor(name: string, args: RegistrarLockArgs | undefined, opts: ReadOptions);
  constructor(name: string, args: RegistrarLockArgs, opts?: pulumi.CustomResourceOptions);
  constructor(name: string, args: RegistrarLockArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    const inputs = resourceInputs("RegistrarLock", name, OUTPUTS, args, opts);
    const restore = withoutDebugStacks();
    try {
      super(RegistrarLock.__pulumiType, name, inputs, opts);
    } finally {
      restore();
    }
  }
}
