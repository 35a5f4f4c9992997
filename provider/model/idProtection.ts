// IdProtection: WHOIS privacy. Pure model: inputs, state, diff, and reading the setting from the
// `information` route, the only place the API reports it. Absent is not off: a server that does
// not say is an error to report, never a reason to switch protection on or off.
import { z } from "zod";
import type { ResourceDiff } from "./diff";
import { domainNameSchema } from "./domainName";
import { identityReplaces } from "./nameservers";
import { profileSchema } from "./profile";
import { isUnknown } from "./unknown";

export const idProtectionInputsSchema = z
  .object({
    domain: domainNameSchema,
    // No default: turning it on may be invoiced, so it is always a decision written down.
    enabled: z.boolean({ message: "must be true or false (required: your provider may invoice ID protection, so there is no default)" }),
    profile: profileSchema,
  })
  .strict();

export type IdProtectionInputs = z.output<typeof idProtectionInputsSchema>;

export interface IdProtectionState extends IdProtectionInputs {
  /** The setting found at takeover; restored on delete. */
  initialEnabled: boolean;
}

/** The live setting from `information.idProtection`, or the message for a server that did not say. */
export function liveIdProtection(domain: string, reported: boolean | undefined): { ok: true; enabled: boolean } | { ok: false; message: string } {
  if (reported !== undefined) return { ok: true, enabled: reported };
  return {
    ok: false,
    message:
      `the API's information route for ${domain} does not report idProtectionStatus, so the current ID protection cannot be read. ` +
      "Nothing was changed. Ask your provider whether ID protection is offered for this TLD, or remove the IdProtection resource.",
  };
}

export function diffIdProtection(olds: IdProtectionState, news: IdProtectionInputs): ResourceDiff {
  const replaces = identityReplaces(olds, news);
  return { changes: replaces.length > 0 || isUnknown(news.enabled) || olds.enabled !== news.enabled, replaces, deleteBeforeReplace: false };
}
