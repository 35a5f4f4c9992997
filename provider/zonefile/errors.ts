// The one error a zone file fails with. A file is read as a whole and every problem found is kept,
// so a user fixes a file in one pass instead of one error per run; each problem carries its own
// position so an editor or CI annotation can jump straight to it.

/** One problem of a zone file: where it is (1-based), which field, and what is wrong with its fix. */
export interface ZoneFileProblem {
  line: number;
  column: number;
  /** The field at fault as a path: `records[2].value`, `domain`, or `(yaml)` for a syntax error outside any field. */
  field: string;
  message: string;
}

import { inspect } from "node:util";

export type ZoneFileErrorCode = "zone_file_invalid" | "zone_file_unreadable";

function describe(file: string, problems: readonly ZoneFileProblem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.map((p) => `  ${file}:${p.line}:${p.column}: ${p.field}: ${p.message}`);
  return [`zone file ${file} has ${count}:`, ...lines].join("\n");
}

/**
 * A zone file that cannot be used. `problems` lists every problem of the file in order of position
 * (`zone_file_invalid`); a file that cannot be read at all has none (`zone_file_unreadable`).
 */
export class ZoneFileError extends Error {
  override readonly name = "ZoneFileError";

  constructor(
    readonly file: string,
    readonly problems: readonly ZoneFileProblem[],
    readonly code: ZoneFileErrorCode = "zone_file_invalid",
    message?: string,
  ) {
    super(message ?? describe(file, problems));
    // Thrown while a Pulumi program declares its resources, an error is printed by the Node host
    // with util.inspect: a stack trace, an object dump of `problems` and colour codes, around a
    // message that already says everything. The host prints only the message of an error carrying
    // the SDK's "run error" mark (read by property, so the SDK need not be loaded here).
    Object.defineProperty(this, "__pulumiRunError", { value: true, enumerable: false });
  }

  /** The message alone wherever the error is inspected (console.error, a REPL, a test runner). */
  [inspect.custom](): string {
    return `${this.name}: ${this.message}`;
  }

  /** The file could not be read (missing, a directory, no permission): the reason and where it was looked for. */
  static unreadable(file: string, cause: unknown, cwd: string): ZoneFileError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new ZoneFileError(
      file,
      [],
      "zone_file_unreadable",
      `cannot read the zone file ${file} (${reason}): check the path; a relative path is read from the current directory, ${cwd} (for a Pulumi program, the project directory)`,
    );
  }
}

/** Problems in order of position, each position once per field and message. */
export function sortProblems(problems: readonly ZoneFileProblem[]): ZoneFileProblem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((p) => {
      const key = `${p.line}:${p.column}:${p.field}:${p.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

export function isZoneFileError(error: unknown): error is ZoneFileError {
  return error instanceof ZoneFileError;
}
