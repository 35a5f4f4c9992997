// One case per route: params in, the request the server must see, a realistic reply, the result out.
// Bodies that have a PHP vector (form.json) are also compared byte for byte (rawBody).
import { readFileSync } from "node:fs";
import { join } from "node:path";

const form = JSON.parse(readFileSync(join(__dirname, "../../fixtures/php/form.json"), "utf8")) as { cases: { name: string; params: Record<string, unknown>; body: string }[] };
const vector = (name: string) => {
  const c = form.cases.find((x) => x.name === name);
  if (!c) throw new Error(`vector ${name} missing`);
  return c;
};

export interface RouteCase {
  route: string;
  params: unknown;
  method: "GET" | "POST";
  path: string;
  query?: string;
  body?: unknown;
  rawBody?: string;
  reply: unknown;
  result: unknown;
}

const reg = vector("register");
const { domainfields: _df, ...regParams } = reg.params;
const contact = (reg.params["contacts"] as { registrant: Record<string, string> }).registrant;
const asStrings = (o: Record<string, unknown>): unknown => JSON.parse(JSON.stringify(o, (_k, v: unknown) => (typeof v === "number" ? String(v) : v)));
const D = "example.com";
const ok = { success: true };

export const ROUTE_CASES: RouteCase[] = [
  { route: "register", params: { ...regParams, domainFields: {} }, method: "POST", path: "/order/domains/register", body: asStrings(reg.params), rawBody: reg.body, reply: "success", result: undefined },
  {
    route: "transfer", params: { domain: "Example.COM", regperiod: 1, eppcode: "A&b c", nameservers: ["ns1.example.net", "ns2.example.net"], contacts: { registrant: contact }, domainFields: { "Nexus Category": "C11" } },
    method: "POST", path: "/order/domains/transfer",
    body: { domain: D, regperiod: "1", domainfields: "YToxOntzOjE0OiJOZXh1cyBDYXRlZ29yeSI7czozOiJDMTEiO30=", nameservers: { ns1: "ns1.example.net", ns2: "ns2.example.net" }, contacts: { registrant: contact }, eppcode: "A&b c" },
    reply: "success", result: undefined,
  },
  { route: "renew", params: { domain: D, regperiod: 2, addons: { idprotection: true } }, method: "POST", path: "/order/domains/renew", body: { domain: D, regperiod: "2", addons: { idprotection: "1" } }, reply: "success", result: undefined },
  { route: "release", params: { domain: D, transfertag: "NEWTAG" }, method: "POST", path: `/domains/${D}/release`, body: { domain: D, transfertag: "NEWTAG" }, reply: {}, result: undefined },
  { route: "getEppCode", params: { domain: D }, method: "GET", path: `/domains/${D}/eppcode`, reply: { eppcode: "Abc123!" }, result: "Abc123!" },
  {
    route: "getContacts", params: { domain: D }, method: "GET", path: `/domains/${D}/contact`,
    reply: { Registrant: { First_Name: "Ada", "Last Name": "Lovelace", Postcode: null } }, result: { Registrant: { "First Name": "Ada", "Last Name": "Lovelace", Postcode: "" } },
  },
  {
    route: "saveContacts", params: { domain: D, contactdetails: { Registrant: { "First Name": "Ada", "Last Name": "Lovelace" } } }, method: "POST", path: `/domains/${D}/contact`,
    body: { domain: D, contactdetails: { Registrant: { "First Name": "Ada", "Last Name": "Lovelace" } } }, reply: ok, result: undefined,
  },
  { route: "getLock", params: { domain: D }, method: "GET", path: `/domains/${D}/lock`, reply: "locked", result: "locked" },
  { route: "saveLock", params: vector("lock").params, method: "POST", path: `/domains/${D}/lock`, body: vector("lock").params, rawBody: vector("lock").body, reply: {}, result: undefined },
  {
    route: "getDns", params: { domain: D }, method: "GET", path: `/domains/${D}/dns`,
    reply: [{ hostname: "@", type: "a", address: "192.0.2.1", priority: "N/A", recid: 123 }, { hostname: "@", type: "MX", address: "mail.example.com", priority: 10 }, { hostname: "", type: "A", address: "", priority: "N/A" }],
    result: [{ hostname: "@", type: "A", address: "192.0.2.1", priority: "N/A", recid: "123" }, { hostname: "@", type: "MX", address: "mail.example.com", priority: "10" }],
  },
  { route: "saveDns", params: vector("dns-save").params, method: "POST", path: `/domains/${D}/dns`, body: asStrings(vector("dns-save").params), rawBody: vector("dns-save").body, reply: {}, result: undefined },
  { route: "requestDelete", params: { domain: D }, method: "POST", path: `/domains/${D}/delete`, body: { domain: D }, reply: ok, result: undefined },
  { route: "transferSync", params: { domain: D }, method: "POST", path: `/domains/${D}/transfersync`, body: { domain: D }, reply: { completed: true, expirydate: "2027-01-15" }, result: { status: "completed", expiryDate: "2027-01-15", reason: null } },
  {
    route: "sync", params: { domain: D }, method: "POST", path: `/domains/${D}/sync`, body: { domain: D },
    reply: { active: true, expired: false, expirydate: "2026-01-15", transferredAway: false }, result: { active: true, expired: false, cancelled: undefined, transferredAway: false, expiryDate: "2026-01-15" },
  },
  { route: "getEmailForwarding", params: { domain: D }, method: "GET", path: `/domains/${D}/email`, reply: { "0": { prefix: "info", forwardto: "me@gmail.com" }, "2": { prefix: "", forwardto: "" } }, result: [{ prefix: "info", forwardto: "me@gmail.com" }] },
  { route: "saveEmailForwarding", params: vector("email-save").params, method: "POST", path: `/domains/${D}/email`, body: vector("email-save").params, rawBody: vector("email-save").body, reply: { success: "success" }, result: undefined },
  { route: "setIdProtection", params: { domain: D, status: false }, method: "POST", path: `/domains/${D}/protectid`, body: { domain: D, status: "0" }, reply: {}, result: undefined },
  {
    route: "lookup", params: { searchTerm: "example", tldsToInclude: [".com", ".net"], premiumEnabled: false }, method: "POST", path: "/domains/lookup",
    body: { searchTerm: "example", tldsToInclude: [".com", ".net"], premiumEnabled: "0" },
    reply: [{ domainName: "example.com", sld: "example", tld: "com", status: "registered", isAvailable: false, isPremium: false, premiumCostPricing: [] }],
    result: [{ domainName: "example.com", sld: "example", tld: "com", status: "registered", isAvailable: false, isPremium: false, premiumCostPricing: null }],
  },
  {
    route: "suggestions", params: { searchTerm: "example", suggestionSettings: { maxResults: 5 } }, method: "POST", path: "/domains/lookup/suggestions",
    body: { searchTerm: "example", suggestionSettings: { maxResults: "5" } },
    reply: { "0": { domainName: "example.io", status: "available for registration", isAvailable: true, isPremium: 1, premiumCostPricing: { register: 99, CurrencyCode: "USD" } } },
    result: [{ domainName: "example.io", sld: "example", tld: "io", status: "available for registration", isAvailable: true, isPremium: true, premiumCostPricing: { register: 99, CurrencyCode: "USD" } }],
  },
  { route: "getNameservers", params: { domain: D }, method: "GET", path: `/domains/${D}/nameservers`, reply: { ns1: "ns1.host.tld", ns2: "ns2.host.tld", ns3: "", ns4: "", ns5: "", success: true, message: "ok", status: "Active" }, result: ["ns1.host.tld", "ns2.host.tld"] },
  { route: "saveNameservers", params: vector("nameservers").params, method: "POST", path: `/domains/${D}/nameservers`, body: vector("nameservers").params, rawBody: vector("nameservers").body, reply: {}, result: undefined },
  { route: "registerPrivateNameserver", params: { domain: D, nameserver: "ns1.example.com", ipaddress: "192.0.2.53" }, method: "POST", path: `/domains/${D}/nameservers/register`, body: { domain: D, nameserver: "ns1.example.com", ipaddress: "192.0.2.53" }, reply: ok, result: undefined },
  {
    route: "modifyPrivateNameserver", params: { domain: D, nameserver: "ns1.example.com", currentipaddress: "192.0.2.53", newipaddress: "2001:db8::53" }, method: "POST", path: `/domains/${D}/nameservers/modify`,
    body: { domain: D, nameserver: "ns1.example.com", currentipaddress: "192.0.2.53", newipaddress: "2001:db8::53" }, reply: ok, result: undefined,
  },
  { route: "deletePrivateNameserver", params: { domain: D, nameserver: "ns1.example.com" }, method: "POST", path: `/domains/${D}/nameservers/delete`, body: { domain: D, nameserver: "ns1.example.com" }, reply: ok, result: undefined },
  { route: "orderPricing", params: { type: "renew", domain: "bücher.de" }, method: "GET", path: "/order/pricing/domains/renew", query: "domain=xn--bcher-kva.de", reply: { "2": "27.50", "1": 13.75, currency: "EUR" }, result: [{ years: 1, price: "13.75" }, { years: 2, price: "27.50" }] },
  { route: "credits", params: {}, method: "GET", path: "/billing/credits", reply: "150.50", result: "150.50" },
  { route: "version", params: {}, method: "GET", path: "/version", reply: { version: "3.2.1" }, result: "3.2.1" },
  { route: "tlds", params: {}, method: "GET", path: "/tlds", reply: [".com", "NET", { tld: ".org" }], result: [".com", ".net", ".org"] },
  {
    route: "tldPricing", params: {}, method: "GET", path: "/tlds/pricing",
    reply: [{ tld: ".com", registrationPrice: "13.75", renewalPrice: "13.75", transferPrice: 13.75, graceFee: "0.00", graceDays: -1, redemptionDays: "-1", redemptionFee: "-1.00", currencyCode: "EUR", years: [1, 2] }],
    result: [{ tld: ".com", registrationPrice: "13.75", renewalPrice: "13.75", transferPrice: "13.75", graceFee: "0.00", graceDays: -1, redemptionDays: -1, redemptionFee: "-1.00", currencyCode: "EUR", years: [1, 2] }],
  },
  {
    route: "information", params: { domain: "Bücher.DE" }, method: "GET", path: "/domains/xn--bcher-kva.de/information",
    reply: { domain: "xn--bcher-kva.de", nameservers: { ns1: "a.ns.tld", ns2: "b.ns.tld" }, transferLock: 1, expiryDate: "2027-01-15T00:00:00Z", registrationStatus: "Active", idProtectionStatus: "0" },
    result: {
      domain: "xn--bcher-kva.de", nameservers: ["a.ns.tld", "b.ns.tld"], transferLock: true, expiryDate: "2027-01-15T00:00:00Z", status: "Active", restorable: undefined,
      idProtection: false, dnsManagement: undefined, emailForwarding: undefined, transferLockExpiryDate: null, registrantEmailAddress: null,
    },
  },
];
