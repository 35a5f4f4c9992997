// The contacts an exported Domain declares. Adopting never saves contacts, but a declared contact
// is compared with the live one on every refresh (provider/model/domain/diff.ts), so a role is
// declared only when the resource's own schema accepts it as read AND the comparison the refresh
// makes finds no difference; any other role is left out (unmanaged) with the reason.
import { CONTACT_ROLES, contactSchema, type ContactRole, type Contacts } from "../model/domain/contact";
import { contactsFromLive, diffContacts, type ContactSections } from "../model/domain/contacts";

export interface ContactsPlan {
  contacts: Contacts;
  leftOut: { role: ContactRole; reason: string }[];
}

export function planContacts(sections: ContactSections): ContactsPlan {
  const live = contactsFromLive(sections);
  const contacts: Contacts = {};
  const leftOut: ContactsPlan["leftOut"] = [];
  for (const role of CONTACT_ROLES) {
    const found = live[role];
    if (found === undefined) continue;
    const parsed = contactSchema.safeParse(found);
    if (!parsed.success) {
      leftOut.push({ role, reason: `the registrar's ${role} contact would be refused as declared: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` });
      continue;
    }
    const declared = { [role]: parsed.data } as Contacts;
    const drift = diffContacts(declared, contactsFromLive(sections, declared));
    if (drift.length > 0) {
      leftOut.push({ role, reason: `declared as read, the ${role} contact would still differ from the registrar's at ${drift.join(", ")} on refresh` });
      continue;
    }
    contacts[role] = parsed.data;
  }
  return { contacts, leftOut };
}
