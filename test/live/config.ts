// Which account the live contract suite talks to, read from the environment. Nothing here is
// printed except the variable names: the values (the API key above all) stay in memory.

export const LIVE_VARIABLES = ["DOMAINSRESELLER_LIVE_ENDPOINT", "DOMAINSRESELLER_LIVE_USERNAME", "DOMAINSRESELLER_LIVE_API_KEY", "DOMAINSRESELLER_LIVE_TEST_DOMAIN"] as const;
export const WRITES_VARIABLE = "DOMAINSRESELLER_LIVE_WRITES";

export interface LiveConfig {
  endpoint: string;
  username: string;
  apiKey: string;
  testDomain: string;
  /** DOMAINSRESELLER_LIVE_WRITES=1: the restoring write scenarios run too (only on the test domain). */
  writes: boolean;
}

export type LiveSetup = { ok: true; config: LiveConfig } | { ok: false; missing: string[] };

export function readLiveConfig(env: NodeJS.ProcessEnv): LiveSetup {
  const value = (name: string) => env[name]?.trim() ?? "";
  const missing = LIVE_VARIABLES.filter((name) => value(name) === "");
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    config: {
      endpoint: value("DOMAINSRESELLER_LIVE_ENDPOINT"),
      username: value("DOMAINSRESELLER_LIVE_USERNAME"),
      // Not trimmed: a key is compared byte for byte by the server's HMAC.
      apiKey: env["DOMAINSRESELLER_LIVE_API_KEY"] ?? "",
      testDomain: value("DOMAINSRESELLER_LIVE_TEST_DOMAIN"),
      // Exactly "1": a stray "0" or "false" must not switch writes on.
      writes: value(WRITES_VARIABLE) === "1",
    },
  };
}

/** The one line a run without the variables shows. */
export function skipTitle(missing: readonly string[]): string {
  const some = missing.length < LIVE_VARIABLES.length ? ` (missing: ${missing.join(", ")})` : "";
  return `live contract suite skipped: set ${LIVE_VARIABLES.join(", ")} to run it against a real reseller account${some}; read-only unless ${WRITES_VARIABLE}=1`;
}
