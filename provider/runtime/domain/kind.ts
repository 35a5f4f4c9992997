// Domain inside the provider process: adopt, register or transfer (each order sent at most once,
// quoted and checked first), follow a transfer until it completes, renew when declared and due,
// keep contacts as declared, and on delete retain the registration or release it. Every decision
// is the model's (provider/model/domain); this file reads the account and sends what it decided.
import {
  afterAmbiguousRenewal,
  contactsFromLive,
  contactsToSaveParams,
  decideCreate,
  diffContacts,
  diffDomain,
  domainInputsSchema,
  domainState,
  inputsOfState,
  orderParams,
  renewalDue,
  settleRenewal,
  transferStatusOf,
  type DomainInputs,
  type DomainState,
  type Quote,
  type TransferStatus,
} from "../../model/domain";
import { clientFor } from "../clients";
import type { KindContext, ResourceKind } from "../kind";
import { resolveSettings } from "../settings";
import { PartialApplyError } from "../kind";
import { accountDomain, availability, type Information } from "./account";
import { OrderOutcomeUnknown, orderOnce } from "./order";
import { safetySettings } from "../settings";
import { checkCharge } from "./charge";
import { claim, claimed, identityOf } from "../handover";
import { quoteFailures, quoteOrder } from "./quote";

/**
 * The registrar's "now" (its clock as learnt by the client from response dates, which a refresh just
 * exercised): whether a renewal is due is a question of the registrar's calendar, not ours.
 */
function serverNow(profile: string | undefined): Date {
  try {
    return clientFor(resolveSettings(profile)).serverNow();
  } catch {
    return new Date(); // no credentials (a preview of input mistakes): the local clock
  }
}

/** The state as the account shows it now, for `inputs` as applied. */
async function observe(ctx: KindContext, inputs: DomainInputs, info: Information, lastQuote: Quote | null, transferStatus: TransferStatus, reason?: string | null): Promise<DomainState> {
  const contacts = inputs.contacts !== undefined ? contactsFromLive(await ctx.client.call("getContacts", { domain: inputs.name }), inputs.contacts) : undefined;
  return domainState({ inputs, live: info, contacts, lastQuote, transferStatus, transferFailureReason: reason ?? null });
}

/**
 * A refresh keeps an unsettled renewal until the expiry moves later (then the renewal went through,
 * and its quote becomes the last one charged).
 */
function withUnsettled(fresh: DomainState, previous: DomainState, expiryNow: string | null): DomainState {
  const unsettled = previous.unsettledRenewal;
  if (unsettled === undefined) return fresh;
  const verdict = settleRenewal({ domain: fresh.name, unsettled, expiryNow, consents: [] });
  return verdict.settled ? { ...fresh, lastQuote: unsettled.quote ?? fresh.lastQuote } : { ...fresh, unsettledRenewal: unsettled };
}

/** A pending transfer asks the registry (transfersync) before anything else is read. */
async function syncTransfer(ctx: KindContext, name: string): Promise<{ status: TransferStatus; reason: string | null }> {
  const sync = await ctx.client.call("transferSync", { domain: name });
  return { status: transferStatusOf({ sync }), reason: sync.reason };
}

/** Saves the declared contacts when the live ones differ; `inForce` is the state to record should the save not hold. */
async function saveContacts(ctx: KindContext, inForce: () => Promise<DomainState>, news: DomainInputs): Promise<void> {
  if (news.contacts === undefined) return;
  const live = await ctx.client.call("getContacts", { domain: news.name });
  if (diffContacts(news.contacts, contactsFromLive(live, news.contacts)).length === 0) return;
  await ctx.client.call("saveContacts", { domain: news.name, contactdetails: contactsToSaveParams(news.contacts, live) });
  const still = diffContacts(news.contacts, contactsFromLive(await ctx.client.call("getContacts", { domain: news.name }), news.contacts));
  if (still.length > 0) throw new PartialApplyError(news.name, await inForce(), new Error(`the registrar accepted the contact change of ${news.name} but still shows different ${still.join(", ")}`));
}

