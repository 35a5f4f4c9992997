#!/usr/bin/env node
// House rules that the type checker cannot see. Each rule says what it protects; a failure names the
// file and line and how to fix it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
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

/** Every module specifier a line names: import/export … from, bare import, import(), require(). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["'`]([^"'`]+)["'`]/g;

/** The top-level folder a relative specifier resolves into (e.g. "provider"), or undefined. */
function folderOf(fromPath, specifier) {
  if (!specifier.startsWith(".")) return undefined;
  const target = relative(repoRoot, join(repoRoot, dirname(fromPath), specifier));
  if (target.startsWith("..")) return undefined;
  return target.split(sep)[0];
}

// Folders that must not reach into others, with the reason.
const BOUNDARIES = [
  // The emulator is an independent oracle: shared code would let one wrong assumption pass both sides.
  { from: "emulator", forbidden: ["provider", "cli", "test"], message: "emulator/ must not import from provider/, cli/ or test/ (keep the emulator an independent check of the client)" },
  { from: "provider", forbidden: ["emulator", "test", "cli"], message: "provider/ must not import from emulator/, test/ or cli/ (the product must not depend on its tools)" },
];

export function boundaryProblems(path, lines) {
  const top = path.split(sep)[0];
  const found = [];
  for (const rule of BOUNDARIES) {
    if (rule.from !== top) continue;
    lines.forEach((line, index) => {
      for (const match of line.matchAll(SPECIFIER)) {
        const folder = folderOf(path, match[1]);
        if (folder !== undefined && rule.forbidden.includes(folder)) found.push(`${path}:${index + 1}: ${rule.message} ("${match[1]}")`);
      }
    });
  }
  return found;
}

const rules = [
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
function lintProblems() {
  const problems = [];
  for (const file of files(repoRoot)) {
    const path = relative(repoRoot, file);
    const lines = readFileSync(file, "utf8").split("\n");
    problems.push(...boundaryProblems(path, lines));
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
  return problems;
}

// Run as a script; imported (by the lint's own test) it only exports `boundaryProblems`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = lintProblems();
  if (problems.length > 0) {
    process.stderr.write(problems.join("\n") + `\nlint: ${problems.length} problem(s)\n`);
    process.exit(1);
  }
  process.stdout.write("lint: house rules hold\n");
}
