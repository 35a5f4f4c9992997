// `domainsreseller export` in-process against the emulator, stdout and stderr captured: argument
// mistakes are usage errors (exit 2) before any request, a domain that cannot be read fails the
// export naming the domain and the route with nothing written (exit 1), and a good run writes the
// project, with one progress line per domain on stderr and the files on stdout, never the key.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { captureOutput } from "../helpers/output";
import { ALL_KNOWN_REFUSAL, run as exportCommand, YAML_REFUSAL } from "../../cli/commands/export";
import { startEmulator, type EmulatorHandle } from "../../emulator";

const output = captureOutput();

const scratch = () => mkdtempSync(join(tmpdir(), "export-cli-"));

describe("domainsreseller export: argument errors (exit 2, before any request)", () => {
  const creds = ["--endpoint", "http://127.0.0.1:9/api", "--username", "a@example.com", "--api-key", "k-not-printed"];

  it("no domain", async () => {
    expect(await exportCommand([...creds])).toBe(2);
    expect(output.err()).toMatch(/export needs at least one DOMAIN/);
  });

  it("--all-known: the API has no route that lists domains, so names are required", async () => {
    expect(await exportCommand(["--all-known", ...creds])).toBe(2);
    expect(output.err()).toContain(ALL_KNOWN_REFUSAL);
    expect(output.err()).toMatch(/no route that lists the domains of an account/);
  });

  it("--format yaml: dynamic resources exist only in a Node.js program", async () => {
    expect(await exportCommand(["example.com", "--format", "YAML", ...creds])).toBe(2);
    expect(output.err()).toContain(YAML_REFUSAL);
    expect(output.err()).toMatch(/Node\.js dynamic resources/);
  });

  it("an unknown --format, a bad domain, an unknown flag", async () => {
    expect(await exportCommand(["example.com", "--format", "json", ...creds])).toBe(2);
    expect(output.err()).toMatch(/--format must be typescript; got "json"/);
    expect(await exportCommand(["https://example.com", ...creds])).toBe(2);
    expect(output.err()).toMatch(/"https:\/\/example\.com" is not a domain name/);
    expect(await exportCommand(["example.com", "--out", "x", ...creds])).toBe(2);
    expect(output.err()).toMatch(/Unknown option '--out'/);
  });

  it("missing credentials name the flag and the variable", async () => {
    vi.stubEnv("DOMAINSRESELLER_ENDPOINT", "");
    vi.stubEnv("DOMAINSRESELLER_API_KEY", "");
    try {
      expect(await exportCommand(["example.com", "--username", "a@example.com"])).toBe(2);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(output.err()).toMatch(/missing credentials \(the API base URL: pass --endpoint or set DOMAINSRESELLER_ENDPOINT; the API key: pass --api-key or set DOMAINSRESELLER_API_KEY\)/);
  });

  it("an existing export is not overwritten without --force", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "index.ts"), "// mine\n");
    expect(await exportCommand(["example.com", "-o", dir, ...creds])).toBe(2);
    expect(output.err()).toMatch(/already holds an export \(index\.ts\): pass --force/);
    expect(readFileSync(join(dir, "index.ts"), "utf8")).toBe("// mine\n");
    expect(`${output.out()}${output.err()}`).not.toContain("k-not-printed");
  });

  it("--help prints the usage and exits 0", async () => {
    expect(await exportCommand(["--help"])).toBe(0);
    expect(output.out()).toMatch(/^usage: domainsreseller export <DOMAIN>\.\.\./);
  });
});

describe("domainsreseller export against the emulator", () => {
  let emulator: EmulatorHandle;
  let creds: string[];
  const saved = { ...process.env };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, admin: true, seed: "default" });
    const account = emulator.accounts[0]!;
    creds = ["--endpoint", emulator.endpoint];
    process.env.DOMAINSRESELLER_USERNAME = account.email;
    process.env.DOMAINSRESELLER_API_KEY = account.apiKey;
    // A domain without the DNS add-on, on a server that enforces it: the route is refused.
    const response = await fetch(`${emulator.origin}/__admin/domains/acme-widgets.net`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ enforceAddons: true, addons: { dnsmanagement: false } }),
    });
    expect(response.ok).toBe(true);
  });
  afterAll(async () => {
    process.env = saved;
    await emulator?.close();
  });

  it("writes the project, one progress line per domain on stderr, the files on stdout", async () => {
    const dir = join(scratch(), "portfolio");
    expect(await exportCommand(["Acme-Shop.io", "acme-widgets.net", "acme-shop.io", "-o", dir, ...creds])).toBe(0);
    const lines = output.err().trimEnd().split("\n");
    expect(lines[0]).toMatch(/^export: acme-shop\.io: Domain, DnsRecordSet \(authoritative, 7 records\), Nameservers, RegistrarLock \(unlocked\), EmailForwarding \(1 forward\), IdProtection \(off\); contacts: registrant, admin, tech, billing$/);
    expect(lines[1]).toMatch(/^export: acme-widgets\.net: Domain, Nameservers, RegistrarLock \(unlocked\), EmailForwarding \(0 forwards\), IdProtection \(off\); contacts: .*; not declared \(see index\.ts\): DnsRecordSet$/);
    expect(output.out().trimEnd().split("\n")).toEqual(["index.ts", "Pulumi.yaml", "package.json", "tsconfig.json", "zones/acme-shop.io.yaml"].map((f) => join(dir, f)));
    expect(readFileSync(join(dir, "index.ts"), "utf8").replace(/\n\/\/ /g, " ")).toMatch(/DnsRecordSet not declared: the server refused GET \/domains\/acme-widgets\.net\/dns: domain acme-widgets\.net does not have the DNS Management add-on/);
    expect(readFileSync(join(dir, "Pulumi.yaml"), "utf8")).toMatch(/^name: portfolio\n/);
    expect(`${output.out()}${output.err()}${readdirSync(dir).map((f) => (f === "zones" ? "" : readFileSync(join(dir, f), "utf8"))).join("")}`).not.toContain(emulator.accounts[0]!.apiKey);
  });

  it("--no-contacts leaves the contacts out, saying so", async () => {
    const dir = join(scratch(), "private");
    expect(await exportCommand(["acme-shop.io", "--no-contacts", "-o", dir, ...creds])).toBe(0);
    const program = readFileSync(join(dir, "index.ts"), "utf8");
    expect(program).not.toMatch(/contacts:|firstName/);
    expect(program).toContain("// contacts left out (not managed): left out by --no-contacts.");
    expect(output.err()).toMatch(/^export: acme-shop\.io: .*; no contacts$/m);
  });

  it("a domain not in the account fails the export naming it and the route; nothing is written", async () => {
    const dir = join(scratch(), "out");
    expect(await exportCommand(["acme-shop.io", "not-mine.com", "-o", dir, ...creds])).toBe(1);
    expect(output.err()).toMatch(/^export: failed: not-mine\.com: GET \/domains\/not-mine\.com\/information: .*not found/m);
    expect(output.err()).toMatch(/1 of 2 domains could not be read; nothing was written/);
    expect(existsSync(dir)).toBe(false);
    expect(output.out()).toBe("");
  });
});
