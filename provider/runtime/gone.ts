// "Gone" only on proof. Refresh drops a resource from state, and delete skips its restore, when the
// domain has left the account; a misread error must never do either. Proof is the API itself
// answering HTTP 404 for the domain while the endpoint demonstrably works, or the `information`
// route reporting a status that means the registration is no longer this account's.
import { DomainsResellerError, isHttpNotFound } from "../client";
import type { ApiClient } from "./sharedReads";

/** Statuses (as WHMCS names them) after which the domain is no longer managed by this account. */
const GONE_STATUSES = new Set(["transferred away", "cancelled", "fraud", "expired past redemption", "deleted"]);

/**
 * Whether an `information` answer says the registration left the account: a gone status, or
 * `Expired` with the server saying it can no longer be restored (past redemption). An expired
 * domain that may still be restored is the account's: dropping it would hide a domain to save.
 */
export function isGoneStatus(info: { status: string | null | undefined; restorable?: boolean | undefined }): boolean {
  const status = info.status?.trim().toLowerCase();
  if (status === undefined || status === "") return false;
  return GONE_STATUSES.has(status) || (status === "expired" && info.restorable === false);
}

/**
 * Decides whether `error`, thrown while working on `domain`, means the domain is gone. Anything
 * short of proof answers false, and the caller rethrows the original error.
 */
export async function provesGone(client: ApiClient, domain: string, error: unknown): Promise<boolean> {
  if (!(error instanceof DomainsResellerError) || error.code !== "not_found") return false;
  try {
    const info = await client.call("information", { domain });
    return isGoneStatus(info);
  } catch (infoError) {
    if (!isHttpNotFound(infoError)) return false;
    // Every route answers 404 when the endpoint's path is wrong; a working `version` route shows
    // the 404 was about the domain, not about a typo in the URL.
    try {
      await client.call("version", {});
      return true;
    } catch {
      return false;
    }
  }
}

/** Runs `work`; answers undefined instead when it failed because the domain is proven gone. */
export async function unlessGone<T>(client: ApiClient, domain: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (await provesGone(client, domain, error)) return undefined;
    throw error;
  }
}
