// Nameservers inside the provider process: adopt the live delegation, set the declared one,
// give back the one found on delete.
import { canonicalNameservers, diffNameservers, nameserverParams, nameserversInputsSchema, sameNameservers } from "../model/nameservers";
import { settingKind } from "./setting";

export const nameservers = settingKind({
  kind: "Nameservers",
  inputs: nameserversInputsSchema,
  diff: diffNameservers as never,
  field: "nameservers",
  initialField: "initialNameservers",
  read: async (ctx, domain) => canonicalNameservers(await ctx.client.call("getNameservers", { domain })),
  write: (ctx, domain, hosts: string[]) => ctx.client.call("saveNameservers", nameserverParams(domain, hosts)),
  same: sameNameservers,
  show: (hosts) => (hosts.length > 0 ? hosts.join(", ") : "none"),
  // The API needs ns1 and ns2: a domain adopted with fewer cannot be given its old delegation back.
  restorable: (hosts) => hosts.length >= 2,
  notApplied: (domain, wanted, live) =>
    `The registrar accepted the nameservers ${wanted.join(", ")} for ${domain} but still reports ${live.join(", ") || "none"}. ` +
    "Some registries check that the new nameservers answer for the domain before they accept them; make sure they serve the zone, then run `pulumi up` again.",
});
