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
