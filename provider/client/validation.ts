// Turns a zod failure on call parameters into a `validation` error that names each bad field and
// the fix, before any request is made. Values are never echoed: they may be contact data.
import type { z } from "zod";
import { DomainsResellerError, describe } from "./errors";

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}

export function validationError(route: string, params: unknown, error: z.ZodError): DomainsResellerError {
  const raw = (params as { domain?: unknown } | null)?.domain;
  const domain = typeof raw === "string" ? raw.slice(0, 253) : undefined;
  const problems = error.issues.slice(0, 5).map((issue) => {
    const field = fieldPath(issue.path) || "(parameters)";
    return `${field}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : "";
  const fields = [...new Set(error.issues.map((i) => fieldPath(i.path) || "(parameters)"))].join(", ");
  const message = describe("validation", `invalid parameters: ${problems.join("; ")}${more}`, route, domain, `correct ${fields} (see docs/client.md for the parameters of ${route}); nothing was sent`);
  return new DomainsResellerError("validation", message, { route, domain });
}
