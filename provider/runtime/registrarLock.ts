// RegistrarLock inside the provider process: adopt the live lock, set it, and give it back on delete.
import { diffRegistrarLock, lockStatus, registrarLockInputsSchema } from "../model/registrarLock";
import { settingKind } from "./setting";

export const registrarLock = settingKind({
  kind: "RegistrarLock",
  inputs: registrarLockInputsSchema,
  diff: diffRegistrarLock as never,
  field: "locked",
  initialField: "initialLocked",
  read: async (ctx, domain) => (await ctx.client.call("getLock", { domain })) === "locked",
  write: (ctx, domain, locked: boolean) => ctx.client.call("saveLock", { domain, lockstatus: lockStatus(locked) }),
  same: (a, b) => a === b,
  show: lockStatus,
  notApplied: (domain, locked, live) =>
    `The registrar accepted the request to ${locked ? "lock" : "unlock"} ${domain} but still reports it ${lockStatus(live)}. ` +
    "Some registries refuse lock changes shortly after a registration or transfer; try again later or ask your provider.",
});
