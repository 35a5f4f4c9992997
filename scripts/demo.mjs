#!/usr/bin/env node
// `npm run demo`: the whole loop a user sees, against a fresh local emulator and a throwaway backend.
//   emulator up -> pulumi up -> outputs -> someone changes a DNS record and a lock by hand -> drift shown -> converge -> emulator down
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pulumiEnv, repoRoot } from "./pulumi-env.mjs";

const STACK = "demo";
const banner = (text) => process.stdout.write(`\n\x1b[1m== ${text}\x1b[0m\n`);

function startEmulator() {
  const child = spawn(process.execPath, [join(repoRoot, "dist", "cli", "main.js"), "emulator", "--port", "0", "--admin", "--seed", "default"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr.resume(); // request log lines: kept out of the demo's output
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
      const match = /^endpoint: (\S+)$/m.exec(text);
      if (match) resolve({ child, endpoint: match[1], banner: text.trim() });
    });
    child.on("exit", (code) => reject(new Error(`the emulator exited (${code}) before it was ready:\n${text}`)));
  });
}

function pulumi(args, env, { allowFailure = false, stdin } = {}) {
  return new Promise((resolve, reject) => {
    // Secrets go through standard input, never the argument list (visible to every process).
    const child = spawn("pulumi", args, { cwd: repoRoot, env, stdio: [stdin === undefined ? "ignore" : "pipe", "inherit", "inherit"] });
    if (stdin !== undefined) child.stdin.end(stdin);
    child.on("exit", (code) => (code === 0 || allowFailure ? resolve(code) : reject(new Error(`pulumi ${args.join(" ")} exited ${code}`))));
  });
}

async function admin(endpoint, method, path, body) {
  const origin = new URL(endpoint).origin;
  const response = await fetch(`${origin}/__admin${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const home = mkdtempSync(join(tmpdir(), "domainsreseller-demo-"));
const env = pulumiEnv(home);
let emulator;
try {
  banner("Starting the Domains Reseller emulator");
  emulator = await startEmulator();
  process.stdout.write(emulator.banner + "\n");
  const [, username, apiKey] = /reseller: (\S+)\s+api key: (\S+)/.exec(emulator.banner) ?? [];
  if (!username || !apiKey) throw new Error(`could not read the demo credentials from the emulator:\n${emulator.banner}`);

  banner(`Creating stack "${STACK}" on a local backend (${home})`);
  rmSync(join(repoRoot, `Pulumi.${STACK}.yaml`), { force: true });
  await pulumi(["stack", "init", STACK, "--non-interactive"], env);
  await pulumi(["config", "set", "domainsreseller:endpoint", emulator.endpoint], env);
  await pulumi(["config", "set", "domainsreseller:username", username], env);
  await pulumi(["config", "set", "--secret", "domainsreseller:apiKey"], env, { stdin: apiKey });

  banner("pulumi up");
  await pulumi(["up", "--yes", "--non-interactive"], env);

  banner("Stack outputs");
  await pulumi(["stack", "output"], env);

  banner("Someone changes things by hand, outside Pulumi, in the registrar's panel");
  // A signed API call, as the panel would make it: the apex A record of acme-widgets.com moves.
  const { DomainsResellerClient } = await import(join(repoRoot, "dist", "provider", "client", "index.js"));
  const panel = new DomainsResellerClient({ endpoint: emulator.endpoint, username, apiKey });
  const rows = await panel.call("getDns", { domain: "acme-widgets.com" });
  await panel.call("saveDns", { domain: "acme-widgets.com", dnsrecords: rows.map((r) => (r.type === "A" && r.hostname === "@" ? { ...r, address: "192.0.2.99" } : r)) });
  await panel.call("saveLock", { domain: "acme-widgets.net", lockstatus: "unlocked" });
  await panel.close();
  process.stdout.write("acme-widgets.com: @ A 192.0.2.10 -> 192.0.2.99; acme-widgets.net: unlocked.\n");

  banner("Drift check: pulumi preview --refresh --diff");
  await pulumi(["preview", "--refresh", "--diff", "--non-interactive"], env);
  process.stdout.write("\nThe diff above names the drift: the record @/A/192.0.2.10 is missing, and acme-widgets.net is unlocked (locked: false => true).\n");

  banner("Converge: pulumi up --refresh, then the same check with --expect-no-changes");
  await pulumi(["up", "--refresh", "--yes", "--skip-preview", "--non-interactive", "--suppress-outputs"], env);
  await pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive", "--suppress-outputs"], env);
  process.stdout.write("\nNo drift left: the registrar matches the code again.\n");
} catch (error) {
  process.stderr.write(`demo failed: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  emulator?.child.kill("SIGTERM");
  rmSync(join(repoRoot, `Pulumi.${STACK}.yaml`), { force: true });
  rmSync(home, { recursive: true, force: true });
  banner("Emulator stopped; the demo left nothing behind");
}
