// The provider's settings as package-schema config: one entry per key runtime/settings.ts reads
// (SETTING_NAMES), with its type and a one-line summary of docs/credentials.md and
// docs/safety-rails.md. settings.ts keeps only the names (it reads every value as text), so the
// types live here; the schema test holds this table to SETTING_NAMES, so a new setting cannot be
// left out of the schema.
import { SETTING_NAMES } from "./config";
import { typeRef, type TypeRegistry } from "./schemaRegistry";
import type { PropertySpec } from "./schemaTypes";

/** One credentials profile of `profiles` (docs/credentials.md). */
const PROFILE_TYPE = "ProviderProfile";

const integer = (description: string): PropertySpec => ({ type: "integer", description });
const number = (description: string): PropertySpec => ({ type: "number", description });
const text = (description: string): PropertySpec => ({ type: "string", description });
const list = (description: string): PropertySpec => ({ type: "array", items: { type: "string" }, description });

export const SETTINGS: Readonly<Record<string, PropertySpec>> = {
  endpoint: text("The Domains Reseller API URL, e.g. https://portal.example.com/modules/addons/DomainsReseller/api/index.php (environment: DOMAINSRESELLER_ENDPOINT)."),
  username: text("The reseller's WHMCS e-mail address (environment: DOMAINSRESELLER_USERNAME)."),
  apiKey: { ...text("The API key of the reseller account (environment: DOMAINSRESELLER_API_KEY). Stored encrypted."), secret: true },
  maxConcurrency: integer("Requests in flight at once (default 4; environment: DOMAINSRESELLER_MAX_CONCURRENCY)."),
  requestsPerMinute: integer("A fixed request budget per sliding minute, retries included; unset, pacing adapts to the server (environment: DOMAINSRESELLER_REQUESTS_PER_MINUTE)."),
  requestTimeoutMs: integer("How long to wait for an answer, in milliseconds (default 60000; environment: DOMAINSRESELLER_REQUEST_TIMEOUT_MS)."),
  profiles: {
    type: "object",
    additionalProperties: { $ref: typeRef(PROFILE_TYPE) },
    description: "Named credentials for resources that set `profile`, as name → { endpoint, username, apiKey } (environment: DOMAINSRESELLER_PROFILES, as JSON). Stored encrypted.",
    secret: true,
  },
  zoneChangeThreshold: number("Safety rail: the share of a zone (percent, default 30) a DnsRecordSet change may delete or rewrite without consent."),
  zoneChangeMinRecords: integer("Safety rail: zones with fewer live records than this (default 10) are not held to zoneChangeThreshold."),
  maxChargePerRun: number("Safety rail: the most one deployment may spend on orders and renewals, in the account's currency (no limit when unset)."),
  maxDeletesPerRun: integer("Safety rail: the most resources of this provider one deployment may remove without consent (default 10)."),
  allowDeletes: text('Consent to one deployment\'s deletions, "N:checksum", copied from the max-deletes-per-run refusal that printed it.'),
  retryRenewal: list('Consents to one more attempt of an unsettled renewal, each "domain@sentAt" (in stack config: comma-separated).'),
  retryOrder: list('Consents to one more attempt of an unsettled registration or transfer, each "domain@sentAt" (in stack config: comma-separated).'),
};

/** Registers the types the settings use (a profile) and returns the settings, in the order settings.ts lists them. */
export function settingsSchema(registry: TypeRegistry): Record<string, PropertySpec> {
  registry.register(
    PROFILE_TYPE,
    {
      type: "object",
      description: "The credentials of one reseller account.",
      properties: { endpoint: SETTINGS.endpoint!, username: SETTINGS.username!, apiKey: SETTINGS.apiKey! },
      required: ["endpoint", "username", "apiKey"],
    },
    true,
  );
  return Object.fromEntries(
    SETTING_NAMES.map((name) => {
      const spec = SETTINGS[name];
      if (spec === undefined) throw new Error(`schema: setting "${name}" (runtime/settings.ts) has no entry in plugin/schemaConfig.ts`);
      return [name, { ...spec }];
    }),
  );
}
