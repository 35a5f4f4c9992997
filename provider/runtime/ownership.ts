// Ownership in the preview: a settings resource (DNS, nameservers, lock, forwarding, privacy, glue)
// for a domain the account does not hold (a typo, another reseller's name, the wrong profile) fails
// `check`, so `pulumi preview` names it instead of `up` failing half-way. Only on proof (gone.ts):
// the `information` route answering 404 while the endpoint works, or a status that means the
// registration left the account. Anything else (a timeout, a 5xx) lets the preview pass; the apply
// reports it. One read per (credentials, domain) per provider process, shared by every resource of
// that domain; a resource already in the state for the same domain needs no read at all.
import { isHttpNotFound } from "../client";
import type { CheckFailure } from "../model/check";
import { isUnknown } from "../model/unknown";
import { clientFor } from "./clients";
import { isGoneStatus } from "./gone";
import { resolveSettings, type Settings } from "./settings";
import { readViews, type ApiClient } from "./sharedReads";

/** The kinds that work on a domain already in the account. `Domain` is not one: it brings domains in. */
const SETTINGS_KINDS = new Set(["DnsRecordSet", "Nameservers", "RegistrarLock", "EmailForwarding", "IdProtection", "PrivateNameserver"]);

/** Proven not in the account (with the status that says it left, if that was the proof), or no proof of it. */
type Verdict = { absent: true; status?: string } | { absent: false };

/** The read of each (credentials, domain), as a promise, so concurrent checks share one call. */
const verdicts = new Map<string, Promise<Verdict>>();
/** Domains a `Domain` resource of this deployment registers, transfers or adopts, per profile. */
const incoming = new Set<string>();

const profileOf = (inputs: Record<string, unknown>): string | undefined => (typeof inputs.profile === "string" ? inputs.profile : undefined);
const incomingKey = (profile: string | undefined, domain: string) => JSON.stringify([profile ?? null, domain]);

/** Forgets every read and every incoming domain (a new provider process, for tests). */
export function resetOwnership(): void {
  verdicts.clear();
  incoming.clear();
}

async function readVerdict(client: ApiClient, domain: string): Promise<Verdict> {
  try {
    const info = await client.call("information", { domain });
    return isGoneStatus(info) ? { absent: true, ...(info.status ? { status: info.status } : {}) } : { absent: false };
  } catch (error) {
    if (!isHttpNotFound(error)) return { absent: false };
    // Every route answers 404 when the endpoint's path is wrong; a working `version` route shows
    // the 404 was about the domain (as gone.ts proves it).
    try {
      await client.call("version", {});
      return { absent: true };
    } catch {
      return { absent: false };
    }
  }
}

function verdictFor(settings: Settings, profile: string | undefined, domain: string): Promise<Verdict> {
  const key = JSON.stringify([profile ?? null, domain, settings.endpoint, settings.username]);
  let verdict = verdicts.get(key);
  if (!verdict) {
    verdict = readVerdict(readViews(clientFor(settings)).shared, domain).catch((): Verdict => ({ absent: false }));
    verdicts.set(key, verdict);
  }
  return verdict;
}

function refusal(domain: string, username: string, profile: string | undefined, verdict: Verdict & { absent: true }): CheckFailure {
  const whose = `the reseller account of ${username} (${profile === undefined ? "the default credentials" : `profile "${profile}"`})`;
  const what =
    verdict.status === undefined
      ? `${domain} is not in ${whose}: the API answers that it was not found or is not owned by this account`
      : `${domain} is no longer in ${whose}: the API reports its status as "${verdict.status}"`;
  return {
    property: "domain",
    reason: `${what}. What to do: check the spelling, or the profile; \`domainsreseller call GET /domains/${domain}/information\` shows what the account says`,
  };
}

/**
 * The failures for `inputs` (checked, canonical) of a resource of `kindName` whose previous inputs
 * were `olds` ({} when new): one on "domain" when the account provably does not hold it. Empty when
 * the resource is already in the state for this domain, when a Domain of the deployment brings the
 * domain in (`domainDeclared`: the program declared one before this resource), when the domain or
 * profile is not known yet, when no credentials resolve, or when the account's answer proves nothing.
 */
export async function ownershipFailures(kindName: string, olds: Record<string, unknown>, inputs: Record<string, unknown>, domainDeclared = false): Promise<CheckFailure[]> {
  if (isUnknown(inputs.profile)) return [];
  const profile = profileOf(inputs);
  if (kindName === "Domain") {
    // A settings resource of the same deployment may use this name before the Domain exists.
    if (typeof inputs.name === "string" && !isUnknown(inputs.name)) incoming.add(incomingKey(profile, inputs.name));
    return [];
  }
  const domain = inputs.domain;
  if (!SETTINGS_KINDS.has(kindName) || typeof domain !== "string" || isUnknown(domain)) return [];
  if (olds.domain === domain) return [];
  // A Domain of the same program brings it in: known from the program itself (`domainDeclared`,
  // which holds whatever order the engine checks them in), or from the Domain's check in this process.
  if (domainDeclared || incoming.has(incomingKey(profile, domain))) return [];
  let settings: Settings;
  try {
    settings = resolveSettings(profile);
  } catch {
    return []; // no credentials yet: nothing to ask
  }
  const verdict = await verdictFor(settings, profile, domain);
  return verdict.absent ? [refusal(domain, settings.username, profile, verdict)] : [];
}
