// TypeScript type text (as the docs reference records a resource's declared outputs and the read
// functions' result interfaces) → Pulumi schema types. The outputs have no zod schema: their one
// definition is the TypeScript the resource classes declare, which the docs pages also show. The
// grammar is the small one those declarations use (primitives, string literals, `T[]`, unions,
// `Record<string, T>`, object literals, interface names); anything else throws, so the schema test
// notices a new form.
import { pascal, type TypeRegistry } from "./schemaRegistry";
import type { ObjectTypeSpec, PropertySpec, ReferenceField, TypeSpec } from "./schemaTypes";

type Node =
  | { kind: "name"; name: string; args: Node[] }
  | { kind: "literal" }
  | { kind: "array"; of: Node }
  | { kind: "union"; of: Node[] }
  | { kind: "object"; fields: { name: string; optional: boolean; type: Node }[] };

const TOKEN = /\s*([A-Za-z_$][\w$]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\[\]|[|<>{}();:?,])/y;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.trimEnd().length) {
    const match = TOKEN.exec(text);
    if (match === null) throw new Error(`schema: cannot read the type ${JSON.stringify(text)}`);
    out.push(match[1]!);
  }
  return out;
}

/** Parses one type expression. */
export function parseType(text: string): Node {
  const toks = tokens(text);
  let at = 0;
  const peek = () => toks[at];
  const take = (expected?: string): string => {
    const tok = toks[at++];
    if (tok === undefined || (expected !== undefined && tok !== expected)) throw new Error(`schema: cannot read the type ${JSON.stringify(text)} (expected ${expected ?? "more"} at token ${at})`);
    return tok;
  };
  const union = (): Node => {
    const members = [postfix()];
    while (peek() === "|") {
      take("|");
      members.push(postfix());
    }
    return members.length === 1 ? members[0]! : { kind: "union", of: members };
  };
  const postfix = (): Node => {
    let node = primary();
    while (peek() === "[]") {
      take("[]");
      node = { kind: "array", of: node };
    }
    return node;
  };
  const primary = (): Node => {
    const tok = take();
    if (tok === "(") {
      const inner = union();
      take(")");
      return inner;
    }
    if (tok.startsWith('"') || tok.startsWith("'")) return { kind: "literal" };
    if (tok === "{") {
      const fields: { name: string; optional: boolean; type: Node }[] = [];
      while (peek() !== "}") {
        const name = take();
        const optional = peek() === "?";
        if (optional) take("?");
        take(":");
        fields.push({ name, optional, type: union() });
        if (peek() === ";" || peek() === ",") take();
      }
      take("}");
      return { kind: "object", fields };
    }
    const args: Node[] = [];
    if (peek() === "<") {
      take("<");
      args.push(union());
      while (peek() === ",") {
        take(",");
        args.push(union());
      }
      take(">");
    }
    return { kind: "name", name: tok, args };
  };
  const node = union();
  if (at !== toks.length) throw new Error(`schema: cannot read the type ${JSON.stringify(text)} (left over: ${toks.slice(at).join(" ")})`);
  return node;
}

export interface TsMappingContext {
  registry: TypeRegistry;
  /** Prefix of generated type names (`DnsRecordSet` → `DnsRecordSetFound`). */
  owner: string;
  /** Interfaces a type may name, with their documented fields (the functions' result types). */
  interfaces: Readonly<Record<string, readonly ReferenceField[]>>;
}

const isAbsent = (node: Node) => node.kind === "name" && (node.name === "null" || node.name === "undefined");

/** Whether a value of this type can be absent (null or undefined): such an output is not required. */
export function mayBeAbsent(text: string): boolean {
  const node = parseType(text);
  return node.kind === "union" ? node.of.some(isAbsent) : isAbsent(node);
}

const PRIMITIVE: Record<string, TypeSpec> = { string: { type: "string" }, number: { type: "number" }, boolean: { type: "boolean" } };

function objectType(fields: readonly { name: string; optional: boolean; type: Node; doc?: string }[], path: readonly string[], ctx: TsMappingContext): ObjectTypeSpec {
  const properties: Record<string, PropertySpec> = {};
  const required: string[] = [];
  for (const field of fields) {
    properties[field.name] = { ...toSpec(field.type, [...path, field.name], ctx), ...(field.doc ? { description: field.doc } : {}) };
    const absent = field.type.kind === "union" ? field.type.of.some(isAbsent) : isAbsent(field.type);
    if (!field.optional && !absent) required.push(field.name);
  }
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
}

function toSpec(node: Node, path: readonly string[], ctx: TsMappingContext): TypeSpec {
  switch (node.kind) {
    case "literal":
      return { type: "string" };
    case "array":
      return { type: "array", items: toSpec(node.of, path, ctx) };
    case "object":
      return ctx.registry.register(pascal(ctx.owner, ...path), objectType(node.fields, path, ctx), false);
    case "union": {
      // null and undefined say "may be absent", which Pulumi expresses by not requiring the property.
      const present = node.of.filter((member) => !isAbsent(member));
      if (present.length === 1) return toSpec(present[0]!, path, ctx);
      if (present.every((member) => member.kind === "literal")) return { type: "string" };
      return { oneOf: present.map((member) => toSpec(member, path, ctx)) };
    }
    case "name": {
      const primitive = PRIMITIVE[node.name];
      if (primitive !== undefined && node.args.length === 0) return { ...primitive };
      if (node.name === "Record" && node.args.length === 2) return { type: "object", additionalProperties: toSpec(node.args[1]!, path, ctx) };
      const fields = ctx.interfaces[node.name];
      if (fields !== undefined) {
        const parsed = fields.map((f) => ({ name: f.name, optional: f.optional, type: parseType(f.type), doc: f.doc }));
        return ctx.registry.register(node.name, objectType(parsed, [node.name], { ...ctx, owner: "" }), true);
      }
      throw new Error(`schema: ${ctx.owner}.${path.join(".")}: unsupported type ${node.name}`);
    }
  }
}

/** The Pulumi type of a TypeScript type text. */
export function pulumiTypeOfTs(text: string, path: readonly string[], ctx: TsMappingContext): TypeSpec {
  return toSpec(parseType(text), path, ctx);
}
