/**
 * Nameservers (reference §4.4–4.6): get as `{"ns1":…,"ns5":…}` with empty strings for unused
 * slots, save from top-level `ns1..ns5` (or a `nameservers[...]` list), and the child
 * ("private") nameserver register/modify/delete calls.
 */
import { isIP } from "node:net";
import type { Context } from "../context";
import { invalid } from "../errors";
import { checkNameservers } from "./order-input";
import { OK, ownedDomain, writableDomain } from "./owned";

export function getNameservers(ctx: Context): unknown {
  const d = ownedDomain(ctx);
  const out: Record<string, string> = {};
  for (let i = 0; i < 5; i++) out[`ns${i + 1}`] = d.nameservers[i] ?? "";
  return out;
}

export function saveNameservers(ctx: Context): unknown {
  const d = writableDomain(ctx);
  const list: string[] = [];
  const nested = ctx.params.entries("nameservers");
  if (nested.length > 0) {
    for (const [, v] of nested) if (typeof v === "string" && v.trim() !== "") list.push(v.trim().toLowerCase());
  } else {
    for (let i = 1; i <= 6; i++) {
      const v = ctx.params.str(`ns${i}`)?.trim();
      if (v) list.push(v.toLowerCase());
      else if (i <= 2) throw invalid(`ns${i} is required`);
    }
  }
  d.nameservers = checkNameservers(list, nested.length > 0 ? "nameservers" : "ns1..ns5");
  ctx.store.saveDomain(d);
  return OK;
}

function childName(ctx: Context, domain: string): string {
  const ns = ctx.params.required("nameserver").toLowerCase().replace(/\.$/, "");
  if (!ns.endsWith(`.${domain}`) || !/^[a-z0-9.-]+$/.test(ns)) throw invalid(`nameserver "${ns}" must be a host under ${domain}`);
  return ns;
}

function ip(ctx: Context, field: string): string {
  const v = ctx.params.required(field);
  if (isIP(v) === 0) throw invalid(`${field} "${v}" is not an IPv4 or IPv6 address`);
  return v;
}

export function registerChild(ctx: Context): unknown {
  const d = writableDomain(ctx);
  const nameserver = childName(ctx, d.name);
  const ipaddress = ip(ctx, "ipaddress");
  if (d.privateNameservers.some((p) => p.nameserver === nameserver)) throw invalid(`nameserver ${nameserver} is already registered`);
  d.privateNameservers.push({ nameserver, ipaddress });
  ctx.store.saveDomain(d);
  return OK;
}

export function modifyChild(ctx: Context): unknown {
  const d = writableDomain(ctx);
  const nameserver = childName(ctx, d.name);
  const current = ip(ctx, "currentipaddress");
  const next = ip(ctx, "newipaddress");
  const entry = d.privateNameservers.find((p) => p.nameserver === nameserver);
  if (!entry) throw invalid(`nameserver ${nameserver} is not registered`);
  if (entry.ipaddress !== current) throw invalid(`currentipaddress ${current} does not match ${nameserver} (${entry.ipaddress})`);
  entry.ipaddress = next;
  ctx.store.saveDomain(d);
  return OK;
}

export function deleteChild(ctx: Context): unknown {
  const d = writableDomain(ctx);
  const nameserver = childName(ctx, d.name);
  const before = d.privateNameservers.length;
  d.privateNameservers = d.privateNameservers.filter((p) => p.nameserver !== nameserver);
  if (d.privateNameservers.length === before) throw invalid(`nameserver ${nameserver} is not registered`);
  ctx.store.saveDomain(d);
  return OK;
}
