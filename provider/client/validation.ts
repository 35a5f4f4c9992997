// Turns a zod failure on call parameters into a `validation` error that names each bad field and
// the fix, before any request is made. Values are never echoed: they may be contact data.
import type { z } from "zod";
import { DomainsResellerError, describe } from "./errors";

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}

/**
 * For a key the route does not take: the accepted key it most likely meant. Users read the API's
 * own docs, which use wire names (`domainfields`, a base64 string); this client takes the readable
 * form (`domainFields`, a map it encodes), so the refusal must say which name to use.
 */
function suggestionFor(key: string, accepted: readonly string[]): string {
  const same = accepted.find((a) => a.toLowerCase() === key.toLowerCase().replace(/[_-]/g, ""));
  const note = same === "domainFields" ? " as a JSON object of TLD fields; the client encodes it as the base64 `domainfields` the API expects" : "";
  if (same) return `"${key}" is the API's wire name: pass "${same}"${note}`;
  return `"${key}" is not a parameter of this route (it takes: ${accepted.join(", ")})`;
}

export function validationError(route: string, params: unknown, error: z.ZodError, accepted: readonly string[] = []): DomainsResellerError {
  const raw = (params as { domain?: unknown } | null)?.domain;
  const domain = typeof raw === "string" ? raw.slice(0, 253) : undefined;
  const problems = error.issues.slice(0, 5).map((issue) => {
    const field = fieldPath(issue.path) || "(parameters)";
    if (issue.code === "unrecognized_keys" && issue.path.length === 0 && accepted.length > 0) return issue.keys.map((k) => suggestionFor(k, accepted)).join("; ");
    return `${field}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : "";
  const fields = [...new Set(error.issues.map((i) => fieldPath(i.path) || "(parameters)"))].join(", ");
  const message = describe("validation", `invalid parameters: ${problems.join("; ")}${more}`, route, domain, `correct ${fields} (see docs/client.md for the parameters of ${route}); nothing was sent`);
  return new DomainsResellerError("validation", message, { route, domain });
}
