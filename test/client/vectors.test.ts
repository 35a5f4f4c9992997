// The PHP-made golden vectors: if any of these fail, the real server would reject or misread us.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildForm, encodeDomainFields, hourStamp, phpSerialize, signToken, type FormValue } from "../../provider/client";
import { phpParseStr } from "./helpers/php-parse";

const VECTORS = join(__dirname, "../fixtures/php");
const load = <T>(name: string): T => JSON.parse(readFileSync(join(VECTORS, name), "utf8")) as T;

describe("token.json: a token PHP would not accept", () => {
  const { cases } = load<{ cases: { email: string; apiKey: string; unixTime: number; stamp: string; token: string }[] }>("token.json");
  it.each(cases)("signs $email at $stamp exactly like PHP", (c) => {
    expect(hourStamp(c.unixTime)).toBe(c.stamp);
    expect(signToken(c.email, c.apiKey, c.unixTime)).toBe(c.token);
    expect(signToken(c.email, c.apiKey, c.unixTime)).toHaveLength(88);
  });
  it("rejects the known wrong variants (raw digest, swapped key/data)", () => {
    const t = signToken("reseller@example.com", "1234567890QWERTYUIOPASDFGHJKLZXCVBNM", 1736946000);
    expect(t).not.toBe("P4d5nLuXPqab4xqmjGNgxcavig1DIAFvKdBl7gUQURE=");
    expect(t).not.toBe("M2JjYjZlMzI0NjdiOTJhZDUwYjczNzM2YjhmYmM0OTdjMzk5ZDhjMzMyNmI4ZjgwM2FmZTA3ZGI2ODc4ZTU0ZQ==");
  });
});

describe("form.json: a body PHP would parse differently", () => {
  const { cases } = load<{ cases: { name: string; params: Record<string, FormValue>; body: string }[] }>("form.json");
  it.each(cases)("$name body equals http_build_query byte for byte", (c) => {
    expect(buildForm(c.params)).toBe(c.body);
  });
  it("booleans become 1/0 and null/undefined are omitted, as in PHP", () => {
    expect(buildForm({ a: true, b: false, c: null, d: undefined, e: "x" })).toBe("a=1&b=0&e=x");
  });
  it("percent-encodes like PHP urlencode: ~ and * and UTF-8", () => {
    expect(buildForm({ k: "a~b*c é" })).toBe("k=a%7Eb%2Ac+%C3%A9");
  });
});

describe("form-parse.json: the test-side parse_str reads bodies as PHP does", () => {
  const { cases } = load<{ cases: { body: string; parsed: unknown }[] }>("form-parse.json");
  it.each(cases)("parses $body", (c) => {
    expect(phpParseStr(c.body)).toEqual(c.parsed);
  });
  it("round-trips any nested string map through buildForm and parse_str", () => {
    const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !/[[\]]/.test(k) && !/^\d+$/.test(k));
    fc.assert(
      fc.property(fc.dictionary(key.map((k) => `k${k}`.replace(/[. ]/g, "x")), fc.dictionary(key, fc.string(), { minKeys: 1 })), (params) => {
        expect(phpParseStr(buildForm(params))).toEqual(JSON.parse(JSON.stringify(params)));
      }),
    );
  });
});

describe("domainfields.json: additional fields the registry would misread", () => {
  const { cases } = load<{ cases: { fields: Record<string, string>; serialized: string; domainfields: string }[] }>("domainfields.json");
  it.each(cases)("serializes $serialized", (c) => {
    expect(phpSerialize(c.fields)).toBe(c.serialized);
    expect(encodeDomainFields(c.fields)).toBe(c.domainfields);
  });
  it("counts string lengths in UTF-8 bytes, not UTF-16 units", () => {
    expect(phpSerialize({ Name: "Zoë" })).toBe('a:1:{s:4:"Name";s:4:"Zoë";}');
  });
  it("writes numeric-string keys as integers, as PHP arrays do", () => {
    expect(phpSerialize({ "12": "a", "012": "b" })).toBe('a:2:{i:12;s:1:"a";s:3:"012";s:1:"b";}');
  });
  it("serializes null as N; (the reference's Tjs=)", () => {
    expect(Buffer.from(phpSerialize(null)).toString("base64")).toBe("Tjs=");
  });
});
