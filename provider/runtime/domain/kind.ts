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
  dayOf,
  domainState,
  expiryDay,
  inputsOfState,
  orderParams,
  registryQuestion,
  renewalDue,
  retryOrderConsent,
  settleRenewal,
  transferStatusOf,
  unrecordedOrderMessage,
  unsettledOrderMessage,
  type DomainInputs,
  type DomainState,
  type Quote,
  type TransferStatus,
  type UnsettledOrder,
  type UnsettledRenewal,
} from "../../model/domain";
import { isDomainsResellerError, withoutAdvice } from "../../client";
import { clientFor } from "../clients";
import type { KindContext, ResourceKind } from "../kind";
import { resolveSettings } from "../settings";
import { PartialApplyError } from "../kind";
import { accountDomain, accountDomainForOrder, accountDomainOrWords, availability, type Information } from "./account";
import { noteOrder, settleOrderNote, unrecordedOrder } from "./journal";
import { OrderOutcomeUnknown, orderOnce } from "./order";
import { safetySettings } from "../settings";
import { checkCharge, noteExpiry, noteRenewalWaiting } from "./charge";
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

/** The state of an order the account does not show yet: kept, so no later `up` orders again. */
function waitingState(inputs: DomainInputs, order: UnsettledOrder): DomainState {
  const live = { status: null, expiryDate: null, nameservers: [] };
  return { ...domainState({ inputs, live, lastQuote: order.quote, transferStatus: null }), unsettledOrder: order };
}

/**
 * Registers or transfers `inputs.name`: quoted again right before ordering (the preview's quote
 * may be old, and prices move), sent once. Whatever the answer, the account has the last word: the
 * domain listed is the order done; not listed (an answer lost, or accepted and not shown yet) is
 * an unsettled order, recorded through the partial-create path so the next `up` settles or waits.
 */
