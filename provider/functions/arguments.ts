// Arguments of the read functions, checked and put in canonical form before any request: a typo
// should cost no API call, and the error should name the function, the argument and the fix.
import { DomainsResellerError } from "../client";
import { canonicalDomainName } from "../model/domainName";

const DOMAIN_FIX = 'pass the bare registered name, e.g. "example.com": no scheme, path, port, "@" or spaces; IDNs may be in Unicode or punycode';

function refuse(fn: string, argument: string, what: string, got: unknown, fix: string): never {
  const shown = typeof got === "string" ? JSON.stringify(got) : got === undefined ? "undefined" : typeof got;
  throw new DomainsResellerError("validation", `${fn}: argument "${argument}" must be ${what}; got ${shown}. What to do: ${fix}.`);
}

/** A domain name in canonical form (lower case, punycode, no trailing dot). */
export function domainArgument(fn: string, argument: string, value: unknown): string {
  const canonical = typeof value === "string" ? canonicalDomainName(value) : undefined;
  if (canonical === undefined) refuse(fn, argument, 'a domain name such as "example.com" (letters, digits and hyphens, at least two labels)', value, DOMAIN_FIX);
  return canonical;
}

/** A list of domain names, canonical, duplicates (after canonicalisation) dropped, first-seen order kept. */
export function domainListArgument(fn: string, argument: string, value: unknown): string[] {
  if (!Array.isArray(value)) refuse(fn, argument, "a list of domain names", value, 'pass an array, e.g. ["example.com", "example.net"]');
  const names = value.map((item, index) => domainArgument(fn, `${argument}[${index}]`, item));
  return [...new Set(names)];
}

/**
 * What getPricing was asked about: a TLD (".com", "com", "co.uk") or a full name ("shop.com").
 * A leading dot always means a TLD. Without one the text may be either, and only the reseller's
 * price list can tell (".co.uk" is a TLD, "shop.co.uk" a name), so the decision is left to the caller.
 */
export interface PricingSubject {
  /** Canonical, without a leading dot: "com", "co.uk", "shop.com". */
  text: string;
  /** True when the caller wrote a leading dot: a TLD, never a name. */
  tldOnly: boolean;
}

export function pricingArgument(fn: string, argument: string, value: unknown): PricingSubject {
  const raw = typeof value === "string" ? value.trim() : undefined;
  const tldOnly = raw?.startsWith(".") === true;
  // A TLD is checked as the labels it would have under a name, which also converts IDN TLDs.
  const body = raw === undefined ? undefined : tldOnly ? raw.slice(1) : raw;
  const canonical = body === undefined || body === "" ? undefined : canonicalDomainName(`x.${body}`)?.slice(2);
  if (canonical === undefined) {
    refuse(fn, argument, 'a TLD such as ".com" or ".co.uk", or a full domain name such as "example.com"', value, "pass letters, digits, hyphens and dots only");
  }
  return { text: canonical, tldOnly };
}
