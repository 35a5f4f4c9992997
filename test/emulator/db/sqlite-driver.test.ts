// better-sqlite3 is an optional peer dependency: a project that installs only the provider has no
// SQLite driver. These run the built package (dist/, as installed) in child processes where
// resolving better-sqlite3 fails (no-sqlite.cjs), and prove that the provider, its runtime, the
// client and every CLI command load without asking for it, and that starting the emulator, from code
// or from the CLI, fails with the message naming the package to add.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../../..");
const HOOK = join(__dirname, "no-sqlite.cjs");
const DIST = join(ROOT, "dist");
const ASKED = /no-sqlite: better-sqlite3 requested by (.+)/;
const INSTALL = "npm install --save-dev better-sqlite3@^12";

function node(args: string[], env: Record<string, string> = {}, hook = true): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...(hook ? ["--require", HOOK] : []), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    // A regression that starts the emulator anyway would serve forever: stop it.
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
}

/** A script that requires each file and prints "loaded N" once all of them loaded. */
const loadAll = (files: string[]): string => `${files.map((f) => `require(${JSON.stringify(f)});`).join("")}console.log("loaded ${files.length}");`;

describe("without better-sqlite3 (built package)", () => {
  it("dist/ is built (npm run build)", () => {
    expect(existsSync(join(DIST, "provider", "index.js")), "run `npm run build` first").toBe(true);
  });

  it("the hook does make better-sqlite3 unresolvable, which the repository itself does have", () => {
    const probe = 'try { require("better-sqlite3"); console.log("found") } catch (e) { console.log(e.code) }';
    expect(node(["-e", probe], {}, false).stdout.trim()).toBe("found");
    const hooked = node(["-e", probe]);
    expect(hooked.stdout.trim()).toBe("MODULE_NOT_FOUND");
    expect(hooked.stderr).toMatch(ASKED);
  });

  it("the provider, its runtime, the client, the emulator module and every CLI command load without asking for it", () => {
    const commands = readdirSync(join(DIST, "cli", "commands")).filter((f) => f.endsWith(".js"));
    expect(commands).toEqual(expect.arrayContaining(["call.js", "emulator.js", "export.js", "plan-md.js", "schema.js", "sync.js"]));
    const files = [
      join(DIST, "provider", "index.js"),
      join(DIST, "provider", "runtime", "index.js"),
      join(DIST, "provider", "client", "index.js"),
      // The emulator module too: only opening its store needs the driver.
      join(DIST, "emulator", "index.js"),
      ...commands.map((f) => join(DIST, "cli", "commands", f)),
    ];
    const result = node(["-e", loadAll(files)]);
    expect(result.stderr).not.toMatch(ASKED);
    expect(result.stdout.trim()).toBe(`loaded ${files.length}`);
    expect(result.status).toBe(0);
  });

  it("a non-emulator command runs: `domainsreseller schema zone`", () => {
    const result = node([join(DIST, "cli", "main.js"), "schema", "zone"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty("$schema");
  });

  it("startEmulator() asks for the driver only when it starts, and rejects with the install command", () => {
    const script = `require(${JSON.stringify(join(DIST, "emulator", "index.js"))}).startEmulator()
      .then(() => { console.log("started"); process.exit(3); }, (e) => { console.log(e.message); process.exit(1); });`;
    const result = node(["-e", script]);
    expect(result.stderr).toMatch(ASKED);
    expect(result.stdout).toContain("The emulator needs the SQLite driver better-sqlite3, which is not installed.");
    expect(result.stdout).toContain(`Add it to the project that runs the emulator: ${INSTALL}`);
    expect(result.status).toBe(1);
  });

  it("`domainsreseller emulator` prints the message and exits 1, with no endpoint", () => {
    const result = node([join(DIST, "cli", "main.js"), "emulator", "--quiet"]);
    expect(result.stderr).toContain("domainsreseller: The emulator needs the SQLite driver better-sqlite3");
    expect(result.stderr).toContain(INSTALL);
    expect(result.stdout).not.toContain("endpoint:");
    expect(result.status).toBe(1);
  });

  it("`domainsreseller emulator --help` says what to add, without loading the driver", () => {
    const result = node([join(DIST, "cli", "main.js"), "emulator", "--help"]);
    expect(result.stderr).not.toMatch(ASKED);
    expect(result.stdout).toContain(INSTALL);
    expect(result.status).toBe(0);
  });

  it.each([
    ["broken", "invalid ELF header"],
    ["nested", "Cannot find module 'bindings'"],
  ])("an installed but unloadable driver (%s) is reported as such, not as missing", (mode, cause) => {
    const result = node([join(DIST, "cli", "main.js"), "emulator", "--quiet"], { NO_SQLITE_MODE: mode });
    expect(result.stderr).toContain("The emulator could not load better-sqlite3: ");
    expect(result.stderr).toContain(cause);
    expect(result.stderr).toContain("npm rebuild better-sqlite3");
    expect(result.stderr).not.toContain("which is not installed");
    expect(result.status).toBe(1);
  });
});

describe("with better-sqlite3 (this repository's devDependency)", () => {
  it("the pulumi-domainsreseller/emulator export starts and serves its seeded state", () => {
    // Resolved through the package's own `exports` (a package can require itself by name). The
    // call is signed as the API documents it, so the answer comes from the seeded SQLite store.
    const script = `const { createHmac } = require("node:crypto");
      const { startEmulator } = require("pulumi-domainsreseller/emulator");
      startEmulator().then(async (emu) => {
        const { email, apiKey } = emu.accounts[0];
        const timestamp = Math.floor(Date.now() / 1000); // sent, so an hour turning mid-call cannot matter
        const iso = new Date(timestamp * 1000).toISOString(); // key: "email:yy-mm-dd HH"
        const key = email + ":" + iso.slice(2, 10) + " " + iso.slice(11, 13);
        const token = Buffer.from(createHmac("sha256", key).update(apiKey).digest("hex")).toString("base64");
        const headers = { username: email, token, timestamp: String(timestamp) };
        const r = await fetch(emu.endpoint + "/domains/acme-widgets.com/lock", { headers });
        console.log(r.status, await r.json());
        await emu.close();
      });`;
    const result = node(["-e", script], {}, false);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("200 locked");
    expect(result.status).toBe(0);
  });
});
