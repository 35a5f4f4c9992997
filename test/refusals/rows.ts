// The table of refused inputs: one row per mistake a user makes, in every place a mistake can be
// made (resource inputs, read functions, zone files, stack config, the command line). Each row
// names the property its message must name and a word of the fix the message must give.
// refusals.test.ts runs every row through the real code path against the emulator and checks the
// emulator saw no request: an input that reaches the API before it is refused is a bug.
import type { ZoneFileOptions } from "../../provider/zonefile";

/** What every row states: what the mistake is, the property the message names, a word of the fix. */
interface Expectation {
  what: string;
  property: string;
  fix: string;
}

export type ResourceKindName = "Domain" | "DnsRecordSet" | "Nameservers" | "RegistrarLock" | "EmailForwarding" | "IdProtection" | "PrivateNameserver";

/** Inputs of one resource, as a program would pass them; checked by the runtime's `check`. */
export interface ResourceRow extends Expectation {
  area: ResourceKindName;
  inputs: Record<string, unknown>;
}

export type FunctionName =
  | "fetchDomainInfo" | "fetchEppCode" | "fetchAvailability" | "fetchPricing" | "fetchCreditBalance" | "fetchTlds"
  | "getDomainInfo" | "getEppCode" | "checkAvailability" | "getPricing" | "getCreditBalance" | "getTlds";

/**
 * One call of a read function. The plain `fetch*` functions get the emulator's credentials, with
 * `credentials` laid over them; the Pulumi `get*` functions get `args` as written.
 */
export interface FunctionRow extends Expectation {
  area: "function";
  fn: FunctionName;
  args: unknown[];
  credentials?: Record<string, unknown>;
}

/** A zone file's text, loaded with loadZoneFile from a file of its own (`file` set: that path instead). */
export interface ZoneFileRow extends Expectation {
  area: "zonefile";
  yaml: string;
  options?: ZoneFileOptions;
  file?: string;
}

/**
 * Stack config laid over the emulator's working settings (a key set to "" is left unset), then a
 * valid resource checked in a new provider process. `{emulator}` in a value is the emulator's host:port.
 */
export interface ConfigRow extends Expectation {
  area: "config";
  config: Record<string, string>;
  resource: { kind: ResourceKindName | "StackGuard"; inputs: Record<string, unknown> };
}

export type CliCommand = "call" | "export" | "plan-md" | "import-zone" | "sync" | "emulator";

/**
 * One command line, run in-process with the emulator's credentials in the environment (unless
 * `credentials` is false), so a command that misses the refusal would reach the emulator.
 * `{existingExport}` in an argument is a folder that already holds an export.
 */
export interface CliRow extends Expectation {
  area: "cli";
  command: CliCommand;
  argv: string[];
  credentials?: false;
}

export type RefusalRow = ResourceRow | FunctionRow | ZoneFileRow | ConfigRow | CliRow;

// --- shared valid pieces: each row changes one thing of a valid input ---------------------------

const NS = ["ns1.host.test", "ns2.host.test"];
const ADA = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" };
/** A registration that passes the check (and would then be quoted, which is an API call). */
const REGISTER = { name: "refusal-table.com", source: "register", years: 1, nameservers: NS, contacts: { registrant: ADA }, maxPrice: 20 };
const register = (patch: Record<string, unknown>) => ({ ...REGISTER, ...patch });
const registrant = (patch: Record<string, unknown>) => register({ contacts: { registrant: { ...ADA, ...patch } } });
const without = <T extends Record<string, unknown>>(value: T, key: keyof T): Record<string, unknown> => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));

/** A seeded domain of the emulator's default account: a settings resource on it passes the ownership check. */
const D = "acme-widgets.com";
const dns = (...records: Record<string, unknown>[]) => ({ domain: D, records });
const GLUE = "acme-labs.dev";

