// Where the provider finds its endpoint and credentials: stack config (read in `configure`), then
// the environment. Never resource inputs, never captured in the serialized provider.
import { profileCredentials as readProfile } from "./profiles";
import { ConfigurationError } from "./settings-error";

export interface Settings {
  endpoint: string;
  username: string;
  apiKey: string;
  maxConcurrency?: number;
  requestsPerMinute?: number;
  requestTimeoutMs?: number;
}

/** The subset of Pulumi's ConfigureRequest we use (kept structural so this module needs no Pulumi import). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

const NAMESPACE = "domainsreseller";
const PROFILES = { key: `${NAMESPACE}:profiles`, env: "DOMAINSRESELLER_PROFILES" } as const;
/** Set to "true" to let the environment win over the stack config recorded in state (key rotation). */
const PREFER_ENV = "DOMAINSRESELLER_PREFER_ENV";

const REQUIRED = [
  { field: "endpoint", key: `${NAMESPACE}:endpoint`, env: "DOMAINSRESELLER_ENDPOINT", set: "pulumi config set domainsreseller:endpoint <url>" },
  { field: "username", key: `${NAMESPACE}:username`, env: "DOMAINSRESELLER_USERNAME", set: "pulumi config set domainsreseller:username <email>" },
  { field: "apiKey", key: `${NAMESPACE}:apiKey`, env: "DOMAINSRESELLER_API_KEY", set: "pulumi config set --secret domainsreseller:apiKey <key>" },
] as const;

const TUNING = [
  { field: "maxConcurrency", key: `${NAMESPACE}:maxConcurrency`, env: "DOMAINSRESELLER_MAX_CONCURRENCY" },
  { field: "requestsPerMinute", key: `${NAMESPACE}:requestsPerMinute`, env: "DOMAINSRESELLER_REQUESTS_PER_MINUTE" },
  { field: "requestTimeoutMs", key: `${NAMESPACE}:requestTimeoutMs`, env: "DOMAINSRESELLER_REQUEST_TIMEOUT_MS" },
] as const;

/** Safety rails (docs/safety-rails.md): limits a deployment must stay within unless consented. */
const SAFETY = {
  zoneChangeThreshold: { key: `${NAMESPACE}:zoneChangeThreshold`, env: "DOMAINSRESELLER_ZONE_CHANGE_THRESHOLD" },
  zoneChangeMinRecords: { key: `${NAMESPACE}:zoneChangeMinRecords`, env: "DOMAINSRESELLER_ZONE_CHANGE_MIN_RECORDS" },
  maxChargePerRun: { key: `${NAMESPACE}:maxChargePerRun`, env: "DOMAINSRESELLER_MAX_CHARGE_PER_RUN" },
  maxDeletesPerRun: { key: `${NAMESPACE}:maxDeletesPerRun`, env: "DOMAINSRESELLER_MAX_DELETES_PER_RUN" },
  allowDeletes: { key: `${NAMESPACE}:allowDeletes`, env: "DOMAINSRESELLER_ALLOW_DELETES" },
  retryRenewal: { key: `${NAMESPACE}:retryRenewal`, env: "DOMAINSRESELLER_RETRY_RENEWAL" },
  retryOrder: { key: `${NAMESPACE}:retryOrder`, env: "DOMAINSRESELLER_RETRY_ORDER" },
} as const;

export { ConfigurationError };

/** Every stack config key the provider reads, e.g. "domainsreseller:apiKey" (a plugin's CheckConfig refuses others). */
export const SETTING_KEYS: readonly string[] = [...REQUIRED, ...TUNING, PROFILES, ...Object.values(SAFETY)].map(({ key }) => key);

let stackConfig: Record<string, string> = {};

/** Called by the provider's `configure`: keeps our namespace's values; everything else is not ours to hold. */
export function configureFrom(source: ConfigSource): void {
  const kept: Record<string, string> = {};
  for (const { key } of [...REQUIRED, ...TUNING, PROFILES, ...Object.values(SAFETY)]) {
    const value = source.get(key);
    if (value !== undefined && value !== "") kept[key] = value;
  }
  stackConfig = kept;
}

function lookup(key: string, env: string): string | undefined {
  const fromEnv = process.env[env];
  const preferEnv = process.env[PREFER_ENV]?.trim().toLowerCase() === "true" && fromEnv !== undefined && fromEnv.trim() !== "";
  const value = preferEnv ? fromEnv : (stackConfig[key] ?? fromEnv);
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function numberSetting(key: string, env: string, rule: { what: string; valid: (n: number) => boolean }): number | undefined {
  const raw = lookup(key, env);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || !rule.valid(value)) {
    throw new ConfigurationError(`${key} (or ${env}) must be ${rule.what}; got ${JSON.stringify(raw)}.`);
  }
  return value;
}

