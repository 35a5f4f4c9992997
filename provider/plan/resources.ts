// What one resource's inputs say differently between two states, in the terms of its kind: DNS
// records and e-mail forwards as tables, every other input field by its dotted path
// (`contacts.registrant.email`). Inputs the provider keeps for itself (the serialized provider,
// claims, what a setting was when adopted, the preview's quote) are never a reviewer's change; the
// live records a DnsRecordSet's save deletes and the names and types it gives back (`removes`,
// `givesBack`) are listed under Needs attention instead (report.ts), not as fields.
import type { Kind } from "./kinds";
import { compareKeyed, forwardSlot, forwardsOf, isEmpty, recordSlot, recordsOf, type Changes, type DnsRecordView, type ForwardView } from "./pairs";
import { changedLeaves, displayValue, isUnknownValue, type JsonObject } from "./values";

export interface FieldChange {
  path: string;
  /** Display text, secrets already "[secret]"; null when absent on that side. */
  old: string | null;
  new: string | null;
}

export interface InputChanges {
  dns?: Changes<DnsRecordView>;
  forwards?: Changes<ForwardView>;
  fields: FieldChange[];
}

const PROVIDER_KEYS = new Set(["__provider", "__claim", "quote", "lastQuote", "unmanagedCount", "takeover", "found", "adopted", "removes", "givesBack"]);
const isProviderKey = (key: string): boolean => PROVIDER_KEYS.has(key) || key.startsWith("__") || /^initial[A-Z]/.test(key);

/** The input that names the domain: identical on both sides unless the resource is replaced. */
const identityKey = (kind: Kind): string => (kind === "Domain" ? "name" : "domain");

const TABLE_KEYS: Partial<Record<Kind, string>> = { DnsRecordSet: "records", EmailForwarding: "forwards" };

function reviewable(kind: Kind, inputs: JsonObject | undefined, keepIdentity: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(inputs ?? {})) {
    if (isProviderKey(key) || key === TABLE_KEYS[kind]) continue;
    if (!keepIdentity && key === identityKey(kind)) continue;
    out[key] = value;
  }
  return out;
}

/**
 * Changes from `before` to `after` (either may be absent: a create or a delete). The domain's own
 * name is left out of creates and deletes, where it is the section's title, not a change.
 */
export function compareInputs(kind: Kind, before: JsonObject | undefined, after: JsonObject | undefined): InputChanges {
  const keepIdentity = before !== undefined && after !== undefined;
  const fields: FieldChange[] = changedLeaves(reviewable(kind, before, keepIdentity), reviewable(kind, after, keepIdentity)).map((c) => ({
    path: c.path,
    old: c.old === null ? null : displayValue(c.old),
    new: c.new === null ? null : displayValue(c.new),
  }));
  const out: InputChanges = { fields };
  const table = TABLE_KEYS[kind];
  // A list that depends on another resource's outputs is not known in a preview: comparing it
  // would show every entry removed, so it is one field, "unknown until apply".
  if (table !== undefined && (isUnknownValue(before?.[table]) || isUnknownValue(after?.[table]))) {
    fields.push({ path: table, old: before?.[table] === undefined ? null : displayValue(before[table]), new: after?.[table] === undefined ? null : displayValue(after[table]) });
    return out;
  }
  if (kind === "DnsRecordSet") {
    const dns = compareKeyed(recordsOf(before?.records), recordsOf(after?.records), recordSlot);
    if (!isEmpty(dns)) out.dns = dns;
  }
  if (kind === "EmailForwarding") {
    const forwards = compareKeyed(forwardsOf(before?.forwards), forwardsOf(after?.forwards), forwardSlot);
    if (!isEmpty(forwards)) out.forwards = forwards;
  }
  return out;
}

export const hasChanges = (c: InputChanges): boolean => c.fields.length > 0 || c.dns !== undefined || c.forwards !== undefined;
