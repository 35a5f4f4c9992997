#!/usr/bin/env node
// House rules that the type checker cannot see. Each rule says what it protects; a failure names the
// file and line and how to fix it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "./pulumi-env.mjs";

const SOURCE = /\.(ts|mts|mjs|js)$/;
const SKIP = new Set(["node_modules", "dist", ".e2e", ".git", ".bench-build"]);

function files(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...files(full));
    else if (SOURCE.test(entry) && !entry.endsWith(".d.mts")) out.push(full);
  }
  return out;
}

const rules = [
  {
    // The emulator is an independent oracle: shared code would let one wrong assumption pass both sides.
    applies: (path) => path.startsWith("emulator/"),
    pattern: /from\s+["'](\.\.\/)+provider\//,
    message: "emulator/ must not import from provider/ (keep the emulator an independent check of the client)",
  },
  {
    applies: (path) => path.startsWith("provider/"),
    pattern: /from\s+["'](\.\.\/)+(emulator|test|cli)\//,
    message: "provider/ must not import from emulator/, test/ or cli/ (the product must not depend on its tools)",
  },
  {
    // Output belongs to cli/: the provider's stdout is the user's terminal, and the model is pure.
    applies: (path) => path.startsWith("provider/"),
    pattern: /\bconsole\.(log|info|warn|error|debug)\(/,
    message: "no console output in provider/; return values or throw errors that say what happened",
  },
  {
    applies: (path) => path.startsWith("provider/model/"),
    pattern: /from\s+["'](node:)?(fs|http|https|net|child_process|undici|@pulumi\/pulumi|better-sqlite3)["']/,
    message: "provider/model/ is pure: no I/O modules (move the I/O to provider/runtime or provider/client)",
  },
  {
    applies: (path) => path.startsWith("test/"),
    pattern: /\b(it|test|describe)\.only\(/,
    message: "focused test (.only) would silently skip the rest of the suite",
  },
  {
    applies: (path) => path.startsWith("test/"),
    pattern: /\b(it|test|describe)\.skip\(/,
    message: "skipped test: delete it or make it pass",
  },
];

const MAX_LINES = 400;
const problems = [];
for (const file of files(repoRoot)) {
  const path = relative(repoRoot, file);
  const lines = readFileSync(file, "utf8").split("\n");
  for (const rule of rules) {
    if (!rule.applies(path)) continue;
    lines.forEach((line, index) => {
      if (rule.pattern.test(line)) problems.push(`${path}:${index + 1}: ${rule.message}`);
    });
  }
  if (!path.startsWith("test/") && lines.length > MAX_LINES) {
    problems.push(`${path}: ${lines.length} lines; split it into modules with one job each (limit ${MAX_LINES})`);
  }
}

if (problems.length > 0) {
  process.stderr.write(problems.join("\n") + `\nlint: ${problems.length} problem(s)\n`);
  process.exit(1);
}
process.stdout.write("lint: house rules hold\n");