const RESOURCES: ResourceRow[] = [
  // Domain: names, sources, years, prices, nameservers, contacts, flags
  { area: "Domain", what: "a URL as the name", inputs: register({ name: "https://refusal-table.com" }), property: "name", fix: "example.com" },
  { area: "Domain", what: "a name without a TLD", inputs: register({ name: "refusaltable" }), property: "name", fix: "at least two labels" },
  { area: "Domain", what: "a name with a space", inputs: register({ name: "refusal table.com" }), property: "name", fix: "letters, digits and hyphens" },
  { area: "Domain", what: "an unknown source", inputs: register({ source: "buy" }), property: "source", fix: '"register"' },
  { area: "Domain", what: "years 0", inputs: register({ years: 0 }), property: "years", fix: "1 to 10" },
  { area: "Domain", what: "years 11", inputs: register({ years: 11 }), property: "years", fix: "1 to 10" },
  { area: "Domain", what: "a fraction of a year", inputs: register({ years: 1.5 }), property: "years", fix: "whole number" },
  { area: "Domain", what: "years as text", inputs: register({ years: "2" }), property: "years", fix: "whole number" },
  { area: "Domain", what: "a registration without years", inputs: without(REGISTER, "years"), property: "years", fix: "never defaulted" },
  { area: "Domain", what: "a negative maxPrice", inputs: register({ maxPrice: -5 }), property: "maxPrice", fix: "0 or more" },
  { area: "Domain", what: "a maxPrice in fractions of a cent", inputs: register({ maxPrice: 19.999 }), property: "maxPrice", fix: "two decimals" },
  { area: "Domain", what: "a maxPrice with its currency in text", inputs: register({ maxPrice: "20 USD" }), property: "maxPrice", fix: "such as 20 or 19.99" },
  { area: "Domain", what: "a transfer without its EPP code", inputs: register({ source: "transfer" }), property: "eppCode", fix: "current registrar" },
  { area: "Domain", what: "a blank EPP code", inputs: register({ source: "transfer", eppCode: "   " }), property: "eppCode", fix: "must not be empty" },
  { area: "Domain", what: "an EPP code on a registration", inputs: register({ eppCode: "Epp-123456" }), property: "eppCode", fix: "remove it" },
  { area: "Domain", what: "years on an adopt", inputs: { name: D, source: "adopt", years: 1 }, property: "years", fix: "renewal" },
  { area: "Domain", what: "one nameserver for an order", inputs: register({ nameservers: ["ns1.host.test"] }), property: "nameservers", fix: "at least 2" },
  { area: "Domain", what: "six nameservers for an order", inputs: register({ nameservers: ["ns1.h.test", "ns2.h.test", "ns3.h.test", "ns4.h.test", "ns5.h.test", "ns6.h.test"] }), property: "nameservers", fix: "at most 5" },
  { area: "Domain", what: "a nameserver written as a URL", inputs: register({ nameservers: ["https://ns1.host.test", "ns2.host.test"] }), property: "nameservers[0]", fix: "not a URL" },
  { area: "Domain", what: "a registration without a registrant", inputs: register({ contacts: {} }), property: "contacts.registrant", fix: "firstName" },
  { area: "Domain", what: "a phone without the country code", inputs: registrant({ phone: "020 7123 4567" }), property: "contacts.registrant.phone", fix: '"+44.2071234567"' },
  { area: "Domain", what: "a phone with 00 for +", inputs: registrant({ phone: "0044 20 7123 4567" }), property: "contacts.registrant.phone", fix: 'write "+" instead' },
  { area: "Domain", what: "a phone too short", inputs: registrant({ phone: "+44.123" }), property: "contacts.registrant.phone", fix: "4 to 13" },
  { area: "Domain", what: "a phone with an extension", inputs: registrant({ phone: "+44 20 7123 4567 ext 12" }), property: "contacts.registrant.phone", fix: "no extensions" },
  { area: "Domain", what: "a phone with the dot after the wrong digits", inputs: registrant({ phone: "+4.42071234567" }), property: "contacts.registrant.phone", fix: "did you mean" },
  { area: "Domain", what: "the country UK", inputs: registrant({ country: "UK" }), property: "contacts.registrant.country", fix: '"GB"' },
  { area: "Domain", what: "a country written out", inputs: registrant({ country: "Germany" }), property: "contacts.registrant.country", fix: "ISO 3166-1 alpha-2" },
  { area: "Domain", what: "a country code of three letters", inputs: register({ contacts: { registrant: ADA, admin: { ...ADA, country: "GBR" } } }), property: "contacts.admin.country", fix: "ISO 3166-1 alpha-2" },
  { area: "Domain", what: "an e-mail without @", inputs: registrant({ email: "ada-at-example.org" }), property: "contacts.registrant.email", fix: "owner@example.org" },
  { area: "Domain", what: "a blank given name", inputs: registrant({ firstName: "  " }), property: "contacts.registrant.firstName", fix: "must not be empty" },
  { area: "Domain", what: "a contact without a city", inputs: register({ contacts: { registrant: without(ADA, "city") } }), property: "contacts.registrant.city", fix: "required" },
  { area: "Domain", what: "zip instead of postcode", inputs: registrant({ zip: "SW1A 1AA" }), property: "zip", fix: "remove them" },
  { area: "Domain", what: "a contact role that does not exist", inputs: register({ contacts: { registrant: ADA, owner: ADA } }), property: "owner", fix: "remove them" },
  { area: "Domain", what: "onDelete delete", inputs: register({ onDelete: "delete" }), property: "onDelete", fix: '"retain"' },
  { area: "Domain", what: "release without a tag", inputs: register({ onDelete: "release" }), property: "releaseTag", fix: 'onDelete: "retain"' },
  { area: "Domain", what: "a release tag that is never used", inputs: register({ releaseTag: "NEW-REGISTRAR" }), property: "releaseTag", fix: 'onDelete: "release"' },
  { area: "Domain", what: "a release tag with a space", inputs: register({ onDelete: "release", releaseTag: "NEW REGISTRAR" }), property: "releaseTag", fix: "no spaces" },
  { area: "Domain", what: "a renewal window of more than a year", inputs: register({ renewal: { minDaysRemaining: 400, years: 1 } }), property: "renewal.minDaysRemaining", fix: "1 to 364" },
  { area: "Domain", what: "a renewal of 0 years", inputs: register({ renewal: { minDaysRemaining: 30, years: 0 } }), property: "renewal.years", fix: "1 to 10" },
  { area: "Domain", what: "an add-on flag as text", inputs: register({ addons: { idProtection: "yes" } }), property: "addons.idProtection", fix: "true or false" },
  { area: "Domain", what: "a registry field with a blank name", inputs: register({ domainFields: { " ": "C11" } }), property: "domainFields", fix: "Nexus Category" },
  { area: "Domain", what: "a profile with a space", inputs: register({ profile: "eu account" }), property: "profile", fix: "letters, digits" },
  { area: "Domain", what: "a misspelt property", inputs: register({ year: 1 }), property: "year", fix: "check the spelling" },

  // DnsRecordSet: types, values, hostnames, priorities, TTLs, modes, consent
  { area: "DnsRecordSet", what: "type AAA", inputs: dns({ name: "www", type: "AAA", value: "2001:db8::1" }), property: "records[0].type", fix: "use one of A, AAAA" },
  { area: "DnsRecordSet", what: "type SPF", inputs: dns({ name: "@", type: "SPF", value: "v=spf1 -all" }), property: "records[0].type", fix: "TXT record" },
  { area: "DnsRecordSet", what: "a record without a type", inputs: dns({ name: "www", value: "192.0.2.10" }), property: "records[0].type", fix: "required" },
  { area: "DnsRecordSet", what: "an IPv4 octet over 255", inputs: dns({ name: "www", type: "A", value: "192.0.2.300" }), property: "records[0].value", fix: "192.0.2.10" },
  { area: "DnsRecordSet", what: "a host name in an A record", inputs: dns({ name: "www", type: "A", value: "web.example.net" }), property: "records[0].value", fix: "IPv4 address" },
  { area: "DnsRecordSet", what: "an IPv4 address in an AAAA record", inputs: dns({ name: "www", type: "AAAA", value: "192.0.2.12" }), property: "records[0].value", fix: "type A" },
  { area: "DnsRecordSet", what: "an MX pointing at an IP", inputs: dns({ name: "@", type: "MX", value: "192.0.2.25", priority: 10 }), property: "records[0].value", fix: "its own A record" },
  { area: "DnsRecordSet", what: "an MX without priority", inputs: dns({ name: "@", type: "MX", value: "mail.example.net" }), property: "records[0].priority", fix: "priority: 10" },
  { area: "DnsRecordSet", what: "an MX priority over 65535", inputs: dns({ name: "@", type: "MX", value: "mail.example.net", priority: 70000 }), property: "records[0].priority", fix: "0-65535" },
  { area: "DnsRecordSet", what: "a negative MX priority", inputs: dns({ name: "@", type: "MX", value: "mail.example.net", priority: -1 }), property: "records[0].priority", fix: "0-65535" },
  { area: "DnsRecordSet", what: "an MX priority as a word", inputs: dns({ name: "@", type: "MX", value: "mail.example.net", priority: "high" }), property: "records[0].priority", fix: "whole number" },
  { area: "DnsRecordSet", what: "a priority on a CNAME", inputs: dns({ name: "www", type: "CNAME", value: "example.net", priority: 10 }), property: "records[0].priority", fix: "remove priority" },
  { area: "DnsRecordSet", what: "an SRV with the priority in its value", inputs: dns({ name: "_sip._tcp", type: "SRV", value: "10 5 5060 sip.example.net" }), property: "records[0].value", fix: "move the first" },
  { area: "DnsRecordSet", what: "a CAA tag that does not exist", inputs: dns({ name: "@", type: "CAA", value: '0 issuer "letsencrypt.org"' }), property: "records[0].value", fix: "flags tag" },
  { area: "DnsRecordSet", what: "a TTL", inputs: dns({ name: "www", type: "A", value: "192.0.2.10", ttl: 300 }), property: "records[0].ttl", fix: "remove ttl" },
  { area: "DnsRecordSet", what: "a name with an underscore and a trailing hyphen", inputs: dns({ name: "bad_label-", type: "A", value: "192.0.2.10" }), property: "records[0].name", fix: "letters, digits" },
  { area: "DnsRecordSet", what: "a name outside the zone", inputs: dns({ name: "www.example.org.", type: "A", value: "192.0.2.10" }), property: "records[0].name", fix: "relative to the zone" },
  { area: "DnsRecordSet", what: "a CNAME at the apex", inputs: dns({ name: "@", type: "CNAME", value: "example.net" }), property: "records[0].name", fix: "A/AAAA" },
  { area: "DnsRecordSet", what: "a CNAME beside an A record", inputs: dns({ name: "www", type: "CNAME", value: "example.net" }, { name: "www", type: "A", value: "192.0.2.10" }), property: "records[1].type", fix: "different names" },
  { area: "DnsRecordSet", what: "one record twice in two spellings", inputs: dns({ name: "www", type: "A", value: "192.0.2.10" }, { name: "WWW.acme-widgets.com.", type: "a", value: "192.0.2.10" }), property: "records[1].value", fix: "remove one" },
  { area: "DnsRecordSet", what: "a record without a value", inputs: dns({ name: "www", type: "A" }), property: "records[0].value", fix: "required" },
  { area: "DnsRecordSet", what: "content instead of value", inputs: dns({ name: "www", type: "A", value: "192.0.2.10", content: "192.0.2.10" }), property: "content", fix: "remove them" },
  { area: "DnsRecordSet", what: "records as one line of text", inputs: { domain: D, records: "www A 192.0.2.10" }, property: "records", fix: "{ name, type, value, priority? }" },
  { area: "DnsRecordSet", what: "a record as one line of text", inputs: { domain: D, records: ["www A 192.0.2.10"] }, property: "records[0]", fix: 'such as { name: "www"' },
  { area: "DnsRecordSet", what: "mode replace", inputs: { ...dns({ name: "www", type: "A", value: "192.0.2.10" }), mode: "replace" }, property: "mode", fix: '"authoritative"' },
  { area: "DnsRecordSet", what: "a consent checksum that is not one", inputs: { ...dns({ name: "www", type: "A", value: "192.0.2.10" }), allowChanges: { changes: 3, checksum: "xyz" } }, property: "allowChanges.checksum", fix: "8-digit checksum" },
  { area: "DnsRecordSet", what: "a negative consent count", inputs: { ...dns({ name: "www", type: "A", value: "192.0.2.10" }), allowChanges: { changes: -1, checksum: "3f9a1c2e" } }, property: "allowChanges.changes", fix: "the refusal printed" },
  { area: "DnsRecordSet", what: "a consent count with a fraction", inputs: { ...dns({ name: "www", type: "A", value: "192.0.2.10" }), allowChanges: { changes: 1.5, checksum: "3f9a1c2e" } }, property: "allowChanges.changes", fix: "the refusal printed" },
  { area: "DnsRecordSet", what: "a zone domain with a scheme", inputs: { domain: `https://${D}`, records: [] }, property: "domain", fix: "example.com" },

  // Nameservers: counts and host names
  { area: "Nameservers", what: "one nameserver", inputs: { domain: D, nameservers: ["ns1.host.test"] }, property: "nameservers", fix: "at least 2" },
  { area: "Nameservers", what: "six nameservers", inputs: { domain: D, nameservers: ["ns1.h.test", "ns2.h.test", "ns3.h.test", "ns4.h.test", "ns5.h.test", "ns6.h.test"] }, property: "nameservers", fix: "at most 5" },
  { area: "Nameservers", what: "an IP address as a nameserver", inputs: { domain: D, nameservers: ["192.0.2.53", "ns2.host.test"] }, property: "nameservers[0]", fix: "not a URL or an IP address" },
  { area: "Nameservers", what: "a nameserver with a port", inputs: { domain: D, nameservers: ["ns1.host.test:53", "ns2.host.test"] }, property: "nameservers[0]", fix: "ns1.example.net" },
  { area: "Nameservers", what: "one nameserver twice", inputs: { domain: D, nameservers: ["ns1.host.test", "NS1.host.test."] }, property: "nameservers[1]", fix: "list each nameserver once" },
  { area: "Nameservers", what: "no domain", inputs: { nameservers: NS }, property: "domain", fix: "required" },

  // RegistrarLock: flags
  { area: "RegistrarLock", what: "locked as text", inputs: { domain: D, locked: "yes" }, property: "locked", fix: "true or false" },
  { area: "RegistrarLock", what: "lock instead of locked", inputs: { domain: D, lock: true }, property: "lock", fix: "remove them" },
  { area: "RegistrarLock", what: "a domain with a path", inputs: { domain: `${D}/admin`, locked: true }, property: "domain", fix: "example.com" },

  // EmailForwarding: addresses and loops
  { area: "EmailForwarding", what: "a display name as the target", inputs: { domain: D, forwards: [{ from: "info", to: "Owner <owner@example.org>" }] }, property: "forwards[0].to", fix: "owner@example.org" },
  { area: "EmailForwarding", what: "a local part starting with a dot", inputs: { domain: D, forwards: [{ from: ".info", to: "owner@example.org" }] }, property: "forwards[0].from", fix: '"first.last"' },
  { area: "EmailForwarding", what: "a forward to itself", inputs: { domain: D, forwards: [{ from: "info", to: `info@${D}` }] }, property: "forwards[0]", fix: "mailbox outside" },
  { area: "EmailForwarding", what: "forwards as a map", inputs: { domain: D, forwards: { info: "owner@example.org" } }, property: "forwards", fix: "{ from, to }" },

  // IdProtection: flags
  { area: "IdProtection", what: "enabled as on", inputs: { domain: D, enabled: "on" }, property: "enabled", fix: "true or false" },
  { area: "IdProtection", what: "enabled left out", inputs: { domain: D }, property: "enabled", fix: "required" },

  // PrivateNameserver: glue addresses and hosts
  { area: "PrivateNameserver", what: "glue on loopback", inputs: { domain: GLUE, host: `ns1.${GLUE}`, ip: "127.0.0.1" }, property: "ip", fix: "public address" },
  { area: "PrivateNameserver", what: "an IPv4 octet over 255", inputs: { domain: GLUE, host: `ns1.${GLUE}`, ip: "999.1.1.1" }, property: "ip", fix: "192.0.2.53" },
  { area: "PrivateNameserver", what: "glue as an IPv4-mapped IPv6 address", inputs: { domain: GLUE, host: `ns1.${GLUE}`, ip: "::ffff:192.0.2.53" }, property: "ip", fix: "IPv4 address itself" },
  { area: "PrivateNameserver", what: "a host outside the domain", inputs: { domain: GLUE, host: "ns1.example.net", ip: "192.0.2.53" }, property: "host", fix: `inside ${GLUE}` },
  { area: "PrivateNameserver", what: "no host", inputs: { domain: GLUE, ip: "192.0.2.53" }, property: "host", fix: "required" },
];

