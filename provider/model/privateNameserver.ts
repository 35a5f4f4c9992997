// PrivateNameserver (glue): a child host of the domain registered at the registry with its address.
// The API can register, modify and delete one but cannot list them, so nothing here reads live
// state: the model only validates, canonicalises and decides between modify and replace.
import { z } from "zod";
import type { ResourceDiff } from "./diff";
import { domainNameSchema } from "./domainName";
import { canonicalHostname, canonicalIp, glueAddressProblem } from "./hostname";
import { identityReplaces } from "./nameservers";
import { profileSchema } from "./profile";
import { isUnknown } from "./unknown";

const hostSchema = z.string({ message: "must be a host name such as ns1.example.com" }).transform((value, ctx) => {
  const host = canonicalHostname(value);
  if (host === undefined) {
    ctx.addIssue({ code: "custom", message: `must be a host name such as ns1.example.com (dot-separated letters, digits and hyphens; no "_"); got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return host;
});

const ipSchema = z.string({ message: "must be an IPv4 or IPv6 address" }).transform((value, ctx) => {
  const ip = canonicalIp(value);
  if (ip === undefined) {
    ctx.addIssue({ code: "custom", message: `must be an IPv4 address such as 192.0.2.53 or an IPv6 address such as 2001:db8::53; got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  const problem = glueAddressProblem(ip);
  if (problem !== undefined) {
    ctx.addIssue({ code: "custom", message: `${problem}; got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return ip;
});

// The host must be inside the domain: a rule over two fields, so a refinement on the object (the
// checker leaves it out while either value is unknown during preview).
export const privateNameserverInputsSchema = z
  .object({ domain: domainNameSchema, host: hostSchema, ip: ipSchema, profile: profileSchema })
  .strict()
  .superRefine((inputs, ctx) => {
    const problem = glueProblem(inputs.domain, inputs.host);
    if (problem !== undefined) ctx.addIssue({ code: "custom", path: ["host"], message: problem });
  });

export type PrivateNameserverInputs = z.output<typeof privateNameserverInputsSchema>;

/**
 * The inputs as last applied. There is no takeover value to restore: the API has no route that
 * lists or reads private nameservers (only register, modify and delete), so what the registry
 * holds can never be read back. The recorded `ip` is what a modify sends as `currentipaddress`.
 */
export type PrivateNameserverState = PrivateNameserverInputs;

/** Why `host` cannot be glue of `domain`, or undefined. */
export function glueProblem(domain: string, host: string): string | undefined {
  if (host.endsWith(`.${domain}`)) return undefined;
  return `must be a name inside ${domain}, such as ns1.${domain}: a private nameserver is a child of the domain it is registered under (got ${host}). For a host of another domain, declare it there.`;
}

/** A new host is another glue record (delete + register); a new address modifies in place. */
export function diffPrivateNameserver(olds: PrivateNameserverState, news: PrivateNameserverInputs): ResourceDiff {
  const replaces = [...identityReplaces(olds, news), ...(isUnknown(news.host) || olds.host !== news.host ? ["host"] : [])];
  const changes = replaces.length > 0 || isUnknown(news.ip) || olds.ip !== news.ip;
  // Two records for one host cannot exist: the old one goes first.
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 };
}
