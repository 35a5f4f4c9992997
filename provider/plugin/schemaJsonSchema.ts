// JSON Schema (as zod's z.toJSONSchema writes it for a kind's input schema) → Pulumi schema types.
// The zod schemas are the one place the inputs are defined, so the package schema is derived from
// them rather than written again. Only the JSON Schema forms our schemas produce are handled; any
// other form throws, so a new kind of field is noticed by the schema test instead of being
// described wrongly.
import { pascal, type TypeRegistry } from "./schemaRegistry";
import type { ObjectTypeSpec, PropertySpec, TypeSpec } from "./schemaTypes";

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  default?: unknown;
  [key: string]: unknown;
}

export interface MappingContext {
  registry: TypeRegistry;
  /** Prefix of generated type names: the kind or function (`Domain` → `DomainAddons`). */
  owner: string;
  /** Names chosen on purpose, by path below the owner (`records[]`, `contacts.registrant`). */
  names?: Readonly<Record<string, string>>;
}

const PRIMITIVES = new Set(["string", "integer", "number", "boolean"]);

/** `["records", "[]"]` → `records[]`; `["contacts", "registrant"]` → `contacts.registrant`. */
const pathKey = (path: readonly string[]): string => path.reduce((key, part) => (part === "[]" || part === "{}" ? `${key}${part}` : key === "" ? part : `${key}.${part}`), "");

function typeName(path: readonly string[], ctx: MappingContext): { name: string; explicit: boolean } {
  const chosen = ctx.names?.[pathKey(path)];
  return chosen !== undefined ? { name: chosen, explicit: true } : { name: pascal(ctx.owner, ...path.filter((p) => p !== "[]" && p !== "{}")), explicit: false };
}

/** True for `{}` (zod's z.unknown()): a property that accepts anything. */
const acceptsAnything = (node: JsonSchema): boolean => Object.keys(node).filter((k) => k !== "default").length === 0;

/** The Pulumi type of one JSON Schema node, or undefined for a property that takes anything. */
export function pulumiType(node: JsonSchema, path: readonly string[], ctx: MappingContext): TypeSpec | undefined {
  if (acceptsAnything(node)) return undefined;
  if (Array.isArray(node.type)) {
    // A union of primitives, e.g. a DNS priority given as 10 or "10".
    if (!node.type.every((t) => PRIMITIVES.has(t))) throw new Error(`schema: ${ctx.owner}.${pathKey(path)}: unsupported union ${JSON.stringify(node.type)}`);
    return { oneOf: node.type.map((t) => ({ type: t as "string" })) };
  }
  if (node.enum !== undefined) {
    if (node.type !== "string" || !node.enum.every((v) => typeof v === "string")) throw new Error(`schema: ${ctx.owner}.${pathKey(path)}: only string enums are supported`);
    const { name, explicit } = typeName(path, ctx);
    // An enum type gives Go and .NET named constants; the wire value stays the string.
    return ctx.registry.register(name, { type: "string", enum: node.enum.map((value) => ({ value: value as string })) }, explicit);
  }
  switch (node.type) {
    case "string":
    case "integer":
    case "number":
    case "boolean":
      return { type: node.type };
    case "array": {
      const items = node.items === undefined ? undefined : pulumiType(node.items, [...path, "[]"], ctx);
      if (items === undefined) throw new Error(`schema: ${ctx.owner}.${pathKey(path)}: a list needs a typed element`);
      return { type: "array", items };
    }
    case "object": {
      if (node.properties !== undefined) {
        const { name, explicit } = typeName(path, ctx);
        const { properties, required } = objectProperties(node, path, ctx);
        const spec: ObjectTypeSpec = { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
        return ctx.registry.register(name, spec, explicit);
      }
      if (typeof node.additionalProperties === "object") {
        const values = pulumiType(node.additionalProperties, [...path, "{}"], ctx);
        if (values === undefined) throw new Error(`schema: ${ctx.owner}.${pathKey(path)}: a map needs a typed value`);
        return { type: "object", additionalProperties: values };
      }
      break;
    }
    default:
      break;
  }
  throw new Error(`schema: ${ctx.owner}.${pathKey(path)}: unsupported JSON Schema ${JSON.stringify(node)}`);
}

/**
 * The properties of an object node and which of them are required. A property that takes anything
 * is left out: our schemas declare one only to refuse it with a reason (a DNS record's `ttl`,
 * which the API does not store), so it is not something to offer in an SDK.
 */
export function objectProperties(node: JsonSchema, path: readonly string[], ctx: MappingContext): { properties: Record<string, PropertySpec>; required: string[] } {
  const properties: Record<string, PropertySpec> = {};
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const type = pulumiType(child, [...path, name], ctx);
    if (type !== undefined) properties[name] = type;
  }
  const required = (node.required ?? []).filter((name) => name in properties);
  return { properties, required };
}

/** Properties with a default: absent from `required` in the input schema, always present once checked. */
export function defaultedProperties(node: JsonSchema): string[] {
  return Object.entries(node.properties ?? {})
    .filter(([, child]) => child.default !== undefined)
    .map(([name]) => name);
}
