// Every resource has a page under docs/resources whose reference block is exactly what the
// resource class's TypeScript says. Run `npm run docs` after changing an input or an output.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/pulumi-env.mjs";
import { allReferences, END, pageName, START, withReference } from "../../scripts/docs/reference";

const UPDATE = process.env.UPDATE_DOCS === "1";
const references = allReferences(repoRoot);

describe("docs/resources reference blocks", () => {
  it("finds every resource class", () => {
    expect(references.map((r) => r.className)).toContain("RegistrarLock");
  });

  it.each(references.map((r) => [r.className, r] as const))("%s: the page's reference matches the code", (_name, ref) => {
    const path = join(repoRoot, "docs", "resources", pageName(ref.className));
    expect(existsSync(path), `${path} is missing: write the guide part, then run npm run docs`).toBe(true);
    const page = readFileSync(path, "utf8");
    const expected = withReference(page, ref);
    if (UPDATE && expected !== page) writeFileSync(path, expected);
    else expect(page, "the reference block is out of date: run npm run docs").toBe(expected);
    expect(page.indexOf(START)).toBeGreaterThan(-1);
    expect(page.indexOf(END)).toBeGreaterThan(page.indexOf(START));
  });

  it("every input and output has a description", () => {
    const undocumented = references.flatMap((r) => [...r.inputs, ...r.outputs].filter((f) => f.doc === "").map((f) => `${r.className}.${f.name}`));
    expect(undocumented).toEqual([]);
  });
});
