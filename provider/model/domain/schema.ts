// Domain inputs: the zod schema whose output is the canonical declaration of a registration.
// Field rules live on the fields; the rules between fields (what each source needs and refuses,
// onDelete and releaseTag) live in one refinement on the object. That refinement also runs when a
// field failed, so a user sees every mistake at once rather than one per `pulumi preview`; it only
// reads whether fields are present, which a failed field still answers.
import { z } from "zod";
import { domainNameSchema } from "../domainName";
import { nameserverListSchema } from "../nameservers";
import { profileSchema } from "../profile";
import { contactsSchema } from "./contact";
import { hasWholeCents } from "./money";

export const DOMAIN_SOURCES = ["register", "transfer", "adopt"] as const;
export type DomainSource = (typeof DOMAIN_SOURCES)[number];

const wholeNumber = (min: number, max: number, what: string) =>
  z.number({ message: `must be a whole number from ${min} to ${max}: ${what}` }).superRefine((value, ctx) => {
    if (!Number.isInteger(value) || value < min || value > max) ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max} (${what}); got ${value}` });
  });

const flag = (what: string) => z.boolean({ message: `must be true or false: ${what}` }).optional();

const addonsSchema = z
  .object(
    {
      dnsManagement: flag("order the DNS-management add-on"),
      emailForwarding: flag("order the e-mail forwarding add-on"),
      idProtection: flag("order ID protection (WHOIS privacy)"),
    },
    { message: "must be the add-ons to order: { dnsManagement?, emailForwarding?, idProtection? }" },
  )
  .strict();

const renewalSchema = z
  .object(
    {
      // Under a year: one renewal always takes the expiry out of the window, so nothing renews twice.
      minDaysRemaining: wholeNumber(1, 364, "renew when at most this many days remain before expiry; under a year, so one renewal always leaves the window"),
      years: wholeNumber(1, 10, "how many years each renewal adds"),
    },
    { message: "must be { minDaysRemaining, years }, such as { minDaysRemaining: 30, years: 1 }" },
  )
  .strict();

const maxPriceSchema = z.number({ message: "must be an amount in the account's currency, such as 20 or 19.99" }).superRefine((value, ctx) => {
  if (value < 0 || !hasWholeCents(value)) {
    ctx.addIssue({ code: "custom", message: `must be an amount of 0 or more in the account's currency, with at most two decimals, such as 20 or 19.99; got ${value}` });
  }
});

const plainInputs = z
  .object({
    name: domainNameSchema,
    source: z.enum(DOMAIN_SOURCES, {
      message: 'must be "register" (order a new registration), "transfer" (order a transfer in, with eppCode) or "adopt" (take over a domain already in the account; never orders)',
    }),
    years: wholeNumber(1, 10, "how many years to register or transfer; it decides the price").optional(),
    // Secret: no message here or below ever repeats its value.
    eppCode: z
      .string({ message: "must be the transfer authorisation (EPP) code, as a string" })
      .transform((v) => v.trim())
      .refine((v) => v !== "", { message: "must not be empty: the transfer authorisation (EPP) code from the current registrar" })
      .optional(),
    nameservers: nameserverListSchema.optional(),
    contacts: contactsSchema.optional(),
    addons: addonsSchema.optional(),
    domainFields: z
      .record(z.string(), z.string({ message: "must be a string: the registry field's value" }), {
        message: 'must be the TLD\'s registry fields as name → value, such as { "Nexus Category": "C11" }',
      })
      .superRefine((fields, ctx) => {
        // Keys are the WHMCS field labels, sent as written; only a blank one is surely a mistake.
        if (Object.keys(fields).some((k) => k.trim() === "")) ctx.addIssue({ code: "custom", message: 'has a field with a blank name: each registry field is named, such as "Nexus Category"' });
      })
      .optional(),
    renewal: renewalSchema.optional(),
    maxPrice: maxPriceSchema.optional(),
    onDelete: z.enum(["retain", "release"], { message: 'must be "retain" (deleting the resource keeps the registration) or "release" (deleting it releases the domain to releaseTag)' }).default("retain"),
    releaseTag: z
      .string({ message: "must be the tag of the registrar to release to, such as a Nominet IPS tag" })
      .transform((v) => v.trim())
      .refine((v) => /^\S{1,64}$/.test(v), { message: "must be the tag of the registrar to release to (1-64 characters, no spaces), such as a Nominet IPS tag" })
      .optional(),
    profile: profileSchema,
  })
  .strict();

