// The reference part of each docs/resources page, generated from the resource classes' own
// TypeScript: the `<Name>Args` interface gives the inputs, the class's declared outputs give the
// outputs, and their doc comments the text. The pages cannot drift from the code: a test compares
// every page with what this renders, and `npm run docs` rewrites them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface Field {
  name: string;
  type: string;
  optional: boolean;
  doc: string;
}

export interface ResourceReference {
  className: string;
  /** The source file, relative to the repository root. */
  source: string;
  summary: string;
  inputs: Field[];
  outputs: Field[];
}

export const START = "<!-- reference:start (generated from the resource class by `npm run docs`; do not edit) -->";
export const END = "<!-- reference:end -->";

function docOf(node: ts.Node): string {
  const tags = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return tags
    .map((tag) => (typeof tag.comment === "string" ? tag.comment : (tag.comment ?? []).map((part) => part.text).join("")))
    .join("\n")
    .trim();
}

/** `pulumi.Input<string[]>` → `string[]`: readers care about the value, not Pulumi's wrapper. */
function valueType(node: ts.TypeNode | undefined, source: ts.SourceFile): string {
  if (!node) return "unknown";
  const text = node.getText(source).replace(/\s+/g, " ");
  const wrapped = /^pulumi\.(?:Input|Output)<(.*)>$/.exec(text);
  return (wrapped ? wrapped[1] : text)!.replace(/pulumi\.Input<([^<>]*)>/g, "$1");
}

function fieldsOf(members: readonly ts.Node[], source: ts.SourceFile, pick: (m: ts.Node) => m is ts.PropertySignature | ts.PropertyDeclaration): Field[] {
  return members.filter(pick).map((member) => ({
    name: member.name.getText(source),
    type: valueType(member.type, source),
    optional: member.questionToken !== undefined,
    doc: docOf(member),
  }));
}

const isDeclaredOutput = (m: ts.Node): m is ts.PropertyDeclaration =>
  ts.isPropertyDeclaration(m) && (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Ambient) !== 0;

/** Reads one resource module; undefined when it defines no dynamic resource class. */
export function referenceOf(root: string, relativePath: string): ResourceReference | undefined {
  const text = readFileSync(join(root, relativePath), "utf8");
  const source = ts.createSourceFile(relativePath, text, ts.ScriptTarget.ES2022, true);
  const classNode = source.statements.find(
    (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && (s.heritageClauses ?? []).some((h) => /\bextends pulumi\.(CustomResource|dynamic\.Resource)\b/.test(h.getText(source))),
  );
  if (!classNode?.name) return undefined;
  const className = classNode.name.text;
  const args = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `${className}Args`);
  const nested = source.statements.filter((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text !== `${className}Args`);
  const inputs = args ? fieldsOf(args.members, source, ts.isPropertySignature) : [];
  // Types used by the inputs (e.g. one DNS record) are listed as `type.field`.
  for (const shape of nested) {
    for (const field of fieldsOf(shape.members, source, ts.isPropertySignature)) inputs.push({ ...field, name: `${shape.name.text}.${field.name}` });
  }
  return { className, source: relativePath, summary: docOf(classNode), inputs, outputs: fieldsOf(classNode.members, source, isDeclaredOutput) };
}

export function allReferences(root: string): ResourceReference[] {
  const dir = "provider/resources";
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => referenceOf(root, `${dir}/${f}`))
    .filter((r): r is ResourceReference => r !== undefined);
}

/** `DnsRecordSet` → `dns-record-set.md`. */
export function pageName(className: string): string {
  return `${className.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}.md`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");

export function renderReference(ref: ResourceReference): string {
  const rows = (fields: Field[], withRequired: boolean) =>
    fields.map((f) => `| \`${f.name}\` | \`${cell(f.type)}\` |${withRequired ? ` ${f.optional ? "no" : "yes"} |` : ""} ${cell(f.doc)} |`).join("\n");
  return [
    START,
    `## Reference`,
    "",
    cell(ref.summary),
    "",
    `### Inputs`,
    "",
    "| name | type | required | description |",
    "|---|---|---|---|",
    rows(ref.inputs, true),
    "",
    `### Outputs`,
    "",
    "| name | type | description |",
    "|---|---|---|",
    rows(ref.outputs, false),
    "",
    `Source: \`${ref.source}\`.`,
    END,
  ].join("\n");
}

/** The page with its reference block replaced (or appended when it has none yet). */
export function withReference(page: string, ref: ResourceReference): string {
  const block = renderReference(ref);
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start === -1 || end === -1) return `${page.trimEnd()}\n\n${block}\n`;
  return `${page.slice(0, start)}${block}${page.slice(end + END.length)}`;
}
