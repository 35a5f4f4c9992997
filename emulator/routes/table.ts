/**
 * The 30 routes of reference §3, and a matcher. Templates are what counters and faults key on
 * ("POST /domains/{domain}/lock"). Literal segments beat parameters, so `/domains/lookup` is never
 * read as a domain called "lookup".
 */
import type { Route } from "../context";
import * as cat from "./catalogue";
import * as life from "./lifecycle";
import * as ns from "./nameservers";
import { getDns, saveDns } from "./dns";
import { getEmail, saveEmail } from "./email";
import { getContacts, saveContacts } from "./contacts";
import { register, renew, transfer } from "./orders";

export const ROUTES: Route[] = [
  { method: "POST", template: "/order/domains/register", handler: register },
  { method: "POST", template: "/order/domains/transfer", handler: transfer },
  { method: "POST", template: "/order/domains/renew", handler: renew },
  { method: "POST", template: "/domains/{domain}/release", handler: life.release },
  { method: "GET", template: "/domains/{domain}/eppcode", handler: life.eppCode },
  { method: "GET", template: "/domains/{domain}/contact", handler: getContacts },
  { method: "POST", template: "/domains/{domain}/contact", handler: saveContacts },
  { method: "GET", template: "/domains/{domain}/lock", handler: life.getLock },
  { method: "POST", template: "/domains/{domain}/lock", handler: life.saveLock },
  { method: "GET", template: "/domains/{domain}/dns", handler: getDns },
  { method: "POST", template: "/domains/{domain}/dns", handler: saveDns },
  { method: "POST", template: "/domains/{domain}/delete", handler: life.requestDelete },
  { method: "POST", template: "/domains/{domain}/transfersync", handler: life.transferSync },
  { method: "POST", template: "/domains/{domain}/sync", handler: life.sync },
  { method: "GET", template: "/domains/{domain}/email", handler: getEmail },
  { method: "POST", template: "/domains/{domain}/email", handler: saveEmail },
  { method: "POST", template: "/domains/{domain}/protectid", handler: life.protectId },
  { method: "POST", template: "/domains/lookup", handler: cat.lookup },
  { method: "POST", template: "/domains/lookup/suggestions", handler: cat.suggestions },
  { method: "GET", template: "/domains/{domain}/nameservers", handler: ns.getNameservers },
  { method: "POST", template: "/domains/{domain}/nameservers", handler: ns.saveNameservers },
  { method: "POST", template: "/domains/{domain}/nameservers/register", handler: ns.registerChild },
  { method: "POST", template: "/domains/{domain}/nameservers/modify", handler: ns.modifyChild },
  { method: "POST", template: "/domains/{domain}/nameservers/delete", handler: ns.deleteChild },
  { method: "GET", template: "/order/pricing/domains/{type}", handler: cat.orderPricing },
  { method: "GET", template: "/billing/credits", handler: cat.credits },
  { method: "GET", template: "/version", handler: cat.version },
  { method: "GET", template: "/tlds", handler: cat.listTlds },
  { method: "GET", template: "/tlds/pricing", handler: cat.tldPricing },
  { method: "GET", template: "/domains/{domain}/information", handler: life.information },
];

const COMPILED = ROUTES.map((route) => ({ route, parts: route.template.split("/").filter(Boolean), key: `${route.method} ${route.template}` }))
  // literal-first: fewer parameters sort earlier
  .sort((a, b) => a.parts.filter((p) => p.startsWith("{")).length - b.parts.filter((p) => p.startsWith("{")).length);

// The candidates for one method and segment count, in COMPILED order: a request is compared with
// the two or three routes that could match instead of all 30.
const BY_SHAPE = new Map<string, typeof COMPILED>();
for (const c of COMPILED) {
  const shape = `${c.route.method} ${c.parts.length}`;
  BY_SHAPE.set(shape, [...(BY_SHAPE.get(shape) ?? []), c]);
}

/**
 * `segments` are already percent-decoded path segments after the API base. `key` is
 * "METHOD /template", what counters and faults are keyed on.
 */
export interface RouteMatch {
  route: Route;
  path: Record<string, string>;
  key: string;
}

export function matchRoute(method: string, segments: string[]): RouteMatch | undefined {
  for (const { route, parts, key } of BY_SHAPE.get(`${method} ${segments.length}`) ?? []) {
    const path: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      const seg = segments[i]!;
      if (part.startsWith("{")) {
        path[part.slice(1, -1)] = seg.toLowerCase();
        return seg !== "";
      }
      return part === seg;
    });
    if (ok) return { route, path, key };
  }
  return undefined;
}
