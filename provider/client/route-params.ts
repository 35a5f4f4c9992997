// Request schemas: what each route accepts, validated before anything is sent. Field names are the
// wire names of the API reference (§4), so a validation error names the field the docs name.
// Object key order here is the order on the wire (zod outputs keys in shape order).
import { z } from "zod";
import { normalizeDomain } from "./endpoint";

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export const domainName = z
  .string({ error: "must be a domain name such as example.com" })
  .transform(normalizeDomain)
  .refine((d) => d.length <= 253 && d.includes(".") && d.split(".").every((label) => LABEL.test(label)), {
    message: "must be a domain name such as example.com (IDN names are converted to punycode)",
  });

const text = z.string().trim().min(1, { error: "must not be empty" });
const hostName = text.max(253);

// WHMCS and the API use 0/1 for on/off; accept booleans too and send 0/1.
const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => (v === true || v === 1 ? 1 : 0));

export const addons = z.strictObject({ dnsmanagement: flag.optional(), emailforwarding: flag.optional(), idprotection: flag.optional() });

/** Order calls take ns1..ns5 keyed (client v5); a list is accepted and keyed for you. */
export const orderNameservers = z
  .union([
    z.array(hostName).min(2, { error: "give at least two nameservers" }).max(5, { error: "give at most five nameservers" }),
    z.strictObject({ ns1: hostName, ns2: hostName, ns3: hostName.optional(), ns4: hostName.optional(), ns5: hostName.optional() }),
  ])
  .transform((ns): Record<string, string> => {
    if (!Array.isArray(ns)) return Object.fromEntries(Object.entries(ns).filter(([, v]) => v !== undefined)) as Record<string, string>;
    return Object.fromEntries(ns.map((host, i) => [`ns${i + 1}`, host]));
  });

export const contact = z.strictObject({
  firstname: text,
  lastname: text,
  fullname: z.string().optional(),
  companyname: z.string().optional(),
  email: z.email({ error: "must be an e-mail address" }),
  address1: text,
  address2: z.string().optional(),
  city: text,
  state: z.string(),
  postcode: z.string(),
  country: z.string().regex(/^[A-Z]{2}$/, { error: "must be a two-letter ISO country code such as GB" }),
  phonenumber: z.string().regex(/^\+\d{1,3}\.\d{4,14}$/, { error: "must look like +CC.NUMBER, e.g. +44.2071234567" }),
  tax_id: z.string().optional(),
});

export const contacts = z.strictObject({ registrant: contact, admin: contact.optional(), tech: contact.optional(), billing: contact.optional() });

/** Additional registry fields (WHMCS labels → values); sent as base64(serialize(map)). */
export const domainFields = z.record(z.string(), z.string());

export const regperiod = z.number().int().min(1, { error: "must be a whole number of years from 1 to 10" }).max(10, { error: "must be a whole number of years from 1 to 10" });

export const dnsRecord = z.strictObject({
  hostname: z.string(),
  type: z.string().regex(/^[A-Za-z]{1,10}$/, { error: "must be a record type such as A, MX or TXT" }),
  address: z.string(),
  priority: z.union([z.string(), z.number().int().min(0)]).default("N/A"),
  recid: z.union([z.string(), z.number()]).transform(String).optional(),
});

/** Optional host names for saveNameservers: top-level ns1..ns5 (§4.5), not nested. */
export const optionalHost = hostName.optional();

export const ipAddress = z.union([z.ipv4(), z.ipv6()], { error: "must be an IPv4 or IPv6 address" });

export const searchParams = {
  searchTerm: text,
  punyCodeSearchTerm: z.string().optional(),
  tldsToInclude: z.array(z.string().regex(/^\.[a-z0-9.-]+$/i, { error: "each TLD needs a leading dot, e.g. .com" })).optional(),
  isIdnDomain: z.boolean().optional(),
  premiumEnabled: z.boolean().optional(),
};

export const pricingType = z.enum(["register", "renew", "transfer"], { error: "must be register, renew or transfer" });
export const lockStatus = z.enum(["locked", "unlocked"], { error: 'must be "locked" or "unlocked"' });
