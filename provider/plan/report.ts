// A preview turned into a plan a reviewer reads: what needs attention (errors, safety-rail
// refusals, deletions and replacements, domain moves, live DNS records deleted, DNS names given
// back, charges), then per domain what the code changes and what a refresh found changed outside of
// code. Pure: the preview in, the plan out.
import { domainOf, isEngineType, isGuardType, KINDS, kindOfType, type Kind } from "./kinds";
import { deleteReason, givenBackNamesOf, liveRecordsOf, type DeleteReason, type GivenBackName, type LiveRecord } from "./live";
import { splitUrn, type Preview, type PreviewStep, type StepState } from "./preview";
import { cleanMessage, refusalOf, type Refusal } from "./refusals";
import { compareInputs, hasChanges, type InputChanges } from "./resources";
import { displayValue, isObject, isSecret, type JsonObject } from "./values";

/** What the engine will do to a resource, collapsed over its steps (a replacement is one action). */
export type Action = "create" | "update" | "delete" | "replace" | "same";

export interface ResourceRef {
  kind: Kind;
  name: string;
  domain: string | undefined;
}

export interface ResourceChange extends ResourceRef {
  action: Action;
  changes: InputChanges;
  /** Inputs whose change forces the replacement, as the engine names them. */
  replaceReasons: string[];
}

export interface Drift extends ResourceRef {
  /** Old is what the last `up` recorded (the code then), new is what the refresh found live. */
  changes: InputChanges;
}

export interface Charge extends ResourceRef {
  /** "order" for a new registration or transfer, "renewal" for a declared renewal that is due. */
  charge: "order" | "renewal";
  kind: "Domain";
  quoteKind: string;
  years: number | undefined;
  amount: string;
  currency: string;
  runningTotal: string | undefined;
}

/**
 * A settings resource replaced because its `domain` changed: the new domain is taken over as
 * found, then the old one is given back as it was found. `domain` is the new one.
 */
export interface DomainMove extends ResourceRef {
  /** The domain given back; the new one taken over, as display text ("[unknown until apply]" when not known yet). */
  from: string;
  to: string;
}

/** A live DNS record that `pulumi up` deletes, with the DnsRecordSet that does it. */
export interface DnsRecordChange extends LiveRecord {
  resource: ResourceRef;
}

/**
 * A name and type a DnsRecordSet stops declaring: `pulumi up` gives it back as it was found when
 * the set took it over (its own records there are removed, what it replaced comes back, records
 * that were there before stay). Which records that means only the state knows.
 */
export interface DnsNameGivenBack extends GivenBackName {
  resource: ResourceRef;
}

export interface DnsRecordDeletion extends DnsRecordChange {
  reason: DeleteReason;
}

export interface PreviewError {
  resource: ResourceRef | undefined;
  /** The resource's name as the URN gives it, also for resources of other providers. */
  resourceName: string | undefined;
  message: string;
  refusal: Refusal | undefined;
}

export interface DomainPlan {
  domain: string;
  changes: ResourceChange[];
  drift: Drift[];
  unchanged: number;
}

export interface PlanCounts {
  create: number;
  update: number;
  delete: number;
  replace: number;
  unchanged: number;
  drifted: number;
  errors: number;
  /** Resources of other providers, counted by their action, never described. */
  otherProviders: number;
}

export interface Plan {
  /** The preview reported errors: nothing of it can be applied as it stands. */
  failed: boolean;
  counts: PlanCounts;
  errors: PreviewError[];
  removals: ResourceChange[];
  /** Resources whose `domain` changes (a replacement): what is given back and what is taken over. */
  domainMoves: DomainMove[];
  /** Every live DNS record the planned saves delete (the provider's `removes`), by zone. */
  dnsRecordsDeleted: DnsRecordDeletion[];
  /** Names and types the planned saves give back as they were found (the provider's `givesBack`), by zone. */
  dnsNamesGivenBack: DnsNameGivenBack[];
  charges: Charge[];
  domains: DomainPlan[];
  warnings: PreviewError[];
  otherProviders: { type: string; action: Action }[];
}

