// Reads about one domain of the account: its registration details and its EPP (transfer) code.
import { domainArgument } from "./arguments";
import { toDomainInfo } from "./domainInfo";
import type { ClientSource } from "./clientSource";
import { clientOf } from "./source";

/** A domain as the account holds it. Every field the server did not state is null, never false. */
export interface DomainInfo {
  /** The canonical name (lower case, punycode). */
  name: string;
  /** The registration status as the registrar names it, e.g. "Active", "Expired", "Transferred Away". */
  status: string | null;
  /** YYYY-MM-DD when the server sends an ISO date (with or without a time); otherwise its text. */
  expiryDate: string | null;
  /** The registrar (transfer) lock. */
  locked: boolean | null;
  idProtection: boolean | null;
  /** Whether the DNS-management add-on is active. */
  dnsManagement: boolean | null;
  /** Whether the e-mail forwarding add-on is active. */
  emailForwarding: boolean | null;
  /** Whether an expired registration can still be restored by renewing it. */
  restorable: boolean | null;
  /** The nameservers in force, lower case, in the registrar's order. */
  nameservers: string[];
}

/**
 * Registration details of `name` (`GET /domains/{name}/information`). A domain that has left the
 * account but is still known to it answers with its status (e.g. "Transferred Away"); one the
 * account never held fails with code "not_found".
 */
export function fetchDomainInfo(source: ClientSource, name: string): Promise<DomainInfo> {
  return readDomainInfo("fetchDomainInfo", source, name);
}

/** fetchDomainInfo with the caller's name in its errors (the Pulumi wrapper is getDomainInfo). */
export async function readDomainInfo(fn: string, source: ClientSource, name: string): Promise<DomainInfo> {
  const domain = domainArgument(fn, "name", name);
  const client = clientOf(fn, source);
  return toDomainInfo(domain, await client.call("information", { domain }));
}

/**
 * The EPP (transfer authorisation) code of `name` (`GET /domains/{name}/eppcode`), or null when the
 * registrar sends it to the registrant by e-mail instead. The code is a credential: this function
 * never logs it and puts it on no error; keep it out of your own logs too.
 */
export function fetchEppCode(source: ClientSource, name: string): Promise<string | null> {
  return readEppCode("fetchEppCode", source, name);
}

/** fetchEppCode with the caller's name in its errors (the Pulumi wrapper is getEppCode). */
export async function readEppCode(fn: string, source: ClientSource, name: string): Promise<string | null> {
  const domain = domainArgument(fn, "name", name);
  const client = clientOf(fn, source);
  return client.call("getEppCode", { domain });
}
