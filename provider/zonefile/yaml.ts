// YAML with positions. The `yaml` package parses into nodes that remember where they came from;
// this module turns them into plain data and answers "where is records[2].value?", so a problem
// found by the zod schemas can be reported at its line and column. It never throws on bad input:
// syntax errors come back as problems, with a fix where the mistake is a common one.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from "yaml";
import type { ZoneFileProblem } from "./errors";

export type Path = readonly (string | number)[];
export interface Position {
  line: number;
  column: number;
}

export interface YamlTree {
  /** The document as plain data; an alias without its anchor reads as the text written (`*.dev`). */
  value: unknown;
  /** Syntax errors, and aliases without an anchor (which is how an unquoted `*.dev` reads). */
  problems: ZoneFileProblem[];
  /** Where the syntax errors are (aliases aside): the reading around them is a guess. */
  syntax: { line: number; path: Path }[];
  /** Where the node at `path` starts, or its nearest ancestor when it does not exist (a missing field). */
  at(path: Path): Position;
  /** Where the key `key` of the map at `path` starts (for unknown keys). */
  keyAt(path: Path, key: string): Position;
  /** The scalar at `path` as YAML read it (for hints such as "YAML read 10 as a number"). */
  scalarAt(path: Path): { value: unknown; source: string } | undefined;
}

/** The path as users write it: `records[2].value`. */
export function fieldOf(path: Path): string {
  return path.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : text === "" ? part : `${text}.${part}`), "");
}

// Fixes for the syntax mistakes a zone file invites; other errors keep the parser's own words.
function syntaxFix(error: YAMLError): string {
  const message = error.message.replace(/\s+/g, " ").trim();
  if (error.code === "BAD_SCALAR_START" && message.endsWith("@")) return `${message}: write "@" (the apex) in quotes, name: "@"`;
  if (error.code === "BAD_SCALAR_START") return `${message}: put the value in quotes`;
  if (error.code === "TAB_AS_INDENT") return `${message}: indent with spaces`;
  if (error.code === "DUPLICATE_KEY") return `${message}: this key appears twice in one mapping; keep one`;
  if (error.code === "BLOCK_AS_IMPLICIT_KEY") return `${message}: a value containing ": " must be in quotes`;
  if (error.code === "MULTIPLE_DOCS") return `${message}: a zone file is one YAML document; remove the "---" and everything after it, or merge the records into one list`;
  if (error.code === "MISSING_CHAR" && /quote/i.test(message)) return `${message}: end the value with the quote mark it starts with`;
  if (error.code === "BAD_INDENT" || error.code === "MISSING_CHAR") return `${message}: indent the fields of a record alike, with spaces, and close every quote, { and [`;
  return `${message}: fix the YAML syntax here`;
}

type AnyNode = unknown;

/** Where a node's value starts and ends (without the comments and blank lines after it). */
function range(node: AnyNode): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] | null } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Errors that the parser finds where a node should have ended: reported where that node starts. */
const UNCLOSED = (error: YAMLError) => (error.code === "MISSING_CHAR" && /quote/i.test(error.message)) || (error.code === "BAD_INDENT" && /^Flow (map|sequence)/.test(error.message));

/** The path of the innermost node holding `offset`, so a syntax error names a field when it can. */
function pathAt(node: AnyNode, offset: number, path: (string | number)[] = []): (string | number)[] {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const k = range(pair.key);
      const v = range(pair.value);
      if ((k && offset >= k[0] && offset <= k[1]) || (v && offset >= v[0] && offset <= v[1])) return pathAt(pair.value, offset, [...path, key]);
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const r = range(item);
      if (r && offset >= r[0] && offset <= r[1]) return pathAt(item, offset, [...path, index]);
    }
  }
  return path;
}

function locate(doc: Document, path: Path): AnyNode {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

export function readYaml(text: string): YamlTree {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const all = doc.errors.map((error) => {
    const found = pathAt(doc.contents, error.pos[0]);
    // Outside the fields a zone file has, the path is the parser's misreading: name no field.
    const path = ["domain", "mode", "records"].includes(String(found[0])) ? found : [];
    const start = UNCLOSED(error) ? range(locate(doc, path))?.[0] : undefined;
    return { ...position(start ?? error.pos[0]), path, error };
  });
  // Further errors on the line of one are mostly its echoes: the first says what to fix.
  const syntax = all.filter((e, i) => all.findIndex((f) => f.line === e.line) === i);
  const problems: ZoneFileProblem[] = syntax.map(({ line, column, path, error }) => ({ line, column, field: path.length > 0 ? fieldOf(path) : "(yaml)", message: syntaxFix(error) }));

  const plain = (node: AnyNode, path: (string | number)[], depth: number): unknown => {
    if (isScalar(node)) return node.value;
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value ?? "") : String(pair.key ?? "");
        out[key] = plain(pair.value, [...path, key], depth + 1);
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item, index) => plain(item, [...path, index], depth + 1));
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target !== undefined && depth < 64) return plain(target, path, depth + 1);
      const at = range(node)?.[0] ?? 0;
      problems.push({
        ...position(at),
        field: fieldOf(path) || "(yaml)",
        message: `YAML reads *${node.source} as an alias (a reference to an anchor &${node.source}), and there is no such anchor: put the text in quotes, "*${node.source}"`,
      });
      return `*${node.source}`;
    }
    return isPair(node) ? undefined : null;
  };
  const value = plain(doc.contents, [], 0);

  const nearest = (path: Path): Position => {
    for (let n = path.length; n >= 0; n--) {
      const r = range(locate(doc, path.slice(0, n)));
      if (r) return position(r[0]);
    }
    return { line: 1, column: 1 };
  };
  return {
    value,
    problems,
    syntax: syntax.map(({ line, path }) => ({ line, path })),
    at: nearest,
    keyAt(path, key) {
      const map = locate(doc, path);
      const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
      const r = pair ? range(pair.key) : undefined;
      return r ? position(r[0]) : nearest(path);
    },
    scalarAt(path) {
      const node = locate(doc, path);
      if (!isScalar(node)) return undefined;
      return { value: node.value, source: node.source ?? String(node.value) };
    },
  };
}
