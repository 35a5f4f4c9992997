// The PHP-made vectors: a token or form parse that differs from PHP's locks every real client out.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeToken, hourStamp, verifyToken } from "../../emulator/auth/token";
import { parseStr } from "../../emulator/php/parse-str";
import { decodeDomainFields, phpUnserialize } from "../../emulator/php/unserialize";
import { VECTORS, admin, buildQuery, call, sign, start } from "./helpers";

const load = (name: string) => JSON.parse(readFileSync(`${VECTORS}/${name}`, "utf8"));
const tokens: { email: string; apiKey: string; unixTime: number; stamp: string; token: string }[] = load("token.json").cases;
const parses: { body: string; parsed: unknown }[] = load("form-parse.json").cases;
const forms: { name: string; params: Record<string, unknown>; body: string }[] = load("form.json").cases;
const fields: { fields: Record<string, string>; serialized: string; domainfields: string }[] = load("domainfields.json").cases;

describe("token matches PHP hash_hmac/base64_encode/gmdate", () => {
  it.each(tokens)("stamp and token for $email at $unixTime", (v) => {
    expect(hourStamp(v.unixTime)).toBe(v.stamp);
    expect(computeToken(v.email, v.apiKey, v.stamp)).toBe(v.token);
    expect(sign(v.email, v.apiKey, v.unixTime)).toBe(v.token);
    expect(verifyToken(v.email, v.apiKey, v.token, v.unixTime)).toBe(true);
  });

  it("rejects the raw-digest and swapped-key tokens some samples produce", () => {
    const v = tokens[0]!;
    expect(verifyToken(v.email, v.apiKey, "P4d5nLuXPqab4xqmjGNgxcavig1DIAFvKdBl7gUQURE=", v.unixTime)).toBe(false);
    expect(verifyToken(v.email, v.apiKey, "M2JjYjZlMzI0NjdiOTJhZDUwYjczNzM2YjhmYmM0OTdjMzk5ZDhjMzMyNmI4ZjgwM2FmZTA3ZGI2ODc4ZTU0ZQ==", v.unixTime)).toBe(false);
  });

  it.each(tokens)("the server accepts PHP's token for $email when its clock reads $unixTime", async (v) => {
    const emu = await start({ seed: "none" });
    await admin(emu, "POST", "/accounts", { email: v.email, apiKey: v.apiKey, credit: "1.00" });
    await admin(emu, "POST", "/clock", { offsetSeconds: v.unixTime - Math.floor(Date.now() / 1000) });
    const ok = await call(emu, "GET", "/billing/credits", undefined, { email: v.email, token: v.token });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe("1.00");
  });
});

describe("form parsing matches PHP parse_str", () => {
  it.each(parses)("parses $body", (v) => {
    expect(parseStr(v.body)).toEqual(v.parsed);
  });

  it.each(forms)("the test encoder builds PHP's http_build_query body for $name", (v) => {
    expect(buildQuery(v.params)).toBe(v.body);
  });

  it("keeps spaces in bracket keys but turns top-level dots and spaces into underscores", () => {
    expect(parseStr("a.b=1&c+d=2&x[y z]=3&x[ w]=4")).toEqual({ a_b: "1", c_d: "2", x: { "y z": "3", w: "4" } });
  });

  it("appends [] after the highest integer index and lets the last repeated key win", () => {
    expect(parseStr("n[5]=a&n[]=b&domain=one.com&domain=two.com")).toEqual({ n: { "5": "a", "6": "b" }, domain: "two.com" });
  });

  it("turns an unclosed first bracket into an underscore and keeps bad percent escapes", () => {
    expect(parseStr("a[b=1&c=%zz%41")).toEqual({ a_b: "1", c: "%zzA" });
  });
});

describe("domainfields matches PHP serialize", () => {
  it.each(fields)("reads $serialized", (v) => {
    expect(phpUnserialize(v.serialized)).toEqual(v.fields);
    expect(decodeDomainFields(v.domainfields)).toEqual({ ok: true, fields: v.fields });
  });

  it("counts string lengths in bytes, not characters", () => {
    expect(phpUnserialize('a:1:{s:4:"Name";s:6:"Zoë!!";}')).toEqual({ Name: "Zoë!!" });
  });

  it("rejects a body that is not serialize() output", () => {
    expect(decodeDomainFields(Buffer.from("a:1:{s:9:\"too long\";}").toString("base64")).ok).toBe(false);
    expect(decodeDomainFields("not base64!").ok).toBe(false);
  });
});

describe("PHP-encoded bodies drive the server", () => {
  it("stores the DNS rows of the PHP dns-save body, priority kept as a string", async () => {
    const emu = await start();
    await admin(emu, "POST", "/domains", { owner: "demo@example.com", domain: "example.com", dns: [] });
    const body = forms.find((f) => f.name === "dns-save")!.body;
    expect((await call(emu, "POST", "/domains/example.com/dns", undefined, { rawBody: body })).status).toBe(200);
    const rows = (await call(emu, "GET", "/domains/example.com/dns")).body;
    expect(rows.map((r: Record<string, string>) => [r.hostname, r.type, r.address, r.priority])).toEqual([
      ["@", "A", "192.0.2.1", "N/A"],
      ["@", "MX", "mail.example.com.", "10"],
      ["_dmarc", "TXT", "v=DMARC1; p=reject; rua=mailto:d@example.com", "N/A"],
    ]);
  });

  it("registers from the PHP register body", async () => {
    const emu = await start();
    const body = forms.find((f) => f.name === "register")!.body.replace("domain=example.com", "domain=vector-test.com");
    const r = await call(emu, "POST", "/order/domains/register", undefined, { rawBody: body });
    expect(r.body).toBe("success");
    const state = (await admin(emu, "GET", "/domains/vector-test.com")).body;
    expect(state.contacts.Registrant["Address 1"]).toBe("12 St James's Sq");
    expect(state.idProtection).toBe(true);
  });
});
