import * as pulumi from "@pulumi/pulumi";
import { checkClaim, CLAIM_KEY } from "./claims";
import { declared } from "./internal/stackGuard";
import { withoutDebugStacks } from "./internal/debugStacks";
import { dynamicInputs, dynamicType } from "./shim";

export interface NameserversArgs {
  /** The domain, as registered in your reseller account (any letter case; IDNs in Unicode or punycode). */
  domain: pulumi.Input<string>;
  /** 2 to 5 nameserver host names. Order and letter case do not matter; a trailing dot is dropped. */
  nameservers: pulumi.Input<pulumi.Input<string>[]>;
  /** The credentials profile (a key of the secret stack config `domainsreseller:profiles`); without it the default credentials apply. */
  profile?: pulumi.Input<string>;
}

/**
 * The nameservers a domain delegates to. Creating it adopts the live nameservers and sets the
 * declared ones; deleting it puts back the nameservers it found. Costs nothing.
 */
export class Nameservers extends pulumi.CustomResource {
  /** The canonical domain name (lower case, punycode). */
  declare readonly domain: pulumi.Output<string>;
  /** The nameservers in force: canonical (lower case, no trailing dot), in the declared order. */
  declare readonly nameservers: pulumi.Output<string[]>;
  /** The nameservers found when this resource took the domain over; restored on delete. */
  declare readonly initialNameservers: pulumi.Output<string[]>;

  constructor(name: string, args: NameserversArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = dynamicInputs("Nameservers", { initialNameservers: undefined, ...args, [CLAIM_KEY]: checkClaim("Nameservers", name, args) });
    const restore = withoutDebugStacks();
    try {
      super(dynamicType("Nameservers"), name, inputs, opts);
    } finally {
      restore();
    }
    declared("Nameservers", name);
  }
}
