// Contacts to and from the API. Two shapes: order calls take `contacts[registrant][firstname]`
// (addon field names, §5.3); the contact routes speak in sections and labels named by the upstream
// registrar module (`Registrant` / "First Name", §4.15). Saving sends back every section and label
// the server returned, exactly as it named them, with only the declared fields changed: the server
// passes them to the registrar unchanged, and a label we do not know is still the registrar's.
import { canonicalLiveValue, CONTACT_FIELDS, CONTACT_ROLES, type Contact, type ContactField, type ContactRole, type Contacts } from "./contact";

export type ContactSections = Record<string, Record<string, string>>;

/** The WHMCS sample module's names, used when the server has no such section or label yet. */
const SECTIONS: Record<ContactRole, { name: string; aliases: string[] }> = {
  registrant: { name: "Registrant", aliases: ["registrant", "owner"] },
  admin: { name: "Admin", aliases: ["admin", "administrative", "administrator"] },
  tech: { name: "Technical", aliases: ["technical", "tech"] },
  billing: { name: "Billing", aliases: ["billing"] },
};

const LABELS: Record<ContactField, { name: string; aliases: string[] }> = {
  firstName: { name: "First Name", aliases: ["firstname"] },
  lastName: { name: "Last Name", aliases: ["lastname"] },
  companyName: { name: "Company Name", aliases: ["companyname", "company", "organisation", "organization", "organisationname", "organizationname"] },
  email: { name: "Email Address", aliases: ["emailaddress", "email"] },
  address1: { name: "Address 1", aliases: ["address1", "address", "street", "street1"] },
  address2: { name: "Address 2", aliases: ["address2", "street2"] },
  city: { name: "City", aliases: ["city"] },
  state: { name: "State", aliases: ["state", "region", "county", "province", "stateprovince"] },
  postcode: { name: "Postcode", aliases: ["postcode", "zipcode", "postalcode", "zip"] },
  country: { name: "Country", aliases: ["country", "countrycode"] },
  phone: { name: "Phone Number", aliases: ["phonenumber", "phone", "telephone"] },
};

// Servers differ in case, spaces and underscores ("Email_Address"); names compare without them.
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
const findKey = (keys: readonly string[], aliases: readonly string[]) => keys.find((k) => aliases.includes(squash(k)));

/** The canonical contacts in `sections`. With `declared`, only the declared roles and optional fields, so state holds what is managed. */
export function contactsFromLive(sections: ContactSections, declared?: Contacts): Contacts {
  const out: Contacts = {};
  for (const role of CONTACT_ROLES) {
    if (declared !== undefined && declared[role] === undefined) continue;
    const sectionName = findKey(Object.keys(sections), SECTIONS[role].aliases);
    const section = sectionName === undefined ? undefined : sections[sectionName];
    if (section === undefined) continue;
    const contact: Record<string, string> = {};
    for (const field of CONTACT_FIELDS) {
      const label = findKey(Object.keys(section), LABELS[field].aliases);
      const value = canonicalLiveValue(field, label === undefined ? "" : (section[label] ?? ""));
      const optional = field === "companyName" || field === "address2";
      const wanted = declared === undefined ? value !== "" : declared[role]?.[field] !== undefined;
      if (!optional || wanted) contact[field] = value;
    }
    out[role] = contact as Contact;
  }
  return out;
}

/** The paths (`contacts.registrant.email`) where the live contacts differ from the declared ones; a role the registrar lacks is one path. */
export function diffContacts(declared: Contacts, live: Contacts): string[] {
  const paths: string[] = [];
  for (const role of CONTACT_ROLES) {
    const want = declared[role];
    if (want === undefined) continue;
    const have = live[role];
    if (have === undefined) {
      paths.push(`contacts.${role}`);
      continue;
    }
    for (const field of CONTACT_FIELDS) {
      const value = want[field];
      if (value !== undefined && value !== (have[field] ?? "")) paths.push(`contacts.${role}.${field}`);
    }
  }
  return paths;
}

/** `contactdetails` for saveContacts: every live section and label as the server named it, the declared fields set. */
export function contactsToSaveParams(contacts: Contacts, liveSections: ContactSections): ContactSections {
  const out: ContactSections = Object.fromEntries(Object.entries(liveSections).map(([name, fields]) => [name, { ...fields }]));
  for (const role of CONTACT_ROLES) {
    const contact = contacts[role];
    if (contact === undefined) continue;
    const sectionName = findKey(Object.keys(out), SECTIONS[role].aliases) ?? SECTIONS[role].name;
    const section = (out[sectionName] ??= {});
    for (const field of CONTACT_FIELDS) {
      const value = contact[field];
      if (value === undefined) continue;
      section[findKey(Object.keys(section), LABELS[field].aliases) ?? LABELS[field].name] = value;
    }
  }
  return out;
}

/** One contact as order calls take it (§5.3). Company and second line always sent, empty when absent, as the official client does. */
export function orderContact(c: Contact): Record<string, string> {
  return {
    firstname: c.firstName,
    lastname: c.lastName,
    companyname: c.companyName ?? "",
    email: c.email,
    address1: c.address1,
    address2: c.address2 ?? "",
    city: c.city,
    state: c.state,
    postcode: c.postcode,
    country: c.country,
    phonenumber: c.phone,
  };
}

/** The `contacts` of an order: the declared roles, lower-case as the addon model names them. */
export function orderContacts(contacts: Contacts): Partial<Record<ContactRole, Record<string, string>>> {
  return Object.fromEntries(CONTACT_ROLES.flatMap((role) => (contacts[role] ? [[role, orderContact(contacts[role])]] : [])));
}
