// `domainsreseller plan-md [FILE|-] [--format markdown|json]`: turns the output of
// `pulumi preview --json` into a pull-request comment (Markdown) or a document for bots (JSON).
// Reading, calling and printing only: every decision is in provider/plan. Exit status: 0 the report
// was printed (whatever the preview says), 2 usage or an input that cannot be read or is no preview.
import { readFileSync } from "node:fs";
import { buildPlan, parsePreview, PreviewFormatError, renderJson, renderMarkdown, type Preview } from "../../provider/plan";
import { EXIT_OK, parseCommand, usageError } from "../args";
import { readText } from "../stdin";

const FORMATS = ["markdown", "json"] as const;
type Format = (typeof FORMATS)[number];

const HELP = `usage: domainsreseller plan-md [FILE|-] [--format markdown|json]

Reads the output of \`pulumi preview --json\` (FILE, or standard input when FILE is "-" or absent)
and prints a review of it: what is refused or dangerous first (errors, safety-rail refusals with
their consent line, deletions and replacements, orders and renewals with their price), then per
domain the DNS records, nameservers, lock, forwarding, ID protection, contacts and glue records
that change, with drift found by \`--refresh\` labelled as changed outside of code.
  --format FORMAT   markdown (default: a pull-request comment) or json (for bots)

  pulumi preview --json --refresh | domainsreseller plan-md > plan.md

Exit status: 0 the report was printed (a failed preview is reported, not an error of plan-md);
2 usage, or the input cannot be read or is not the output of \`pulumi preview --json\`.`;

const OPTIONS = {
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h" },
} as const;

const EMPTY_STDIN = "plan-md: standard input was empty: pipe `pulumi preview --json` into it, or pass the file";

/** FILE, or standard input for "-": read as a stream, which waits for a slow writer on a pipe. */
async function readInput(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const stdin = file === "-";
  let text: string;
  try {
    text = stdin ? await readText(process.stdin) : readFileSync(file, "utf8");
  } catch (error) {
    const name = stdin ? "standard input" : file;
    return { ok: false, message: `cannot read ${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // Nothing (or only whitespace) on standard input: the preview was not piped in, or it failed
  // before writing anything; say so instead of "not valid JSON".
  if (stdin && text.trim() === "") return { ok: false, message: EMPTY_STDIN };
  return { ok: true, text };
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, OPTIONS, HELP);
  if (parsed.exit !== undefined) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length > 1) return usageError(`plan-md reads one preview; got ${positionals.length} files\n\n${HELP}`);
  const format = (values.format ?? "markdown").toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) return usageError(`--format must be ${FORMATS.join(" or ")}; got "${values.format}"`);
  // Without a FILE on a terminal, reading standard input would wait for typing that never comes.
  if (positionals[0] === undefined && process.stdin.isTTY) return usageError(`plan-md reads a preview from FILE or standard input: pipe \`pulumi preview --json\` into it\n\n${HELP}`);
  const file = positionals[0] ?? "-";
  const input = await readInput(file);
  if (!input.ok) return usageError(input.message);
  let preview: Preview;
  try {
    preview = parsePreview(input.text);
  } catch (error) {
    if (!(error instanceof PreviewFormatError)) throw error;
    return usageError(`${file === "-" ? "standard input" : file}: ${error.message}`);
  }
  const plan = buildPlan(preview);
  process.stdout.write((format as Format) === "json" ? renderJson(plan) : renderMarkdown(plan));
  return EXIT_OK;
}
