// A short fingerprint of a planned change, so a consent given in review names one exact change:
// the same plan always gives the same checksum, any other plan (one record more, another value)
// gives another, and a stale consent is refused instead of waving a different change through.
import { createHash } from "node:crypto";

/** 8 hex digits of SHA-256 over the change lines, in sorted order (input order never matters). */
export function planChecksum(subject: string, lines: readonly string[]): string {
  const text = [subject, ...[...lines].sort()].join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

export interface Consent {
  changes: number;
  checksum: string;
}

export type ConsentVerdict = "none" | "matches" | "stale";

/** Whether a consent names this very change (count and checksum both). */
export function consentFor(consent: Consent | undefined, planned: Consent): ConsentVerdict {
  if (consent === undefined) return "none";
  return consent.changes === planned.changes && consent.checksum.toLowerCase() === planned.checksum ? "matches" : "stale";
}