type Draft = Partial<Record<keyof z.output<typeof plainInputs>, unknown>>;

const YEARS_REQUIRED: Record<"register" | "transfer", string> = {
  register: 'is required for source "register": how many years to register (1-10); it is never defaulted because it decides the price',
  transfer: 'is required for source "transfer": how many years the transfer adds (1-10, as the TLD allows; usually 1); it is never defaulted because it decides the price',
};

/** Order-time fields an adopt refuses, each with what to do instead. */
const NOT_FOR_ADOPT: Record<"years" | "nameservers" | "addons" | "domainFields", string> = {
  years: 'remove it (to renew an adopted domain, declare renewal: { minDaysRemaining, years })',
  nameservers: "remove it (manage an adopted domain's delegation with a Nameservers resource)",
  addons: "remove it (an adopted domain keeps the add-ons it has; see the IdProtection resource for ID protection)",
  domainFields: "remove it (registry fields are sent only with an order)",
};

// The API orders a transfer "same as register plus eppcode" (reference §4.1-4.2): nameservers
// (ns1, ns2) and a registrant are required parameters of both, so a transfer without them would be
// refused by the server, or worse, accepted on a server default after the check said it was fine.
const NAMESERVERS_REQUIRED: Record<"register" | "transfer", string> = {
  register: 'is required for source "register": the 2 to 5 nameservers the new registration delegates to, such as ["ns1.host.net", "ns2.host.net"]',
  transfer:
    'is required for source "transfer": the API orders a transfer like a registration, with the 2 to 5 nameservers the domain delegates to once it arrives, such as ["ns1.host.net", "ns2.host.net"] (give the current ones to keep it resolving as it is)',
};

const CONTACT_SHAPE = "{ firstName, lastName, email, phone, address1, city, state, postcode, country }";
const REGISTRANT_REQUIRED: Record<"register" | "transfer", string> = {
  register: `is required for source "register": the owner of the new registration (${CONTACT_SHAPE})`,
  transfer: `is required for source "transfer": the API orders a transfer like a registration, with its owner; add contacts.registrant (${CONTACT_SHAPE}) with the domain owner's details`,
};

function crossField(inputs: Draft, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const source = inputs.source;
  if (source === "register" || source === "transfer") {
    if (inputs.years === undefined) issue(["years"], YEARS_REQUIRED[source]);
    if (inputs.nameservers === undefined) issue(["nameservers"], NAMESERVERS_REQUIRED[source]);
    const contacts = inputs.contacts as { registrant?: unknown } | undefined;
    if (contacts === undefined || (typeof contacts === "object" && contacts !== null && contacts.registrant === undefined)) {
      issue(["contacts", "registrant"], REGISTRANT_REQUIRED[source]);
    }
  }
  if (source === "transfer" && inputs.eppCode === undefined) issue(["eppCode"], 'is required for source "transfer": the transfer authorisation (EPP) code from the current registrar');
  if ((source === "register" || source === "adopt") && inputs.eppCode !== undefined) issue(["eppCode"], `is for source "transfer" only: remove it (source "${source}" needs no authorisation code)`);
  if (source === "adopt") {
    for (const [field, fix] of Object.entries(NOT_FOR_ADOPT)) {
      if (inputs[field as keyof typeof NOT_FOR_ADOPT] !== undefined) issue([field], `is for ordering only, and source "adopt" never orders: ${fix}`);
    }
  }
  const release = inputs.onDelete === "release";
  if (release && inputs.releaseTag === undefined) {
    issue(["releaseTag"], 'is required when onDelete is "release": the tag of the registrar to release the domain to (for .uk, the new registrar\'s Nominet IPS tag); or set onDelete: "retain"');
  }
  if (inputs.onDelete === "retain" && inputs.releaseTag !== undefined) {
    issue(["releaseTag"], 'is only used when onDelete is "release": remove it, or set onDelete: "release" to release the domain to that tag when the resource is deleted');
  }
}

export const domainInputsSchema = plainInputs.superRefine((inputs, ctx) => crossField(inputs, ctx), {
  // Also after a field failed (see the header); the value is then partly raw, and only presence is read.
  when: (payload) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
});

export type DomainInputs = z.output<typeof domainInputsSchema>;
