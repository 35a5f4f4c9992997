// Which credentials a Pulumi-side read function uses, decided from three plain layers: explicit
// options, the stack config (only inside a program) and the environment. Pure apart from reading
// the environment it is given, so every precedence rule is tested without Pulumi.
import { profileCredentials as readProfile } from "../runtime/profiles";
import { ConfigurationError, type Settings } from "../runtime/settings";

/** Values the caller passed in the function's options (already unwrapped from Inputs). */
export interface ExplicitCredentials {
  endpoint?: string | undefined;
  username?: string | undefined;
  apiKey?: string | undefined;
}

/** Stack config under `domainsreseller:` by short key (endpoint, apiKey, profiles, …). */
export type StackValues = Partial<Record<string, string | undefined>>;

export interface Layers {
  explicit: ExplicitCredentials;
  /** Null outside a Pulumi program: there is no stack config to read then. */
  config: StackValues | null;
  env: NodeJS.ProcessEnv;
  profile?: string | undefined;
}

const FIELDS = [
  { field: "endpoint", env: "DOMAINSRESELLER_ENDPOINT", set: "pulumi config set domainsreseller:endpoint <url>" },
  { field: "username", env: "DOMAINSRESELLER_USERNAME", set: "pulumi config set domainsreseller:username <email>" },
  { field: "apiKey", env: "DOMAINSRESELLER_API_KEY", set: "pulumi config set --secret domainsreseller:apiKey <key>" },
] as const;

const TUNING = [
  { field: "maxConcurrency", env: "DOMAINSRESELLER_MAX_CONCURRENCY" },
  { field: "requestsPerMinute", env: "DOMAINSRESELLER_REQUESTS_PER_MINUTE" },
  { field: "requestTimeoutMs", env: "DOMAINSRESELLER_REQUEST_TIMEOUT_MS" },
] as const;

const PROFILES_ENV = "DOMAINSRESELLER_PROFILES";
const PROFILE_SET = `pulumi config set --secret --path 'domainsreseller:profiles.<name>.apiKey' <key> (and .endpoint, .username)`;

const present = (value: string | undefined): string | undefined => (value === undefined || value.trim() === "" ? undefined : value.trim());

/**
 * Stack config, then the environment, as the provider process does; DOMAINSRESELLER_PREFER_ENV=true
 * lets the environment win, so one switch means the same for resources and functions.
 */
function pick(layers: Layers, key: string, env: string): string | undefined {
  const fromConfig = present(layers.config?.[key]);
  const fromEnv = present(layers.env[env]);
  const preferEnv = layers.env["DOMAINSRESELLER_PREFER_ENV"]?.trim().toLowerCase() === "true";
  return preferEnv ? (fromEnv ?? fromConfig) : (fromConfig ?? fromEnv);
}

function tuning(layers: Layers): Partial<Settings> {
  const values: Partial<Settings> = {};
  for (const { field, env } of TUNING) {
    const raw = pick(layers, field, env);
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new ConfigurationError(`domainsreseller:${field} (or ${env}) must be a positive whole number; got ${JSON.stringify(raw)}.`);
    values[field] = value;
  }
  return values;
}

/** The settings the layers give, or an error naming every missing setting and each way to give it. */
export function resolveFunctionSettings(fn: string, layers: Layers): Settings {
  if (layers.profile !== undefined) return { ...profileCredentials(fn, layers.profile, layers), ...tuning(layers) };
  const values = FIELDS.map(({ field, env }) => present(layers.explicit[field]) ?? pick(layers, field, env));
  const missing = FIELDS.filter((_, index) => values[index] === undefined);
  if (missing.length > 0) {
    const lines = missing.map(({ field, env, set }) =>
      layers.config === null
        ? `  - ${field}: set the environment variable ${env}, or pass { ${field} } in the options (stack config is not read outside a Pulumi program)`
        : `  - domainsreseller:${field}: run \`${set}\`, set the environment variable ${env}, or pass { ${field} } in the options`,
    );
    throw new ConfigurationError(`${fn}: missing Domains Reseller settings:\n${lines.join("\n")}`);
  }
  const [endpoint, username, apiKey] = values as [string, string, string];
  return { endpoint, username, apiKey, ...tuning(layers) };
}

/** A profile of `domainsreseller:profiles` (or DOMAINSRESELLER_PROFILES), read as the resources read it. */
function profileCredentials(fn: string, name: string, layers: Layers): Pick<Settings, "endpoint" | "username" | "apiKey"> {
  const outside = layers.config === null;
  return readProfile(name, {
    raw: pick(layers, "profiles", PROFILES_ENV),
    where: outside ? PROFILES_ENV : `domainsreseller:profiles (or ${PROFILES_ENV})`,
    subject: "The options",
    prefix: `${fn}: `,
    fixUnset: outside ? `set ${PROFILES_ENV} to a JSON object of profiles (stack config is not read outside a Pulumi program)` : `run \`${PROFILE_SET}\`, or set ${PROFILES_ENV} to the same JSON`,
    fixUnknown: `add it with \`${PROFILE_SET}\`, or fix the profile option`,
  });
}
