// Nameservers: the 2-5 hosts a domain delegates to. Pure model: inputs, state, diff, and the save
// parameters. Order is kept as declared for the save (registries store ns1..ns5 in order) but never
// counts as a change: delegation does not depend on it.
import { z } from "zod";
import { canonicalHost } from "./dns/canonical";
import type { ResourceDiff } from "./diff";
import { domainNameSchema } from "./domainName";
import { canonicalHostname } from "./hostname";
import { profileSchema } from "./profile";
import { isUnknown } from "./unknown";

const hostSchema = z.string({ message: "must be a host name such as ns1.example.net" }).transform((value, ctx) => {
  const host = canonicalHostname(value);
  if (host === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `must be a nameserver host name such as ns1.example.net (labels of letters, digits and hyphens, no "_"; not a URL or an IP address); got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return host;
});

export const nameserverListSchema = z
  .array(hostSchema, { message: "must be a list of 2 to 5 host names" })
  .min(2, { message: "must list at least 2 nameservers (registries require two for redundancy)" })
  .max(5, { message: "must list at most 5 nameservers (the API stores ns1 to ns5)" })
  .superRefine((hosts, ctx) => {
    hosts.forEach((host, index) => {
      if (hosts.indexOf(host) !== index) ctx.addIssue({ code: "custom", path: [index], message: `repeats ${host} (already at index ${hosts.indexOf(host)}): list each nameserver once` });
    });
  });

export const nameserversInputsSchema = z
  .object({
    domain: domainNameSchema,
    nameservers: nameserverListSchema,
    profile: profileSchema,
  })
  .strict();

export type NameserversInputs = z.output<typeof nameserversInputsSchema>;

export interface NameserversState extends NameserversInputs {
  /** The nameservers found at takeover; restored on delete. */
  initialNameservers: string[];
}

/** Canonicalises hosts read from the API (lenient: a host it cannot read is kept as given, lower-cased). */
export function canonicalNameservers(hosts: readonly string[]): string[] {
  return hosts.map((h) => canonicalHost(h) ?? h.trim().toLowerCase().replace(/\.$/, ""));
}

export function sameNameservers(a: readonly string[], b: readonly string[]): boolean {
  const left = [...canonicalNameservers(a)].sort();
  const right = [...canonicalNameservers(b)].sort();
  return left.length === right.length && left.every((h, i) => h === right[i]);
}

/** Identity fields (domain, profile) replace; anything unknown or a different set of hosts updates. */
export function identityReplaces(olds: { domain: string; profile?: string | undefined }, news: { domain: string; profile?: string | undefined }): string[] {
  return [
    ...(isUnknown(news.domain) || olds.domain !== news.domain ? ["domain"] : []),
    ...(isUnknown(news.profile) || (olds.profile ?? undefined) !== (news.profile ?? undefined) ? ["profile"] : []),
  ];
}

export function diffNameservers(olds: NameserversState, news: NameserversInputs): ResourceDiff {
  const replaces = identityReplaces(olds, news);
  const changes = replaces.length > 0 || isUnknown(news.nameservers) || !sameNameservers(olds.nameservers, news.nameservers);
  return { changes, replaces, deleteBeforeReplace: false };
}

/** The saveNameservers parameters: ns1..ns5 in the declared order. */
export function nameserverParams(domain: string, hosts: readonly string[]): { domain: string; ns1: string; ns2: string; ns3?: string; ns4?: string; ns5?: string } {
  const [ns1 = "", ns2 = "", ns3, ns4, ns5] = hosts;
  return { domain, ns1, ns2, ...(ns3 ? { ns3 } : {}), ...(ns4 ? { ns4 } : {}), ...(ns5 ? { ns5 } : {}) };
}
