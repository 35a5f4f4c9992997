// Property: whatever nested form data a PHP client builds with http_build_query (our encoder is
// checked against PHP's output in vectors.test.ts), the emulator reads back the same structure.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStr, type PhpValue } from "../../emulator/php/parse-str";
import { buildQuery } from "./helpers";

const topKey = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
// Nested keys may hold spaces and punctuation (WHMCS labels like "First Name"), but not brackets,
// and are never integer-like (those would turn the object into a list) nor start with whitespace.
const nestedKey = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9 _.@-]{0,10}$/);
const leaf = fc.string({ unit: "grapheme", maxLength: 12 });

const value: fc.Arbitrary<PhpValue> = fc.letrec<{ v: PhpValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("v"), { minLength: 1, maxLength: 3 }),
    fc.dictionary(nestedKey, tie("v"), { minKeys: 1, maxKeys: 3 }),
  ),
})).v;

describe("parse_str reads back http_build_query", () => {
  it("for arbitrary nested strings, lists and maps", () => {
    fc.assert(
      fc.property(fc.dictionary(topKey, value, { minKeys: 1, maxKeys: 4 }), (data) => {
        expect(parseStr(buildQuery(data))).toEqual(data);
      }),
      { numRuns: 300 },
    );
  });
});