const FUNCTIONS: FunctionRow[] = [
  { area: "function", what: "fetchDomainInfo of a URL", fn: "fetchDomainInfo", args: [`https://${D}`], property: 'argument "name"', fix: "bare registered name" },
  { area: "function", what: "fetchEppCode of a name with a space", fn: "fetchEppCode", args: ["acme widgets.com"], property: 'argument "name"', fix: "bare registered name" },
  { area: "function", what: "fetchAvailability of one name, not a list", fn: "fetchAvailability", args: ["acme-new.com"], property: 'argument "names"', fix: "pass an array" },
  { area: "function", what: "fetchAvailability with a bad second name", fn: "fetchAvailability", args: [["acme-new.com", "not a name"]], property: 'argument "names[1]"', fix: "bare registered name" },
  { area: "function", what: "fetchPricing of a TLD with a star", fn: "fetchPricing", args: [".c*m"], property: 'argument "tld"', fix: "letters, digits, hyphens and dots" },
  { area: "function", what: "fetchPricing of nothing", fn: "fetchPricing", args: [""], property: 'argument "tld"', fix: ".co.uk" },
  { area: "function", what: "fetchTlds with an empty API key", fn: "fetchTlds", args: [], credentials: { apiKey: "" }, property: "apiKey", fix: "as text" },
  { area: "function", what: "fetchCreditBalance over plain http to a public host", fn: "fetchCreditBalance", args: [], credentials: { endpoint: "http://192.0.2.1/modules/addons/DomainsReseller/api/index.php" }, property: "endpoint", fix: "https://" },
  { area: "function", what: "fetchTlds with a garbage endpoint", fn: "fetchTlds", args: [], credentials: { endpoint: "portal.example.com api" }, property: "endpoint", fix: "full URL" },
  { area: "function", what: "fetchTlds with a request timeout of 0", fn: "fetchTlds", args: [], credentials: { requestTimeoutMs: 0 }, property: "requestTimeoutMs", fix: "leave it out for the default" },
  { area: "function", what: "fetchTlds with a fraction of a connection", fn: "fetchTlds", args: [], credentials: { maxConcurrency: 2.5 }, property: "maxConcurrency", fix: "whole number" },
  { area: "function", what: "fetchTlds with a negative pace", fn: "fetchTlds", args: [], credentials: { requestsPerMinute: -1 }, property: "requestsPerMinute", fix: "leave it out for the default" },
  { area: "function", what: "getDomainInfo of a name with an underscore", fn: "getDomainInfo", args: ["acme_widgets.com"], property: 'argument "name"', fix: "bare registered name" },
  { area: "function", what: "getEppCode of an e-mail address", fn: "getEppCode", args: ["owner@acme-widgets.com"], property: 'argument "name"', fix: 'no scheme, path, port, "@"' },
  { area: "function", what: "checkAvailability with a bad name", fn: "checkAvailability", args: [["acme-new.com", "acme new.com"]], property: 'argument "names[1]"', fix: "bare registered name" },
  { area: "function", what: "getPricing of a TLD with a slash", fn: "getPricing", args: ["co/uk"], property: 'argument "tld"', fix: "letters, digits, hyphens and dots" },
  { area: "function", what: "getTlds with a profile name with a space", fn: "getTlds", args: [{ profile: "eu account" }], property: 'option "profile"', fix: "fix the profile name" },
  { area: "function", what: "getCreditBalance with a profile and an endpoint", fn: "getCreditBalance", args: [{ profile: "eu", endpoint: "https://portal.example.com/api" }], property: 'option "profile"', fix: "drop one" },
];

