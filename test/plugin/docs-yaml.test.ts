// The YAML examples of the resource pages (docs/resources/*.md) are what a YAML user copies: each
// resource in them must name a type the plugin serves and pass that kind's input check, the same
// check the plugin's Check runs. `${…}` references stand for a value the program supplies.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkInputs } from "../../provider/model/check";
import { kindNamed } from "../../provider/runtime/kinds";

const DOCS = join(__dirname, "..", "..", "docs", "resources");
const TYPE = /^domainsreseller:index:(\w+)$/;

/** A YAML program's values with each interpolation replaced by a plain string of the same place. */
const withoutReferences = (value: unknown): unknown =>
  typeof value === "string" ? value.replace(/\$\{[^}]+\}/g, "REF-VALUE-1234") : Array.isArray(value) ? value.map(withoutReferences) : value !== null && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutReferences(v)])) : value;

const pages = readdirSync(DOCS).filter((name) => name.endsWith(".md"));

describe("YAML examples of the resource pages", () => {
  it.each(pages)("%s: every resource passes its kind's input check", (page) => {
    const text = readFileSync(join(DOCS, page), "utf8");
    const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(blocks.length, `${page} has a YAML example`).toBeGreaterThan(0);
    for (const block of blocks) {
      const program = parse(block) as { resources?: Record<string, { type: string; properties?: Record<string, unknown> }> };
      const resources = Object.entries(program.resources ?? {});
      expect(resources.length, `${page}: resources in the example`).toBeGreaterThan(0);
      for (const [name, resource] of resources) {
        const kind = TYPE.exec(resource.type)?.[1];
        expect(kind, `${page} ${name}: type ${resource.type}`).toBeDefined();
        const outcome = checkInputs(kindNamed(kind as string).inputs, withoutReferences(resource.properties ?? {}) as Record<string, unknown>);
        expect(outcome.ok ? [] : outcome.failures, `${page} ${name}`).toEqual([]);
      }
    }
  });
});
