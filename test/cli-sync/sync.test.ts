// `domainsreseller sync`, in-process with stdout and stderr captured, over real HTTP against the
// emulator (expiry dates and registry states moved through its admin surface), and once through the
// built command for the exit status a cron job sees. `--stack` runs a fake `pulumi` (a shell script
// on PATH printing a canned `stack export`), so no real stack is needed.
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { captureOutput } from "../helpers/output";
import { startTestEmulator, type TestEmulator } from "../e2e/harness";
import { assess, domainsOfStack, run as sync } from "../../cli/commands/sync";

const output = captureOutput();
const scratch = () => mkdtempSync(join(tmpdir(), "sync-cli-"));

/** The UTC day `offset` days from today, as YYYY-MM-DD (the emulator's clock is the machine's). */
const day = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset)).toISOString().slice(0, 10);
};

describe("domainsreseller sync: argument errors (exit 2, before any request)", () => {
  const creds = ["--endpoint", "http://127.0.0.1:9/api", "--username", "a@example.com", "--api-key", "k-not-printed"];

  it("no domain and no --stack", async () => {
    expect(await sync([...creds])).toBe(2);
    expect(output.err()).toMatch(/^domainsreseller: sync needs at least one DOMAIN, or --stack\n\nusage: domainsreseller sync/);
    expect(output.out()).toBe("");
  });

  it.each([["-1"], ["abc"], ["1.5"], ["99999"], [""]])("--days %j", async (days) => {
    expect(await sync(["example.com", `--days=${days}`, ...creds])).toBe(2);
    expect(output.err()).toMatch(/--days must be a whole number of days from 0 to 3650; got /);
  });

  it("an unknown flag, a bad --format, a bad domain, --cwd without --stack", async () => {
    expect(await sync(["example.com", "--dayz", "3", ...creds])).toBe(2);
    expect(output.err()).toMatch(/Unknown option '--dayz'/);
    expect(await sync(["example.com", "--format", "csv", ...creds])).toBe(2);
    expect(output.err()).toMatch(/--format must be table or json; got "csv"/);
    expect(await sync(["https://example.com", ...creds])).toBe(2);
    expect(output.err()).toMatch(/"https:\/\/example\.com" is not a domain name/);
    expect(await sync(["example.com", "--cwd", "/tmp", ...creds])).toBe(2);
    expect(output.err()).toMatch(/--cwd is the Pulumi project directory for --stack; pass --stack too/);
    expect(await sync(["--stack", "--cwd", "/does/not/exist", ...creds])).toBe(2);
    expect(output.err()).toMatch(/--cwd \/does\/not\/exist: not a directory/);
    expect(`${output.out()}${output.err()}`).not.toContain("k-not-printed");
  });

  it("missing credentials name the flag and the variable", async () => {
    vi.stubEnv("DOMAINSRESELLER_ENDPOINT", "");
    vi.stubEnv("DOMAINSRESELLER_API_KEY", "");
    try {
      expect(await sync(["example.com", "--username", "a@example.com"])).toBe(2);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(output.err()).toMatch(/missing credentials \(the API base URL: pass --endpoint or set DOMAINSRESELLER_ENDPOINT; the API key: pass --api-key or set DOMAINSRESELLER_API_KEY\)/);
  });

  it("--help prints the usage and exits 0", async () => {
    expect(await sync(["--help"])).toBe(0);
    expect(output.out()).toMatch(/^usage: domainsreseller sync <DOMAIN>\.\.\. \[--stack\] \[--days N\] \[--format table\|json\]/);
  });
});

describe("sync answers judged (expiry dates in any form the API sends)", () => {
  const today = new Date(Date.UTC(2026, 0, 10, 23, 59));
  const answer = (expiryDate: string | null, more: Record<string, boolean> = {}) => ({ ok: true as const, result: { active: true, expired: false, cancelled: undefined, transferredAway: false, expiryDate, ...more } });

  it.each([
    ["2026-01-15", "2026-01-15", 5],
    ["2026-01-15T05:31:56Z", "2026-01-15", 5],
    ["2026-01-15 00:00:00", "2026-01-15", 5],
    ["2026-01-10T00:00:00Z", "2026-01-10", 0],
    ["2025-12-31", "2025-12-31", -10],
  ])("%s is printed as %s, %i days left", (sent, printed, left) => {
    const row = assess("example.com", answer(sent), today, 30);
    expect(row).toMatchObject({ expiryDate: printed, daysLeft: left });
  });

  it("no date, WHMCS's 0000-00-00, and a day that does not exist are problems, not passes", () => {
    expect(assess("example.com", answer(null), today, 30)).toMatchObject({ status: "active", expiryDate: null, daysLeft: null, problem: "no expiry date reported" });
    expect(assess("example.com", answer("0000-00-00"), today, 30).problem).toBe('expiry date "0000-00-00" is not a date');
    expect(assess("example.com", answer("2026-02-30"), today, 30).problem).toBe('expiry date "2026-02-30" is not a date');
  });

  it("the registry's flags come first: transferred away, cancelled, expired; inactive alone is only a note", () => {
    expect(assess("a.com", answer("2027-01-01", { transferredAway: true, active: false }), today, 30)).toMatchObject({ status: "transferred away", problem: "transferred away" });
    expect(assess("a.com", answer("2027-01-01", { cancelled: true }), today, 30)).toMatchObject({ status: "cancelled", problem: "cancelled" });
    expect(assess("a.com", answer("2027-01-01", { expired: true, active: false }), today, 30)).toMatchObject({ status: "expired", problem: "expired" });
    expect(assess("a.com", answer("2026-01-09"), today, 30)).toMatchObject({ status: "expired", daysLeft: -1, problem: "expired 1 day ago" });
    expect(assess("a.com", answer("2027-01-01", { active: false }), today, 30)).toMatchObject({ status: "inactive", problem: null, note: "not active at the registry" });
  });

  it("the window: 0 is today, N is within, N+1 is not", () => {
    expect(assess("a.com", answer("2026-01-10"), today, 0).problem).toBe("expires today");
    expect(assess("a.com", answer("2026-02-09"), today, 30).problem).toBe("expires within 30 days");
    expect(assess("a.com", answer("2026-02-10"), today, 30).problem).toBeNull();
    expect(assess("a.com", answer("2026-01-11"), today, 1).problem).toBe("expires within 1 day");
  });
});

describe("stack exports read for --stack", () => {
  it("takes each Domain's name (outputs, else inputs), in order, once; skips the rest and replaced halves", () => {
    const doc = {
      version: 3,
      deployment: {
        resources: [
          { urn: "urn:pulumi:ci::dns::pulumi:pulumi:Stack::dns-ci", type: "pulumi:pulumi:Stack" },
          { urn: "u1", type: "pulumi-nodejs:dynamic/domainsreseller:Domain", inputs: { name: "Acme-Shop.io" }, outputs: { name: "acme-shop.io" } },
          { urn: "u2", type: "pulumi-nodejs:dynamic/domainsreseller:DnsRecordSet", inputs: { domain: "dns-only.com" }, outputs: { domain: "dns-only.com" } },
          { urn: "u3", type: "pulumi-nodejs:dynamic/domainsreseller:StackGuard", outputs: { name: "guard.com" } },
          { urn: "u4", type: "pulumi-nodejs:dynamic/domainsreseller:Domain", inputs: { name: "Inputs-Only.com" } },
          { urn: "u5", type: "pulumi-nodejs:dynamic/domainsreseller:Domain", outputs: { name: "old.com" }, delete: true },
          { urn: "u6", type: "pulumi-nodejs:dynamic/domainsreseller:Domain", outputs: { name: "acme-shop.io" } },
          { urn: "u7", type: "pulumi-nodejs:dynamic/domainsreseller:Domain", outputs: { name: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "x" } } },
          { urn: "u8", type: "aws:route53/zone:Zone", outputs: { name: "aws.com" } },
        ],
      },
    };
    expect(domainsOfStack(JSON.stringify(doc))).toEqual({ ok: true, domains: ["acme-shop.io", "inputs-only.com"], skipped: ["u7"] });
    expect(domainsOfStack('{"version":3,"deployment":{"manifest":{}}}')).toEqual({ ok: true, domains: [], skipped: [] });
    expect(domainsOfStack("not json")).toMatchObject({ ok: false, message: expect.stringMatching(/did not print JSON/) });
    expect(domainsOfStack("{}")).toMatchObject({ ok: false, message: expect.stringMatching(/printed no deployment/) });
  });
});

