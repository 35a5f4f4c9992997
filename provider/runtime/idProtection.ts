// IdProtection inside the provider process. The setting is read from `information`, the only route
// that reports it; the change route may invoice, so it is sent once and a lost answer is settled
// by reading, never by sending again.
import { diffIdProtection, idProtectionInputsSchema, liveIdProtection } from "../model/idProtection";
import { settingKind } from "./setting";

const show = (enabled: boolean) => (enabled ? "on" : "off");

export const idProtection = settingKind({
  kind: "IdProtection",
  inputs: idProtectionInputsSchema,
  diff: diffIdProtection as never,
  field: "enabled",
  initialField: "initialEnabled",
  async read(ctx, domain) {
    const live = liveIdProtection(domain, (await ctx.client.call("information", { domain })).idProtection);
    if (!live.ok) throw new Error(live.message);
    return live.enabled;
  },
  write: (ctx, domain, enabled: boolean) => ctx.client.call("setIdProtection", { domain, status: enabled }),
  sendOnce: true,
  same: (a, b) => a === b,
  show,
  notApplied: (domain, wanted, live) =>
    `The registrar accepted turning ID protection ${show(wanted)} for ${domain} but still reports it ${show(live)}. ` +
    "ID protection is not offered for every TLD; ask your provider, or remove the IdProtection resource for this domain.",
});
