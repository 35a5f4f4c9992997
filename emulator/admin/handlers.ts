/**
 * The admin/test surface under /__admin (a fixed contract used by the end-to-end harness and
 * the demo): reset and reseed, accounts and credit, out-of-band domain state (drift), faults,
 * real-registrar behaviour, ledger, counters, the request log and the clock. JSON in and out, no
 * auth; only mounted when `admin: true`.
 */
import { z } from "zod";
import type { Store } from "../db/store";
import type { DomainState } from "../domain-state";
import type { Runtime } from "../runtime";
import { FAULT_KINDS } from "../runtime";
import { parseBehaviourPatch } from "../behaviour";
import { formatCents, parseMoney } from "../catalogue";
import { ApiError, invalid } from "../errors";
import { domainFields, domainFromSeed, seedDnsRows, seedDomain, seedSchema } from "../seed";
import { applySeed } from "./seed-apply";

export interface AdminDeps {
  store: Store;
  runtime: Runtime;
}

const money = z.union([z.string(), z.number()]).transform(String);
const accountBody = z.object({ email: z.string().email(), apiKey: z.string().min(1), credit: money.default("0.00") });
const faultBody = z.object({
  route: z.string().regex(/^(\*|(GET|POST) \/\S*)$/, 'route must be "*" or "METHOD /template"'),
  kind: z.enum(FAULT_KINDS),
  ms: z.number().int().min(0).max(600_000).optional(),
  status: z.number().int().min(100).max(599).optional(),
  retryAfter: z.number().int().min(0).optional(),
  times: z.number().int().min(1).optional(),
  count: z.number().int().min(1).max(1000).optional(),
});

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw invalid(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  return r.data;
}

function cents(text: string, field: string): number {
  const c = parseMoney(text);
  if (c === null) throw invalid(`${field} must be an amount like "500.00", got "${text}"`);
  return c;
}

export function domainView(d: DomainState): Record<string, unknown> {
  const { name, owner, status, expiryDate, locked, nameservers, dns, emailForwarding, idProtection, contacts, privateNameservers, eppCode, createdAt, transferTag, addons } = d;
  return {
    domain: name, owner, status, expiryDate, locked, nameservers, dns, emailForwarding, idProtection, contacts, privateNameservers, eppCode, createdAt, transferTag,
    addons, enforceAddons: d.enforceAddons ?? false, restorable: d.restorable ?? false,
  };
}

function accountView(store: Store, email: string): Record<string, unknown> {
  const a = store.account(email);
  if (!a) throw new ApiError(404, `account ${email} not found`);
  return { email: a.email, apiKey: a.apiKey, credit: formatCents(a.creditCents) };
}

/** Applies the optional fields of a PATCH/POST to a domain's state. */
function patchDomain(d: DomainState, patch: z.infer<typeof domainFields>): void {
  if (patch.expiryDate !== undefined) d.expiryDate = patch.expiryDate;
  if (patch.locked !== undefined) d.locked = patch.locked;
  if (patch.nameservers !== undefined) d.nameservers = patch.nameservers.map((n) => n.toLowerCase());
  if (patch.dns !== undefined) {
    const rows = seedDnsRows(patch.dns, d.nextRecid);
    d.dns = rows.rows;
    d.nextRecid = rows.next;
  }
  if (patch.emailForwarding !== undefined) d.emailForwarding = patch.emailForwarding;
  if (patch.idProtection !== undefined) d.idProtection = patch.idProtection;
  if (patch.eppCode !== undefined) d.eppCode = patch.eppCode;
  if (patch.status !== undefined) d.status = patch.status as DomainState["status"];
  if (patch.contacts !== undefined) d.contacts = patch.contacts;
  if (patch.privateNameservers !== undefined) d.privateNameservers = patch.privateNameservers;
  if (patch.addons !== undefined) d.addons = { ...d.addons, ...definedOnly(patch.addons) };
  if (patch.enforceAddons !== undefined) d.enforceAddons = patch.enforceAddons;
  if (patch.restorable !== undefined) d.restorable = patch.restorable;
}

