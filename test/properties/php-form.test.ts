// Property: whatever the client form-encodes, the server reads back the value PHP itself would
// have: the client's encoder (provider/client/php-form.ts, http_build_query) against the
// emulator's parse_str port (emulator/php/parse-str.ts), the two halves the real server joins.
// A mismatch here is a request the real addon would misread (a priority read as "", a record
// lost to a mangled key). The PHP-made vectors run first, as explicit cases and as fc examples.
//
// Beside test/emulator/parse-property.test.ts (the test-side encoder, strings only) and the
// round trip in test/client/vectors.test.ts (two levels of string maps, read by a test-side
// parse_str), this covers the client's encoder with every FormValue PHP distinguishes: numbers,
// booleans, null, empty and sparse arrays, deep nesting, and hostile keys.
//
// Numbers are whole numbers only: every numeric parameter the client sends is an integer (route
// schemas), and PHP turns a float into text with `precision` 14 (0.1 + 0.2 → "0.3", 1e15 →
// "1.0E+15"), which String() does not do; floats are outside the encoder's contract.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStr, type PhpValue } from "../../emulator/php/parse-str";
import { buildForm, type FormValue } from "../../provider/client";
import { buildQuery } from "../emulator/helpers";

const SEED = 20_250_115;
const VECTORS = join(__dirname, "../fixtures/php");
const formCases = (JSON.parse(readFileSync(join(VECTORS, "form.json"), "utf8")) as { cases: { name: string; params: Record<string, FormValue>; body: string }[] }).cases;

type Params = { [key: string]: FormValue };

/**
 * The value PHP's $_POST holds after http_build_query($params) is parsed, by PHP's rules:
 * true/false → "1"/"0", integers in decimal, null (and undefined, which the client treats alike)
 * and empty arrays leave no pair at all, so their key is absent; a list with a hole keeps its
 * indices (so it is no longer a list); top-level names lose leading spaces and have " " and "."
 * turned into "_". Keys given to this model never need PHP's other manglings (brackets, leading
 * whitespace inside brackets): the generators keep them out, and the hostile-key property below
 * checks those against the independent encoder instead.
 */
function phpExpected(params: Params): { [key: string]: PhpValue } {
  const out: { [key: string]: PhpValue } = {};
  for (const [key, value] of Object.entries(params)) {
    const name = key.replace(/^ +/, "").replace(/[ .]/g, "_");
    const v = phpValue(value);
    if (name !== "" && v !== undefined) out[name] = v;
  }
  return out;
}

function phpValue(value: FormValue): PhpValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  const entries: [string, FormValue][] = Array.isArray(value) ? value.map((v, i) => [String(i), v as FormValue]) : Object.entries(value);
  const kept = entries.flatMap(([k, v]): [string, PhpValue][] => {
    const p = phpValue(v);
    return p === undefined ? [] : [[k, p]];
  });
  if (kept.length === 0) return undefined; // an empty container emits no pair: PHP never sees the key
  // PHP arrays keyed 0..n-1 in order are lists (as the parser reports them); anything else is a map.
  if (kept.every(([k], i) => k === String(i))) return kept.map(([, v]) => v);
  return Object.fromEntries(kept);
}

// ---------- generators ----------

// Characters that stress urlencode and parse_str: separators, escapes, brackets, "+" (a space to
// PHP once decoded wrongly), "%" (a bad escape stays literal), spaces, and multi-byte UTF-8.
const TRICKY = ["&", "=", "[", "]", "+", "%", "%2", "%zz", " ", "  ", ".", "_", "-", "~", "*", "'", '"', "\\", "/", "?", "#", ";", ",", "\t", "\n", "\r\n", "\u0000"];
const UNICODE = ["é", "ü", "Zoë", "日本", "🙂", "👩‍👩‍👧", "ß", "\u00a0", "\u200b", "\ufeff", "Ω"];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(..."aZ09", ...TRICKY, ...UNICODE), maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom("", "N/A", "0", "-1", "007", "1e3", "true", "null", "[]", "a[b]=c", "%41", "+", "%2B", "%%") },
);

// Whole numbers as PHP holds them (int); -0 is the int 0 to PHP, and String(-0) is "0" as well.
const integer = fc.oneof(fc.integer({ min: -1000, max: 65_535 }), fc.maxSafeInteger(), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER));

const leaf: fc.Arbitrary<FormValue> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: integer },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
);

// Keys inside brackets that PHP keeps verbatim: no "]" (it closes the bracket early), no leading
// blank (PHP drops it), not empty ("a[]" appends). Anything else goes: "[", ".", spaces inside,
// "=", "&", unicode, integer-like text ("0" turns a map into a list, which phpExpected knows).
const nestedKey = fc
  .string({ unit: fc.constantFrom(..."ab1 0", "[", ".", "=", "&", "+", "%", "é", "日"), minLength: 1, maxLength: 6 })
  .filter((k) => !/^[ \t\r\n]/.test(k));

