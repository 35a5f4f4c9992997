// Where the provider finds its endpoint and credentials: stack config (read in `configure`), then
// the environment. Never resource inputs, never captured in the serialized provider.
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

export class ConfigurationError extends Error {
  readonly code = "configuration";
  override name = "ConfigurationError";
}

let stackConfig: Record<string, string> = {};

/** Called by the provider's `configure`: keeps our namespace's values; everything else is not ours to hold. */
export function configureFrom(source: ConfigSource): void {
  const kept: Record<string, string> = {};
  for (const { key } of [...REQUIRED, ...TUNING]) {
    const value = source.get(key);
    if (value !== undefined && value !== "") kept[key] = value;
  }
  stackConfig = kept;
}

function lookup(key: string, env: string): string | undefined {
  const value = stackConfig[key] ?? process.env[env];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function positiveInteger(key: string, env: string): number | undefined {
  const raw = lookup(key, env);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigurationError(`${key} (or ${env}) must be a positive whole number; got ${JSON.stringify(raw)}.`);
  }
  return value;
}

/** Resolves the settings, or fails naming every missing config key and its environment variable. */
export function resolveSettings(): Settings {
  const missing = REQUIRED.filter(({ key, env }) => lookup(key, env) === undefined);
  if (missing.length > 0) {
    const lines = missing.map(({ key, env, set }) => `  - ${key}: run \`${set}\`, or set the environment variable ${env}`);
    throw new ConfigurationError(
      `Missing Domains Reseller settings:\n${lines.join("\n")}\n` +
        "To try things without an account, start the local emulator with `npx domainsreseller emulator` and use the endpoint and credentials it prints.",
    );
  }
  const [endpoint, username, apiKey] = REQUIRED.map(({ key, env }) => lookup(key, env) as string) as [string, string, string];
  const settings: Settings = { endpoint, username, apiKey };
  for (const { field, key, env } of TUNING) {
    const value = positiveInteger(key, env);
    if (value !== undefined) settings[field] = value;
  }
  return settings;
}
