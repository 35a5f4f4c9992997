// What one Domain would charge in this deployment, for the preview and the charge rail: an order
// (a new register or transfer not already in the account) or a renewal that is due. The plans of
// the whole run sit in one ChargePlan, because the provider process serves one deployment. Each
// charge that may go ahead prints one line (ctx.warn: the engine shows the provider's standard error
// in the plain preview and in `up`), so the money shows without `--diff`.
import { chargeNotice, decideCreate, expiryDay, renewalDue, transferStatusOf, type DomainInputs } from "../../model/domain";
import { ChargePlan } from "../../model/safety";
import type { KindContext } from "../kind";
import { safetySettings } from "../settings";
import { accountDomain, accountDomainForOrder } from "./account";
import { quoteFailures, quoteOrder } from "./quote";

const runCharges = new ChargePlan();
/** Lines already printed by this process (one per phase: `up` runs its preview and its update in two). */
const printed = new Set<string>();

export type ChargeCheck = { ok: true; inputs: DomainInputs } | { ok: false; failures: { property: string; reason: string }[] };

/**
 * Domains whose renewal was accepted and not shown yet, as the state seen in this process says
 * (a refresh's read, a diff): no renewal is quoted or counted for them, since none will be sent.
 */
const waitingRenewals = new Set<string>();
export function noteRenewalWaiting(name: string, waiting: boolean): void {
  if (waiting) waitingRenewals.add(name);
  else waitingRenewals.delete(name);
}

/** The latest expiry a read of this process saw per domain (the registry's may be ahead of the account's record). */
const seenExpiry = new Map<string, string | null>();
export function noteExpiry(name: string, expiry: string | null): void {
  seenExpiry.set(name, expiry);
}

/** The quote to pay for, or undefined when this resource places no charge in this run. */
async function quoteToPay(ctx: KindContext, isNew: boolean, inputs: DomainInputs) {
  if (isNew) {
    if (inputs.source === "adopt") return undefined;
    if ((await accountDomainForOrder(ctx.client, inputs.name, inputs.source)) !== undefined) return undefined; // adopted: nothing to pay
    return quoteOrder(ctx, inputs.source, inputs.name, inputs.years ?? 0);
  }
  if (inputs.renewal === undefined || waitingRenewals.has(inputs.name)) return undefined;
  const info = await accountDomain(ctx.client, inputs.name);
  // Not in the account (the read will say so) or a transfer still pending: nothing to renew yet.
  if (info === undefined || transferStatusOf({ info }) === "pendingTransfer") return undefined;
  const seen = seenExpiry.get(inputs.name);
  const expiry = seen !== undefined && (expiryDay(seen) ?? 0) > (expiryDay(info.expiryDate) ?? 0) ? seen : info.expiryDate;
  const due = renewalDue({ expiryDate: expiry, now: ctx.client.serverNow(), minDaysRemaining: inputs.renewal.minDaysRemaining }).due;
  return due ? quoteOrder(ctx, "renew", inputs.name, inputs.renewal.years) : undefined;
}

/**
 * Quotes what this resource would charge, refuses what must not be ordered (maxPrice, balance,
 * premium, the run's maxChargePerRun), prints what it will cost, and returns the inputs with the
 * quote and the run's running total, which `preview --diff` shows as `quote`.
 */
export async function checkCharge(ctx: KindContext, isNew: boolean, inputs: DomainInputs): Promise<ChargeCheck> {
  const outcome = await quoteToPay(ctx, isNew, inputs);
  if (outcome === undefined) {
    runCharges.forget(inputs.name);
    return { ok: true, inputs };
  }
  // A taken name is refused in the preview too, not only when `up` is about to order it.
  const decision = isNew && inputs.source === "register" ? decideCreate({ name: inputs.name, source: inputs.source, inAccount: false, available: outcome.available }) : undefined;
  if (decision?.action === "refuse") return { ok: false, failures: [{ property: "name", reason: decision.reason }] };
  const failures = await quoteFailures(ctx, inputs, outcome);
  if (failures.length > 0 || outcome.quote === undefined) return { ok: false, failures };
  const { maxChargePerRun } = safetySettings();
  const verdict = runCharges.plan({ domain: inputs.name, quote: outcome.quote }, maxChargePerRun);
  if (!verdict.ok) return { ok: false, failures: [{ property: "", reason: verdict.message }] };
  const line = chargeNotice({ domain: inputs.name, quote: outcome.quote, maxPrice: inputs.maxPrice, runningTotal: verdict.runningTotal, maxChargePerRun });
  if (!printed.has(line)) {
    printed.add(line);
    ctx.warn(line);
  }
  return { ok: true, inputs: { ...inputs, quote: { ...outcome.quote, runningTotal: verdict.runningTotal } } as DomainInputs };
}
