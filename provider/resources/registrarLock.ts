import * as pulumi from "@pulumi/pulumi";
import { checkClaim, CLAIM_KEY } from "./claims";
import { declared } from "./internal/stackGuard";
import { withoutDebugStacks } from "./internal/debugStacks";
import { dynamicInputs, dynamicType } from "./shim";

export interface RegistrarLockArgs {
  /** The domain, as registered in your reseller account (any letter case; IDNs in Unicode or punycode). */
  domain: pulumi.Input<string>;
  /** Whether the registry refuses transfers away. Defaults to true. */
  locked?: pulumi.Input<boolean>;
  /**
   * The credentials profile (a key of the secret stack config `domainsreseller:profiles`) of the
   * reseller account that holds the domain. Without it the default credentials apply.
   */
  profile?: pulumi.Input<string>;
}

/**
 * The registrar (transfer) lock of a domain in your reseller account.
 *
 * Creating it adopts the domain's current lock and sets the one you declare; deleting it puts back
 * the lock state it found. It never registers, renews or transfers anything, so it costs nothing.
 */
export class RegistrarLock extends pulumi.CustomResource {
  /** The canonical domain name (lower case, punycode). */
  declare readonly domain: pulumi.Output<string>;
  /** The lock state now in force. */
  declare readonly locked: pulumi.Output<boolean>;
  /** The lock state found when this resource took the domain over; restored on delete. */
  declare readonly initialLocked: pulumi.Output<boolean>;

  constructor(name: string, args: RegistrarLockArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = dynamicInputs("RegistrarLock", { initialLocked: undefined, ...args, [CLAIM_KEY]: checkClaim("RegistrarLock", name, args) });
    const restore = withoutDebugStacks();
    try {
      super(dynamicType("RegistrarLock"), name, inputs, opts);
    } finally {
      restore();
    }
    declared("RegistrarLock", name);
  }
}
