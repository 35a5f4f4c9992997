// The 30 routes of the API reference §3 as one typed table. Each route declares its method, path,
// request schema, response schema, and its retry safety:
//   read        — a GET; repeating it changes nothing
//   idempotent  — a whole-state write (or a free query); repeating it gives the same end state
//   once        — costs money, may bill, or is irreversible; sent exactly once, never retried after
//                 sending. Routes that may invoice stay here until shown free: ID protection (the
//                 reference says it can invoice), contacts (a registrant change is a paid trade on
//                 some TLDs), private nameservers.
import { z } from "zod";
import * as P from "./route-params";
import * as R from "./route-results";
import { encodeDomainFields } from "./php-serialize";
import type { FormValue } from "./php-form";

export type Safety = "read" | "idempotent" | "once";

export interface RouteDef<Params extends z.ZodType = z.ZodType, Result extends z.ZodType = z.ZodType> {
  name: string;
  method: "GET" | "POST";
  /** Appended to the endpoint; `{domain}` and `{type}` are filled from the params. */
  path: string;
  safety: Safety;
  params: Params;
  response: Result;
  /** Wire form of the validated params when it differs from them (renames, encodings). */
  wire?: (params: z.output<Params>) => Record<string, FormValue>;
}

const route = <N extends string, Params extends z.ZodType, Result extends z.ZodType>(def: RouteDef<Params, Result> & { name: N }) => def;
const domainOnly = z.strictObject({ domain: P.domainName });
const order = {
  domain: P.domainName,
  regperiod: P.regperiod,
  domainFields: P.domainFields.optional(),
  addons: P.addons.optional(),
  nameservers: P.orderNameservers,
  contacts: P.contacts,
  idnLanguage: z.string().optional(),
};
// The official client always sends domainfields (base64 of the serialized map, "YTowOnt9" when empty).
const orderWire = ({ domainFields, ...rest }: { domainFields?: Record<string, string> | undefined; domain: string } & Record<string, unknown>) => {
  const { domain, regperiod, ...tail } = rest;
  return { domain, regperiod, domainfields: encodeDomainFields(domainFields ?? {}), ...tail } as Record<string, FormValue>;
};
const search = z.strictObject(P.searchParams);
// PHP's http_build_query drops an empty array, and the server then rejects the save as missing its
// required list. WHMCS always posts one blank row, which servers skip; an empty table is sent that way.
const BLANK_DNS_ROW = { hostname: "", type: "A", address: "", priority: "N/A" };
const dnsWire = ({ domain, dnsrecords }: { domain: string; dnsrecords: Record<string, FormValue>[] }) =>
  ({ domain, dnsrecords: dnsrecords.length > 0 ? dnsrecords : [BLANK_DNS_ROW] }) as Record<string, FormValue>;
const emailWire = ({ domain, prefix, forwardto }: { domain: string; prefix: string[]; forwardto: string[] }) =>
  (prefix.length > 0 ? { domain, prefix, forwardto } : { domain, prefix: [""], forwardto: [""] }) as Record<string, FormValue>;

