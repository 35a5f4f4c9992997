/**
 * PHP's `parse_str` / `$_GET` / `$_POST` filling, re-implemented so the emulator reads form bodies
 * exactly as the real addon does (checked against PHP-made vectors in test/fixtures/php/form-parse.json).
 *
 * Rules kept from `php_register_variable_ex` (main/php_variables.c):
 * - pairs split on `&`, name and value url-decoded (`+` is a space, bad `%` escapes stay literal);
 * - leading spaces of the top-level name are dropped, then ` ` and `.` in it become `_`;
 * - `a[b][c]` nests, `a[]` appends at the next integer index, integer-like keys become integers;
 * - inside brackets spaces are kept (`[First Name]`), leading whitespace of an index is dropped;
 * - an unclosed first bracket turns into `_` (`a[b` → `a_b`), a later unclosed one ends the name;
 * - a repeated scalar key: the last one wins (so a body repeating `domain` is fine).
 *
 * And PHP's two input limits, at their php.ini defaults (they bound the work a hostile body causes):
 * - max_input_nesting_level (64): a name with more bracket levels is dropped, and so is everything
 *   already stored under its top-level name (`zend_symtable_str_del` in php_register_variable_ex);
 * - max_input_vars (1000): later variables are not read. The two readers count differently
 *   (main/php_variables.c): the query string's (treat_data) counts non-empty pairs and stops
 *   before the 1001st; the form body's (add_post_vars) counts every `&`-separated pair, empty
 *   ones included, and checks after storing, so it reads 1001 and stops before the 1002nd.
 */

/** PHP's default max_input_nesting_level: bracket levels a variable name may have. */
export const MAX_INPUT_NESTING_LEVEL = 64;
/** PHP's default max_input_vars: variables read from a query string (from a body, one more: above). */
export const MAX_INPUT_VARS = 1000;

export type PhpValue = string | PhpValue[] | { [key: string]: PhpValue };

/** An ordered PHP array while parsing: insertion order plus PHP's "next free integer index". */
class PhpArray {
  readonly entries = new Map<string, PhpArray | string>();
  private nextIndex = 0;

  set(key: string | null, value: PhpArray | string): void {
    const k = key ?? String(this.nextIndex);
    if (mayBeInteger(k) && INTEGER_KEY.test(k)) this.nextIndex = Math.max(this.nextIndex, Number(k) + 1);
    this.entries.set(k, value);
  }

  /** Removes `key`; PHP's next free index is not lowered (zend_hash keeps nNextFreeElement). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** The child array at `key`, replacing a scalar there (PHP does the same). */
  child(key: string | null): PhpArray {
    if (key !== null) {
      const existing = this.entries.get(key);
      if (existing instanceof PhpArray) return existing;
    }
    const created = new PhpArray();
    this.set(key, created);
    return created;
  }

  toPlain(): PhpValue {
    // A list when the keys are exactly "0", "1", … in order (checked without building a key array).
    let i = 0;
    let isList = true;
    for (const k of this.entries.keys()) {
      if (k !== String(i++)) {
        isList = false;
        break;
      }
    }
    if (isList) {
      const list: PhpValue[] = [];
      for (const v of this.entries.values()) list.push(plain(v));
      return list;
    }
    const out: { [key: string]: PhpValue } = {};
    for (const [k, v] of this.entries) out[k] = plain(v);
    return out;
  }
}

// PHP turns decimal strings without leading zeros (and within range) into integer keys.
const INTEGER_KEY = /^(0|-?[1-9][0-9]{0,17})$/;

/** Cheap pre-check before INTEGER_KEY: most keys ("hostname", "First Name") fail on the first char. */
function mayBeInteger(k: string): boolean {
  const c = k.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

function plain(v: PhpArray | string): PhpValue {
  return typeof v === "string" ? v : v.toPlain();
}

/** PHP `urldecode`: `+` → space, `%XX` → byte, anything else (including a bad `%`) literal. */
export function phpUrlDecode(input: string): string {
  if (!input.includes("%") && !input.includes("+")) return input;
  try {
    // Same result as the byte loop whenever every escape is valid UTF-8; much faster.
    return decodeURIComponent(input.replace(/\+/g, " "));
  } catch {
    return slowUrlDecode(input);
  }
}

function slowUrlDecode(input: string): string {
  const bytes: number[] = [];
  const raw = Buffer.from(input, "utf8");
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === 0x2b) bytes.push(0x20);
    else if (c === 0x25 && i + 2 < raw.length && isHex(raw[i + 1]!) && isHex(raw[i + 2]!)) {
      bytes.push(parseInt(String.fromCharCode(raw[i + 1]!, raw[i + 2]!), 16));
      i += 2;
    } else bytes.push(c);
  }
  return Buffer.from(bytes).toString("utf8");
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/**
 * A raw variable name split into its base and bracket path; `tooDeep` when it has more levels
 * than PHP allows (then only the base matters: PHP drops the variable and that base).
 */
export interface SplitName {
  base: string;
  path: (string | null)[];
  tooDeep?: true;
}

