// One registry contact in canonical form: trimmed text, the e-mail's domain in lower-case punycode,
// the phone as "+CC.NUMBER", the country as its upper-case ISO code. Declared contacts go through the
// schema (strict: a mistake is refused with the fix); contacts read from the registrar go through
// `canonicalLiveValue` (lenient: what cannot be read is kept as given, so it shows as drift).
import { z } from "zod";
import { canonicalTo } from "../emailForwarding";
import { canonicalCountry } from "./countries";
import { canonicalPhone } from "./phone";

export const CONTACT_ROLES = ["registrant", "admin", "tech", "billing"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_FIELDS = ["firstName", "lastName", "companyName", "email", "phone", "address1", "address2", "city", "state", "postcode", "country"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

const required = (what: string) =>
  z
    .string({ message: `must be a string: ${what}` })
    .transform((v) => v.trim())
    .refine((v) => v !== "", { message: `must not be empty: ${what}` });
// State and postcode are required keys but may be empty: some countries have neither.
const maybeEmpty = (what: string) => z.string({ message: `must be a string (write "" where the country has none): ${what}` }).transform((v) => v.trim());
const optional = (what: string) => z.string({ message: `must be a string: ${what}` }).transform((v) => v.trim()).optional();

const email = z.string({ message: "must be the contact's e-mail address, such as owner@example.org" }).transform((value, ctx) => {
  const canonical = canonicalTo(value);
  if (canonical === undefined) {
    ctx.addIssue({ code: "custom", message: `must be an e-mail address such as owner@example.org (registries send verification mail here); got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return canonical;
});

const phone = z.string({ message: 'must be a phone number with its country code, such as "+44.2071234567"' }).transform((value, ctx) => {
  const outcome = canonicalPhone(value);
  if (outcome.ok) return outcome.phone;
  ctx.addIssue({ code: "custom", message: outcome.message });
  return z.NEVER;
});

const country = z.string({ message: 'must be an ISO 3166-1 alpha-2 country code such as "GB"' }).transform((value, ctx) => {
  const outcome = canonicalCountry(value);
  if (outcome.ok) return outcome.code;
  ctx.addIssue({ code: "custom", message: outcome.message });
  return z.NEVER;
});

// An optional field left out is not managed (the registrar's value stays); written as "" it is
// managed as empty. Without that difference a company name could never be cleared.
export const contactSchema = z
  .object(
    {
      firstName: required("the contact's given name"),
      lastName: required("the contact's family name"),
      companyName: optional("the organisation, when the contact is one"),
      email,
      phone,
      address1: required("the first address line"),
      address2: optional("the second address line"),
      city: required("the city or town"),
      state: maybeEmpty("the state, county or region"),
      postcode: maybeEmpty("the postcode or ZIP code"),
      country,
    },
    { message: "must be a contact: { firstName, lastName, email, phone, address1, city, state, postcode, country, companyName?, address2? }" },
  )
  .strict();

export const contactsSchema = z
  .object(
    { registrant: contactSchema.optional(), admin: contactSchema.optional(), tech: contactSchema.optional(), billing: contactSchema.optional() },
    { message: "must be the contacts by role: { registrant, admin?, tech?, billing? }" },
  )
  .strict();

export type Contact = z.output<typeof contactSchema>;
export type Contacts = Partial<Record<ContactRole, Contact>>;

/** A value read from the registrar, in the canonical form where it can be read, else trimmed as given. */
export function canonicalLiveValue(field: ContactField, value: string): string {
  const text = value.trim();
  if (field === "email") return canonicalTo(text) ?? text;
  if (field === "phone") {
    const outcome = canonicalPhone(text);
    return outcome.ok ? outcome.phone : text;
  }
  if (field === "country") return text.toUpperCase();
  return text;
}
