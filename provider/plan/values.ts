// Values as the engine prints them in `pulumi preview --json`: plain JSON, except secrets (the
// string "[secret]", or an object carrying Pulumi's secret signature when the engine serialises the
// value itself) and values not known until apply (the unknown sentinel). Every value a report
// shows goes through `displayValue`, so a secret's plaintext can never reach the output.

/** The property key Pulumi marks special values with, and its value for a secret. */
const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
/** Inputs that depend on other resources' outputs, during a preview. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const SECRET_TEXT = "[secret]";
export const UNKNOWN_TEXT = "[unknown until apply]";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function isSecret(value: unknown): boolean {
  return value === SECRET_TEXT || (isObject(value) && value[SIGNATURE_KEY] === SECRET_SIGNATURE);
}

export function isUnknownValue(value: unknown): boolean {
  return value === UNKNOWN;
}

/**
 * The value with every secret replaced by "[secret]" and every unknown by its label: what a report
 * may hold. Secret objects are replaced whole, ciphertext and plaintext alike.
 */
export function redact(value: unknown): JsonValue {
  if (isSecret(value)) return SECRET_TEXT;
  if (isUnknownValue(value)) return UNKNOWN_TEXT;
  if (Array.isArray(value)) return value.map(redact);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
  if (value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string" || value === null) return value;
  return String(value);
}

/** One line of text for a table cell or a sentence: strings as they are, the rest as compact JSON. */
export function displayValue(value: unknown): string {
  const safe = redact(value);
  if (typeof safe === "string") return safe;
  if (safe === null) return "(none)";
  if (Array.isArray(safe) && safe.every((v) => typeof v === "string")) return safe.length === 0 ? "(none)" : safe.join(", ");
  return JSON.stringify(safe);
}

/** Deep equality of JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/**
 * Leaf values of an object by dotted path (`contacts.registrant.email`), for field-by-field
 * comparisons. A secret is one leaf: it is never opened.
 */
export function leaves(value: unknown, prefix = ""): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  if (isObject(value) && !isSecret(value)) {
    for (const [key, v] of Object.entries(value)) for (const [path, leaf] of leaves(v, prefix === "" ? key : `${prefix}.${key}`)) out.set(path, leaf);
  } else if (prefix !== "") {
    out.set(prefix, redact(value));
  }
  return out;
}

/** Paths whose leaf differs between two objects, sorted, each with both sides (absent → null). */
export function changedLeaves(before: unknown, after: unknown): { path: string; old: JsonValue; new: JsonValue }[] {
  const a = leaves(before);
  const b = leaves(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => !sameValue(a.get(p) ?? null, b.get(p) ?? null)).map((p) => ({ path: p, old: a.get(p) ?? null, new: b.get(p) ?? null }));
}
