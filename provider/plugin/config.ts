// The provider's configuration as the engine sends it to a plugin: `args` holds the provider's
// inputs by bare name (`apiKey`), `variables` the stack config as `domainsreseller:config:apiKey`.
// Both feed the same settings store as the dynamic resources' `configure` (runtime/settings.ts),
// under the keys that store reads (`domainsreseller:apiKey`), so every run resolves credentials
// the same way whichever server carries it. No value is ever logged or put in an error.
import type { ConfigSource } from "../runtime/settings";
import { SETTING_KEYS } from "../runtime/settings";
import { isUnknown } from "../model/unknown";
import { PACKAGE } from "./tokens";
import type { Props } from "./values";

const PREFIX = `${PACKAGE}:`;

/** Bare names of the settings (`endpoint`, `apiKey`, ...). */
export const SETTING_NAMES: readonly string[] = SETTING_KEYS.map((key) => key.slice(PREFIX.length));

/** Keys the engine itself adds to a provider's inputs. */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);

/**
 * A setting as the settings store keeps it: text. Numbers and flags typed by the schema come back
 * as their text, lists as the comma-separated form the stack config uses, objects (profiles) as JSON.
 */
function asText(value: unknown): string | undefined {
  if (value === undefined || value === null || isUnknown(value)) return undefined;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(String).join(",");
  return JSON.stringify(value);
}

/** The settings source for configureFrom: the provider's inputs first, then the stack config variables. */
export function configSource(args: Props, variables: ReadonlyMap<string, string>): ConfigSource {
  return {
    get(key) {
      if (!key.startsWith(PREFIX)) return undefined;
      const name = key.slice(PREFIX.length);
      return asText(args[name]) ?? variables.get(`${PACKAGE}:config:${name}`) ?? variables.get(key);
    },
  };
}

/** Provider inputs this provider does not read: almost always a misspelt setting. */
export function unknownSettings(news: Props): { property: string; reason: string }[] {
  return Object.keys(news)
    .filter((name) => !SETTING_NAMES.includes(name) && !ENGINE_KEYS.has(name) && !name.startsWith("__"))
    .map((name) => ({
      property: name,
      reason: `${PREFIX}${name} is not a setting of the ${PACKAGE} provider; its settings are ${SETTING_NAMES.join(", ")} (see docs/credentials.md).`,
    }));
}

/** Settings whose change is shown as an update of the provider (a new account or endpoint); none replaces it. */
export const WATCHED_SETTINGS = ["endpoint", "username"] as const;
