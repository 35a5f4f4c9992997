/**
 * Reading the order parameters real clients send in their several dialects (reference §4.1, §5):
 * nameservers as `nameservers[ns1..ns5]`, `nameservers[0..4]` or GO54's `nameserver1..5`;
 * contacts under any role case (`registrant`, `Registrant`); `postcode` or `zipcode`;
 * `phonenumber` or `phone`.
 */
import type { PhpValue } from "../php/parse-str";
import { isHostName } from "../catalogue";
import { CONTACT_LABELS, CONTACT_SECTIONS, type Contacts } from "../domain-state";
import { invalid } from "../errors";
import { scalars, type Params } from "./params";

/** 2–5 distinct host names, in order, or a 400 naming the parameter. */
export function orderNameservers(params: Params, field = "nameservers"): string[] {
  const list: string[] = [];
  const nested = params.entries(field);
  if (nested.length > 0) {
    for (const [key, value] of nested) {
      if (typeof value !== "string") throw invalid(`${field}[${key}] must be a host name`);
      if (value.trim() !== "") list.push(value.trim().toLowerCase());
    }
  } else {
    for (let i = 1; i <= 6; i++) {
      const v = params.str(`nameserver${i}`) ?? params.str(`ns${i}`);
      if (v !== undefined && v.trim() !== "") list.push(v.trim().toLowerCase());
    }
  }
  return checkNameservers(list, field);
}

export function checkNameservers(list: string[], field: string): string[] {
  if (list.length < 2) throw invalid(`${field}: at least 2 nameservers are required (ns1 and ns2)`);
  if (list.length > 5) throw invalid(`${field}: at most 5 nameservers are allowed, got ${list.length}`);
  const normalised = list.map((ns) => ns.replace(/\.$/, ""));
  normalised.forEach((ns, i) => {
    if (!isHostName(ns)) throw invalid(`${field}: ns${i + 1} "${list[i]}" is not a valid host name`);
  });
  if (new Set(normalised).size !== normalised.length) throw invalid(`${field}: nameservers must be distinct`);
  return normalised;
}

// order field → accepted spellings (first found wins), and the WHMCS label it becomes.
const FIELDS: [string, string[], (typeof CONTACT_LABELS)[number], boolean][] = [
  ["firstname", ["firstname"], "First Name", true],
  ["lastname", ["lastname"], "Last Name", true],
  ["companyname", ["companyname"], "Company Name", false],
  ["email", ["email"], "Email Address", true],
  ["address1", ["address1"], "Address 1", true],
  ["address2", ["address2"], "Address 2", false],
  ["city", ["city"], "City", true],
  ["state", ["state"], "State", false],
  ["postcode", ["postcode", "zipcode"], "Postcode", true],
  ["country", ["country"], "Country", true],
  ["phonenumber", ["phonenumber", "phone"], "Phone Number", true],
];

// order role → WHMCS section
const ROLES: Record<string, (typeof CONTACT_SECTIONS)[number]> = { registrant: "Registrant", tech: "Technical", technical: "Technical", billing: "Billing", admin: "Admin" };

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function contactFromOrder(raw: PhpValue, role: string): Record<string, string> {
  const fields = Object.fromEntries(Object.entries(scalars(raw)).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  const out: Record<string, string> = {};
  for (const [name, spellings, label, required] of FIELDS) {
    const value = spellings.map((s) => fields[s]).find((v) => v !== undefined) ?? "";
    if (required && value === "") throw invalid(`contacts[${role}][${name}] is required`);
    out[label] = value;
  }
  if (!EMAIL.test(out["Email Address"]!)) throw invalid(`contacts[${role}][email] is not a valid e-mail address`);
  if (!/^[A-Za-z]{2}$/.test(out.Country!)) throw invalid(`contacts[${role}][country] must be a two-letter ISO country code`);
  out.Country = out.Country!.toUpperCase();
  if (!/^\+?[0-9][0-9 .()-]{4,}$/.test(out["Phone Number"]!)) throw invalid(`contacts[${role}][phonenumber] is not a valid phone number`);
  return out;
}

/** Contacts for the new domain: registrant required; missing roles copy the registrant. */
export function orderContacts(params: Params): Contacts {
  const given = new Map<string, [string, PhpValue]>();
  for (const [key, value] of params.entries("contacts")) {
    const section = ROLES[key.toLowerCase()];
    if (!section) throw invalid(`contacts[${key}] is not a contact role (registrant, admin, tech, billing)`);
    given.set(section, [key, value]);
  }
  const registrant = given.get("Registrant");
  if (!registrant) throw invalid("contacts[registrant] is required");
  const contacts: Contacts = {};
  const base = contactFromOrder(registrant[1], registrant[0]);
  for (const section of CONTACT_SECTIONS) {
    const g = given.get(section);
    contacts[section] = g ? contactFromOrder(g[1], g[0]) : { ...base };
  }
  return contacts;
}

/** `addons[idprotection]` etc.: "1"/"true"/"on" are on, anything else off. */
export function addonFlag(params: Params, name: string): boolean {
  const v = scalars(params.raw.addons)[name];
  return v !== undefined && ["1", "true", "on", "yes"].includes(v.toLowerCase());
}
