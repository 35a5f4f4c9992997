/**
 * GET/POST /domains/{domain}/contact: sections Registrant/Technical/Billing/Admin with WHMCS
 * labels. A save sends `contactdetails[<Section>][<Label>]`; sections match case-insensitively
 * (`Tech` → Technical), labels also in the `First_Name` spelling some servers used.
 */
import type { Context } from "../context";
import { CONTACT_LABELS, CONTACT_SECTIONS, emptyContact } from "../domain-state";
import { invalid } from "../errors";
import { EMAIL } from "./order-input";
import { scalars } from "./params";
import { OK, ownedDomain, writableDomain } from "./owned";

export function getContacts(ctx: Context): unknown {
  return ownedDomain(ctx).contacts;
}

const SECTION_ALIASES: Record<string, string> = { tech: "Technical", registrant: "Registrant", technical: "Technical", billing: "Billing", admin: "Admin" };
const LABELS = new Map(CONTACT_LABELS.map((l) => [l.toLowerCase(), l as string]));

export function saveContacts(ctx: Context): unknown {
  const d = writableDomain(ctx);
  const sections = ctx.params.entries("contactdetails");
  if (sections.length === 0) throw invalid("contactdetails is required (contactdetails[Registrant][First Name]=...)");
  for (const [key, raw] of sections) {
    const section = SECTION_ALIASES[key.toLowerCase()];
    if (!section) throw invalid(`contactdetails[${key}] is not one of ${CONTACT_SECTIONS.join(", ")}`);
    if (typeof raw === "string") throw invalid(`contactdetails[${key}] must be a set of fields`);
    const merged = { ...emptyContact(), ...d.contacts[section] };
    for (const [rawLabel, value] of Object.entries(scalars(raw))) {
      const label = LABELS.get(rawLabel.replace(/_/g, " ").toLowerCase());
      if (!label) throw invalid(`contactdetails[${key}][${rawLabel}] is not a known contact field`);
      merged[label] = value.trim();
    }
    for (const required of ["First Name", "Last Name", "Email Address"]) {
      if (merged[required] === "") throw invalid(`contactdetails[${key}][${required}] is required`);
    }
    if (!EMAIL.test(merged["Email Address"]!)) throw invalid(`contactdetails[${key}][Email Address] is not a valid e-mail address`);
    if (merged.Country !== "" && !/^[A-Za-z]{2}$/.test(merged.Country!)) throw invalid(`contactdetails[${key}][Country] must be a two-letter ISO country code`);
    merged.Country = merged.Country!.toUpperCase();
    d.contacts[section] = merged;
  }
  ctx.store.saveDomain(d);
  return OK;
}
