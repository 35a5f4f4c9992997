import * as pulumi from "@pulumi/pulumi";
import type { DnsRecordSet as DynamicDnsRecordSet, DnsRecordSetArgs } from "../resources/dnsRecordSet";
import { withoutDebugStacks } from "../resources/internal/debugStacks";
import { isInstanceOf, resourceInputs, typeToken, type ReadOptions } from "./resource";

const OUTPUTS = ["domain", "mode", "records", "unmanagedCount", "found"] as const satisfies readonly (keyof DynamicDnsRecordSet)[];

/**
 * DNS records of a domain, served by the `domainsreseller` plugin. Same inputs, outputs and
 * behaviour as the dynamic `DnsRecordSet` (docs/resources/dns-record-set.md). Import id: the domain.
 */
export class DnsRecordSet extends pulumi.CustomResource {
  static readonly __pulumiType = typeToken("DnsRecordSet");

  /** The zone of domain `id` as it is live, read by the plugin and not managed by this program. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): DnsRecordSet {
    return new DnsRecordSet(name, undefined, { ...opts, id });
  }

  static override isInstance(obj: unknown): obj is DnsRecordSet {
    return isInstanceOf(obj, DnsRecordSet.__pulumiType);
  }

  declare readonly domain: DynamicDnsRecordSet["domain"];
  declare readonly mode: DynamicDnsRecordSet["mode"];
  declare readonly records: DynamicDnsRecordSet["records"];
  declare readonly unmanagedCount: DynamicDnsRecordSet["unmanagedCount"];
  declare readonly found: DynamicDnsRecordSet["found"];

  constructor(name: string, args: DnsRecordSetArgs | undefined, opts: ReadOptions);
  constructor(name: string, args: DnsRecordSetArgs, opts?: pulumi.CustomResourceOptions);
  constructor(name: string, args: DnsRecordSetArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    const inputs = resourceInputs("DnsRecordSet", name, OUTPUTS, args, opts);
    const restore = withoutDebugStacks();
    try {
      super(DnsRecordSet.__pulumiType, name, inputs, opts);
    } finally {
      restore();
    }
  }
}
