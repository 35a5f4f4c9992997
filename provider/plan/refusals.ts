// Error messages of a preview, read for what a reviewer must act on: a safety rail's refusal names
// its rule (`safety rail "zone-change"`) and usually the exact consent that would allow this very
// change, which the report repeats verbatim so it can be copied.

export const SAFETY_RULES = ["zone-change", "apex-ns", "max-charge-per-run", "max-deletes-per-run"] as const;

export interface Refusal {
  /** The rule, as the message names it (one of SAFETY_RULES, or a newer one). */
  rule: string;
  /** The consent that allows exactly the refused change, as printed (an input or a command). */
  consent: string | undefined;
  /** Where the consent goes: the resource's inputs, or the stack config. */
  consentKind: "inputs" | "command" | undefined;
}

const RULE = /safety rail "([a-z0-9-]+)"/;
// The consent line is the one on its own line; a "stale consent" sentence quotes the old one inline.
const ALLOW_CHANGES = /^\s*(allowChanges: \{ changes: \d+, checksum: "[0-9a-f]+" \})\s*$/m;
const CONFIG_COMMAND = /^\s*(pulumi config set [\w-]+:\w+ \S+)\s*$/m;
// max-charge-per-run prints its command at the end of a sentence.
const INLINE_COMMAND = /(pulumi config set domainsreseller:\w+ [^\s;,]+)\s*$/m;

export function refusalOf(message: string): Refusal | undefined {
  const rule = RULE.exec(message)?.[1];
  if (rule === undefined) return undefined;
  const inputs = ALLOW_CHANGES.exec(message)?.[1];
  if (inputs !== undefined) return { rule, consent: inputs, consentKind: "inputs" };
  const command = CONFIG_COMMAND.exec(message)?.[1] ?? INLINE_COMMAND.exec(message)?.[1];
  return { rule, consent: command, consentKind: command === undefined ? undefined : "command" };
}

// Engine colour directives (`<{%reset%}>`) and terminal escapes, which a JSON preview may carry.
const COLOUR = /<\{%[a-z]*%\}>|\u001b\[[0-9;]*m/g;

/**
 * The message as the provider wrote it: colour codes and the engine's "error: " prefix removed (the
 * report says what it is), trailing blank lines trimmed.
 */
export function cleanMessage(message: string): string {
  return message
    .replace(COLOUR, "")
    .replace(/^(error|warning): /, "")
    .replace(ENGINE_PREFIX, "")
    .replace(/\s+$/, "");
}

// "<type> resource '<name>': " or "… has a problem: ": the report names the resource itself. What
// follows ("property maxPrice value {5} has a problem: …") is kept, since it names the input.
const ENGINE_PREFIX = /^[\w:/.-]+ resource '[^']*'(?: has a problem)?: /;
