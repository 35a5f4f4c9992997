// Credentials for commands that talk to the API: a flag wins, the environment is the fallback
// (the same variables the provider reads). A missing one is named with both of its sources.

export interface Credentials {
  endpoint: string;
  username: string;
  apiKey: string;
}

const SOURCES = [
  { key: "endpoint", flag: "--endpoint", env: "DOMAINSRESELLER_ENDPOINT", what: "the API base URL" },
  { key: "username", flag: "--username", env: "DOMAINSRESELLER_USERNAME", what: "the reseller's WHMCS e-mail" },
  { key: "apiKey", flag: "--api-key", env: "DOMAINSRESELLER_API_KEY", what: "the API key" },
] as const;

export type CredentialFlags = Partial<Record<"endpoint" | "username" | "api-key", string | undefined>>;

export function resolveCredentials(flags: CredentialFlags, env: NodeJS.ProcessEnv = process.env): { ok: true; credentials: Credentials } | { ok: false; message: string } {
  const found: Partial<Credentials> = {};
  const missing: string[] = [];
  for (const source of SOURCES) {
    const fromFlag = flags[source.flag.slice(2) as keyof CredentialFlags];
    const value = fromFlag !== undefined && fromFlag !== "" ? fromFlag : env[source.env];
    if (value === undefined || value === "") missing.push(`${source.what}: pass ${source.flag} or set ${source.env}`);
    else found[source.key] = value;
  }
  if (missing.length > 0) return { ok: false, message: `missing credentials (${missing.join("; ")})` };
  return { ok: true, credentials: found as Credentials };
}
