/**
 * GET/POST /domains/{domain}/email: e-mail forwarding as parallel `prefix[i]`/`forwardto[i]`
 * arrays, saved as a whole list (blank rows skipped), read back as `[{prefix, forwardto}]`.
 */
import type { Context } from "../context";
import type { Forward } from "../domain-state";
import { invalid } from "../errors";
import { EMAIL } from "./order-input";
import { OK, ownedDomain, requireAddon, writableDomain } from "./owned";

export function getEmail(ctx: Context): unknown {
  return requireAddon(ownedDomain(ctx), "emailforwarding").emailForwarding;
}

export function saveEmail(ctx: Context): unknown {
  const d = requireAddon(writableDomain(ctx), "emailforwarding");
  const prefixes = new Map(ctx.params.entries("prefix"));
  const targets = new Map(ctx.params.entries("forwardto"));
  const keys = [...new Set([...prefixes.keys(), ...targets.keys()])];
  const list: Forward[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    const p = prefixes.get(key) ?? "";
    const t = targets.get(key) ?? "";
    if (typeof p !== "string") throw invalid(`prefix[${key}] must be a single value`);
    if (typeof t !== "string") throw invalid(`forwardto[${key}] must be a single value`);
    const prefix = p.trim().toLowerCase();
    const forwardto = t.trim();
    if (prefix === "" && forwardto === "") continue; // WHMCS's blank "new" row
    if (prefix === "") throw invalid(`prefix[${key}] is required when forwardto[${key}] is set`);
    if (forwardto === "") throw invalid(`forwardto[${key}] is required when prefix[${key}] is set`);
    if (!/^(\*|[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64})$/.test(prefix)) throw invalid(`prefix[${key}] "${prefix}" is not a valid mailbox name`);
    if (!EMAIL.test(forwardto)) throw invalid(`forwardto[${key}] "${forwardto}" is not a valid e-mail address`);
    if (seen.has(prefix)) throw invalid(`prefix[${key}] "${prefix}" appears twice`);
    seen.add(prefix);
    list.push({ prefix, forwardto });
  }
  d.emailForwarding = list;
  ctx.store.saveDomain(d);
  return OK;
}
