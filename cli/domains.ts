// The domain names a command is given on its command line, as every command reads them.
import { canonicalDomainName } from "../provider/model/domainName";

/** The domains as typed, canonical and without repeats, or the usage message for the first bad one. */
export function domainsOf(positionals: readonly string[]): { ok: true; domains: string[] } | { ok: false; message: string } {
  const domains: string[] = [];
  for (const typed of positionals) {
    const domain = canonicalDomainName(typed);
    if (domain === undefined) return { ok: false, message: `"${typed}" is not a domain name such as example.com` };
    if (!domains.includes(domain)) domains.push(domain);
  }
  return { ok: true, domains };
}
