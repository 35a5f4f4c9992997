// The one-value settings of an exported domain: each is declared exactly as the provider reads it
// back, or skipped with the reason, checked the way the resource checks its inputs and compares
// them with what it reads (the `same` of provider/runtime/<kind>.ts), so adopting writes nothing.
import { emailForwardingInputsSchema, forwardsFromWire, sameForwards, type Forward } from "../model/emailForwarding";
import { canonicalNameservers, nameserverListSchema, sameNameservers } from "../model/nameservers";
import type { DnsRecord } from "../model/dns";
import type { Reading } from "./snapshot";

/** A setting to declare, or why it is not. */
export type Planned<T> = { declare: true; value: T; note?: string } | { declare: false; reason: string };

const skip = <T>(reason: string): Planned<T> => ({ declare: false, reason });
const refusedBy = (reading: { route: string; message: string }) => `the server refused ${reading.route}: ${reading.message}`;

export function planNameservers(reading: Reading<string[]>): Planned<string[]> {
  if (!reading.ok) return skip(refusedBy(reading));
  const live = canonicalNameservers(reading.value);
  if (live.length < 2) return skip(`the registrar reports ${live.length === 0 ? "no nameservers" : `one nameserver (${live[0]})`}; a Nameservers resource declares 2 to 5, so declaring one would change the delegation`);
  const parsed = nameserverListSchema.safeParse(live);
  if (!parsed.success) return skip(`the live nameservers (${live.join(", ")}) would be refused as declared: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  if (!sameNameservers(parsed.data, live)) return skip(`the live nameservers (${live.join(", ")}) do not read back as declared`);
  return { declare: true, value: parsed.data };
}

export function planForwards(domain: string, reading: Reading<{ prefix: string; forwardto: string }[]>, addonActive: boolean | undefined): Planned<Forward[]> {
  if (!reading.ok) return skip(refusedBy(reading));
  const live = forwardsFromWire(reading.value);
  const parsed = emailForwardingInputsSchema.safeParse({ domain, forwards: live });
  if (!parsed.success) return skip(`the live forwards would be refused as declared: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  if (!sameForwards(parsed.data.forwards, live)) return skip("the live forwards do not read back as declared");
  const note = addonActive === false ? "the information route reports the e-mail forwarding add-on as off, though the forwarding route answers" : undefined;
  return { declare: true, value: parsed.data.forwards, ...(note ? { note } : {}) };
}

export function planLock(reading: Reading<"locked" | "unlocked">): Planned<boolean> {
  if (!reading.ok) return skip(refusedBy(reading));
  return { declare: true, value: reading.value === "locked" };
}

export function planIdProtection(reported: boolean | undefined): Planned<boolean> {
  // Absent is not off (provider/model/idProtection.ts): a resource would fail reading it.
  if (reported === undefined) return skip("the information route does not report idProtectionStatus for this domain, so an IdProtection resource could not read it");
  return { declare: true, value: reported };
}

/**
 * Glue the export can point at but not declare. The API has no route that lists private
 * nameservers, and declaring one sends POST /domains/{d}/nameservers/register on `up` (a write,
 * refused when the host exists, then adopted). So the program gets commented-out declarations for
 * the delegation's hosts inside the domain, with the address from the zone when it has one.
 */
export interface GlueHint {
  host: string;
  ip: string | undefined;
}

export function glueHints(domain: string, nameservers: Reading<string[]>, records: readonly DnsRecord[]): GlueHint[] {
  if (!nameservers.ok) return [];
  const inside = canonicalNameservers(nameservers.value).filter((host) => host.endsWith(`.${domain}`));
  return inside.map((host) => {
    const name = host.slice(0, -(domain.length + 1));
    const address = records.find((r) => r.name === name && (r.type === "A" || r.type === "AAAA"));
    return { host, ip: address?.value };
  });
}
