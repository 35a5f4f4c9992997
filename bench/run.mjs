#!/usr/bin/env node
// `npm run bench`: compiles the benchmarks (outside dist/, so they never ship) and runs each in turn.
// Usage: npm run bench [-- client|emulator|stack|pacing ...]. Figures and how to read them: docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../scripts/pulumi-env.mjs";

const all = ["client", "emulator", "stack", "pacing"];
// The engine and pacing benchmarks take minutes: they run only when named.
const byDefault = ["client", "emulator"];
const chosen = process.argv.slice(2).filter((name) => all.includes(name));
// Arguments after a benchmark's name go to that benchmark: `npm run bench -- stack 10 100 1000`.
const argsOf = (name) => {
  const argv = process.argv.slice(2);
  const rest = argv.slice(argv.indexOf(name) + 1);
  const next = rest.findIndex((arg) => all.includes(arg));
  return argv.includes(name) ? rest.slice(0, next < 0 ? rest.length : next) : [];
};
const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", "tsconfig.bench.json"], { cwd: repoRoot, stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
let failed = 0;
for (const name of chosen.length > 0 ? chosen : byDefault) {
  process.stdout.write(`\n== bench/${name}.ts\n`);
  const run = spawnSync(process.execPath, [join(repoRoot, ".bench-build", "bench", `${name}.js`), ...argsOf(name)], { cwd: repoRoot, stdio: "inherit" });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