const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced", "discard-replaced", "read-replacement", "import-replacement"]);
const ACTION_OF_OP: Record<string, Action> = { create: "create", import: "create", update: "update", delete: "delete", discard: "delete", same: "same", read: "same" };

/** One URN's steps: the refresh (if the preview ran with --refresh) and what the engine plans. */
interface Resource {
  urn: string;
  type: string;
  name: string;
  refresh: PreviewStep | undefined;
  planned: PreviewStep[];
}

function byUrn(steps: PreviewStep[]): Resource[] {
  const resources = new Map<string, Resource>();
  for (const step of steps) {
    const resource = resources.get(step.urn) ?? { urn: step.urn, type: step.type, name: step.name, refresh: undefined, planned: [] };
    if (step.op === "refresh") resource.refresh = step;
    else resource.planned.push(step);
    resources.set(step.urn, resource);
  }
  return [...resources.values()];
}

function actionOf(resource: Resource): Action {
  if (resource.planned.some((s) => REPLACE_OPS.has(s.op))) return "replace";
  const ops = resource.planned.map((s) => ACTION_OF_OP[s.op]).filter((a): a is Action => a !== undefined);
  return ops.find((a) => a !== "same") ?? "same";
}

/**
 * The state recorded by the last `up`, what a refresh found live (only with --refresh), and what the
 * program asks for. In a preview the refresh step shows the recorded state on both sides; the
 * refreshed one is the old state of the step planned after it.
 */
function statesOf(resource: Resource): { recorded: StepState | undefined; live: StepState | undefined; wanted: StepState | undefined } {
  const planned = resource.planned.map((s) => s.oldState).find((s) => s !== undefined);
  const recorded = resource.refresh?.oldState ?? planned;
  const live = resource.refresh === undefined ? undefined : (planned ?? resource.refresh.newState);
  const wanted = resource.planned.map((s) => s.newState).find((s) => s !== undefined);
  return { recorded, live, wanted };
}

function chargeOf(ref: ResourceRef, action: Action, inputs: JsonObject | undefined): Charge | undefined {
  const quote = inputs?.quote;
  if (ref.kind !== "Domain" || !isObject(quote) || isSecret(quote)) return undefined;
  const quoteKind = typeof quote.kind === "string" ? quote.kind : "";
  const charge = action === "create" || action === "replace" ? "order" : action === "update" && quoteKind === "renew" ? "renewal" : undefined;
  if (charge === undefined) return undefined;
  return {
    ...ref,
    kind: "Domain",
    charge,
    quoteKind,
    years: typeof quote.years === "number" ? quote.years : undefined,
    amount: typeof quote.amount === "string" || typeof quote.amount === "number" ? String(quote.amount) : "?",
    currency: typeof quote.currency === "string" ? quote.currency : "",
    runningTotal: typeof quote.runningTotal === "string" || typeof quote.runningTotal === "number" ? String(quote.runningTotal) : undefined,
  };
}

/**
 * A resource that has no step (its check or diff failed, so the engine planned nothing for it):
 * its kind and name from the URN; the domain is not known.
 */
function refOfUrn(urn: string): ResourceRef | undefined {
  const { type, name } = splitUrn(urn);
  const kind = kindOfType(type);
  return kind === undefined ? undefined : { kind, name, domain: undefined };
}

/**
 * Charges in the order the provider added them up (its running total grows with each), which is
 * the program's order; by domain when there is no running total. Step order is not used: the
 * engine runs independent steps in parallel.
 */
function byRunningTotalThenDomain(a: Charge, b: Charge): number {
  const total = (c: Charge): number => (c.runningTotal === undefined ? Number.POSITIVE_INFINITY : Number(c.runningTotal));
  return total(a) - total(b) || (a.domain ?? a.name).localeCompare(b.domain ?? b.name);
}