export const domain: ResourceKind<typeof domainInputsSchema, DomainState> = {
  inputs: domainInputsSchema,
  stateVersion: 1,
  diff(olds, news) {
    const decided = diffDomain(olds, news, serverNow(news.profile));
    // A new name is another registration: never a silent replace (which would order again).
    if (decided.replaceRefusal !== null) throw new Error(decided.replaceRefusal);
    return { changes: decided.changes, replaces: decided.replaces, deleteBeforeReplace: decided.deleteBeforeReplace };
  },

  async prepare(ctx, olds, inputs) {
    // An order (new resource) or a due renewal is quoted, checked and shown; anything else costs nothing.
    return checkCharge(ctx, Object.keys(olds).length === 0, inputs);
  },

  async create(ctx, raw) {
    const { quote: _previewQuote, ...inputs } = raw as DomainInputs & { quote?: Quote };
    // A predecessor of this deployment (a rename, a replacement) must not release what this one holds.
    claim(identityOf("Domain", inputs.name));
    const info = await accountDomain(ctx.client, inputs.name);
    const available = inputs.source === "register" && info === undefined ? (await availability(ctx.client, inputs.name)).available : undefined;
    const decision = decideCreate({ name: inputs.name, source: inputs.source, inAccount: info !== undefined, available });
    if (decision.action === "refuse") throw new Error(decision.reason);
    if (decision.action === "adopt") {
      const pending = transferStatusOf({ info, source: inputs.source });
      const observeAdopted = () => observe(ctx, inputs as DomainInputs, info as Information, null, pending);
      // Declared contacts apply from the first `up`, as they would on an update.
      await saveContacts(ctx, observeAdopted, inputs as DomainInputs);
      return { id: inputs.name, state: await observeAdopted() };
    }
    const kind = inputs.source as "register" | "transfer";
    // Quoted again right before ordering: the preview's quote may be old, and prices move.
    const outcome = await quoteOrder(ctx, kind, inputs.name, inputs.years ?? 0);
    const failures = await quoteFailures(ctx, inputs as DomainInputs, outcome);
    if (failures.length > 0 || outcome.quote === undefined) throw new Error(failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
    const sent = await orderOnce(kind, inputs.name, () => ctx.client.call(kind, orderParams(inputs as DomainInputs) as never), async () => (await accountDomain(ctx.client, inputs.name)) !== undefined);
    const after = await accountDomain(ctx.client, inputs.name);
    if (after === undefined) throw new Error(`the ${kind} of ${inputs.name} was accepted, but the account does not show the domain; check with your provider before running \`pulumi up\` again (nothing was ordered twice).`);
    const state = await observe(ctx, inputs as DomainInputs, after, outcome.quote, transferStatusOf({ info: after, source: kind }));
    // The order went through although its answer was lost: recorded, so nothing paid for is orphaned.
    if (sent === "confirmed") throw new PartialApplyError(inputs.name, state, new Error(`the ${kind} answer was lost; the account shows ${inputs.name}, so it is recorded as created (charged once)`));
    return { id: inputs.name, state };
  },

  async read(ctx, id, state) {
    const name = state.name ?? id;
    const transfer = state.transferStatus === "pendingTransfer" ? await syncTransfer(ctx, name) : { status: state.transferStatus, reason: state.transferFailureReason };
    const info = await accountDomain(ctx.client, name);
    if (info === undefined) {
      // A failed transfer leaves no domain behind, but must be reported, not silently dropped.
      if (transfer.status === "failed") return { id, state: { ...state, transferStatus: "failed", transferFailureReason: transfer.reason }, inputs: inputsOfState(state) };
      return undefined;
    }
    const inputs = inputsOfState(state);
    const observed = await observe(ctx, inputs, info, state.lastQuote, transfer.status ?? transferStatusOf({ info, previous: state.transferStatus }), transfer.reason);
    const fresh = withUnsettled(observed, state, info.expiryDate);
    return { id, state: fresh, inputs: inputsOfState(fresh) };
  },

  async update(ctx, _id, olds, raw) {
    const { quote: _previewQuote, ...news } = raw as DomainInputs & { quote?: Quote };
    if (olds.transferStatus === "failed") throw new Error(`the transfer of ${news.name} failed: ${olds.transferFailureReason ?? "the registry gave no reason"}. Fix the cause (EPP code, lock at the losing registrar) and transfer again, or remove the resource.`);
    await saveContacts(ctx, async () => olds, news);
    let lastQuote = olds.lastQuote;
    const before = await accountDomain(ctx.client, news.name);
    if (before === undefined) throw new Error(`${news.name} is no longer in the account`);
    const unsettled = olds.unsettledRenewal === undefined ? undefined : settleRenewal({ domain: news.name, unsettled: olds.unsettledRenewal, expiryNow: before.expiryDate, consents: safetySettings().retryRenewal });
    let renewed = false;
    if (news.renewal && renewalDue({ expiryDate: before.expiryDate, now: ctx.client.serverNow(), minDaysRemaining: news.renewal.minDaysRemaining }).due) {
      // An earlier renewal may still be applied: never a second one until it settles or the user consents.
      if (unsettled !== undefined && !unsettled.settled && !unsettled.retryAllowed) throw new Error(unsettled.message);
      const years = news.renewal.years;
      const outcome = await quoteOrder(ctx, "renew", news.name, years);
      const failures = await quoteFailures(ctx, news, outcome);
      if (failures.length > 0 || outcome.quote === undefined) throw new Error(failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
      const sentAt = ctx.client.serverNow().toISOString();
      try {
        await orderOnce("renewal", news.name, () => ctx.client.call("renew", { domain: news.name, regperiod: years }), async () => {
          const now = await accountDomain(ctx.client, news.name);
          return afterAmbiguousRenewal({ expiryBefore: before.expiryDate, expiryNow: now?.expiryDate ?? null }) === "renewed";
        });
      } catch (error) {
        if (!(error instanceof OrderOutcomeUnknown)) throw error;
        // Recorded, so that no later `up` renews again while this one may still be applied.
        const info = (await accountDomain(ctx.client, news.name)) ?? before;
        const state = await observe(ctx, news, info, lastQuote, transferStatusOf({ info, previous: olds.transferStatus }));
        throw new PartialApplyError(news.name, { ...state, unsettledRenewal: { expiryBefore: before.expiryDate, years, sentAt, quote: outcome.quote } }, error);
      }
      lastQuote = outcome.quote;
      renewed = true;
    }
    const info = await accountDomain(ctx.client, news.name);
    if (info === undefined) throw new Error(`${news.name} is no longer in the account`);
    const observed = await observe(ctx, news, info, lastQuote, transferStatusOf({ info, previous: olds.transferStatus }));
    return renewed ? observed : withUnsettled(observed, olds, info.expiryDate);
  },

  async delete(ctx, _id, state) {
    if ((state.onDelete ?? "retain") === "retain") {
      ctx.warn(`Domain ${state.name}: removed from the stack; the registration stays in the reseller account (onDelete: "retain").`);
      return;
    }
    if (claimed(identityOf("Domain", state.name)).size > 0) {
      ctx.warn(`Domain ${state.name}: not released; another Domain resource of this deployment holds it now (a rename or a replacement).`);
      return;
    }
    if ((await accountDomain(ctx.client, state.name)) === undefined) return;
    await ctx.client.call("release", { domain: state.name, transfertag: state.releaseTag ?? "" });
  },
};