// Top-level names: as nested keys, minus "[" (it opens a bracket), with " " and "." allowed (PHP
// turns them into "_"), leading spaces too (dropped).
const topKey = fc.string({ unit: fc.constantFrom(..."abk0", " ", ".", "_", "]", "=", "&", "+", "%", "é"), minLength: 1, maxLength: 6 });

const value: fc.Arbitrary<FormValue> = fc.letrec<{ v: FormValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(nestedKey, tie("v"), { maxKeys: 4 }),
  ),
})).v;

/** Top-level names that stay distinct after PHP's mangling ("a.b" and "a_b" would be one variable). */
const params: fc.Arbitrary<Params> = fc
  .dictionary(topKey, value, { maxKeys: 5 })
  .filter((p) => {
    const names = Object.keys(p).map((k) => k.replace(/^ +/, "").replace(/[ .]/g, "_"));
    return new Set(names).size === names.length;
  });

// ---------- properties ----------

describe("the PHP-made vectors, read back by the emulator's parse_str", () => {
  it.each(formCases)("$name: PHP's body and the client's body both read as PHP's value of the params", (c) => {
    expect(buildForm(c.params)).toBe(c.body);
    expect(parseStr(c.body)).toEqual(phpExpected(c.params));
  });
});

describe("client http_build_query → emulator parse_str gives PHP's value", () => {
  it("for nested strings, numbers, booleans, nulls, empty and sparse arrays", () => {
    fc.assert(
      fc.property(params, (p) => {
        expect(parseStr(buildForm(p))).toEqual(phpExpected(p));
      }),
      { seed: SEED, numRuns: 1500, examples: formCases.map((c) => [c.params] as [Params]) },
    );
  });

  it("the body holds only what urlencode may emit: pairs of [A-Za-z0-9_.+-] and %XX, no stray separator", () => {
    fc.assert(
      fc.property(params, (p) => {
        const body = buildForm(p);
        if (body === "") return;
        for (const pair of body.split("&")) expect(pair).toMatch(/^(?:[A-Za-z0-9_.+-]|%[0-9A-F]{2})+=(?:[A-Za-z0-9_.+-]|%[0-9A-F]{2})*$/);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("with any keys at all (brackets, blanks, empty, integer-like), byte for byte the test-side http_build_query, and parsed without error", () => {
    // No model of PHP's key mangling here: the independent encoder in test/emulator/helpers.ts
    // (checked against form.json too) says what PHP sends, and the two must agree byte for byte.
    const anyKey = fc.string({ unit: fc.constantFrom(..."a0", "[", "]", " ", ".", "\t", "=", "&", "é"), maxLength: 5 });
    const anyValue: fc.Arbitrary<FormValue> = fc.letrec<{ v: FormValue }>((tie) => ({
      v: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(anyKey, tie("v"), { maxKeys: 3 })),
    })).v;
    // The test-side encoder takes an empty top-level name for "no prefix" (PHP does not: pinned below).
    const topName = anyKey.filter((k) => k !== "");
    fc.assert(
      fc.property(fc.dictionary(topName, anyValue, { maxKeys: 4 }), (p) => {
        const body = buildForm(p);
        expect(body).toBe(buildQuery(p));
        expect(() => parseStr(body)).not.toThrow();
      }),
      { seed: SEED, numRuns: 800 },
    );
  });
});

describe("regressions pinned from the model", () => {
  it("an empty top-level name is still a name to http_build_query (a string key), and parse_str drops the pair", () => {
    // php_url_encode_hash_ex: a string key, even "", becomes the prefix followed by %5B.
    expect(buildForm({ "": [0], a: "1" })).toBe("%5B0%5D=0&a=1");
    expect(parseStr(buildForm({ "": [0], a: "1" }))).toEqual({ a: "1" });
  });

  it("a list with a null or an empty list inside keeps its indices, so PHP reads a map", () => {
    const p: Params = { k: ["a", null, "c"], m: ["x", [], "y"], e: [], o: {} };
    expect(buildForm(p)).toBe("k%5B0%5D=a&k%5B2%5D=c&m%5B0%5D=x&m%5B2%5D=y");
    expect(parseStr(buildForm(p))).toEqual({ k: { "0": "a", "2": "c" }, m: { "0": "x", "2": "y" } });
  });

  it("values full of separators survive: a TXT record with &, =, + and % reads back as written", () => {
    const address = "v=DKIM1; k=rsa; p=MIIB+/ab%2F&x=1 [t]";
    expect(parseStr(buildForm({ dnsrecords: [{ hostname: "@", type: "TXT", address, priority: "N/A" }] }))).toEqual({
      dnsrecords: [{ hostname: "@", type: "TXT", address, priority: "N/A" }],
    });
  });
});