const kindRank = (kind: Kind): number => KINDS.indexOf(kind);
const byKindThenName = (a: ResourceRef, b: ResourceRef): number => kindRank(a.kind) - kindRank(b.kind) || a.name.localeCompare(b.name);
/** By zone, then by resource; a resource's records (or names) stay in the provider's order. */
const byZoneThenResource = (a: { domain: string; resource: ResourceRef }, b: { domain: string; resource: ResourceRef }): number => a.domain.localeCompare(b.domain) || byKindThenName(a.resource, b.resource);

/**
 * A moved resource's changes: its fields old → new (`domain` among them), and its records or
 * forwards as what it declares on the new domain, all added: compared with the old domain's they
 * would read as a few records changed on one zone.
 */
function movedChanges(kind: Kind, before: JsonObject | undefined, after: JsonObject | undefined): InputChanges {
  const { fields } = compareInputs(kind, before, after);
  const { dns, forwards } = compareInputs(kind, undefined, after);
  return { ...(dns ? { dns } : {}), ...(forwards ? { forwards } : {}), fields };
}

/** The kinds that belong to one domain and take it over as found: a `domain` change moves them. */
const MOVABLE = new Set<Kind>(["DnsRecordSet", "Nameservers", "RegistrarLock", "EmailForwarding", "IdProtection", "PrivateNameserver"]);

function domainMoveOf(ref: ResourceRef, action: Action, replaceReasons: string[], recorded: StepState | undefined, wanted: StepState | undefined): DomainMove | undefined {
  if (action !== "replace" || !MOVABLE.has(ref.kind) || !replaceReasons.includes("domain")) return undefined;
  const side = (state: StepState | undefined): string => (state?.inputs.domain === undefined ? "(unknown)" : displayValue(state.inputs.domain).toLowerCase());
  return { ...ref, from: side(recorded), to: side(wanted) };
}

/**
 * Unchanged resources the preview does not list (without --show-sames or --refresh it lists only
 * the stack among them): the engine's "same" count less the ones listed, the stack, and the
 * provider's guard when it is among them (it exists whenever the stack has any of our resources).
 */
function unlistedSames(preview: Preview, resources: Resource[]): number {
  const hidden = (preview.changeSummary.same ?? 0) - resources.filter((r) => actionOf(r) === "same").length;
  if (hidden <= 0) return 0;
  const guardListed = resources.some((r) => isGuardType(r.type));
  const ours = resources.filter((r) => kindOfType(r.type) !== undefined);
  const guardHidden = !guardListed && (ours.some((r) => actionOf(r) !== "delete") || resources.every((r) => isEngineType(r.type)));
  return Math.max(0, hidden - (guardHidden ? 1 : 0));
}

