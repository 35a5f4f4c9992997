// Contacts shared across an exported program: a portfolio usually has one or two contacts for all
// its domains and roles, so each distinct contact is declared once as a constant named after the
// person (`contactAdaLovelace`), and the domains refer to it. Only letters and digits of the name
// go into the identifier, so no value read from the account can become code.
import type { Contact } from "../model/domain/contact";

export interface SharedContact {
  identifier: string;
  contact: Contact;
}

const pascal = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents off: "Siobhán" → "Siobhan"
    .replace(/'/g, "") // "O'Brien" → "OBrien"
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .split(" ")
    .filter((w) => w !== "")
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join("");

const keyOf = (c: Contact) => JSON.stringify(Object.entries(c).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));

/** One constant per distinct contact, in order of first use, and a lookup from contact to its identifier. */
export function shareContacts(contacts: readonly Contact[]): { shared: SharedContact[]; identifierOf(contact: Contact): string } {
  const byKey = new Map<string, SharedContact>();
  const taken = new Set<string>();
  for (const contact of contacts) {
    const key = keyOf(contact);
    if (byKey.has(key)) continue;
    const base = `contact${pascal(`${contact.firstName} ${contact.lastName}`).slice(0, 40)}`;
    let identifier = base;
    for (let n = 2; taken.has(identifier); n += 1) identifier = `${base}${n}`;
    taken.add(identifier);
    byKey.set(key, { identifier, contact });
  }
  return {
    shared: [...byKey.values()],
    identifierOf: (contact) => byKey.get(keyOf(contact))!.identifier,
  };
}
