import * as pulumi from "@pulumi/pulumi";
import type { RecordType } from "../model/dns/types";
import { checkClaim, CLAIM_KEY } from "./claims";
import { declared } from "./internal/stackGuard";
import { withoutDebugStacks } from "./internal/debugStacks";
import { dynamicInputs, dynamicType } from "./shim";

/**
 * A record type the API stores, in upper or lower case (the check accepts either). A closed set, so
 * a misspelt type such as "AAA" fails to compile instead of failing the preview.
 */
export type DnsRecordType = RecordType | Lowercase<RecordType>;

/** One DNS record, relative to the zone. */
export interface DnsRecord {
  /** The name relative to the zone: "@" for the apex, "www", "_dmarc", "*.dev". A full name inside the zone ("www.example.com.") is accepted and made relative. */
  name: pulumi.Input<string>;
  /** A, AAAA, CNAME, MX, TXT, SRV, CAA, NS, URL, FRAME or MXE, in upper or lower case (the types the API stores; the upstream registrar decides which it serves). */
  type: pulumi.Input<DnsRecordType>;
  /** The address, host name or text. TXT without outer quotes (quoted strings are joined); SRV as "weight port target"; CAA as `flags tag "value"`. */
  value: pulumi.Input<string>;
  /** MX and SRV only (0-65535), and required there. The API stores no TTL: a `ttl` field is refused. */
  priority?: pulumi.Input<number>;
}

export interface DnsRecordSetArgs {
  /** The domain whose zone this is, as registered in your reseller account. */
  domain: pulumi.Input<string>;
  /** "merge" (default): manage only the declared records and leave every other record as it is. "authoritative": the zone holds exactly the declared records; others are removed on `up` and put back on delete. */
  mode?: pulumi.Input<"merge" | "authoritative">;
  /** The records. Order, letter case, trailing dots and other equivalent spellings never show as a change. */
  records: pulumi.Input<pulumi.Input<DnsRecord>[]>;
  /** The credentials profile (a key of the secret stack config `domainsreseller:profiles`); without it the default credentials apply. */
  profile?: pulumi.Input<string>;
  /** Consent to one large or apex-NS change, copied from the safety-rail refusal that printed it: `{ changes: 12, checksum: "3f9a1c2e" }`. Any other change is refused again (docs/safety-rails.md). */
  allowChanges?: pulumi.Input<{ changes: pulumi.Input<number>; checksum: pulumi.Input<string> }>;
}

/**
 * DNS records of a domain hosted on the registrar's DNS. The API saves a zone as one whole list,
 * so every change reads the live zone, saves the planned list and reads it back to verify; a read
 * that comes back empty or unreadable while records are known refuses the save instead of wiping
 * the zone. A set owns every value at each name and type it declares (a value added there out of
 * band is drift, repaired on `up`). Deleting it gives back what it found when it took over: its own
 * records go, values it replaced and rows it removed come back, and records that were there before
 * it stay (docs/ownership.md). Costs nothing.
 */
export class DnsRecordSet extends pulumi.CustomResource {
  /** The canonical domain name (lower case, punycode). */
  declare readonly domain: pulumi.Output<string>;
  /** "merge" or "authoritative". */
  declare readonly mode: pulumi.Output<string>;
  /** The managed records in force, keyed `name/type/value` (e.g. `www/CNAME/example.com`), each `{ name, type, value, priority? }` in canonical form. */
  declare readonly records: pulumi.Output<Record<string, { name: string; type: string; value: string; priority?: number }>>;
  /** How many live records this resource leaves alone (merge), or has yet to remove (authoritative, after a refresh found extra ones). */
  declare readonly unmanagedCount: pulumi.Output<number>;
  /** What was live where this resource took over (each declared name and type; authoritative: the whole zone), as the API returned it: what delete gives back (docs/ownership.md). */
  declare readonly found: pulumi.Output<{ hostname: string; type: string; address: string; priority: string }[]>;

  constructor(name: string, args: DnsRecordSetArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = dynamicInputs("DnsRecordSet", { unmanagedCount: undefined, found: undefined, ...args, [CLAIM_KEY]: checkClaim("DnsRecordSet", name, args) });
    const restore = withoutDebugStacks();
    try {
      super(dynamicType("DnsRecordSet"), name, inputs, opts);
    } finally {
      restore();
    }
    declared("DnsRecordSet", name);
  }
}
