// `domainsreseller plan-md` reading standard input as `pulumi preview --json | domainsreseller plan-md`
// does: through a real pipe from a writer that takes its time (the engine writes its JSON only at the
// end of a preview that lasts seconds), through a `< file` redirect, and from an empty pipe. Reading fd 0
// synchronously failed here with "cannot read standard input: EAGAIN" once `process.stdin.isTTY` had
// made the pipe non-blocking; the built command runs in a shell pipeline because only a real pipe shows it.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { captureOutput } from "../helpers/output";
import { run as planMd } from "../../cli/commands/plan-md";
import { readText } from "../../cli/stdin";

const PREVIEW = resolve("test/fixtures/previews/changes.json");
const MAIN = resolve("dist/cli/main.js");
const EMPTY = "domainsreseller: plan-md: standard input was empty: pipe `pulumi preview --json` into it, or pass the file\n";
const output = captureOutput();

/** A writer like a slow `pulumi preview --json`: FILE in `chunks` pieces, `pause` ms apart (after a first pause). */
const WRITER = `
const [file, chunks, pause] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const data = require("node:fs").readFileSync(file);
const size = Math.ceil(data.length / chunks);
let i = 0;
const next = () => {
  if (i >= chunks) return;
  process.stdout.write(data.subarray(i * size, (i + 1) * size));
  i += 1;
  setTimeout(next, pause);
};
setTimeout(next, pause);
`;
const writer = join(mkdtempSync(join(tmpdir(), "plan-md-stdin-")), "writer.js");
writeFileSync(writer, WRITER);

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const node = quote(process.execPath);
const cli = `${node} ${quote(MAIN)} plan-md`;

/** Runs `script` with sh (a real pipe or redirect), with its stdin closed; its status, output and duration. */
function sh(script: string): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((done, fail) => {
    // A process group of its own, so a pipeline that hangs is killed whole (not only its shell).
    const child = spawn("sh", ["-c", script], { stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
    child.on("error", fail);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Replaces `process.stdin` for one in-process run of plan-md. */
async function withStdin(chunks: (string | Buffer)[], argv: string[]): Promise<number> {
  const stdin = vi.spyOn(process, "stdin", "get").mockReturnValue(Readable.from(chunks) as unknown as typeof process.stdin);
  try {
    return await planMd(argv);
  } finally {
    stdin.mockRestore();
  }
}

describe("reading standard input in-process", () => {
  it("readText joins the chunks before decoding, so a character split between two is kept whole", async () => {
    const bytes = Buffer.from('{"name": "bücher.de ✓"}', "utf8");
    const at = bytes.indexOf(Buffer.from("ü")) + 1; // between the two bytes of "ü"
    expect(await readText(Readable.from([bytes.subarray(0, at), bytes.subarray(at)]))).toBe('{"name": "bücher.de ✓"}');
    expect(await readText(Readable.from([]))).toBe("");
  });

  it.each([[[]], [["-"]]])("a preview in pieces on standard input is the same report as the FILE (argv %j)", async (argv) => {
    const text = readFileSync(PREVIEW, "utf8");
    expect(await planMd([PREVIEW])).toBe(0);
    const expected = output.out();
    output.clear();
    const third = Math.ceil(text.length / 3);
    expect(await withStdin([text.slice(0, third), text.slice(third, 2 * third), text.slice(2 * third)], argv)).toBe(0);
    expect(output.out()).toBe(expected);
    expect(output.err()).toBe("");
  });

  it.each([[[]], [["\n"]], [[" \r\n\t"]]])("empty standard input %j exits 2 saying to pipe the preview in", async (chunks) => {
    expect(await withStdin(chunks, [])).toBe(2);
    expect(output.err()).toBe(EMPTY);
    expect(output.out()).toBe("");
  });

  it("an error reading standard input exits 2 naming standard input", async () => {
    const failing = new Readable({ read() { this.destroy(Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" })); } });
    const stdin = vi.spyOn(process, "stdin", "get").mockReturnValue(failing as unknown as typeof process.stdin);
    try {
      expect(await planMd(["-"])).toBe(2);
    } finally {
      stdin.mockRestore();
    }
    expect(output.err()).toBe("domainsreseller: cannot read standard input: EIO: i/o error, read\n");
  });
});

describe.runIf(existsSync(MAIN))("the built command on a real pipe", () => {
  /** The report for PREVIEW given as FILE: what every way of feeding standard input must print. */
  const fromFile = async (): Promise<string> => {
    const result = await sh(`${cli} ${quote(PREVIEW)}`);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^## Plan: /);
    return result.stdout;
  };

  it.each([[""], [" -"]])("a slow writer (3 chunks, 400 ms apart) piped into `plan-md%s`: exit 0 and the report", async (dash) => {
    const expected = await fromFile();
    const result = await sh(`${node} ${quote(writer)} ${quote(PREVIEW)} 3 400 | ${cli}${dash}`);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^## Plan: \d+ to /);
    expect(result.stdout).toBe(expected);
    expect(result.ms).toBeGreaterThanOrEqual(1_200); // it really waited for the last piece
  });

  it("a writer that has everything at once (`cat FILE |`): exit 0 and the report", async () => {
    const expected = await fromFile();
    const result = await sh(`cat ${quote(PREVIEW)} | ${cli}`);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it("a `< FILE` redirect: exit 0 and the report", async () => {
    const expected = await fromFile();
    const result = await sh(`${cli} < ${quote(PREVIEW)}`);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it.each([
    ["an empty pipe", `: | ${cli}`],
    ["a pipe closed after 500 ms with nothing written", `${node} -e "setTimeout(() => {}, 500)" | ${cli}`],
    ["a pipe with only a newline", `echo | ${cli} -`],
    ["an empty redirect", `${cli} < /dev/null`],
  ])("%s: exit 2 saying to pipe the preview in", async (_name, script) => {
    const result = await sh(script);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(EMPTY);
    expect(result.stdout).toBe("");
  });

  it("a preview cut short on the pipe exits 2 naming standard input", async () => {
    const result = await sh(`head -c 5000 ${quote(PREVIEW)} | ${cli}`);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^domainsreseller: standard input: not valid JSON/);
  });
});
