// Captures what a CLI command run in-process writes, for one test at a time: `out()` is standard
// output, `err()` standard error, both reset before each test and restored after it.
import { afterEach, beforeEach, vi } from "vitest";

export function captureOutput(): { out(): string; err(): string; clear(): void } {
  let out = "";
  let err = "";
  beforeEach(() => {
    out = "";
    err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return {
    out: () => out,
    err: () => err,
    clear: () => {
      out = "";
      err = "";
    },
  };
}
