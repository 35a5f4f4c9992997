// A small validator of exactly the JSON Schema keywords `domainsreseller schema zone` emits, so the
// schema is tested by what it accepts and refuses (as an editor would apply it) without a new
// dependency. An unknown keyword fails loudly: the schema grew past what this test understands.
type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set(["$schema", "title", "description", "examples", "default"]);
const KEYWORDS = new Set(["type", "properties", "required", "additionalProperties", "items", "enum", "const", "pattern", "minimum", "maximum", "anyOf", "allOf", "if", "then", "else", "not"]);

function typeOf(value: unknown): string[] {
  if (value === null) return ["null"];
  if (Array.isArray(value)) return ["array"];
  if (typeof value === "number") return Number.isInteger(value) ? ["integer", "number"] : ["number"];
  return [typeof value];
}

/** The paths at which `value` breaks `schema` (empty when it conforms). */
export function validate(schema: Schema, value: unknown, path = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !KEYWORDS.has(key)) throw new Error(`the test validator does not know the keyword "${key}"`);
  }
  const errors: string[] = [];
  const s = schema as Record<string, unknown>;
  if (s.type !== undefined) {
    const wanted = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!typeOf(value).some((t) => wanted.includes(t))) return [`${path}: must be ${wanted.join(" or ")}`];
  }
  if (s.enum !== undefined && !(s.enum as unknown[]).includes(value)) errors.push(`${path}: must be one of ${JSON.stringify(s.enum)}`);
  if (s.const !== undefined && s.const !== value) errors.push(`${path}: must be ${JSON.stringify(s.const)}`);
  if (typeof value === "string" && typeof s.pattern === "string" && new RegExp(s.pattern, "u").exec(value) === null) errors.push(`${path}: must match ${s.pattern}`);
  if (typeof value === "number" && typeof s.minimum === "number" && value < s.minimum) errors.push(`${path}: must be >= ${s.minimum}`);
  if (typeof value === "number" && typeof s.maximum === "number" && value > s.maximum) errors.push(`${path}: must be <= ${s.maximum}`);
  if (Array.isArray(value) && s.items !== undefined) value.forEach((item, i) => errors.push(...validate(s.items as Schema, item, `${path}[${i}]`)));
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const key of (s.required ?? []) as string[]) if (!(key in object)) errors.push(`${path}.${key}: is required`);
    for (const [key, item] of Object.entries(object)) {
      if (key in properties) errors.push(...validate(properties[key]!, item, `${path}.${key}`));
      else if (s.additionalProperties === false) errors.push(`${path}.${key}: is not allowed`);
    }
  }
  if (s.anyOf !== undefined && !(s.anyOf as Schema[]).some((sub) => validate(sub, value, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  for (const sub of (s.allOf ?? []) as Schema[]) errors.push(...validate(sub, value, path));
  if (s.not !== undefined && validate(s.not as Schema, value, path).length === 0) errors.push(`${path}: not allowed`);
  if (s.if !== undefined) {
    const branch = validate(s.if as Schema, value, path).length === 0 ? s.then : s.else;
    if (branch !== undefined) errors.push(...validate(branch as Schema, value, path));
  }
  return errors;
}