async function placeOrder(ctx: KindContext, inputs: DomainInputs): Promise<{ id: string; state: DomainState }> {
  const kind = inputs.source as "register" | "transfer";
  const outcome = await quoteOrder(ctx, kind, inputs.name, inputs.years ?? 0);
  const failures = await quoteFailures(ctx, inputs, outcome);
  if (failures.length > 0 || outcome.quote === undefined) throw new Error(failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
  const earlier = unrecordedOrder(inputs.name, ctx.client.serverNow());
  if (earlier !== undefined) {
    const order: UnsettledOrder = { kind: earlier.kind, sentAt: earlier.sentAt, answered: false, quote: null };
    if (!safetySettings().retryOrder.includes(retryOrderConsent(inputs.name, order))) throw new Error(unrecordedOrderMessage(inputs.name, order));
  }
  const sentAt = ctx.client.serverNow().toISOString();
  noteOrder({ kind, name: inputs.name, sentAt });
  // Every way out of here hands the outcome to the state (or proves nothing was charged); only a
  // process that dies on the way leaves the note for the next run.
  try {
    return await sendOrder(ctx, inputs, kind, outcome.quote, sentAt);
  } finally {
    settleOrderNote(inputs.name);
  }
}

async function sendOrder(ctx: KindContext, inputs: DomainInputs, kind: "register" | "transfer", quote: Quote, sentAt: string): Promise<{ id: string; state: DomainState }> {
  let sent: "done" | "confirmed";
  try {
    sent = await orderOnce(kind, inputs.name, () => ctx.client.call(kind, orderParams(inputs) as never), async () => (await accountDomainOrWords(ctx.client, inputs.name)) !== undefined);
  } catch (error) {
    if (!(error instanceof OrderOutcomeUnknown)) throw error;
    const order: UnsettledOrder = { kind, sentAt, answered: false, quote };
    throw new PartialApplyError(inputs.name, waitingState(inputs, order), new Error(unsettledOrderMessage(inputs.name, order)));
  }
  const after = await accountDomainOrWords(ctx.client, inputs.name);
  if (after === undefined) {
    const order: UnsettledOrder = { kind, sentAt, answered: true, quote };
    throw new PartialApplyError(inputs.name, waitingState(inputs, order), new Error(unsettledOrderMessage(inputs.name, order)));
  }
  const state = await observe(ctx, inputs, after, quote, transferStatusOf({ info: after, source: kind }));
  // The order went through although its answer was lost: recorded, so nothing paid for is orphaned.
  if (sent === "confirmed") throw new PartialApplyError(inputs.name, state, new Error(`the ${kind} answer was lost; the account shows ${inputs.name}, so it is recorded as created (charged once)`));
  return { id: inputs.name, state };
}

/**
 * An unsettled order on a later run: the account showing the domain settles it (the order's
 * result, adopted as created); otherwise nothing is ordered unless the user consented to exactly
 * one more attempt of that order.
 */
async function settleOrder(ctx: KindContext, state: DomainState, inputs: DomainInputs, order: UnsettledOrder): Promise<DomainState> {
  const info = await accountDomainOrWords(ctx.client, inputs.name);
  if (info !== undefined) return observe(ctx, inputs, info, order.quote, transferStatusOf({ info, source: order.kind }));
  if (!safetySettings().retryOrder.includes(retryOrderConsent(inputs.name, order))) throw new Error(unsettledOrderMessage(inputs.name, order));
  return (await placeOrder(ctx, inputs)).state;
}

/** The later of two expiry days (YYYY-MM-DD), either of which may be unknown. */
function laterExpiry(a: string | null, b: string | null): string | null {
  const [da, db] = [dayOf(a), dayOf(b)];
  if (expiryDay(db) === undefined) return da;
  if (expiryDay(da) === undefined) return db;
  return (expiryDay(db) as number) > (expiryDay(da) as number) ? db : da;
}

/**
 * What the registry reports through the API's domain sync: its expiry, and a status when it says
 * the registration left (transferred away, cancelled, expired). Undefined when sync fails: the
 * account's own record then stands alone.
 */
async function registryView(ctx: KindContext, name: string): Promise<{ expiryDate: string | null; leftStatus: string | undefined } | undefined> {
  try {
    const synced = await ctx.client.call("sync", { domain: name });
    const leftStatus = synced.transferredAway ? "Transferred Away" : synced.cancelled ? "Cancelled" : synced.expired ? "Expired" : undefined;
    return { expiryDate: synced.expiryDate ?? null, leftStatus };
  } catch {
    return undefined;
  }
}

/** What the account says of a domain it no longer holds: its status ("Transferred Away", "Cancelled"…), or that it is not there. */
async function lastStatus(ctx: KindContext, name: string): Promise<string> {
  try {
    const info = await ctx.client.call("information", { domain: name });
    return info.status ?? "no status";
  } catch {
    return "not in the account";
  }
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
  try {
    await ctx.client.call("saveContacts", { domain: news.name, contactdetails: contactsToSaveParams(news.contacts, live) });
  } catch (error) {
    // The save may bill (a registrant change is a paid trade on some TLDs): a lost answer is
    // settled by reading the contacts, never by sending the save again.
    if (!isDomainsResellerError(error, "outcome_unknown")) throw error;
    const pending = diffContacts(news.contacts, contactsFromLive(await ctx.client.call("getContacts", { domain: news.name }), news.contacts));
    if (pending.length === 0) return;
    throw new Error(
      `the contact change of ${news.name} was sent but its answer was lost (${withoutAdvice(error)}), and a read right after still shows different ${pending.join(", ")}. ` +
        `It was NOT sent again: the registrar may still apply it. The next \`pulumi up\` reads the contacts first and sends the change only if they still differ ` +
        `(check with \`npx domainsreseller call GET /domains/${news.name}/contact\`).`,
    );
  }
  const still = diffContacts(news.contacts, contactsFromLive(await ctx.client.call("getContacts", { domain: news.name }), news.contacts));
  if (still.length > 0) throw new PartialApplyError(news.name, await inForce(), new Error(`the registrar accepted the contact change of ${news.name} but still shows different ${still.join(", ")}`));
}

export const domain: ResourceKind<typeof domainInputsSchema, DomainState> = {
  inputs: domainInputsSchema,
  stateVersion: 1,
  diff(olds, news) {
    noteRenewalWaiting(olds.name, olds.unsettledRenewal?.answered === true);
    const decided = diffDomain(olds, news, serverNow(news.profile));
    // A new name is another registration: never a silent replace (which would order again).
    if (decided.replaceRefusal !== null) throw new Error(decided.replaceRefusal);
    // An order waiting to show is settled (or waited for) by an update; an accepted renewal waiting
    // for the new expiry is no reason for one: it would only say "waiting" on every run.
    if (olds.unsettledOrder !== undefined) return { changes: true, replaces: decided.replaces, deleteBeforeReplace: false };
    const onlyWaitingRenewal = olds.unsettledRenewal?.answered === true && decided.renewalDue && decided.updates.length === 0 && decided.replaces.length === 0;
    return { changes: decided.changes && !onlyWaitingRenewal, replaces: decided.replaces, deleteBeforeReplace: decided.deleteBeforeReplace };
  },

  async prepare(ctx, olds, inputs) {
    // An order (new resource) or a due renewal is quoted, checked and shown; anything else costs nothing.
    return checkCharge(ctx, Object.keys(olds).length === 0, inputs);
  },

  async create(ctx, raw) {
    const { quote: _previewQuote, ...inputs } = raw as DomainInputs & { quote?: Quote };
    // A predecessor of this deployment (a rename, a replacement) must not release what this one holds.
    claim(identityOf("Domain", inputs.name));
    const info = await accountDomainForOrder(ctx.client, inputs.name, inputs.source);
    const available = inputs.source === "register" && info === undefined ? (await availability(ctx.client, inputs.name)).available : undefined;
    const decision = decideCreate({ name: inputs.name, source: inputs.source, inAccount: info !== undefined, available });
    if (decision.action === "refuse") throw new Error(decision.reason);
    if (decision.action === "adopt") {
      // An order a killed run left unrecorded shows in the account now: this adoption records it.
      settleOrderNote(inputs.name);
      const pending = transferStatusOf({ info, source: inputs.source });
      const observeAdopted = () => observe(ctx, inputs as DomainInputs, info as Information, null, pending);
      // Declared contacts apply from the first `up`, as they would on an update.
      await saveContacts(ctx, observeAdopted, inputs as DomainInputs);
      return { id: inputs.name, state: await observeAdopted() };
    }
    return placeOrder(ctx, inputs as DomainInputs);
  },

  // Imported by its name as an adopted domain kept on delete (source "adopt", onDelete "retain");
  // one the account does not hold is not imported (read never drops a Domain, so it is asked here).
  async importState(ctx, id) {
    const parsed = domainInputsSchema.safeParse({ name: id, source: "adopt" });
    if (!parsed.success) throw new Error(`Domain cannot be imported by the id ${JSON.stringify(id)}: the id is the domain name, such as "example.com".`);
    if ((await accountDomain(ctx.client, parsed.data.name)) === undefined) return undefined;
    const state = domainState({ inputs: parsed.data, live: { status: null, expiryDate: null, nameservers: [] }, lastQuote: null, transferStatus: null });
    return { id: parsed.data.name, state };
  },

  async read(ctx, id, state) {
    const name = state.name ?? id;
    if (state.unsettledOrder !== undefined) {
      // Never dropped while an order waits: the engine would forget it, and the next `up` order again.
      const info = await accountDomainOrWords(ctx.client, name);
      if (info === undefined) return { id, state, inputs: inputsOfState(state) };
      const settled = await observe(ctx, inputsOfState(state), info, state.unsettledOrder.quote, transferStatusOf({ info, source: state.unsettledOrder.kind }));
      return { id, state: settled, inputs: inputsOfState(settled) };
    }
    const transfer = state.transferStatus === "pendingTransfer" ? await syncTransfer(ctx, name) : { status: state.transferStatus, reason: state.transferFailureReason };
    const info = await accountDomain(ctx.client, name);
    if (info === undefined) {
      // A failed transfer leaves no domain behind, but must be reported, not silently dropped.
      if (transfer.status === "failed") {
        ctx.warn(`Domain ${name}: the transfer failed: ${transfer.reason ?? "the registry gave no reason"}. Nothing is sent again by itself; fix the cause (EPP code, lock at the losing registrar), then remove the resource from the state and transfer again.`);
        return { id, state: { ...state, transferStatus: "failed", transferFailureReason: transfer.reason }, inputs: inputsOfState(state) };
      }
      // Never dropped: a dropped registration would be ordered again by the next `up` (a new
      // registration, or a transfer with a stale EPP code). Kept, with the status the account gives.
      const status = await lastStatus(ctx, name);
      ctx.warn(
        `Domain ${name}: no longer in the reseller account (${status}). It stays in the stack so that no \`up\` orders it again by itself; ` +
          "to order it anew, remove the resource from the state (`pulumi state delete <urn>`) and run `up`; to stop tracking it, remove it from the program with `retainOnDelete`.",
      );
      return { id, state: { ...state, status }, inputs: inputsOfState(state) };
    }
    const inputs = inputsOfState(state);
    const observed = await observe(ctx, inputs, info, state.lastQuote, transfer.status ?? transferStatusOf({ info, previous: state.transferStatus }), transfer.reason);
    // The registry's view too (the API's domain sync) where WHMCS's own record, which can lag a cron
    // run behind, would decide something: see registryQuestion.
    const question = registryQuestion({ status: info.status, expiryDate: info.expiryDate, renewalWaiting: state.unsettledRenewal !== undefined, minDaysRemaining: state.renewal?.minDaysRemaining, now: serverNow(state.profile) });
    const registry = question === undefined ? undefined : await registryView(ctx, name);
    const expiryNow = laterExpiry(info.expiryDate, registry?.expiryDate ?? null);
    const seen = { ...observed, expiryDate: expiryNow, ...(registry?.leftStatus !== undefined ? { status: registry.leftStatus } : {}) };
    if (registry?.leftStatus !== undefined) {
      ctx.warn(`Domain ${name}: the registry reports it ${registry.leftStatus} (the account still says ${info.status ?? "nothing"}). Nothing is ordered by a refresh; check with your provider.`);
    }
    const fresh = withUnsettled(seen, state, expiryNow);
    noteRenewalWaiting(name, fresh.unsettledRenewal?.answered === true);
    noteExpiry(name, expiryNow);
    return { id, state: fresh, inputs: inputsOfState(fresh) };
  },

  async update(ctx, _id, olds, raw) {
    const { quote: _previewQuote, ...news } = raw as DomainInputs & { quote?: Quote };
    if (olds.unsettledOrder !== undefined) return settleOrder(ctx, olds, news, olds.unsettledOrder);
    if (olds.transferStatus === "failed") throw new Error(`the transfer of ${news.name} failed: ${olds.transferFailureReason ?? "the registry gave no reason"}. Fix the cause (EPP code, lock at the losing registrar) and transfer again, or remove the resource.`);
    const before = await accountDomain(ctx.client, news.name);
    if (before === undefined) {
      throw new Error(
        `${news.name} is no longer in the account (${await lastStatus(ctx, news.name)}), so nothing is changed and nothing is ordered. ` +
          "To order it anew, remove the resource from the state (`pulumi state delete <urn>`) and run `up`; to stop tracking it, remove it from the program with `retainOnDelete`.",
      );
    }
    await saveContacts(ctx, async () => olds, news);
    let lastQuote = olds.lastQuote;
    // The state's expiry may be the registry's, ahead of the account's record: the later one decides.
    const expiryNow = laterExpiry(before.expiryDate, olds.expiryDate ?? null);
    const unsettled = olds.unsettledRenewal === undefined ? undefined : settleRenewal({ domain: news.name, unsettled: olds.unsettledRenewal, expiryNow, consents: safetySettings().retryRenewal });
    let renewed: UnsettledRenewal | undefined;
    const due = news.renewal !== undefined && renewalDue({ expiryDate: expiryNow, now: ctx.client.serverNow(), minDaysRemaining: news.renewal.minDaysRemaining }).due;
    // An earlier renewal may still be applied: never a second one until it settles or the user consents.
    const waiting = due && unsettled !== undefined && !unsettled.settled && !unsettled.retryAllowed ? unsettled.message : undefined;
    // Accepted and not shown yet is the registrar's timing: said, not failed. A lost answer fails the run.
    if (waiting !== undefined && olds.unsettledRenewal?.answered !== true) throw new Error(waiting);
    if (waiting !== undefined) ctx.warn(`Domain ${news.name}: ${waiting}`);
    if (news.renewal && due && waiting === undefined) {
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
      renewed = { expiryBefore: before.expiryDate, years, sentAt, quote: outcome.quote, answered: true };
    }
    const info = await accountDomain(ctx.client, news.name);
    if (info === undefined) throw new Error(`${news.name} is no longer in the account`);
    const observed = await observe(ctx, news, info, lastQuote, transferStatusOf({ info, previous: olds.transferStatus }));
    // Accepted is not applied: until the account shows the new expiry, the renewal stays unsettled.
    return withUnsettled(observed, renewed !== undefined ? { ...olds, unsettledRenewal: renewed } : olds, info.expiryDate);
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
    const tag = state.releaseTag ?? "";
    try {
      await ctx.client.call("release", { domain: state.name, transfertag: tag });
    } catch (error) {
      // Sent once: a lost answer is settled by reading the account, never by releasing again.
      if (!isDomainsResellerError(error, "outcome_unknown")) throw error;
      const still = await accountDomain(ctx.client, state.name);
      if (still === undefined) return;
      throw new Error(
        `the release of ${state.name} to ${tag} was sent but its answer was lost (${withoutAdvice(error)}), and the account still shows the domain (${still.status ?? "no status"}). ` +
          `It was NOT sent again: the registrar may still carry it out. Check with \`npx domainsreseller call GET /domains/${state.name}/information\`; ` +
          "the next `pulumi up` (or `destroy`) reads the account first and sends the release again only if the domain is still there.",
      );
    }
    // Accepted is not done: a release acknowledged and not carried out would leave the stack without a domain the account still holds.
    const after = await accountDomain(ctx.client, state.name);
    if (after !== undefined) {
      throw new Error(
        `the registrar accepted the release of ${state.name} to ${tag} but the account still shows the domain (${after.status ?? "no status"}), so it stays in the stack. ` +
          "Nothing else was sent; run `pulumi up` again to send the release once more, or ask your provider why it was not carried out.",
      );
    }
  },
};
