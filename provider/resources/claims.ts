// Catches two resources of one program fighting over a setting (model/conflicts.ts), while the
// program is declaring them: the program fails with a message naming both, so `pulumi preview`
// stops before anything is written. The check runs beside the resource's inputs rather than inside
// them, so a record computed from another resource never makes the domain look unknown (which
// would show as a replacement). Values unknown during a preview are checked at `up`.
import * as pulumi from "@pulumi/pulumi";
import { conflictBetween, type Claim } from "../model/conflicts";
import { dnsRecordSetInputsSchema, recordKey } from "../model/dns";
import { canonicalDomainName } from "../model/domainName";
import { canonicalHost } from "../model/dns/canonical";

const claims: Claim[] = [];

interface Claimable {
  domain: pulumi.Input<string>;
  profile?: pulumi.Input<string>;
  mode?: pulumi.Input<string>;
  records?: pulumi.Input<unknown>;
  host?: pulumi.Input<string>;
}

function claimOf(kind: string, resource: string, v: { domain: string; profile?: string; mode?: string; records?: unknown; host?: string }): Claim {
  const domain = canonicalDomainName(v.domain) ?? v.domain;
  const claim: Claim = { resource, kind, domain, profile: v.profile };
  if (kind === "PrivateNameserver") claim.host = canonicalHost(v.host ?? "") ?? v.host;
  if (kind === "DnsRecordSet") {
    // Keys in canonical form, so two spellings of one record are seen as the same record.
    const parsed = dnsRecordSetInputsSchema.safeParse({ domain: v.domain, mode: v.mode, records: v.records });
    claim.mode = v.mode === "authoritative" ? "authoritative" : "merge";
    claim.recordKeys = parsed.success ? parsed.data.records.map(recordKey) : [];
  }
  return claim;
}

/** Records the resource's claim; fails the program when it conflicts with one made earlier. */
export function checkClaim(kind: string, resource: string, args: Claimable): void {
  pulumi
    .all([pulumi.output(args.domain), pulumi.output(args.profile), pulumi.output(args.mode), pulumi.output(args.records), pulumi.output(args.host)])
    .apply(([domain, profile, mode, records, host]) => {
      const claim = claimOf(kind, resource, { domain, profile, mode, records, host } as never);
      for (const earlier of claims) {
        const problem = conflictBetween(earlier, claim);
        // Thrown in the program: the engine stops the preview or update with this message.
        if (problem !== undefined) throw new Error(problem);
      }
      claims.push(claim);
    });
}
