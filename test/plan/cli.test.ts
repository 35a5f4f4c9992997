// `domainsreseller plan-md`, in-process with stdout and stderr captured, and once through the built
// command for standard input: the report alone goes to stdout (so `> plan.md` is clean), and an
// input that cannot be read or is no preview is exit 2 naming the file.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureOutput } from "../helpers/output";
import { run as planMd } from "../../cli/commands/plan-md";

const FIXTURES = "test/fixtures/previews";
const MAIN = "dist/cli/main.js";
const output = captureOutput();

const scratch = (name: string, text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), "plan-md-")), name);
  writeFileSync(file, text);
  return file;
};

describe("domainsreseller plan-md", () => {
  it("FILE: the Markdown report on stdout, nothing on stderr, exit 0", async () => {
    expect(await planMd([`${FIXTURES}/changes.json`])).toBe(0);
    expect(output.out()).toBe(readFileSync(`${FIXTURES}/changes.md`, "utf8"));
    expect(output.err()).toBe("");
  });

  it("--format json prints the JSON document", async () => {
    expect(await planMd([`${FIXTURES}/charge.json`, "--format", "json"])).toBe(0);
    expect(JSON.parse(output.out())).toEqual(JSON.parse(readFileSync(`${FIXTURES}/charge.plan.json`, "utf8")));
  });

  it("a failed preview is reported, not an error of plan-md: exit 0", async () => {
    expect(await planMd([`${FIXTURES}/refusal.json`])).toBe(0);
    expect(output.out()).toMatch(/^## Preview failed/);
  });

  it("a file that cannot be read exits 2 naming it", async () => {
    expect(await planMd([`${FIXTURES}/missing.json`])).toBe(2);
    expect(output.out()).toBe("");
    expect(output.err()).toMatch(/^domainsreseller: cannot read test\/fixtures\/previews\/missing\.json: ENOENT/);
  });

  it("invalid JSON exits 2 naming the file and the parse error", async () => {
    const file = scratch("preview.json", '{"steps": [');
    expect(await planMd([file])).toBe(2);
    expect(output.out()).toBe("");
    expect(output.err()).toMatch(new RegExp(`^domainsreseller: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid JSON: `));
  });

  it("JSON that is not a preview exits 2 saying what was expected", async () => {
    const file = scratch("package.json", '{"name": "x"}');
    expect(await planMd([file])).toBe(2);
    expect(output.err()).toMatch(/package\.json: no "steps", "diagnostics" or "changeSummary": this is not the output of `pulumi preview --json`/);
  });

  it.each([
    [["a.json", "b.json"], /plan-md reads one preview; got 2 files/],
    [["a.json", "--format", "html"], /--format must be markdown or json; got "html"/],
    [["a.json", "--color"], /Unknown option '--color'/],
  ])("usage errors exit 2: %j", async (argv, message) => {
    expect(await planMd(argv)).toBe(2);
    expect(output.err()).toMatch(message);
    expect(output.out()).toBe("");
  });

  it("no FILE on a terminal is a usage error instead of waiting for input", async () => {
    const tty = Object.getOwnPropertyDescriptor(process.stdin, "isTTY");
    Object.defineProperty(process.stdin, "isTTY", { value: true, configurable: true });
    try {
      expect(await planMd([])).toBe(2);
      expect(output.err()).toMatch(/plan-md reads a preview from FILE or standard input: pipe `pulumi preview --json` into it/);
    } finally {
      if (tty) Object.defineProperty(process.stdin, "isTTY", tty);
      else delete (process.stdin as { isTTY?: boolean }).isTTY;
    }
  });

  it("--help prints the usage with the exit statuses to stdout and exits 0", async () => {
    expect(await planMd(["--help"])).toBe(0);
    expect(output.out()).toMatch(/^usage: domainsreseller plan-md \[FILE\|-\] \[--format markdown\|json\]/);
    expect(output.out()).toMatch(/Exit status: 0 the report was printed/);
  });
});

describe.runIf(existsSync(MAIN))("the built command", () => {
  it("reads standard input when the argument is - or absent", () => {
    const input = readFileSync(`${FIXTURES}/adds.json`, "utf8");
    const expected = readFileSync(`${FIXTURES}/adds.md`, "utf8");
    expect(execFileSync(process.execPath, [MAIN, "plan-md", "-"], { input, encoding: "utf8" })).toBe(expected);
    expect(execFileSync(process.execPath, [MAIN, "plan-md"], { input, encoding: "utf8" })).toBe(expected);
  });

  it("invalid JSON on standard input exits 2 naming standard input", () => {
    const result = spawnSync(process.execPath, [MAIN, "plan-md"], { input: "not json", encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^domainsreseller: standard input: not valid JSON/);
  });

  it("is listed in the command's help", () => {
    expect(execFileSync(process.execPath, [MAIN, "--help"], { encoding: "utf8" })).toMatch(/plan-md +turn `pulumi preview --json` into a pull-request comment/);
  });
});
