import * as pulumi from "@pulumi/pulumi";
import { checkClaim, CLAIM_KEY } from "./claims";
import { declared } from "./internal/stackGuard";
import { withoutDebugStacks } from "./internal/debugStacks";
import { dynamicInputs, dynamicType } from "./shim";

/** One forward: mail to `from@<domain>` goes to `to`. */
export interface EmailForward {
  /** The local part before the @ (e.g. "info"), or "*" for a catch-all of every address of the domain. */
  from: pulumi.Input<string>;
  /** The address that receives the mail, e.g. "owner@example.org". */
  to: pulumi.Input<string>;
}

export interface EmailForwardingArgs {
  /** The domain, as registered in your reseller account (any letter case; IDNs in Unicode or punycode). */
  domain: pulumi.Input<string>;
  /** Every forward of the domain: this resource owns the whole list (forwards not declared here are removed). Order does not matter. */
  forwards: pulumi.Input<pulumi.Input<EmailForward>[]>;
  /** The credentials profile (a key of the secret stack config `domainsreseller:profiles`); without it the default credentials apply. */
  profile?: pulumi.Input<string>;
}

/**
 * The e-mail forwarding list of a domain (the registrar's forwarding add-on). Creating it adopts the
 * live list and sets the declared one; deleting it puts back the list it found. Costs nothing.
 */
export class EmailForwarding extends pulumi.CustomResource {
  /** The canonical domain name (lower case, punycode). */
  declare readonly domain: pulumi.Output<string>;
  /** The forwards in force, canonical (local part and the target's domain lower-cased). */
  declare readonly forwards: pulumi.Output<{ from: string; to: string }[]>;
  /** The forwards found when this resource took the domain over; restored on delete. */
  declare readonly initialForwards: pulumi.Output<{ from: string; to: string }[]>;

  constructor(name: string, args: EmailForwardingArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = dynamicInputs("EmailForwarding", { initialForwards: undefined, ...args, [CLAIM_KEY]: checkClaim("EmailForwarding", name, args) });
    const restore = withoutDebugStacks();
    try {
      super(dynamicType("EmailForwarding"), name, inputs, opts);
    } finally {
      restore();
    }
    declared("EmailForwarding", name);
  }
}
