// The options every Pulumi-side read function takes, and how they become an Output of settings.
// Credentials travel only inside Outputs: the API key is secret from the moment it is read, and the
// settings Output is never returned to the caller.
import * as pulumi from "@pulumi/pulumi";
import { DomainsResellerError } from "../client";
import { profileSchema } from "../model/profile";
import type { Settings } from "../runtime/settings";
import { resolveFunctionSettings, type StackValues } from "./resolve";

export interface FunctionOptions {
  /** A credentials profile: a key of the secret stack config `domainsreseller:profiles` (or DOMAINSRESELLER_PROFILES). */
  profile?: string;
  /** Explicit credentials; each one given wins over the stack config and the environment. Not with `profile`. */
  endpoint?: pulumi.Input<string>;
  username?: pulumi.Input<string>;
  /** Treated as a secret whether or not you pass a secret Output. */
  apiKey?: pulumi.Input<string>;
}

/**
 * Whether a Pulumi program (or Pulumi's unit-test mocks) is running in this process. Only then is
 * there stack config: the language host hands it over when it starts the program. A script that
 * merely imports the package has no monitor, and reads its credentials from options and environment.
 */
export function insideProgram(): boolean {
  return pulumi.runtime.hasMonitor();
}

const CONFIG_KEYS = ["endpoint", "username", "maxConcurrency", "requestsPerMinute", "requestTimeoutMs"] as const;
const SECRET_KEYS = ["apiKey", "profiles"] as const;

/** The stack config of our namespace, secrets via getSecret so they never exist as plain Outputs. */
function stackConfig(): pulumi.Output<StackValues | null> {
  if (!insideProgram()) return pulumi.output(null);
  const config = new pulumi.Config("domainsreseller");
  const values: Record<string, pulumi.Input<string | undefined>> = {};
  for (const key of CONFIG_KEYS) values[key] = config.get(key);
  for (const key of SECRET_KEYS) values[key] = config.getSecret(key);
  return pulumi.output(values) as pulumi.Output<StackValues>;
}

/** Checks the options that are plain values now, so a mistake fails at the call, not later in an Output. */
export function checkOptions(fn: string, opts: FunctionOptions): void {
  const explicit = (["endpoint", "username", "apiKey"] as const).filter((field) => opts[field] !== undefined);
  if (opts.profile !== undefined) {
    if (!profileSchema.safeParse(opts.profile).success) {
      throw new DomainsResellerError("validation", `${fn}: option "profile" must name a credentials profile of domainsreseller:profiles: letters, digits, "-" and "_" (for example "eu-account"); got ${JSON.stringify(opts.profile)}. What to do: fix the profile name.`);
    }
    if (explicit.length > 0) {
      throw new DomainsResellerError("validation", `${fn}: give either option "profile" or explicit ${explicit.join(", ")}, not both. What to do: drop one of them.`);
    }
  }
}

/**
 * A failure as Pulumi shows it best: a RunError is printed once, as its message, without a stack
 * (the stack would point into this package, not at the program). `code` stays for callers that branch on it.
 */
export function asRunError(error: unknown): never {
  if (pulumi.RunError.isInstance(error)) throw error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  throw Object.assign(new pulumi.RunError(message, { cause: error }), typeof code === "string" ? { code } : {});
}

/** The settings the options select, as a secret Output; resolution errors reject it. */
export function settingsFor(fn: string, opts: FunctionOptions): pulumi.Output<Settings> {
  const explicit = pulumi.all([opts.endpoint, opts.username, opts.apiKey === undefined ? undefined : pulumi.secret(opts.apiKey)]);
  // Secret even when the key came from the environment: it is the key either way.
  const resolved = pulumi.all([explicit, stackConfig()]).apply(([[endpoint, username, apiKey], config]) => {
    try {
      return resolveFunctionSettings(fn, { explicit: { endpoint, username, apiKey }, config, env: process.env, profile: opts.profile });
    } catch (error) {
      return asRunError(error);
    }
  });
  return pulumi.secret(resolved);
}
