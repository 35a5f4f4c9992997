// The CLI block is parsed by scripts (one `endpoint:` line) and must stop cleanly on a signal.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../cli/commands/emulator";
import { sign } from "./helpers";

afterEach(() => vi.restoreAllMocks());

async function runUntilReady(argv: string[]): Promise<{ out: string; err: string[]; finished: Promise<number> }> {
  let out = "";
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  const finished = run(argv);
  for (let i = 0; i < 200 && !out.includes("endpoint: "); i++) await new Promise((r) => setTimeout(r, 10));
  return { out, err, finished };
}

describe("domainsreseller emulator", () => {
  it("prints credentials and exactly one endpoint line, logs requests to stderr, stops on SIGTERM", async () => {
    const { out, err, finished } = await runUntilReady(["--admin"]);
    const endpoints = out.split("\n").filter((l) => l.startsWith("endpoint: "));
    expect(endpoints).toHaveLength(1);
    const endpoint = endpoints[0]!.slice("endpoint: ".length);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/modules\/addons\/DomainsReseller\/api\/index\.php$/);
    expect(out).toContain("demo-api-key-not-secret");
    const token = sign("demo@example.com", "demo-api-key-not-secret", Math.floor(Date.now() / 1000));
    const r = await fetch(`${endpoint}/domains/acme-widgets.com/lock`, { headers: { username: "demo@example.com", token } });
    expect(await r.json()).toBe("locked");
    expect(err.some((l) => /GET \/domains\/\{domain\}\/lock 200/.test(l))).toBe(true);
    expect(err.join("")).not.toContain(token);
    process.emit("SIGTERM");
    expect(await finished).toBe(0);
  });

  it("serves a YAML seed file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-seed-"));
    try {
      const file = join(dir, "seed.yaml");
      writeFileSync(file, "accounts:\n  - email: yaml@example.org\n    apiKey: yaml-key\n    credit: '12.00'\n    domains:\n      - domain: from-yaml.dev\n        locked: false\n");
      const { out, finished } = await runUntilReady(["--seed", file, "--quiet"]);
      expect(out).toContain("yaml@example.org");
      const endpoint = out.split("\n").find((l) => l.startsWith("endpoint: "))!.slice(10);
      const token = sign("yaml@example.org", "yaml-key", Math.floor(Date.now() / 1000));
      const r = await fetch(`${endpoint}/domains/from-yaml.dev/lock`, { headers: { username: "yaml@example.org", token } });
      expect(await r.json()).toBe("unlocked");
      process.emit("SIGINT");
      expect(await finished).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects a bad seed file and a bad port with usage errors", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await run(["--seed", "/nonexistent/seed.yaml"])).toBe(2);
    expect(await run(["--port", "99999"])).toBe(2);
  });
});
