// Small helpers shared by every subcommand: option parsing with clear messages, and exit codes.
import { parseArgs, type ParseArgsConfig } from "node:util";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function usageError(message: string): number {
  process.stderr.write(`domainsreseller: ${message}\n`);
  return EXIT_USAGE;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses argv against `options`; on a bad flag returns the message instead of throwing. */
export function parseOptions<T extends Options>(
  argv: string[],
  options: T,
  allowPositionals = false,
): { ok: true; values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: boolean; args: string[] }>>["values"]; positionals: string[] } | { ok: false; message: string } {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return { ok: true, values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The start every subcommand shares: parse argv (a bad flag is a usage error followed by the help)
 * and answer `--help`. Returns the parsed values, or the exit code when the command is done.
 */
export function parseCommand<T extends Options & { help: { type: "boolean" } }>(
  argv: string[],
  options: T,
  help: string,
): { exit: number } | { exit: undefined; values: Extract<ReturnType<typeof parseOptions<T>>, { ok: true }>["values"]; positionals: string[] } {
  const parsed = parseOptions(argv, options, true);
  if (!parsed.ok) return { exit: usageError(`${parsed.message}\n\n${help}`) };
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${help}\n`);
    return { exit: EXIT_OK };
  }
  return { exit: undefined, values: parsed.values, positionals: parsed.positionals };
}