/** Builds the plan of a preview. */
export function buildPlan(preview: Preview): Plan {
  const counts: PlanCounts = { create: 0, update: 0, delete: 0, replace: 0, unchanged: 0, drifted: 0, errors: 0, otherProviders: 0 };
  const refs = new Map<string, ResourceRef>();
  const domains = new Map<string, DomainPlan>();
  const removals: ResourceChange[] = [];
  const domainMoves: DomainMove[] = [];
  const dnsRecordsDeleted: DnsRecordDeletion[] = [];
  const dnsNamesGivenBack: DnsNameGivenBack[] = [];
  const charges: Charge[] = [];
  const otherProviders: { type: string; action: Action }[] = [];
  const domainPlan = (domain: string): DomainPlan => {
    const existing = domains.get(domain);
    if (existing) return existing;
    const created: DomainPlan = { domain, changes: [], drift: [], unchanged: 0 };
    domains.set(domain, created);
    return created;
  };

  const resources = byUrn(preview.steps);
  for (const resource of resources) {
    if (isEngineType(resource.type) || isGuardType(resource.type)) continue;
    const action = actionOf(resource);
    const kind = kindOfType(resource.type) ?? kindOfType(resource.planned[0]?.newState?.type ?? "");
    if (kind === undefined) {
      otherProviders.push({ type: resource.type, action });
      counts.otherProviders += 1;
      continue;
    }
    const { recorded, live, wanted } = statesOf(resource);
    const domain = domainOf(kind, wanted?.inputs ?? recorded?.inputs ?? {});
    const ref: ResourceRef = { kind, name: resource.name, domain };
    refs.set(resource.urn, ref);
    const plan = domainPlan(domain ?? "(unknown domain)");

    const drift = live && recorded ? compareInputs(kind, recorded.inputs, live.inputs) : undefined;
    if (drift && hasChanges(drift)) {
      plan.drift.push({ ...ref, changes: drift });
      counts.drifted += 1;
    }

    const replaceReasons = [...new Set(resource.planned.flatMap((s) => s.replaceReasons))];
    const move = domainMoveOf(ref, action, replaceReasons, recorded, wanted);
    const changes = move
      ? movedChanges(kind, recorded?.inputs, wanted?.inputs)
      : compareInputs(kind, action === "create" ? undefined : recorded?.inputs, action === "delete" ? undefined : wanted?.inputs);
    const change: ResourceChange = { ...ref, action, changes, replaceReasons };
    const charge = chargeOf(ref, action, wanted?.inputs);
    if (charge) charges.push(charge);

    if (action === "same") {
      counts.unchanged += 1;
      plan.unchanged += 1;
      continue;
    }
    counts[action] += 1;
    if (move) domainMoves.push(move);
    // What the planned save does to live records, as the provider's check listed it. Only for a
    // step that saves (a "same" step's check may list them too, but nothing is applied).
    if (kind === "DnsRecordSet" && action !== "delete") {
      const zone = domain ?? "(unknown domain)";
      for (const r of liveRecordsOf(wanted?.inputs, zone)) dnsRecordsDeleted.push({ ...r, resource: ref, reason: deleteReason(r, recorded?.inputs, wanted?.inputs, live?.inputs) });
      for (const n of givenBackNamesOf(wanted?.inputs, zone)) dnsNamesGivenBack.push({ ...n, resource: ref });
    }
    // An update that only puts back what drifted changes nothing in the code: it shows as drift.
    if (action === "update" && !hasChanges(changes)) continue;
    plan.changes.push(change);
    if (action === "delete" || action === "replace") removals.push(change);
  }

  const diagnostics = preview.diagnostics.map((d) => {
    const resource = d.urn === undefined ? undefined : (refs.get(d.urn) ?? refOfUrn(d.urn));
    // The stack's own messages and the guard's refusals (max-deletes-per-run) are about the whole stack.
    const urn = d.urn === undefined ? undefined : splitUrn(d.urn);
    const resourceName = urn === undefined || isGuardType(urn.type) || isEngineType(urn.type) ? undefined : urn.name || undefined;
    const message = cleanMessage(d.message);
    return { severity: d.severity, error: { resource, resourceName, message, refusal: refusalOf(message) } satisfies PreviewError };
  });
  const errors = diagnostics.filter((d) => d.severity === "error").map((d) => d.error);
  const warnings = diagnostics.filter((d) => d.severity === "warning").map((d) => d.error);
  counts.errors = errors.length;
  counts.unchanged += unlistedSames(preview, resources);

  const sorted = [...domains.values()].sort((a, b) => a.domain.localeCompare(b.domain));
  for (const plan of sorted) {
    plan.changes.sort(byKindThenName);
    plan.drift.sort(byKindThenName);
  }
  return {
    failed: errors.length > 0,
    counts,
    errors,
    removals: removals.sort(byKindThenName),
    domainMoves: domainMoves.sort(byKindThenName),
    dnsRecordsDeleted: dnsRecordsDeleted.sort(byZoneThenResource),
    dnsNamesGivenBack: dnsNamesGivenBack.sort(byZoneThenResource),
    charges: charges.sort(byRunningTotalThenDomain),
    domains: sorted,
    warnings,
    otherProviders,
  };
}
