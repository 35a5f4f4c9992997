// RegistrarLock: whether the registry refuses transfers of a domain (the "clientTransferProhibited" lock).
// Pure model: input schema, the state we keep, and the diff between them.
import { z } from "zod";
import { domainNameSchema } from "./domainName";
import { profileSchema } from "./profile";
import type { ResourceDiff } from "./diff";
import { isUnknown } from "./unknown";

export const registrarLockInputsSchema = z
  .object({
    domain: domainNameSchema,
    // Locked is the safe state for a registered domain, and it costs nothing.
    locked: z.boolean({ message: "must be true or false" }).default(true),
    profile: profileSchema,
  })
  .strict();

export type RegistrarLockInputs = z.output<typeof registrarLockInputsSchema>;

/** Outputs: the inputs as applied, plus the lock state found when this resource took the domain over. */
export interface RegistrarLockState extends RegistrarLockInputs {
  /** Restored on delete, so removing the resource gives the domain back as it was found. */
  initialLocked: boolean;
}

export function diffRegistrarLock(olds: RegistrarLockState, news: RegistrarLockInputs): ResourceDiff {
  const replaces = [
    ...(isUnknown(news.domain) || olds.domain !== news.domain ? ["domain"] : []),
    ...(isUnknown(news.profile) || (olds.profile ?? undefined) !== (news.profile ?? undefined) ? ["profile"] : []),
  ];
  const changes = replaces.length > 0 || isUnknown(news.locked) || olds.locked !== news.locked;
  return { changes, replaces, deleteBeforeReplace: false };
}

export function lockStatus(locked: boolean): "locked" | "unlocked" {
  return locked ? "locked" : "unlocked";
}
