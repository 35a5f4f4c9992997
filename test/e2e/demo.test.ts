// `npm run demo` is the first thing a new user runs; it must keep working exactly as the README says.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/pulumi-env.mjs";

function runDemo(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot, "scripts", "demo.mjs")], { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

describe("npm run demo", () => {
  it("runs up, shows the out-of-band DNS change and unlock as drift, converges, and leaves nothing behind", async () => {
    const { code, output } = await runDemo();
    expect(code, output).toBe(0);
    expect(output).toMatch(/\+ 10 created/); // 8 resources, the stack guard and the stack
    expect(output).toMatch(/~ locked: false => true/);
    expect(output).toMatch(/\+ @\/A\/192\.0\.2\.10\s*:/);
    expect(output).toContain("No drift left");
    // The emulator's banner prints its (public, demo) key for the user; nothing Pulumi printed may.
    const afterBanner = output.slice(output.indexOf("Creating stack"));
    expect(afterBanner.length).toBeGreaterThan(1000);
    expect(afterBanner).not.toContain("demo-api-key-not-secret");
    expect(existsSync(join(repoRoot, "Pulumi.demo.yaml"))).toBe(false);
  });
});
