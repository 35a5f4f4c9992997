// JSON-like values as TypeScript source: identifier keys unquoted, strings as safe literals, and a
// value kept on one line when it fits (a forward, a record), else one property per line.
import { tsString } from "./escape";

/** Source text placed as it is: a reference to a constant of the program, never a value read from the account. */
export class Code {
  constructor(readonly text: string) {}
}

export type Literal = string | number | boolean | Code | readonly Literal[] | { readonly [key: string]: Literal | undefined };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const WIDTH = 100;

const key = (k: string) => (IDENTIFIER.test(k) ? k : tsString(k));

function entries(value: { readonly [key: string]: Literal | undefined }): [string, Literal][] {
  return Object.entries(value).filter((e): e is [string, Literal] => e[1] !== undefined);
}

/** `value` on one line, whatever its length. */
export function inline(value: Literal): string {
  if (typeof value === "string") return tsString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Code) return value.text;
  if (Array.isArray(value)) return `[${(value as readonly Literal[]).map(inline).join(", ")}]`;
  const parts = entries(value as { readonly [key: string]: Literal | undefined }).map(([k, v]) => `${key(k)}: ${inline(v)}`);
  return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}

/** `value` as source starting at column `indent.length` (its first line not indented). */
export function literal(value: Literal, indent = "", prefixWidth = 0): string {
  const flat = inline(value);
  if (typeof value !== "object" || value instanceof Code || indent.length + prefixWidth + flat.length <= WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = (value as readonly Literal[]).map((v) => `${inner}${literal(v, inner)},`);
    return `[\n${items.join("\n")}\n${indent}]`;
  }
  const props = entries(value as { readonly [key: string]: Literal | undefined }).map(([k, v]) => `${inner}${key(k)}: ${literal(v, inner, key(k).length + 2)},`);
  return `{\n${props.join("\n")}\n${indent}}`;
}
