import * as pulumi from "@pulumi/pulumi";
import { checkClaim, CLAIM_KEY } from "./claims";
import { declared } from "./internal/stackGuard";
import { withoutDebugStacks } from "./internal/debugStacks";
import { dynamicInputs, dynamicType } from "./shim";

export interface PrivateNameserverArgs {
  /** The domain the nameserver is a child of, as registered in your reseller account. */
  domain: pulumi.Input<string>;
  /** The nameserver's host name, inside the domain (e.g. "ns1.example.com" for example.com). Changing it deletes the old glue record and registers a new one. */
  host: pulumi.Input<string>;
  /** The nameserver's IPv4 or IPv6 address, registered at the registry as glue. Changing it modifies the record in place. */
  ip: pulumi.Input<string>;
  /** The credentials profile (a key of the secret stack config `domainsreseller:profiles`); without it the default credentials apply. */
  profile?: pulumi.Input<string>;
}

/**
 * A private (child, "glue") nameserver registered at the registry. The API can register, modify and
 * delete one but has no route that lists them, so a refresh cannot see changes made elsewhere:
 * it keeps the recorded state and prints a warning saying so. Each change is sent once (the
 * registry calls are not idempotent).
 */
export class PrivateNameserver extends pulumi.CustomResource {
  /** The canonical domain name (lower case, punycode). */
  declare readonly domain: pulumi.Output<string>;
  /** The canonical host name (lower case, punycode, no trailing dot). */
  declare readonly host: pulumi.Output<string>;
  /** The address registered, in canonical form (IPv6 compressed). */
  declare readonly ip: pulumi.Output<string>;
  /** True when the host was already registered and this resource adopted it (its address unconfirmed); an adopted record stays registered on delete. */
  declare readonly adopted: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: PrivateNameserverArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = dynamicInputs("PrivateNameserver", { adopted: undefined, ...args, [CLAIM_KEY]: checkClaim("PrivateNameserver", name, args) });
    const restore = withoutDebugStacks();
    try {
      super(dynamicType("PrivateNameserver"), name, inputs, opts);
    } finally {
      restore();
    }
    declared("PrivateNameserver", name);
  }
}
