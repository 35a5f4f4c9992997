#!/usr/bin/env node
// Writes dist/schema.json from the compiled provider (run after tsc): the plugin's package schema,
// as its GetSchema answers it, for `pulumi package gen-sdk` and for packagers that want the file.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "./pulumi-env.mjs";

const require = createRequire(import.meta.url);
const compiled = join(repoRoot, "dist", "provider", "plugin", "schema.js");
const { buildSchema } = require(compiled);
const out = join(repoRoot, "dist", "schema.json");
writeFileSync(out, `${JSON.stringify(buildSchema(), null, 2)}\n`);
process.stderr.write(`write-schema: ${out}\n`);
