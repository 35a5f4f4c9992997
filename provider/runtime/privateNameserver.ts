// PrivateNameserver (glue) inside the provider process. The API registers, modifies and deletes
// glue records but cannot list them, so a refresh keeps the recorded state (and says so), and
// every change is sent once: a lost answer is reported with how to check and recorded as
// unconfirmed, never sent again in the same run; the next run settles it.
import { isDomainsResellerError, withoutAdvice } from "../client";
import { diffPrivateNameserver, privateNameserverInputsSchema, type PrivateNameserverState } from "../model/privateNameserver";
import { unlessGone } from "./gone";
import { claim, claimed, identityOf, noteSeen, seenStates } from "./handover";
import { PartialApplyError, type KindContext, type ResourceKind } from "./kind";


/** A change whose answer was lost: said plainly, with what the next `up` does about it. */
function lostAnswer(what: string, error: Error, next: string): Error {
  return new Error(
    `${what}: the request was sent but no answer came back (${withoutAdvice(error)}), and the API has no route that lists private nameservers, so the outcome cannot be read here. ` +
      `It was NOT sent again. ${next} Check the domain's private nameservers in your provider's panel if in doubt.`,
  );
}

/**
 * A change sent whose outcome is not known (its answer was lost): recorded so that the state never
 * forgets a record that may exist, and settled by the next `up`, which sends the change again; the
 * registry refuses a repeat of a change that went through (already registered, address no longer
 * the old one), and that refusal is the confirmation.
 */
type Unconfirmed = { sent: "register" } | { sent: "modify"; from: string };

type State = PrivateNameserverState & { adopted?: boolean; unconfirmed?: Unconfirmed };

const stored = (s: State): State => ({
  domain: s.domain,
  host: s.host,
  ip: s.ip,
  ...(s.profile !== undefined ? { profile: s.profile } : {}),
  ...(s.adopted ? { adopted: true } : {}),
  ...(s.unconfirmed !== undefined ? { unconfirmed: s.unconfirmed } : {}),
});

/** The registry's refusal to register a host it already has: the record exists, nothing ran. */
const alreadyRegistered = (error: unknown) => isDomainsResellerError(error, "validation") && /already (registered|exists)/i.test(error.apiMessage ?? "");
/** The registry's refusal of a modify from an address the record no longer has: an earlier modify went through. */
const addressMoved = (error: unknown) => isDomainsResellerError(error, "validation") && /does not match|doesn't match|mismatch/i.test(error.apiMessage ?? "");
/** The registry's refusal to delete a host it does not have: an earlier delete went through (or a registration never did). */
const notRegistered = (error: unknown) => isDomainsResellerError(error, "validation") && /not registered|does not exist|no such/i.test(error.apiMessage ?? "");
const lost = (error: unknown): error is Error => isDomainsResellerError(error, "outcome_unknown");

/**
 * Reads the domain before a change sent once: it is in the account, and the client learns the
 * server's clock from the answer (a change refused for a token of the wrong hour is not sent again).
 */
const domainRead = (ctx: KindContext, domain: string) => ctx.client.call("information", { domain });

