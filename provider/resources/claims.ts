// Catches two resources of one program fighting over a setting (model/conflicts.ts), while the
// program is declaring them: the later resource fails with a message naming both, so `pulumi
// preview` stops before anything is written. The check travels as an input of its own (`__claim`,
// which the provider ignores) rather than inside `domain`, so a record computed from another
// resource never makes the domain look unknown (which would show as a replacement), and a conflict
// fails that resource's registration instead of crashing the program (which the engine only
// notices after a long wait). Values unknown during a preview are checked at `up`.
import * as pulumi from "@pulumi/pulumi";
import { DOMAIN_DECLARED, claimScope, conflictBetween, type Claim } from "../model/conflicts";
import { dnsRecordSetInputsSchema, recordKey } from "../model/dns";
import { canonicalDomainName } from "../model/domainName";
import { canonicalHost } from "../model/dns/canonical";

/** The claims declared so far, by scope (account and domain): only claims in one scope can conflict. */
const claimsByDomain = new Map<string, Claim[]>();

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

export { CLAIM_KEY } from "../model/conflicts";

/** True when `value` holds no Output or promise anywhere, so it can be read right now. */
function isPlain(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || (typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function")) return false;
  if (Array.isArray(value)) return value.every(isPlain);
  if (typeof value === "object" && value !== null) return Object.values(value).every(isPlain);
  return true;
}

/** Records the claim; answers whether a Domain of the same scope was declared before it. */
function record(kind: string, resource: string, values: { domain: string; profile?: string; mode?: string; records?: unknown; host?: string }): boolean {
  const claim = claimOf(kind, resource, values);
  // Looked up by domain, not compared with every earlier claim: a portfolio of thousands of
  // resources would otherwise pay for every pair.
  const key = claimScope(claim);
  const sameDomain = claimsByDomain.get(key) ?? [];
  for (const earlier of sameDomain) {
    const problem = conflictBetween(earlier, claim);
    if (problem !== undefined) throw new Error(problem);
  }
  const domainDeclared = sameDomain.some((earlier) => earlier.kind === "Domain");
  sameDomain.push(claim);
  claimsByDomain.set(key, sameDomain);
  return domainDeclared;
}

/**
 * Records the resource's claim. With plain inputs (the usual program) a conflict throws right
 * here, in the constructor: the engine stops at once. With inputs that are outputs of other
 * resources, the returned output fails instead, once they are known.
 */
export function checkClaim(kind: string, resource: string, args: Claimable): pulumi.Input<boolean | typeof DOMAIN_DECLARED> {
  const fields = { domain: args.domain, profile: args.profile, mode: args.mode, records: args.records, host: args.host };
  if (isPlain(fields)) {
    // A plain value, so the SDK has no Output to wait on; it also tells the preview that a Domain
    // of this program brings the domain in.
    return record(kind, resource, fields as never) && kind !== "Domain" ? DOMAIN_DECLARED : true;
  }
  return pulumi.output(fields).apply((values) => {
    // Fails this resource's registration: the engine stops the preview or update with this message.
    return record(kind, resource, values as never) && kind !== "Domain" ? DOMAIN_DECLARED : true;
  });
}
