// The master-file syntax of RFC 1035 §5.1, as tokens: one entry per logical line (parentheses join
// physical lines), `;` comments dropped, quoted strings kept as one token, `\X` and `\DDD` escapes
// decoded (bytes, read as UTF-8). Whether an entry starts with a blank matters (the owner is then
// the previous one), so it is recorded. What cannot be tokenised at all (an unclosed parenthesis
// or quote) is an error with its line: the rest of the file would be read wrongly.
import { ImportError } from "./options";

export interface Token {
  text: string;
  quoted: boolean;
}

export interface Entry {
  /** The line the entry starts on, 1-based. */
  line: number;
  /** The entry starts with a blank: it belongs to the previous owner. */
  blankOwner: boolean;
  tokens: Token[];
}

const BLANK = new Set([" ", "\t", "\r"]);
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** A `;` comment, kept because some exporters write records BIND cannot express as comments. */
export interface Comment {
  line: number;
  text: string;
}

export function lexBind(text: string): { entries: Entry[]; comments: Comment[] } {
  const entries: Entry[] = [];
  const comments: Comment[] = [];
  let line = 1;
  let depth = 0;
  let openedAt = 0;
  let entry: Entry = { line: 1, blankOwner: BLANK.has(text[0] ?? ""), tokens: [] };
  let bytes: number[] | undefined; // the token being read
  let quoted = false;

  const endToken = () => {
    if (bytes !== undefined) entry.tokens.push({ text: decoder.decode(new Uint8Array(bytes)), quoted });
    bytes = undefined;
    quoted = false;
  };
  const endEntry = () => {
    endToken();
    if (entry.tokens.length > 0) entries.push(entry);
    entry = { line, blankOwner: BLANK.has(text[i + 1] ?? ""), tokens: [] };
  };
  /** Reads `\X` or `\DDD` at i (the backslash); returns the index after it. */
  const escape = (at: number): number => {
    const digits = /^\d{3}/.exec(text.slice(at + 1, at + 4));
    if (digits) {
      bytes!.push(Number(digits[0]) & 0xff);
      return at + 4;
    }
    const next = text[at + 1];
    if (next === undefined || next === "\n") throw new ImportError("syntax", line, "a backslash ends the line: remove it, or escape the character it was meant for");
    return char(at + 1);
  };
  /** Adds the character at `at` (a whole code point) to the token; returns the index after it. */
  const char = (at: number): number => {
    const ch = String.fromCodePoint(text.codePointAt(at)!);
    bytes!.push(...encoder.encode(ch));
    return at + ch.length;
  };

  let i = 0;
  for (; i < text.length; ) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      if (depth === 0) endEntry();
      else endToken();
      i++;
    } else if (BLANK.has(c)) {
      endToken();
      i++;
    } else if (c === ";") {
      endToken();
      const start = i;
      while (i < text.length && text[i] !== "\n") i++;
      comments.push({ line, text: text.slice(start, i) });
    } else if (c === "(" || c === ")") {
      endToken();
      if (c === "(" && depth++ === 0) openedAt = line;
      if (c === ")" && --depth < 0) throw new ImportError("syntax", line, '")" without an opening "(": remove it');
      i++;
    } else if (c === '"') {
      endToken();
      bytes = [];
      quoted = true;
      const start = line;
      i++;
      while (text[i] !== '"') {
        if (i >= text.length || text[i] === "\n") throw new ImportError("syntax", start, 'a quoted string is not closed on its line: add the closing "');
        i = text[i] === "\\" ? escape(i) : char(i);
      }
      i++;
      endToken();
    } else {
      bytes ??= [];
      i = c === "\\" ? escape(i) : char(i);
    }
  }
  if (depth > 0) throw new ImportError("syntax", openedAt, '"(" is never closed: add the ")" that ends the record');
  endEntry();
  return { entries, comments };
}