const ZONE_FILES: ZoneFileRow[] = [
  { area: "zonefile", what: "an unquoted @", yaml: "domain: example.com\nrecords:\n  - { name: @, type: A, value: 192.0.2.10 }\n", property: "records[0].name", fix: 'name: "@"' },
  { area: "zonefile", what: "a TTL on a record", yaml: "domain: example.com\nrecords:\n  - name: www\n    type: A\n    value: 192.0.2.10\n    ttl: 300\n", property: "records[0].ttl", fix: "remove ttl" },
  { area: "zonefile", what: "an SPF record", yaml: 'domain: example.com\nrecords:\n  - { name: "@", type: SPF, value: "v=spf1 -all" }\n', property: "records[0].type", fix: "TXT record" },
  { area: "zonefile", what: "an IPv4 octet over 255", yaml: "domain: example.com\nrecords:\n  - { name: www, type: A, value: 192.0.2.300 }\n", property: "records[0].value", fix: "192.0.2.10" },
  { area: "zonefile", what: "an MX without priority", yaml: 'domain: example.com\nrecords:\n  - { name: "@", type: MX, value: mail.example.com }\n', property: "records[0].priority", fix: "priority: 10" },
  { area: "zonefile", what: "an MX priority as a word", yaml: 'domain: example.com\nrecords:\n  - { name: "@", type: MX, value: mail.example.com, priority: high }\n', property: "records[0].priority", fix: "whole number 0-65535" },
  { area: "zonefile", what: "a misspelt field", yaml: "domain: example.com\nrecords:\n  - name: www\n    tpye: A\n    value: 192.0.2.10\n", property: "records[0].tpye", fix: "did you mean type" },
  { area: "zonefile", what: "mode replace", yaml: "domain: example.com\nmode: replace\nrecords: []\n", property: "mode", fix: '"authoritative"' },
  { area: "zonefile", what: "a profile in the file", yaml: "domain: example.com\nprofile: eu\nrecords: []\n", property: "profile", fix: "loadZoneFile(path)" },
  { area: "zonefile", what: "a TXT value YAML reads as a number", yaml: "domain: example.com\nrecords:\n  - name: www\n    type: TXT\n    value: 12345\n", property: "records[0].value", fix: 'put it in quotes, "12345"' },
  { area: "zonefile", what: "a file for another domain", yaml: "domain: example.com\nrecords: []\n", options: { domain: "example.org" }, property: "domain", fix: "load the file of example.org" },
  { area: "zonefile", what: "a domain without a TLD", yaml: "domain: example\nrecords: []\n", property: "domain", fix: "example.com" },
  { area: "zonefile", what: "a file that is not there", yaml: "", file: "zones/not-there.yaml", property: "zones/not-there.yaml", fix: "check the path" },
];

