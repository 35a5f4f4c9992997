// `domainsreseller call METHOD PATH`: send one signed API call and print the JSON body. For
// exploring a reseller account and for bug reports; the request goes through the same client
// (validation, signing, retries) as the provider's.
import { DomainsResellerClient, isDomainsResellerError, type RouteParams } from "../../provider/client";
import { EXIT_FAILURE, EXIT_OK, parseCommand, usageError } from "../args";
import { closeMatches, matchRoute } from "../call-routes";
import { resolveCredentials } from "../credentials";

const HELP = `usage: domainsreseller call <METHOD> <PATH> [--form-json '<json>'] [options]

Sends one signed request and prints the response body as JSON.
  METHOD PATH        a route of the API, e.g. GET /domains/example.com/lock
  --form-json JSON   parameters as a JSON object, e.g. '{"lockstatus":"locked"}'
  --normalized       print the client's normalized result instead of the raw body
  --endpoint URL     or DOMAINSRESELLER_ENDPOINT
  --username EMAIL   or DOMAINSRESELLER_USERNAME
  --api-key KEY      or DOMAINSRESELLER_API_KEY (prefer the variable: flags show up in ps)
  --verbose          print the request line and headers (token redacted) to stderr`;

const OPTIONS = {
  "form-json": { type: "string" },
  endpoint: { type: "string" },
  username: { type: "string" },
  "api-key": { type: "string" },
  verbose: { type: "boolean" },
  normalized: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function parseForm(text: string | undefined): Record<string, unknown> | string {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the message below
  }
  return `--form-json must be a JSON object, e.g. '{"lockstatus":"locked"}'`;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, OPTIONS, HELP);
  if (parsed.exit !== undefined) return parsed.exit;
  const { values, positionals } = parsed;
  const [method, path, ...extra] = positionals;
  if (!method || !path || extra.length > 0) return usageError(`call needs exactly METHOD and PATH\n\n${HELP}`);
  const match = matchRoute(method, path);
  if (!match) return usageError(`no API route ${method.toUpperCase()} ${path}; closest: ${closeMatches(method, path).join(", ")}`);
  const form = parseForm(values["form-json"]);
  if (typeof form === "string") return usageError(form);
  const creds = resolveCredentials({ endpoint: values.endpoint, username: values.username, "api-key": values["api-key"] });
  if (!creds.ok) return usageError(creds.message);

  let client: DomainsResellerClient;
  try {
    client = new DomainsResellerClient({
      ...creds.credentials,
      onRequest: values.verbose ? (r) => process.stderr.write(`> ${r.method} ${r.url}\n${Object.entries(r.headers).map(([k, v]) => `> ${k}: ${v}\n`).join("")}${r.body ? `> \n> ${r.body}\n` : ""}`) : undefined,
      logger: values.verbose ? (line) => process.stderr.write(`* ${line}\n`) : undefined,
    });
  } catch (error) {
    process.stderr.write(`domainsreseller: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
  try {
    // The path is authoritative for the domain (as on the server); the rest comes from --form-json.
    const params = { ...form, ...match.pathParams } as RouteParams<typeof match.route>;
    const body = values.normalized ? await client.call(match.route, params) : await client.callRaw(match.route, params);
    process.stdout.write(`${JSON.stringify(body ?? null, null, 2)}\n`);
    return EXIT_OK;
  } catch (error) {
    const code = isDomainsResellerError(error) ? ` [${error.code}]` : "";
    process.stderr.write(`domainsreseller: ${error instanceof Error ? error.message : String(error)}${code}\n`);
    return EXIT_FAILURE;
  } finally {
    await client.close();
  }
}
