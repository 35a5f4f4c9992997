import * as pulumi from "@pulumi/pulumi";
import { checkClaim, CLAIM_KEY } from "./claims";
import { declared } from "./internal/stackGuard";
import { withoutDebugStacks } from "./internal/debugStacks";
import { dynamicInputs, dynamicType } from "./shim";

export interface IdProtectionArgs {
  /** The domain, as registered in your reseller account (any letter case; IDNs in Unicode or punycode). */
  domain: pulumi.Input<string>;
  /** Whether the registrant's details are hidden from WHOIS. Required: turning it on may be invoiced by your provider, so there is no default. */
  enabled: pulumi.Input<boolean>;
  /** The credentials profile (a key of the secret stack config `domainsreseller:profiles`); without it the default credentials apply. */
  profile?: pulumi.Input<string>;
}

/**
 * WHOIS privacy (ID protection) of a domain. Read from the `information` route, the only place the
 * API reports it. Creating it adopts the live setting and sets the declared one; deleting it puts
 * back the setting it found. Your provider may invoice ID protection: a change is sent once, never
 * retried blindly.
 */
export class IdProtection extends pulumi.CustomResource {
  /** The canonical domain name (lower case, punycode). */
  declare readonly domain: pulumi.Output<string>;
  /** Whether ID protection is on now. */
  declare readonly enabled: pulumi.Output<boolean>;
  /** The setting found when this resource took the domain over; restored on delete. */
  declare readonly initialEnabled: pulumi.Output<boolean>;

  constructor(name: string, args: IdProtectionArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = dynamicInputs("IdProtection", { initialEnabled: undefined, ...args, [CLAIM_KEY]: checkClaim("IdProtection", name, args) });
    const restore = withoutDebugStacks();
    try {
      super(dynamicType("IdProtection"), name, inputs, opts);
    } finally {
      restore();
    }
    declared("IdProtection", name);
  }
}
