// Turns raw resource inputs into canonical inputs, or into failures that name the property and the fix.
// Shared by every resource kind; pure, so it runs during preview without credentials or network.
import { z } from "zod";
import { isUnknown } from "./unknown";

export interface CheckFailure {
  property: string;
  reason: string;
}

export type CheckOutcome<T> = { ok: true; inputs: T } | { ok: false; failures: CheckFailure[] };

/** Keys the Pulumi SDK adds to every dynamic resource's inputs; they are not the user's. */
export function withoutInternalKeys(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith("__")));
}

function propertyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === "number") return `${text}[${part}]`;
    return text === "" ? String(part) : `${text}.${String(part)}`;
  }, "");
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);
}

function reasonFor(issue: z.core.$ZodIssue, property: string, raw: unknown): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown properties ${issue.keys.map((k) => `"${k}"`).join(", ")}: remove them (check the spelling against the docs)`;
  }
  if (issue.code === "invalid_type" && valueAt(raw, issue.path) === undefined) return `"${property}" is required`;
  return `"${property || "inputs"}" ${issue.message}`;
}

/**
 * The schema with the given properties accepting anything. Built afresh from the shape because zod
 * refuses `.extend` on an object with refinements; those object-level rules are left out here,
 * since they may read the very values that are not known yet. Strictness (the catchall) is kept.
 */
function withUnknownsAllowed(schema: z.ZodObject, unknownKeys: readonly string[]): z.ZodType {
  const shape = schema.shape as Record<string, z.ZodType>;
  const relaxed = z.object({ ...shape, ...Object.fromEntries(unknownKeys.filter((k) => k in shape).map((k) => [k, z.unknown()])) });
  const catchall = schema.def.catchall as z.ZodType | undefined;
  return catchall ? relaxed.catchall(catchall) : relaxed;
}

/**
 * Validates inputs with `schema`. Properties whose value is not known yet (preview) skip validation
 * and pass through unchanged; the engine checks again with real values before applying.
 */
export function checkInputs<S extends z.ZodObject>(schema: S, raw: Record<string, unknown>): CheckOutcome<z.output<S>> {
  const user = withoutInternalKeys(raw);
  const unknownKeys = Object.keys(user).filter((key) => isUnknown(user[key]));
  const known = unknownKeys.length === 0 ? schema : withUnknownsAllowed(schema, unknownKeys);
  const parsed = known.safeParse(user);
  if (!parsed.success) {
    return {
      ok: false,
      failures: parsed.error.issues.map((issue) => {
        const property = propertyPath(issue.path);
        return { property: property || (issue.code === "unrecognized_keys" ? issue.keys[0] ?? "" : ""), reason: reasonFor(issue, property, user) };
      }),
    };
  }
  return { ok: true, inputs: parsed.data as z.output<S> };
}