const ENDPOINT_PATH = "/modules/addons/DomainsReseller/api/index.php";
const LOCK = { kind: "RegistrarLock", inputs: { domain: D, locked: true } } as const;
const LOCK_EU = { kind: "RegistrarLock", inputs: { domain: D, locked: true, profile: "eu" } } as const;
const profiles = (eu: Record<string, string>) => JSON.stringify({ eu });

const CONFIG: ConfigRow[] = [
  { area: "config", what: "an endpoint that is not a URL", config: { "domainsreseller:endpoint": "portal.example.com api" }, resource: LOCK, property: "endpoint", fix: "full URL" },
  { area: "config", what: "an endpoint over plain http to a public host", config: { "domainsreseller:endpoint": `http://192.0.2.1${ENDPOINT_PATH}` }, resource: LOCK, property: "endpoint", fix: "https://" },
  { area: "config", what: "an endpoint with an ftp scheme", config: { "domainsreseller:endpoint": `ftp://{emulator}${ENDPOINT_PATH}` }, resource: LOCK, property: "endpoint", fix: "https://" },
  { area: "config", what: "an endpoint with credentials in it", config: { "domainsreseller:endpoint": `http://user:pass@{emulator}${ENDPOINT_PATH}` }, resource: LOCK, property: "endpoint", fix: "remove user:password@" },
  { area: "config", what: "an endpoint with a query", config: { "domainsreseller:endpoint": `http://{emulator}${ENDPOINT_PATH}?debug=1` }, resource: LOCK, property: "endpoint", fix: "remove the ?" },
  { area: "config", what: "no username", config: { "domainsreseller:username": "" }, resource: LOCK, property: "domainsreseller:username", fix: "pulumi config set domainsreseller:username" },
  { area: "config", what: "no API key", config: { "domainsreseller:apiKey": "" }, resource: LOCK, property: "domainsreseller:apiKey", fix: "--secret" },
  { area: "config", what: "a request timeout of 0", config: { "domainsreseller:requestTimeoutMs": "0" }, resource: LOCK, property: "domainsreseller:requestTimeoutMs", fix: "positive whole number" },
  { area: "config", what: "a request timeout with a unit", config: { "domainsreseller:requestTimeoutMs": "30s" }, resource: LOCK, property: "domainsreseller:requestTimeoutMs", fix: "positive whole number" },
  { area: "config", what: "a fraction of a connection", config: { "domainsreseller:maxConcurrency": "1.5" }, resource: LOCK, property: "domainsreseller:maxConcurrency", fix: "positive whole number" },
  { area: "config", what: "a negative pace", config: { "domainsreseller:requestsPerMinute": "-10" }, resource: LOCK, property: "domainsreseller:requestsPerMinute", fix: "positive whole number" },
  { area: "config", what: "profiles that are not JSON", config: { "domainsreseller:profiles": "{eu:" }, resource: LOCK_EU, property: "domainsreseller:profiles", fix: "{ endpoint, username, apiKey }" },
  { area: "config", what: "a profile not among the profiles", config: { "domainsreseller:profiles": profiles({ endpoint: `http://{emulator}${ENDPOINT_PATH}`, username: "a@b.co", apiKey: "k" }).replace('"eu"', '"us"') }, resource: LOCK_EU, property: 'profile "eu"', fix: "add it with" },
  { area: "config", what: "a profile without its API key", config: { "domainsreseller:profiles": profiles({ endpoint: `http://{emulator}${ENDPOINT_PATH}`, username: "a@b.co" }) }, resource: LOCK_EU, property: "apiKey", fix: "each profile needs" },
  { area: "config", what: "a profile with no profiles set", config: {}, resource: LOCK_EU, property: "domainsreseller:profiles", fix: "pulumi config set --secret --path" },
  { area: "config", what: "a profile's endpoint over plain http to a public host", config: { "domainsreseller:profiles": profiles({ endpoint: `http://192.0.2.1${ENDPOINT_PATH}`, username: "a@b.co", apiKey: "k" }) }, resource: LOCK_EU, property: "endpoint", fix: "https://" },
  { area: "config", what: "a charge limit as a word", config: { "domainsreseller:maxChargePerRun": "lots" }, resource: { kind: "Domain", inputs: REGISTER }, property: "domainsreseller:maxChargePerRun", fix: "e.g. 50 or 49.99" },
  { area: "config", what: "a charge limit in fractions of a cent", config: { "domainsreseller:maxChargePerRun": "10.001" }, resource: { kind: "Domain", inputs: REGISTER }, property: "domainsreseller:maxChargePerRun", fix: "e.g. 50 or 49.99" },
  { area: "config", what: "a zone change threshold over 100 %", config: { "domainsreseller:zoneChangeThreshold": "150" }, resource: { kind: "DnsRecordSet", inputs: dns({ name: "www", type: "A", value: "192.0.2.10" }) }, property: "domainsreseller:zoneChangeThreshold", fix: "0 to 100" },
  { area: "config", what: "a zone size as a word", config: { "domainsreseller:zoneChangeMinRecords": "few" }, resource: { kind: "DnsRecordSet", inputs: dns({ name: "www", type: "A", value: "192.0.2.10" }) }, property: "domainsreseller:zoneChangeMinRecords", fix: "whole number" },
  { area: "config", what: "a delete limit as a word", config: { "domainsreseller:maxDeletesPerRun": "many" }, resource: { kind: "StackGuard", inputs: { members: ["RegistrarLock:lock"] } }, property: "domainsreseller:maxDeletesPerRun", fix: "whole number" },
  { area: "config", what: "a delete consent without its checksum", config: { "domainsreseller:allowDeletes": "yes" }, resource: { kind: "StackGuard", inputs: { members: ["RegistrarLock:lock"] } }, property: "domainsreseller:allowDeletes", fix: "the checksum" },
];

