import * as pulumi from "@pulumi/pulumi";
import type { EmailForwarding as DynamicEmailForwarding, EmailForwardingArgs } from "../resources/emailForwarding";
import { withoutDebugStacks } from "../resources/internal/debugStacks";
import { isInstanceOf, resourceInputs, typeToken, type ReadOptions } from "./resource";

const OUTPUTS = ["domain", "forwards", "initialForwards"] as const satisfies readonly (keyof DynamicEmailForwarding)[];

/**
 * The e-mail forwarding list of a domain, served by the `domainsreseller` plugin. Same inputs,
 * outputs and behaviour as the dynamic `EmailForwarding` (docs/resources/email-forwarding.md). Import id: the domain.
 */
export class EmailForwarding extends pulumi.CustomResource {
  static readonly __pulumiType = typeToken("EmailForwarding");

  /** The forwards of domain `id` as it is live, read by the plugin and not managed by this program. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): EmailForwarding {
    return new EmailForwarding(name, undefined, { ...opts, id });
  }

  static override isInstance(obj: unknown): obj is EmailForwarding {
    return isInstanceOf(obj, EmailForwarding.__pulumiType);
  }

  declare readonly domain: DynamicEmailForwarding["domain"];
  declare readonly forwards: DynamicEmailForwarding["forwards"];
  declare readonly initialForwards: DynamicEmailForwarding["initialForwards"];

  constructor(name: string, args: EmailForwardingArgs | undefined, opts: ReadOptions);
  constructor(name: string, args: EmailForwardingArgs, opts?: pulumi.CustomResourceOptions);
  constructor(name: string, args: EmailForwardingArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    const inputs = resourceInputs("EmailForwarding", name, OUTPUTS, args, opts);
    const restore = withoutDebugStacks();
    try {
      super(EmailForwarding.__pulumiType, name, inputs, opts);
    } finally {
      restore();
    }
  }
}
