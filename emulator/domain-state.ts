/**
 * The state the emulator keeps per domain, and the WHMCS contact layout it serves. Kept as plain
 * JSON-able data so the store can write it whole and the admin API can return it as is.
 */

export interface DnsRecord {
  hostname: string;
  type: string;
  address: string;
  /** Always a string: "10" for MX/SRV, "N/A" for types without one (as WHMCS posts it). */
  priority: string;
  recid: string;
}

export interface Forward {
  prefix: string;
  forwardto: string;
}

export interface PrivateNameserver {
  nameserver: string;
  ipaddress: string;
}

/** Section → label → value, e.g. contacts.Registrant["First Name"]. */
export type Contacts = Record<string, Record<string, string>>;

export type DomainStatus = "Active" | "Pending Transfer" | "Expired" | "Cancelled" | "Transferred Away" | "Pending Delete";
export const DOMAIN_STATUSES: DomainStatus[] = ["Active", "Pending Transfer", "Expired", "Cancelled", "Transferred Away", "Pending Delete"];

export interface Addons {
  dnsmanagement: boolean;
  emailforwarding: boolean;
}

export interface DomainState {
  name: string;
  owner: string;
  status: DomainStatus;
  /** YYYY-MM-DD */
  expiryDate: string;
  createdAt: string;
  locked: boolean;
  idProtection: boolean;
  eppCode: string;
  nameservers: string[];
  dns: DnsRecord[];
  emailForwarding: Forward[];
  contacts: Contacts;
  privateNameservers: PrivateNameserver[];
  /** The add-ons ordered with the domain (reported by `information`). */
  addons: Addons;
  /**
   * Refuse the /dns and /email routes when the matching add-on is off. The reference does not say
   * real servers do this (§4.7–4.10), so it is off unless a seed or the admin API turns it on.
   * Absent (databases written before it existed) = off.
   */
  enforceAddons?: boolean;
  /** Stays restorable after redemption instead of being deleted (domain-phase.ts). Absent = false. */
  restorable?: boolean;
  domainfields: Record<string, string>;
  /** Transfers: unix seconds after which transfersync completes; failure reason when it will fail. */
  transferReadyAt: number | null;
  transferYears: number;
  transferFailReason: string | null;
  transferTag: string | null;
  nextRecid: number;
}

/** The four sections and labels of the WHMCS sample registrar module (reference §4.15). */
export const CONTACT_SECTIONS = ["Registrant", "Technical", "Billing", "Admin"] as const;
export const CONTACT_LABELS = [
  "First Name",
  "Last Name",
  "Company Name",
  "Email Address",
  "Address 1",
  "Address 2",
  "City",
  "State",
  "Postcode",
  "Country",
  "Phone Number",
] as const;

export function emptyContact(): Record<string, string> {
  return Object.fromEntries(CONTACT_LABELS.map((l) => [l, ""]));
}

export function defaultContacts(owner: string): Contacts {
  const c = { ...emptyContact(), "First Name": "Demo", "Last Name": "Reseller", "Email Address": owner, "Address 1": "1 Emulator Way", City: "Loopback", State: "LO", Postcode: "12345", Country: "US", "Phone Number": "+1.5550100" };
  return Object.fromEntries(CONTACT_SECTIONS.map((s) => [s, { ...c }]));
}

export function randomEppCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  let out = "";
  for (let i = 0; i < 12; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out + "!9";
}