const CLI: CliRow[] = [
  { area: "cli", what: "call with a JSON list as the form", command: "call", argv: ["GET", `/domains/${D}/lock`, "--form-json", "[1]"], property: "--form-json", fix: "JSON object" },
  { area: "cli", what: "call with a form that is not JSON", command: "call", argv: ["POST", `/domains/${D}/lock`, "--form-json", "lockstatus=locked"], property: "--form-json", fix: "JSON object" },
  { area: "cli", what: "call of a route that does not exist", command: "call", argv: ["GET", `/domains/${D}/lokc`], property: `GET /domains/${D}/lokc`, fix: "closest" },
  { area: "cli", what: "call without a path", command: "call", argv: ["GET"], property: "PATH", fix: "exactly METHOD and PATH" },
  { area: "cli", what: "call over plain http to a public host", command: "call", argv: ["GET", "/tlds", "--endpoint", `http://192.0.2.1${ENDPOINT_PATH}`], property: "endpoint", fix: "https://" },
  { area: "cli", what: "call to an ftp endpoint", command: "call", argv: ["GET", "/tlds", "--endpoint", `ftp://{emulator}${ENDPOINT_PATH}`], property: "endpoint", fix: "https://" },
  { area: "cli", what: "call without an API key", command: "call", argv: ["GET", "/tlds", "--endpoint", `http://{emulator}${ENDPOINT_PATH}`, "--username", "demo@example.com"], credentials: false, property: "--api-key", fix: "DOMAINSRESELLER_API_KEY" },
  { area: "cli", what: "call with an unknown flag", command: "call", argv: ["GET", "/tlds", "--apikey", "k"], property: "--apikey", fix: "usage: domainsreseller call" },
  { area: "cli", what: "export as YAML", command: "export", argv: [D, "--format", "yaml"], property: "--format", fix: "--format typescript" },
  { area: "cli", what: "export as XML", command: "export", argv: [D, "--format", "xml"], property: "--format", fix: "typescript" },
  { area: "cli", what: "export of every domain", command: "export", argv: ["--all-known"], property: "--all-known", fix: "name the domains" },
  { area: "cli", what: "export of nothing", command: "export", argv: [], property: "DOMAIN", fix: "at least one" },
  { area: "cli", what: "export of a URL", command: "export", argv: [`https://${D}`], property: `"https://${D}"`, fix: "example.com" },
  { area: "cli", what: "export over an earlier export", command: "export", argv: [D, "-o", "{existingExport}"], property: "--force", fix: "another -o DIR" },
  { area: "cli", what: "plan-md as HTML", command: "plan-md", argv: ["preview.json", "--format", "html"], property: "--format", fix: "markdown or json" },
  { area: "cli", what: "plan-md of two files", command: "plan-md", argv: ["a.json", "b.json"], property: "got 2 files", fix: "reads one preview" },
  { area: "cli", what: "import-zone as YAML", command: "import-zone", argv: ["zone.txt", "--format", "yaml"], property: "--format", fix: "bind or octodns" },
  { area: "cli", what: "import-zone with an origin that is not a domain", command: "import-zone", argv: ["zone.txt", "--origin", "example"], property: "--origin", fix: "such as example.com" },
  { area: "cli", what: "import-zone of nothing", command: "import-zone", argv: [], property: "FILE", fix: "exactly one" },
  { area: "cli", what: "sync with negative days", command: "sync", argv: [D, "--days=-1"], property: "--days", fix: "whole number of days" },
  { area: "cli", what: "sync with days beyond ten years", command: "sync", argv: [D, "--days", "99999"], property: "--days", fix: "0 to 3650" },
  { area: "cli", what: "sync with days as a fraction", command: "sync", argv: [D, "--days", "1.5"], property: "--days", fix: "whole number of days" },
  { area: "cli", what: "sync as CSV", command: "sync", argv: [D, "--format", "csv"], property: "--format", fix: "table or json" },
  { area: "cli", what: "sync with --cwd but no --stack", command: "sync", argv: [D, "--cwd", "."], property: "--cwd", fix: "pass --stack too" },
  { area: "cli", what: "sync with an empty stack name", command: "sync", argv: ["--stack-name="], property: "--stack-name", fix: "needs a stack name" },
  { area: "cli", what: "sync of a name with a space", command: "sync", argv: ["acme widgets.com"], property: '"acme widgets.com"', fix: "example.com" },
  { area: "cli", what: "sync of a stack in a folder that is not there", command: "sync", argv: ["--stack", "--cwd", "no-such-folder"], property: "--cwd", fix: "not a directory" },
  { area: "cli", what: "sync without credentials", command: "sync", argv: [D], credentials: false, property: "--endpoint", fix: "DOMAINSRESELLER_ENDPOINT" },
  { area: "cli", what: "emulator on port 70000", command: "emulator", argv: ["--port", "70000"], property: "--port", fix: "0-65535" },
  { area: "cli", what: "emulator on a port that is a word", command: "emulator", argv: ["--port", "http"], property: "--port", fix: "0-65535" },
  { area: "cli", what: "emulator with a negative transfer delay", command: "emulator", argv: ["--transfer-delay=-5"], property: "--transfer-delay", fix: "number of seconds" },
  { area: "cli", what: "emulator with a seed file that is not there", command: "emulator", argv: ["--seed", "no-such-seed.yaml"], property: "--seed", fix: "default" },
  { area: "cli", what: "emulator on a public host", command: "emulator", argv: ["--host", "0.0.0.0"], property: "--host", fix: "usage: domainsreseller emulator" },
];

export const ROWS: readonly RefusalRow[] = [...RESOURCES, ...FUNCTIONS, ...ZONE_FILES, ...CONFIG, ...CLI];