export const privateNameserver: ResourceKind<typeof privateNameserverInputsSchema, State> = {
  inputs: privateNameserverInputsSchema,
  stateVersion: 1,
  diff: (olds, news) => {
    noteSeen(identityOf("PrivateNameserver", olds.domain, olds.host), olds);
    const decided = diffPrivateNameserver(olds, news);
    // An unconfirmed change is settled by the next update, even when nothing else changed.
    return olds.unconfirmed !== undefined ? { ...decided, changes: true } : decided;
  },

  async create(ctx, inputs) {
    const id = `${inputs.domain}/${inputs.host}`;
    const identity = identityOf("PrivateNameserver", inputs.domain, inputs.host);
    claim(identity);
    // A predecessor of this deployment (rename, replacement) registered it: its history carries over.
    const predecessor = seenStates(identity).at(-1) as State | undefined;
    await domainRead(ctx, inputs.domain);
    try {
      await ctx.client.call("registerPrivateNameserver", { domain: inputs.domain, nameserver: inputs.host, ipaddress: inputs.ip });
    } catch (error) {
      if (lost(error)) {
        const next = "It is recorded as unconfirmed: the next `pulumi up` sends the registration once more, which the registry refuses if this one went through (that refusal confirms it).";
        throw new PartialApplyError(id, stored({ ...inputs, unconfirmed: { sent: "register" } }), lostAnswer(`registering ${inputs.host} (${inputs.ip})`, error, next));
      }
      if (!alreadyRegistered(error)) throw error;
      if (predecessor !== undefined && predecessor.ip === inputs.ip) return { id, state: stored({ ...inputs, adopted: predecessor.adopted }) };
      // Adopt it. Its address cannot be read, so the declared one is recorded; delete leaves an
      // adopted record registered, as it was found.
      ctx.warn(
        `PrivateNameserver ${inputs.host}: already registered; adopted with the declared address ${inputs.ip}, which the API cannot confirm. ` +
          "If the registry holds another address, a later change of `ip` is refused naming it; set `ip` to that address once, then change it.",
      );
      return { id, state: stored({ ...inputs, adopted: true }) };
    }
    return { id, state: stored(inputs) };
  },

  // Imported as domain/host/ip: the API cannot read a glue record's address, so the importer
  // states it. Adopted, as found: deleting the imported resource leaves the record registered.
  importState: async (_ctx, id) => {
    const [domain, host, ip, ...rest] = id.split("/");
    const parsed = rest.length === 0 ? privateNameserverInputsSchema.safeParse({ domain, host, ip }) : undefined;
    if (parsed === undefined || !parsed.success) {
      throw new Error(
        `PrivateNameserver cannot be imported by the id ${JSON.stringify(id)}: the id is domain/host/ip, such as "example.com/ns1.example.com/192.0.2.1" ` +
          "(the API cannot read a private nameserver's address, so the import states the one the registry holds).",
      );
    }
    const inputs = parsed.data;
    return { id: `${inputs.domain}/${inputs.host}`, state: stored({ ...inputs, adopted: true }) };
  },

  async read(ctx, id, state) {
    noteSeen(identityOf("PrivateNameserver", state.domain, state.host), state);
    // Only the domain can be checked: it is still in the account, or proven gone.
    const info = await unlessGone(ctx.client, state.domain, () => ctx.client.call("information", { domain: state.domain }));
    if (info === undefined) return undefined;
    ctx.warn(`PrivateNameserver ${state.host}: the API cannot list private nameservers, so refresh keeps the recorded address ${state.ip} without checking it.`);
    // The inputs are what a program declares: without the adoption and unconfirmed-change records.
    const { adopted: _adopted, unconfirmed: _unconfirmed, ...inputs } = stored(state);
    return { id, state: stored(state), inputs };
  },

  async update(ctx, id, olds, news) {
    await domainRead(ctx, news.domain);
    const adopted = olds.adopted;
    // First settle a change whose answer was lost, by sending it again (refused if it went through).
    if (olds.unconfirmed !== undefined) {
      const repeat = olds.unconfirmed.sent === "register"
        ? () => ctx.client.call("registerPrivateNameserver", { domain: olds.domain, nameserver: olds.host, ipaddress: olds.ip })
        : (({ from }) => () => ctx.client.call("modifyPrivateNameserver", { domain: olds.domain, nameserver: olds.host, currentipaddress: from, newipaddress: olds.ip }))(olds.unconfirmed);
      try {
        await repeat();
      } catch (error) {
        if (lost(error)) throw new PartialApplyError(id, stored(olds), lostAnswer(`confirming ${olds.host} (${olds.ip})`, error, "It stays unconfirmed: the next `pulumi up` tries again."));
        if (!(olds.unconfirmed.sent === "register" ? alreadyRegistered(error) : addressMoved(error))) throw error;
      }
    }
    if (olds.ip === news.ip) return stored({ ...news, adopted });
    try {
      await ctx.client.call("modifyPrivateNameserver", { domain: news.domain, nameserver: news.host, currentipaddress: olds.ip, newipaddress: news.ip });
    } catch (error) {
      if (!lost(error)) throw error;
      const next = `It is recorded as unconfirmed: the next \`pulumi up\` sends the change from ${olds.ip} once more, which the registry refuses if this one went through (that refusal confirms it).`;
      throw new PartialApplyError(id, stored({ ...news, adopted, unconfirmed: { sent: "modify", from: olds.ip } }), lostAnswer(`changing ${news.host} from ${olds.ip} to ${news.ip}`, error, next));
    }
    return stored({ ...news, adopted });
  },

  async delete(ctx, _id, state) {
    if (claimed(identityOf("PrivateNameserver", state.domain, state.host)).size > 0) {
      ctx.warn(`PrivateNameserver ${state.host}: stays registered; another PrivateNameserver of this deployment manages it now (a rename or a replacement).`);
      return;
    }
    if (state.adopted) {
      ctx.warn(`PrivateNameserver ${state.host}: it was registered before this resource adopted it, so it stays registered.`);
      return;
    }
    await unlessGone(ctx.client, state.domain, async () => {
      await domainRead(ctx, state.domain);
      try {
        await ctx.client.call("deletePrivateNameserver", { domain: state.domain, nameserver: state.host });
      } catch (error) {
        // Nothing left to delete: an earlier delete whose answer was lost went through, or an unconfirmed registration never did.
        if (notRegistered(error)) return;
        if (!lost(error)) throw error;
        const next = "It stays in the stack: the next `pulumi up` sends the delete once more, which the registry refuses as not registered if this one went through (that refusal confirms it).";
        throw lostAnswer(`deleting ${state.host}`, error, next);
      }
    });
  },
};
