// EmailForwarding inside the provider process: the domain's whole forwarding list, adopted,
// set, and given back on delete.
import { diffEmailForwarding, emailForwardingInputsSchema, forwardsFromWire, forwardsToWire, sameForwards, type Forward } from "../model/emailForwarding";
import { settingKind } from "./setting";

const show = (forwards: readonly Forward[]) => (forwards.length > 0 ? forwards.map((f) => `${f.from} → ${f.to}`).join(", ") : "no forwards");

export const emailForwarding = settingKind({
  kind: "EmailForwarding",
  inputs: emailForwardingInputsSchema,
  diff: diffEmailForwarding as never,
  field: "forwards",
  initialField: "initialForwards",
  read: async (ctx, domain) => forwardsFromWire(await ctx.client.call("getEmailForwarding", { domain })),
  write: (ctx, domain, forwards: Forward[]) => ctx.client.call("saveEmailForwarding", forwardsToWire(domain, forwards)),
  same: sameForwards,
  show,
  notApplied: (domain, wanted, live) =>
    `The registrar accepted the forwarding list for ${domain} (${show(wanted)}) but still reports ${show(live)}. ` +
    "Check that the domain has the e-mail forwarding add-on at your provider, then run `pulumi up` again.",
});
