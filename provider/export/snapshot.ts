// What `domainsreseller export` reads of one domain, as plain data: the answer of each read route,
// or the server's refusal of it (a domain without the DNS add-on, a TLD without ID protection).
// Everything after the reads is a pure function of this value, so it is tested without a server.
import type { ContactSections } from "../model/domain/contacts";
import type { WireRowLike } from "../model/dns/wire";

/** One read route's answer, or why the server refused it (the route named as `METHOD /path`). */
export type Reading<T> = { ok: true; value: T } | { ok: false; route: string; message: string };

export interface DomainSnapshot {
  /** Canonical name (lower case, punycode). */
  domain: string;
  /** From the information route: the only place the API reports ID protection and the add-ons. */
  information: {
    status: string | null;
    idProtection: boolean | undefined;
    dnsManagement: boolean | undefined;
    emailForwarding: boolean | undefined;
  };
  contacts: Reading<ContactSections>;
  lock: Reading<"locked" | "unlocked">;
  nameservers: Reading<string[]>;
  dns: Reading<WireRowLike[]>;
  email: Reading<{ prefix: string; forwardto: string }[]>;
}

export const refused = <T>(route: string, message: string): Reading<T> => ({ ok: false, route, message });
export const read = <T>(value: T): Reading<T> => ({ ok: true, value });
