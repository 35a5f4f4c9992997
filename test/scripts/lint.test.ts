// The independence rule reads every import form: a `require`, a dynamic `import()` or a bare
// `../provider` that slipped past it would let the emulator share the client's assumptions.
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { boundaryProblems } from "../../scripts/lint.mjs";

const check = (path: string, line: string): string[] => boundaryProblems(path, [line]);

describe("lint: folder boundaries", () => {
  it.each([
    'import { routes } from "../provider/client";',
    'export * from "../../provider/client/routes";',
    'const c = require("../provider/client");',
    'const m = await import("../../provider/runtime");',
    'import "../provider";',
    "const x = require('../provider')",
  ])("emulator/ importing provider/ is caught: %s", (line) => {
    // A specifier climbing two folders is written from one level deeper, so both resolve to provider/.
    const from = line.includes("../../") ? "emulator/routes/dns.ts" : "emulator/app.ts";
    expect(check(from, line)).toHaveLength(1);
  });

  it("provider/ importing the emulator is caught, and imports inside a folder are not", () => {
    expect(check("provider/runtime/index.ts", 'const e = require("../../emulator");')).toHaveLength(1);
    expect(check("provider/runtime/index.ts", 'import { x } from "../client";')).toEqual([]);
    expect(check("emulator/app.ts", 'import { y } from "./routes/table";')).toEqual([]);
    // `../provider` from a subfolder stays inside emulator/: not a crossing.
    expect(check("emulator/routes/dns.ts", 'import { p } from "../provider";')).toEqual([]);
    expect(check("emulator/app.ts", 'import { z } from "node:http";')).toEqual([]);
  });
});
