/**
 * POST /order/domains/register | transfer | renew (reference §4.1–4.3). These take the domain
 * from the body (there is no path domain), bill the reseller, and answer the bare JSON string
 * "success". A premium name (admin behaviour `premiumDomains`) is billed its premium price per
 * year instead of the list price; with a `renewalDelaySeconds`, a renewal is billed and stored at
 * once but the status routes show the new expiry only when it is due (behaviour.ts).
 */
import type { Context } from "../context";
import type { DomainState } from "../domain-state";
import { randomEppCode } from "../domain-state";
import { isDomainName, isTakenElsewhere, tldOf, type Tld } from "../catalogue";
import { addYears, isoDate, isoTime } from "../clock";
import { charge } from "../billing";
import { decodeDomainFields } from "../php/unserialize";
import { invalid } from "../errors";
import { isDeleted, isGone } from "../domain-phase";
import { addonFlag, orderContacts, orderNameservers } from "./order-input";
import { notInAccount, ownedByName } from "./owned";

/** The body's `domain`, lower-cased, syntax-checked, with its catalogue TLD. */
export function orderDomain(ctx: Context): { name: string; tld: Tld } {
  const name = ctx.params.required("domain").toLowerCase().replace(/\.$/, "");
  if (!isDomainName(name)) throw invalid(`domain "${name}" is not a valid domain name`);
  const tld = tldOf(name);
  if (!tld) throw invalid(`domain: TLD of "${name}" is not offered by this reseller`);
  // Orders are for registrable names only: one label in front of the TLD ("shop.co.uk", not "www.shop.com").
  if (name.split(".").length !== tld.tld.split(".").length + 1) throw invalid(`domain "${name}" is not a registrable name under .${tld.tld}`);
  return { name, tld };
}

function years(ctx: Context, tld: Tld, fallback?: number): number {
  const n = ctx.params.int("regperiod", fallback);
  if (!tld.years.includes(n)) throw invalid(`regperiod must be one of ${tld.years.join(", ")} for .${tld.tld}, got ${n}`);
  return n;
}

function newDomain(ctx: Context, name: string, tld: Tld): DomainState {
  const fields = decodeDomainFields(ctx.params.str("domainfields"));
  if (!fields.ok) throw invalid(fields.message);
  return {
    name,
    owner: ctx.account.email,
    status: "Active",
    expiryDate: isoDate(ctx.now),
    createdAt: isoTime(ctx.now),
    locked: tld.registrarLock,
    idProtection: addonFlag(ctx.params, "idprotection"),
    eppCode: randomEppCode(),
    nameservers: orderNameservers(ctx.params),
    dns: [],
    emailForwarding: [],
    contacts: orderContacts(ctx.params),
    privateNameservers: [],
    addons: { dnsmanagement: addonFlag(ctx.params, "dnsmanagement"), emailforwarding: addonFlag(ctx.params, "emailforwarding") },
    domainfields: fields.fields,
    transferReadyAt: null,
    transferYears: 0,
    transferFailReason: null,
    transferTag: null,
    nextRecid: 1,
  };
}

export function register(ctx: Context): unknown {
  const { name, tld } = orderDomain(ctx);
  const n = years(ctx, tld);
  // A name deleted after expiry is free again; one transferred away is held at another registrar.
  const held = ctx.store.domain(name);
  if ((held && !isDeleted(held, ctx.now)) || isTakenElsewhere(name)) throw invalid(`domain ${name} is not available for registration`);
  const d = newDomain(ctx, name, tld);
  d.expiryDate = addYears(isoDate(ctx.now), n);
  charge(ctx.store, ctx.account, "register", name, n, ctx.behaviour.yearCents(name, tld, "register") * n, ctx.now);
  ctx.store.putDomain(d);
  ctx.behaviour.forgetRenewals(name); // a new domain: nothing queued for the old one shows
  return "success";
}

/**
 * The domain is treated as held at another registrar. The EPP code must look like one (6–64
 * printable characters); a code starting with "invalid" is accepted but the transfer later
 * fails at transfersync, with a refund, so clients can exercise that path.
 */
export function transfer(ctx: Context): unknown {
  const { name, tld } = orderDomain(ctx);
  const n = years(ctx, tld, 1);
  const epp = ctx.params.required("eppcode");
  if (!/^[\x21-\x7e]{6,64}$/.test(epp)) throw invalid("eppcode must be 6-64 printable characters without spaces");
  // A domain that left (a failed transfer, transferred away, deleted) may be ordered in again.
  const held = ctx.store.domain(name);
  if (held && !isGone(held, ctx.now)) throw invalid(`domain ${name} is already managed by this registrar`);
  const d = newDomain(ctx, name, tld);
  d.status = "Pending Transfer";
  d.locked = false;
  d.eppCode = epp;
  d.transferReadyAt = ctx.now + ctx.transferDelaySeconds;
  d.transferYears = n;
  d.transferFailReason = epp.toLowerCase().startsWith("invalid") ? "Invalid EPP code provided by the losing registrar" : null;
  charge(ctx.store, ctx.account, "transfer", name, n, ctx.behaviour.yearCents(name, tld, "transfer") * n, ctx.now);
  ctx.store.putDomain(d);
  ctx.behaviour.forgetRenewals(name);
  return "success";
}

/**
 * Renewal may not push expiry past ten years from now (the registry limit). Expiry is computed
 * from the stored one, which already holds every earlier renewal (shown yet or not), so two
 * renewals inside the delay add up.
 */
export function renew(ctx: Context): unknown {
  const { name, tld } = orderDomain(ctx);
  const d = ownedByName(ctx, name);
  if (isGone(d, ctx.now)) throw notInAccount(ctx);
  if (d.status !== "Active" && d.status !== "Expired") throw invalid(`domain ${name} cannot be renewed while its status is ${d.status}`);
  const n = years(ctx, tld);
  const today = isoDate(ctx.now);
  const from = d.expiryDate < today ? today : d.expiryDate;
  const expiry = addYears(from, n);
  if (expiry > addYears(today, 10)) throw invalid(`regperiod ${n} would put the expiry (${expiry}) more than 10 years ahead`);
  charge(ctx.store, ctx.account, "renew", name, n, ctx.behaviour.yearCents(name, tld, "renew") * n, ctx.now);
  const before = { expiryDate: d.expiryDate, status: d.status };
  d.expiryDate = expiry;
  d.status = "Active";
  ctx.store.saveDomain(d);
  ctx.behaviour.queueRenewal(name, before, ctx.now);
  return "success";
}

