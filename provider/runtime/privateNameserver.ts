// PrivateNameserver (glue) inside the provider process. The API registers, modifies and deletes
// glue records but cannot list them, so a refresh keeps the recorded state (and says so), and
// every change is sent once: a lost answer is reported with how to check, never sent again.
import { isDomainsResellerError } from "../client";
import { diffPrivateNameserver, privateNameserverInputsSchema, type PrivateNameserverState } from "../model/privateNameserver";
import { unlessGone } from "./gone";
import type { ResourceKind } from "./kind";

function unknownOutcome(error: unknown, what: string): unknown {
  if (!isDomainsResellerError(error, "outcome_unknown")) return error;
  return new Error(
    `${what}: the request was sent but no answer came back, and the API has no route that lists private nameservers, so the outcome cannot be read here. ` +
      "Check the domain's private nameservers in your provider's panel before running `pulumi up` again (a second registration of an existing host is refused by the registry).",
  );
}

const stored = (s: PrivateNameserverState): PrivateNameserverState => ({ domain: s.domain, host: s.host, ip: s.ip, ...(s.profile !== undefined ? { profile: s.profile } : {}) });

export const privateNameserver: ResourceKind<typeof privateNameserverInputsSchema, PrivateNameserverState> = {
  inputs: privateNameserverInputsSchema,
  stateVersion: 1,
  diff: diffPrivateNameserver,

  async create(ctx, inputs) {
    try {
      await ctx.client.call("registerPrivateNameserver", { domain: inputs.domain, nameserver: inputs.host, ipaddress: inputs.ip });
    } catch (error) {
      throw unknownOutcome(error, `registering ${inputs.host} (${inputs.ip})`);
    }
    return { id: `${inputs.domain}/${inputs.host}`, state: stored(inputs) };
  },

  async read(ctx, id, state) {
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
    return stored(news);
  },

  async delete(ctx, _id, state) {
    await unlessGone(ctx.client, state.domain, async () => {
      try {
        await ctx.client.call("deletePrivateNameserver", { domain: state.domain, nameserver: state.host });
      } catch (error) {
        throw unknownOutcome(error, `deleting ${state.host}`);
      }
    });
  },
};
