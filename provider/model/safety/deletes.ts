// The deletion rail: a deployment that would remove more than `domainsreseller:maxDeletesPerRun`
// of this provider's resources (10 by default) is refused unless `domainsreseller:allowDeletes`
// names that exact set of removals ("N:checksum"), so a refactor that drops a file of resources,
// or a program run from the wrong folder, stops in the preview instead of deleting a portfolio.
import { consentFor, planChecksum, type Consent } from "./checksum";

export const DEFAULT_MAX_DELETES = 10;

export interface DeletionRequest {
  /** The resources the previous deployment declared, as `Kind:name`. */
  before: readonly string[];
  /** The resources this program declares. */
  now: readonly string[];
  maxDeletes: number;
  /** The parsed `domainsreseller:allowDeletes`. */
  consent?: Consent | undefined;
}

export type DeletionVerdict = { ok: true; removed: string[] } | { ok: false; removed: string[]; message: string };

/** "N:checksum" → consent; anything else is a mistake worth naming. */
export function parseDeleteConsent(text: string | undefined): { ok: true; consent: Consent | undefined } | { ok: false; message: string } {
  if (text === undefined || text.trim() === "") return { ok: true, consent: undefined };
  const match = /^\s*(\d+)\s*:\s*([0-9a-fA-F]{8})\s*$/.exec(text);
  if (!match) return { ok: false, message: `domainsreseller:allowDeletes must look like "12:3f9a1c2e" (the number of removals and the checksum a refused preview prints); got ${JSON.stringify(text)}` };
  return { ok: true, consent: { changes: Number(match[1]), checksum: (match[2] as string).toLowerCase() } };
}

export function reviewDeletions({ before, now, maxDeletes, consent }: DeletionRequest): DeletionVerdict {
  const kept = new Set(now);
  const removed = [...new Set(before)].filter((member) => !kept.has(member)).sort();
  if (removed.length <= maxDeletes) return { ok: true, removed };
  const planned: Consent = { changes: removed.length, checksum: planChecksum("deletes", removed) };
  const verdict = consentFor(consent, planned);
  if (verdict === "matches") return { ok: true, removed };
  const stale = verdict === "stale" ? ` The domainsreseller:allowDeletes given (${consent?.changes}:${consent?.checksum}) was for a different set of removals.` : "";
  const message =
    `safety rail "max-deletes-per-run": this deployment would remove ${removed.length} domainsreseller resources, more than domainsreseller:maxDeletesPerRun (${maxDeletes}). Nothing was changed.${stale}\n` +
    removed.map((member) => `    - ${member}`).join("\n") +
    `\n  If these removals are intended, allow exactly them for this run:\n    pulumi config set domainsreseller:allowDeletes ${planned.changes}:${planned.checksum}`;
  return { ok: false, removed, message };
}