/** `{dnsmanagement: true}` changes that add-on only: absent keys keep their value. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Dispatches one admin call; `segments` follow "/__admin". Runs inside the caller's transaction. */
export function handleAdmin(deps: AdminDeps, method: string, segments: string[], body: unknown): unknown {
  const { store, runtime } = deps;
  const [head, id, tail] = segments;
  const route = `${method} ${head ?? ""}${id !== undefined ? "/:id" : ""}${tail !== undefined ? `/${tail}` : ""}`;
  switch (route) {
    case "POST reset": {
      const seed = (body as { seed?: unknown } | undefined)?.seed;
      const checked = seed === undefined ? undefined : parse(seedSchema, seed);
      store.wipe();
      runtime.reset();
      const accounts = checked ? applySeed(store, checked, runtime.now()) : [];
      return { ok: true, accounts };
    }
    case "GET accounts":
      return store.accounts().map((a) => ({ email: a.email, apiKey: a.apiKey, credit: formatCents(a.creditCents) }));
    case "POST accounts": {
      const a = parse(accountBody, body);
      const existing = store.account(a.email);
      store.upsertAccount({ email: existing?.email ?? a.email, apiKey: a.apiKey, creditCents: cents(a.credit, "credit") });
      return accountView(store, a.email);
    }
    case "PUT accounts/:id/credit": {
      const { credit } = parse(z.object({ credit: money }), body);
      accountView(store, id!); // 404 for an unknown account
      store.setCredit(id!, cents(credit, "credit"));
      return accountView(store, id!);
    }
    case "POST domains": {
      const input = parse(seedDomain.extend({ owner: z.string() }), body);
      const owner = store.account(input.owner);
      if (!owner) throw invalid(`owner: account ${input.owner} does not exist (create it with POST /__admin/accounts)`);
      const state = domainFromSeed(owner.email, input, runtime.now());
      store.putDomain(state);
      runtime.behaviour.forgetRenewals(state.name); // the stored state is the truth now
      return domainView(state);
    }
    case "PATCH domains/:id": {
      const patch = parse(domainFields.extend({ owner: z.string().optional() }), body);
      const d = store.domain(id!.toLowerCase());
      if (!d) throw new ApiError(404, `domain ${id} not found`);
      if (patch.owner !== undefined) {
        const owner = store.account(patch.owner);
        if (!owner) throw invalid(`owner: account ${patch.owner} does not exist`);
        store.setOwner(d, owner.email);
      }
      patchDomain(d, patch);
      store.saveDomain(d);
      runtime.behaviour.forgetRenewals(d.name);
      return domainView(d);
    }
    case "GET domains/:id": {
      const d = store.domain(id!.toLowerCase());
      if (!d) throw new ApiError(404, `domain ${id} not found`);
      return domainView(d);
    }
    case "POST faults":
      return runtime.addFault(parse(faultBody, body));
    case "GET faults":
      return runtime.faults;
    case "DELETE faults":
      runtime.faults = [];
      runtime.releaseHolds();
      return { ok: true };
    case "GET behaviour":
      return runtime.behaviour.view();
    case "POST behaviour":
      // Validated whole before anything changes: a refused body leaves the behaviour as it was.
      runtime.behaviour.update(parseBehaviourPatch(body));
      return runtime.behaviour.view();
    case "DELETE behaviour":
      runtime.behaviour.reset();
      return runtime.behaviour.view();
    case "GET ledger":
      return store.ledger().map((e) => ({ id: e.id, account: e.account, type: e.type, domain: e.domain, years: e.years, amount: formatCents(e.amountCents), balanceAfter: formatCents(e.balanceAfterCents), at: e.at }));
    case "GET counters":
      return Object.fromEntries(runtime.counters);
    case "DELETE counters":
      runtime.counters.clear();
      return { ok: true };
    case "GET requests":
      return runtime.requests.view();
    case "DELETE requests":
      runtime.requests.clear();
      return { ok: true };
    case "POST clock": {
      const { offsetSeconds } = parse(z.object({ offsetSeconds: z.number().int() }), body);
      runtime.clockOffsetSeconds = offsetSeconds;
      return { offsetSeconds, now: new Date(runtime.now() * 1000).toISOString() };
    }
    default:
      throw new ApiError(404, `unknown admin route ${method} /__admin/${segments.join("/")}`);
  }
}
