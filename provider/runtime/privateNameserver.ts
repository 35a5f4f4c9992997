// PrivateNameserver (glue) inside the provider process. The API registers, modifies and deletes
// glue records but cannot list them, so a refresh keeps the recorded state (and says so), and
// every change is sent once: a lost answer is reported with how to check, never sent again.
import { isDomainsResellerError } from "../client";
import { diffPrivateNameserver, privateNameserverInputsSchema, type PrivateNameserverState } from "../model/privateNameserver";
import { unlessGone } from "./gone";
import { claim, claimed, identityOf, noteSeen, seenStates } from "./handover";
import type { ResourceKind } from "./kind";

function unknownOutcome(error: unknown, what: string): unknown {
  if (!isDomainsResellerError(error, "outcome_unknown")) return error;
  return new Error(
    `${what}: the request was sent but no answer came back, and the API has no route that lists private nameservers, so the outcome cannot be read here. ` +
      "Check the domain's private nameservers in your provider's panel before running `pulumi up` again (a second registration of an existing host is refused by the registry).",
  );
}

type State = PrivateNameserverState & { adopted?: boolean };

const stored = (s: State): State => ({
  domain: s.domain,
  host: s.host,
  ip: s.ip,
  ...(s.profile !== undefined ? { profile: s.profile } : {}),
  ...(s.adopted ? { adopted: true } : {}),
});

/** The registry's refusal to register a host it already has: the record exists, nothing ran. */
const alreadyRegistered = (error: unknown) => isDomainsResellerError(error, "validation") && /already (registered|exists)/i.test(error.apiMessage ?? "");

export const privateNameserver: ResourceKind<typeof privateNameserverInputsSchema, State> = {
  inputs: privateNameserverInputsSchema,
  stateVersion: 1,
  diff: (olds, news) => {
    noteSeen(identityOf("PrivateNameserver", olds.domain, olds.host), olds);
    return diffPrivateNameserver(olds, news);
  },

  async create(ctx, inputs) {
    const id = `${inputs.domain}/${inputs.host}`;
    const identity = identityOf("PrivateNameserver", inputs.domain, inputs.host);
    claim(identity);
    // A predecessor of this deployment (rename, replacement) registered it: its history carries over.
    const predecessor = seenStates(identity).at(-1) as State | undefined;
    try {
      await ctx.client.call("registerPrivateNameserver", { domain: inputs.domain, nameserver: inputs.host, ipaddress: inputs.ip });
    } catch (error) {
      if (!alreadyRegistered(error)) throw unknownOutcome(error, `registering ${inputs.host} (${inputs.ip})`);
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

  async read(ctx, id, state) {
    noteSeen(identityOf("PrivateNameserver", state.domain, state.host), state);
    // Only the domain can be checked: it is still in the account, or proven gone.
    const info = await unlessGone(ctx.client, state.domain, () => ctx.client.call("information", { domain: state.domain }));
    if (info === undefined) return undefined;
    ctx.warn(`PrivateNameserver ${state.host}: the API cannot list private nameservers, so refresh keeps the recorded address ${state.ip} without checking it.`);
    return { id, state: stored(state), inputs: stored(state) };
  },

  async update(ctx, _id, olds, news) {
    try {
      await ctx.client.call("modifyPrivateNameserver", { domain: news.domain, nameserver: news.host, currentipaddress: olds.ip, newipaddress: news.ip });
    } catch (error) {
      throw unknownOutcome(error, `changing ${news.host} from ${olds.ip} to ${news.ip}`);
    }
    return stored({ ...news, adopted: olds.adopted });
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
      try {
        await ctx.client.call("deletePrivateNameserver", { domain: state.domain, nameserver: state.host });
      } catch (error) {
        throw unknownOutcome(error, `deleting ${state.host}`);
      }
    });
  },
};