const POSITIVE_WHOLE = { what: "a positive whole number", valid: (n: number) => Number.isInteger(n) && n > 0 };
const WHOLE = { what: "a whole number, 0 or more", valid: (n: number) => Number.isInteger(n) && n >= 0 };
const PERCENT = { what: "a percentage from 0 to 100", valid: (n: number) => n >= 0 && n <= 100 };
const AMOUNT = { what: "an amount, 0 or more, in the account's currency (e.g. 50 or 49.99)", valid: (n: number) => n >= 0 && Math.round(n * 100) === n * 100 };

const positiveInteger = (key: string, env: string) => numberSetting(key, env, POSITIVE_WHOLE);

export interface SafetySettings {
  zoneChangeThreshold?: number | undefined;
  zoneChangeMinRecords?: number | undefined;
  maxChargePerRun?: number | undefined;
  maxDeletesPerRun?: number | undefined;
  /** Verbatim "N:checksum"; parsed where it is used, so a mistake is named there. */
  allowDeletes?: string | undefined;
  /** Consents to one more attempt of an unsettled renewal, each `domain@sentAt` (comma-separated in config). */
  retryRenewal: string[];
  /** Consents to one more attempt of an unsettled registration or transfer, each `domain@sentAt`. */
  retryOrder: string[];
}

const consents = ({ key, env }: { key: string; env: string }) => (lookup(key, env) ?? "").split(",").map((c) => c.trim()).filter((c) => c !== "");

/** The safety limits as set (absent: the rails' defaults apply). Throws naming a malformed value. */
export function safetySettings(): SafetySettings {
  return {
    zoneChangeThreshold: numberSetting(SAFETY.zoneChangeThreshold.key, SAFETY.zoneChangeThreshold.env, PERCENT),
    zoneChangeMinRecords: numberSetting(SAFETY.zoneChangeMinRecords.key, SAFETY.zoneChangeMinRecords.env, WHOLE),
    maxChargePerRun: numberSetting(SAFETY.maxChargePerRun.key, SAFETY.maxChargePerRun.env, AMOUNT),
    maxDeletesPerRun: numberSetting(SAFETY.maxDeletesPerRun.key, SAFETY.maxDeletesPerRun.env, WHOLE),
    allowDeletes: lookup(SAFETY.allowDeletes.key, SAFETY.allowDeletes.env),
    retryRenewal: consents(SAFETY.retryRenewal),
    retryOrder: consents(SAFETY.retryOrder),
  };
}

/** Resolves the settings, or fails naming every missing config key and its environment variable. */
export function resolveSettings(profile?: string): Settings {
  if (profile !== undefined) return { ...profileCredentials(profile), ...tuning() };
  const missing = REQUIRED.filter(({ key, env }) => lookup(key, env) === undefined);
  if (missing.length > 0) {
    const lines = missing.map(({ key, env, set }) => `  - ${key}: run \`${set}\`, or set the environment variable ${env}`);
    throw new ConfigurationError(
      `Missing Domains Reseller settings:\n${lines.join("\n")}\n` +
        "To try things without an account, start the local emulator with `npx domainsreseller emulator` and use the endpoint and credentials it prints.",
    );
  }
  const [endpoint, username, apiKey] = REQUIRED.map(({ key, env }) => lookup(key, env) as string) as [string, string, string];
  return { endpoint, username, apiKey, ...tuning() };
}

function tuning(): Partial<Settings> {
  const values: Partial<Settings> = {};
  for (const { field, key, env } of TUNING) {
    const value = positiveInteger(key, env);
    if (value !== undefined) values[field] = value;
  }
  return values;
}

const PROFILE_SET = `pulumi config set --secret --path 'domainsreseller:profiles.<name>.apiKey' <key> (and .endpoint, .username)`;

/** The credentials of a named profile from `domainsreseller:profiles` (see profiles.ts). */
function profileCredentials(name: string): Pick<Settings, "endpoint" | "username" | "apiKey"> {
  return readProfile(name, {
    raw: lookup(PROFILES.key, PROFILES.env),
    where: `${PROFILES.key} (or ${PROFILES.env})`,
    subject: "The resource",
    fixUnset: `run \`${PROFILE_SET}\`, or set ${PROFILES.env} to the same JSON`,
    fixUnknown: `add it with \`${PROFILE_SET}\`, or fix the resource's profile input`,
  });
}