/** Splits a raw variable name into its base and bracket path, or null when PHP would drop it. */
export function splitName(rawName: string): SplitName | null {
  const name = rawName.replace(/^ +/, "");
  const open = name.indexOf("[");
  const close = open >= 0 ? name.indexOf("]", open) : -1;
  if (open < 0 || close < 0) {
    // No well-formed bracket: the whole name is the base ("a[b" becomes "a_b").
    const base = name.replace(/[ .[]/g, "_");
    return base === "" ? null : { base, path: [] };
  }
  const base = name.slice(0, open).replace(/[ .]/g, "_");
  if (base === "") return null;
  const path: (string | null)[] = [];
  let rest = name.slice(open);
  while (rest.startsWith("[")) {
    // PHP counts a level before it looks for its "]", so an unclosed 65th bracket is too deep too.
    // Stopping here also bounds the work on a name of 300,000 brackets.
    if (path.length === MAX_INPUT_NESTING_LEVEL) return { base, path, tooDeep: true };
    const end = rest.indexOf("]");
    if (end < 0) break; // a later unclosed bracket ends the name, as in PHP
    const index = rest.slice(1, end).replace(/^[ \t\r\n]+/, "");
    path.push(index === "" ? null : index);
    rest = rest.slice(end + 1);
  }
  return { base, path };
}

// Clients send the same few names on every request ("dnsrecords%5B0%5D%5Bhostname%5D"), so the
// decoded and split form of a raw (still encoded) name is memoised: that is most of the parse.
// The result depends on the name alone and is only read; the map is bounded in entries and in
// name length, and simply starts over when full.
const nameMemo = new Map<string, SplitName | null>();
const NAME_MEMO_SIZE = 2048;
const NAME_MEMO_MAX_LENGTH = 200;

function splitRawName(encoded: string): SplitName | null {
  let split = nameMemo.get(encoded);
  if (split !== undefined) return split;
  split = splitName(phpUrlDecode(encoded));
  if (encoded.length <= NAME_MEMO_MAX_LENGTH) {
    if (nameMemo.size >= NAME_MEMO_SIZE) nameMemo.clear();
    nameMemo.set(encoded, split);
  }
  return split;
}

/**
 * Parses a query string or form body into the value PHP would put in `$_GET` / `$_POST`:
 * `source` picks which of PHP's two readers (and variable counts) applies.
 */
export function parseStr(input: string, source: "body" | "query" = "body"): { [key: string]: PhpValue } {
  const root = new PhpArray();
  let count = 0;
  // Walked with indexOf rather than split("&"): a 1 MiB body of "&&&…" would otherwise become an
  // array of a million strings, of which at most 1001 are read.
  for (let pos = 0; pos < input.length; ) {
    let amp = input.indexOf("&", pos);
    if (amp < 0) amp = input.length;
    const pair = input.slice(pos, amp);
    pos = amp + 1;
    if (source === "query") {
      if (pair === "") continue; // strtok skips empty pairs: they do not count
      if (++count > MAX_INPUT_VARS) break;
      store(root, pair, count);
    } else {
      if (pair !== "") store(root, pair, count);
      if (++count > MAX_INPUT_VARS) break;
    }
  }
  const out = root.toPlain();
  return Array.isArray(out) ? Object.fromEntries(out.map((v, i) => [String(i), v])) : (out as { [key: string]: PhpValue });
}

// A client sends its names in the same order every time, so the name seen at each position of
// the last body is kept with its split: comparing two short strings is cheaper than hashing one
// for the memo above (21 names per DNS save). Same bounds as the memo; a miss just asks it.
const lastNames: string[] = [];
const lastSplits: (SplitName | null)[] = [];
const POSITIONS = 64;

function splitNameAt(encoded: string, position: number): SplitName | null {
  if (position < POSITIONS && lastNames[position] === encoded) return lastSplits[position] ?? null;
  const split = splitRawName(encoded);
  if (position < POSITIONS && encoded.length <= NAME_MEMO_MAX_LENGTH) {
    lastNames[position] = encoded;
    lastSplits[position] = split;
  }
  return split;
}

// Short escaped values repeat too ("N%2FA", "%40", "10"): decodeURIComponent is a runtime call,
// a hit here is a lookup. Bounded like the name memo; values without an escape skip it.
const valueMemo = new Map<string, string>();
const VALUE_MEMO_SIZE = 4096;
const VALUE_MEMO_MAX_LENGTH = 32;

function decodeValue(encoded: string): string {
  if (encoded.length > VALUE_MEMO_MAX_LENGTH || (!encoded.includes("%") && !encoded.includes("+"))) return phpUrlDecode(encoded);
  let value = valueMemo.get(encoded);
  if (value === undefined) {
    value = phpUrlDecode(encoded);
    if (valueMemo.size >= VALUE_MEMO_SIZE) valueMemo.clear();
    valueMemo.set(encoded, value);
  }
  return value;
}

/** One `name=value` pair into the tree, as php_register_variable_ex does. */
function store(root: PhpArray, pair: string, position: number): void {
  const eq = pair.indexOf("=");
  const split = splitNameAt(eq < 0 ? pair : pair.slice(0, eq), position);
  if (!split) return;
  if (split.tooDeep) {
    root.delete(split.base);
    return;
  }
  const value = eq < 0 ? "" : decodeValue(pair.slice(eq + 1));
  let target = root;
  let key: string | null = split.base;
  for (const index of split.path) {
    target = target.child(key);
    key = index;
  }
  target.set(key, value);
}