describe("domainsreseller sync against the emulator", () => {
  let emulator: TestEmulator;
  const saved = { ...process.env };
  const key = () => emulator.account.apiKey;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    process.env.DOMAINSRESELLER_ENDPOINT = emulator.handle.endpoint;
    process.env.DOMAINSRESELLER_USERNAME = emulator.account.email;
    process.env.DOMAINSRESELLER_API_KEY = emulator.account.apiKey;
    await emulator.drift("acme-widgets.com", { expiryDate: day(200) });
    await emulator.drift("acme-widgets.net", { expiryDate: day(12) });
    await emulator.drift("acme-gadgets.org", { expiryDate: day(45) });
    await emulator.drift("acme-shop.io", { expiryDate: day(300), status: "Transferred Away" });
    await emulator.drift("acme-labs.dev", { expiryDate: day(-3) });
    await emulator.drift("acme-mail.com", { expiryDate: day(90), status: "Cancelled" });
    // Another reseller's domain: the API answers for it exactly as for one that does not exist.
    await emulator.admin("POST", "/accounts", { email: "other@example.com", apiKey: "other-key", credit: "10.00" });
    await emulator.admin("POST", "/domains", { owner: "other@example.com", domain: "someone-elses.com" });
  });
  afterAll(async () => {
    process.env = saved;
    await emulator?.close();
  });

  it("all healthy: the table on stdout, a summary on stderr, exit 0", async () => {
    expect(await sync(["acme-widgets.com", "ACME-Gadgets.org."])).toBe(0);
    expect(output.out()).toBe(
      [
        "DOMAIN            STATUS  EXPIRY      DAYS LEFT  NOTE",
        `acme-widgets.com  active  ${day(200)}        200`,
        `acme-gadgets.org  active  ${day(45)}         45`,
        "",
      ].join("\n"),
    );
    expect(output.err()).toBe("sync: 2 domains checked; none needs attention (window: 30 days)\n");
  });

  it("a domain expiring within 30 days: exit 1, the note says so", async () => {
    expect(await sync(["acme-widgets.com", "acme-widgets.net"])).toBe(1);
    expect(output.out().split("\n")[2]).toBe(`acme-widgets.net  active  ${day(12)}         12  expires within 30 days`);
    expect(output.err()).toBe("sync: 1 of 2 domains needs attention\n");
  });

  it("--days widens or narrows the window", async () => {
    expect(await sync(["acme-gadgets.org", "--days", "60"])).toBe(1);
    expect(output.out()).toMatch(/acme-gadgets\.org .* 45 {2}expires within 60 days\n$/);
    output.clear();
    expect(await sync(["acme-widgets.net", "--days=5"])).toBe(0);
    expect(output.out()).toMatch(/acme-widgets\.net {2}active {2}\S+ +12\n$/);
  });

  it("--format json: the document for bots, every state and a domain outside the account", async () => {
    const domains = ["acme-widgets.com", "acme-widgets.net", "acme-shop.io", "acme-labs.dev", "acme-mail.com", "someone-elses.com", "never-registered.com"];
    expect(await sync([...domains, "--format", "json"])).toBe(1);
    const doc = JSON.parse(output.out()) as { domains: Record<string, unknown>[]; problems: number };
    expect(doc.problems).toBe(6);
    expect(doc.domains.slice(0, 5)).toEqual([
      { domain: "acme-widgets.com", status: "active", expiryDate: day(200), daysLeft: 200, problem: null },
      { domain: "acme-widgets.net", status: "active", expiryDate: day(12), daysLeft: 12, problem: "expires within 30 days" },
      { domain: "acme-shop.io", status: "transferred away", expiryDate: day(300), daysLeft: 300, problem: "transferred away" },
      { domain: "acme-labs.dev", status: "expired", expiryDate: day(-3), daysLeft: -3, problem: "expired 3 days ago" },
      { domain: "acme-mail.com", status: "cancelled", expiryDate: day(90), daysLeft: 90, problem: "cancelled" },
    ]);
    for (const row of doc.domains.slice(5)) {
      expect(row).toMatchObject({ status: "error", expiryDate: null, daysLeft: null, problem: expect.stringMatching(/^sync failed: .*not found/) });
    }
    expect(output.err()).toBe("sync: 6 of 7 domains need attention\n");
  });

  it("a domain outside the account is that domain's problem (exit 1), the others are still reported; no stack trace, no key", async () => {
    expect(await sync(["someone-elses.com", "acme-widgets.com", "--api-key", key()])).toBe(1);
    const lines = output.out().trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^someone-elses\.com {2}error {3}- {10} {9}- {2}sync failed: .*not found/);
    expect(lines[2]).toMatch(/^acme-widgets\.com {3}active {2}/);
    const all = `${output.out()}${output.err()}`;
    expect(all).not.toContain(key());
    expect(all).not.toMatch(/\n\s+at |DomainsResellerError|sync on someone-elses\.com/);
  });

  it("every problem kind in the table: transferred away, expired, cancelled", async () => {
    expect(await sync(["acme-shop.io", "acme-labs.dev", "acme-mail.com"])).toBe(1);
    expect(output.out()).toBe(
      [
        "DOMAIN         STATUS            EXPIRY      DAYS LEFT  NOTE",
        `acme-shop.io   transferred away  ${day(300)}        300  transferred away`,
        `acme-labs.dev  expired           ${day(-3)}         -3  expired 3 days ago`,
        `acme-mail.com  cancelled         ${day(90)}         90  cancelled`,
        "",
      ].join("\n"),
    );
  });

  describe("--stack, with a fake pulumi on PATH", () => {
    const path = process.env.PATH;
    afterEach(() => {
      process.env.PATH = path;
    });

    /** A `pulumi` that logs where and how it ran, then prints `stdout` and exits `code`. */
    const fakePulumi = (stdout: string, code = 0, stderr = "") => {
      const bin = scratch();
      const log = join(bin, "calls.log");
      writeFileSync(join(bin, "export.json"), stdout);
      writeFileSync(join(bin, "stderr.txt"), stderr);
      writeFileSync(join(bin, "pulumi"), `#!/bin/sh\necho "$PWD|$*" >> '${log}'\ncat '${join(bin, "export.json")}'\ncat '${join(bin, "stderr.txt")}' >&2\nexit ${code}\n`);
      chmodSync(join(bin, "pulumi"), 0o755);
      process.env.PATH = `${bin}:${path ?? ""}`;
      return { calls: () => readFileSync(log, "utf8").trimEnd().split("\n") };
    };
    const exportOf = (...names: string[]) =>
      JSON.stringify({
        version: 3,
        deployment: {
          resources: [
            { urn: "urn:pulumi:ci::dns::pulumi:pulumi:Stack::dns-ci", type: "pulumi:pulumi:Stack" },
            ...names.map((name) => ({ urn: `urn:pulumi:ci::dns::pulumi-nodejs:dynamic/domainsreseller:Domain::${name}`, type: "pulumi-nodejs:dynamic/domainsreseller:Domain", inputs: { name }, outputs: { name } })),
            { urn: "urn:pulumi:ci::dns::pulumi-nodejs:dynamic/domainsreseller:DnsRecordSet::x", type: "pulumi-nodejs:dynamic/domainsreseller:DnsRecordSet", inputs: { domain: "acme-mail.com" } },
          ],
        },
      });

    it("checks every Domain of the stack (after the named ones), running `pulumi stack export` in --cwd", async () => {
      const fake = fakePulumi(exportOf("acme-widgets.com", "acme-widgets.net"));
      const project = scratch();
      expect(await sync(["acme-gadgets.org", "acme-widgets.com", "--stack", "--cwd", project])).toBe(1);
      expect(fake.calls()).toEqual([`${project}|stack export --non-interactive`]);
      expect(output.out().trimEnd().split("\n").slice(1).map((l) => l.split(" ")[0])).toEqual(["acme-gadgets.org", "acme-widgets.com", "acme-widgets.net"]);
      expect(output.out()).toMatch(/acme-widgets\.net .* expires within 30 days\n$/);
    });

    it("--stack-name picks the stack; a healthy stack exits 0", async () => {
      const fake = fakePulumi(exportOf("acme-widgets.com"));
      const project = scratch();
      const here = process.cwd();
      process.chdir(project);
      try {
        expect(await sync(["--stack-name", "ci", "--format", "json"])).toBe(0);
      } finally {
        process.chdir(here);
      }
      expect(fake.calls()).toEqual([`${project}|stack export --non-interactive --stack ci`]);
      expect(JSON.parse(output.out())).toEqual({ domains: [{ domain: "acme-widgets.com", status: "active", expiryDate: day(200), daysLeft: 200, problem: null }], problems: 0 });
    });

    it("a stack without Domain resources: nothing to check, said on stderr, exit 0", async () => {
      fakePulumi(exportOf());
      expect(await sync(["--stack"])).toBe(0);
      expect(output.err()).toMatch(/^sync: the stack has no Domain resources\n/);
      expect(output.out()).toBe("DOMAIN  STATUS  EXPIRY  DAYS LEFT  NOTE\n");
    });

    it("a stack that cannot be exported: pulumi's own words, exit 1, no table", async () => {
      fakePulumi("", 255, "error: no stack named 'ci' found\n");
      expect(await sync(["--stack-name", "ci"])).toBe(1);
      expect(output.err()).toMatch(/^domainsreseller: cannot export the stack: `pulumi stack export --non-interactive --stack ci` in \S+ exited 255: error: no stack named 'ci' found\n$/);
      expect(output.out()).toBe("");
    });

    it("pulumi not on PATH: says it is needed and how to do without, exit 1", async () => {
      process.env.PATH = scratch();
      expect(await sync(["acme-widgets.com", "--stack"])).toBe(1);
      expect(output.err()).toMatch(/^domainsreseller: --stack needs the Pulumi CLI, and `pulumi` is not on PATH: install it .* or name the domains instead\n$/);
      expect(output.out()).toBe("");
    });
  });

  it("days left count from the server's clock, not the machine's", async () => {
    // The emulator's clock 100 days ahead: acme-gadgets.org (45 days out by the machine) has expired.
    await emulator.admin("POST", "/clock", { offsetSeconds: 100 * 86_400 });
    try {
      expect(await sync(["acme-gadgets.org", "acme-widgets.com", "--format", "json"])).toBe(1);
    } finally {
      await emulator.admin("POST", "/clock", { offsetSeconds: 0 });
    }
    expect(JSON.parse(output.out()).domains).toEqual([
      { domain: "acme-gadgets.org", status: "expired", expiryDate: day(45), daysLeft: -55, problem: "expired 55 days ago" },
      { domain: "acme-widgets.com", status: "active", expiryDate: day(200), daysLeft: 100, problem: null },
    ]);
  });

  it("the built command: registered in main, the exit status a cron job sees (run `npm run build` first)", async () => {
    // Asynchronously: the emulator answers from this process, so a synchronous spawn would starve it.
    const env = { ...process.env, DOMAINSRESELLER_ENDPOINT: emulator.handle.endpoint, DOMAINSRESELLER_USERNAME: emulator.account.email, DOMAINSRESELLER_API_KEY: key() };
    const main = (...args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
        execFile(process.execPath, ["dist/cli/main.js", ...args], { env, encoding: "utf8" }, (error, stdout, stderr) =>
          done({ status: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
        );
      });
    const bad = await main("sync", "acme-widgets.com", "acme-widgets.net");
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^DOMAIN +STATUS +EXPIRY +DAYS LEFT +NOTE\n/);
    expect(bad.stderr).toBe("sync: 1 of 2 domains needs attention\n");
    expect((await main("sync", "acme-widgets.com")).status).toBe(0);
    expect((await main("sync", "--days", "soon", "acme-widgets.com")).status).toBe(2);
    expect((await main("--help")).stdout).toMatch(/^ {2}sync {7}check expiry dates/m);
  });
});