export const routes = {
  register: route({ name: "register", method: "POST", path: "/order/domains/register", safety: "once", params: z.strictObject(order), response: R.registrarResult, wire: orderWire }),
  transfer: route({
    name: "transfer", method: "POST", path: "/order/domains/transfer", safety: "once",
    params: z.strictObject({ ...order, nameservers: order.nameservers.optional(), contacts: order.contacts.optional(), eppcode: z.string().optional() }),
    response: R.registrarResult, wire: orderWire,
  }),
  renew: route({ name: "renew", method: "POST", path: "/order/domains/renew", safety: "once", params: z.strictObject({ domain: P.domainName, regperiod: P.regperiod, addons: P.addons.optional(), idnLanguage: z.string().optional() }), response: R.registrarResult }),
  release: route({ name: "release", method: "POST", path: "/domains/{domain}/release", safety: "once", params: z.strictObject({ domain: P.domainName, transfertag: z.string().trim().min(1, { error: "must be the new registrar tag, e.g. an IPS tag" }) }), response: R.registrarResult }),
  getEppCode: route({ name: "getEppCode", method: "GET", path: "/domains/{domain}/eppcode", safety: "read", params: domainOnly, response: R.eppResult }),
  getContacts: route({ name: "getContacts", method: "GET", path: "/domains/{domain}/contact", safety: "read", params: domainOnly, response: R.contactsResult }),
  saveContacts: route({ name: "saveContacts", method: "POST", path: "/domains/{domain}/contact", safety: "once", params: z.strictObject({ domain: P.domainName, contactdetails: z.record(z.string(), z.record(z.string(), z.string())) }), response: R.registrarResult }),
  getLock: route({ name: "getLock", method: "GET", path: "/domains/{domain}/lock", safety: "read", params: domainOnly, response: R.lockResult }),
  saveLock: route({ name: "saveLock", method: "POST", path: "/domains/{domain}/lock", safety: "idempotent", params: z.strictObject({ domain: P.domainName, lockstatus: P.lockStatus }), response: R.registrarResult }),
  getDns: route({ name: "getDns", method: "GET", path: "/domains/{domain}/dns", safety: "read", params: domainOnly, response: R.dnsResult }),
  saveDns: route({ name: "saveDns", method: "POST", path: "/domains/{domain}/dns", safety: "idempotent", params: z.strictObject({ domain: P.domainName, dnsrecords: z.array(P.dnsRecord) }), response: R.registrarResult, wire: dnsWire }),
  requestDelete: route({ name: "requestDelete", method: "POST", path: "/domains/{domain}/delete", safety: "once", params: domainOnly, response: R.registrarResult }),
  transferSync: route({ name: "transferSync", method: "POST", path: "/domains/{domain}/transfersync", safety: "idempotent", params: domainOnly, response: R.transferSyncResult }),
  sync: route({ name: "sync", method: "POST", path: "/domains/{domain}/sync", safety: "idempotent", params: domainOnly, response: R.syncResult }),
  getEmailForwarding: route({ name: "getEmailForwarding", method: "GET", path: "/domains/{domain}/email", safety: "read", params: domainOnly, response: R.emailResult }),
  saveEmailForwarding: route({
    name: "saveEmailForwarding", method: "POST", path: "/domains/{domain}/email", safety: "idempotent",
    params: z
      .strictObject({ domain: P.domainName, prefix: z.array(z.string()), forwardto: z.array(z.string()) })
      .refine((p) => p.prefix.length === p.forwardto.length, { message: "prefix and forwardto must have the same length (one forward per prefix)", path: ["forwardto"] }),
    response: R.registrarResult,
    wire: emailWire,
  }),
  setIdProtection: route({ name: "setIdProtection", method: "POST", path: "/domains/{domain}/protectid", safety: "once", params: z.strictObject({ domain: P.domainName, status: z.union([z.boolean(), z.literal(0), z.literal(1)], { error: "must be true/false or 1/0" }).transform((v) => (v === true || v === 1 ? 1 : 0)) }), response: R.registrarResult }),
  lookup: route({ name: "lookup", method: "POST", path: "/domains/lookup", safety: "idempotent", params: search, response: R.searchResult }),
  suggestions: route({ name: "suggestions", method: "POST", path: "/domains/lookup/suggestions", safety: "idempotent", params: z.strictObject({ ...P.searchParams, suggestionSettings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() }), response: R.searchResult }),
  getNameservers: route({ name: "getNameservers", method: "GET", path: "/domains/{domain}/nameservers", safety: "read", params: domainOnly, response: R.nameserverResult }),
  saveNameservers: route({ name: "saveNameservers", method: "POST", path: "/domains/{domain}/nameservers", safety: "idempotent", params: z.strictObject({ domain: P.domainName, ns1: P.optionalHost.unwrap(), ns2: P.optionalHost.unwrap(), ns3: P.optionalHost, ns4: P.optionalHost, ns5: P.optionalHost }), response: R.registrarResult }),
  registerPrivateNameserver: route({ name: "registerPrivateNameserver", method: "POST", path: "/domains/{domain}/nameservers/register", safety: "once", params: z.strictObject({ domain: P.domainName, nameserver: P.optionalHost.unwrap(), ipaddress: P.ipAddress }), response: R.registrarResult }),
  modifyPrivateNameserver: route({ name: "modifyPrivateNameserver", method: "POST", path: "/domains/{domain}/nameservers/modify", safety: "once", params: z.strictObject({ domain: P.domainName, nameserver: P.optionalHost.unwrap(), currentipaddress: P.ipAddress, newipaddress: P.ipAddress }), response: R.registrarResult }),
  deletePrivateNameserver: route({ name: "deletePrivateNameserver", method: "POST", path: "/domains/{domain}/nameservers/delete", safety: "once", params: z.strictObject({ domain: P.domainName, nameserver: P.optionalHost.unwrap() }), response: R.registrarResult }),
  orderPricing: route({ name: "orderPricing", method: "GET", path: "/order/pricing/domains/{type}", safety: "read", params: z.strictObject({ type: P.pricingType, domain: P.domainName }), response: R.orderPricingResult }),
  credits: route({ name: "credits", method: "GET", path: "/billing/credits", safety: "read", params: z.strictObject({}), response: R.creditsResult }),
  version: route({ name: "version", method: "GET", path: "/version", safety: "read", params: z.strictObject({}), response: R.versionResult }),
  tlds: route({ name: "tlds", method: "GET", path: "/tlds", safety: "read", params: z.strictObject({}), response: R.tldsResult }),
  tldPricing: route({ name: "tldPricing", method: "GET", path: "/tlds/pricing", safety: "read", params: z.strictObject({}), response: R.tldPricingResult }),
  information: route({ name: "information", method: "GET", path: "/domains/{domain}/information", safety: "read", params: domainOnly, response: R.informationResult }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteParams<N extends RouteName> = z.input<Routes[N]["params"]>;
export type RouteResult<N extends RouteName> = z.output<Routes[N]["response"]>;
export const routeNames = Object.keys(routes) as RouteName[];

export function isRouteName(name: string): name is RouteName {
  return Object.prototype.hasOwnProperty.call(routes, name);
}
