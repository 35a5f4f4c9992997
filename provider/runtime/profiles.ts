// Reading one credentials profile out of `domainsreseller:profiles`, a JSON object
// `{ "<name>": { "endpoint": "...", "username": "...", "apiKey": "..." } }`. Shared by the resources
// (settings.ts) and the read functions, so both refuse the same mistakes with the same words.
// Messages name the profile and the missing fields, never a value.
import { ConfigurationError } from "./settings-error";

export interface ProfileCredentials {
  endpoint: string;
  username: string;
  apiKey: string;
}

export interface ProfileLookup {
  /** The JSON text, or undefined when nothing is set. */
  raw: string | undefined;
  /** Where the profiles come from, for messages: "domainsreseller:profiles (or DOMAINSRESELLER_PROFILES)". */
  where: string;
  /** Who asked, for messages: "The resource", "getDomainInfo: the options". */
  subject: string;
  /** What to do when no profiles are set at all. */
  fixUnset: string;
  /** What to do when the profile is not among them. */
  fixUnknown: string;
  /** Put before every message, e.g. "getTlds: " (a function names itself). */
  prefix?: string;
}

/** `text` after the prefix, starting lower-case there and upper-case on its own. */
function sentence(prefix: string | undefined, text: string): string {
  return prefix ? `${prefix}${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

const FIELDS = ["endpoint", "username", "apiKey"] as const;

export function profileCredentials(name: string, lookup: ProfileLookup): ProfileCredentials {
  const { raw, where } = lookup;
  const fail = (text: string): never => {
    throw new ConfigurationError(sentence(lookup.prefix, text));
  };
  if (raw === undefined || raw.trim() === "") {
    return fail(`${lookup.subject} asks for credentials profile "${name}", but ${where} is not set. What to do: ${lookup.fixUnset}.`);
  }
  let profiles: unknown;
  try {
    profiles = JSON.parse(raw);
  } catch {
    return fail(`${where} is not valid JSON; it must be an object of profiles, each { endpoint, username, apiKey }.`);
  }
  const table = typeof profiles === "object" && profiles !== null && !Array.isArray(profiles) ? (profiles as Record<string, unknown>) : {};
  const entry = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (typeof entry !== "object" || entry === null) {
    const known = Object.keys(table);
    return fail(
      `Credentials profile "${name}" is not in ${where} (profiles there: ${known.length > 0 ? known.map((k) => `"${k}"`).join(", ") : "none"}). What to do: ${lookup.fixUnknown}.`,
    );
  }
  const fields = entry as Record<string, unknown>;
  const text = (field: string) => (typeof fields[field] === "string" && (fields[field] as string).trim() !== "" ? (fields[field] as string).trim() : undefined);
  const missing = FIELDS.filter((field) => text(field) === undefined);
  if (missing.length > 0) {
    return fail(`Credentials profile "${name}" in ${where} lacks ${missing.join(", ")}: each profile needs endpoint, username and apiKey as text.`);
  }
  return { endpoint: text("endpoint") as string, username: text("username") as string, apiKey: text("apiKey") as string };
}
