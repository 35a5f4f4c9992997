// The JSON Schema for editors: generated from the loader's zod schemas, so it must accept every
// file the loader accepts (an editor flagging a good file teaches users to ignore it) and flag the
// mistakes it can see without the model (a ttl, an unknown type, a missing MX priority…).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadZoneFile, zoneFileJsonSchema } from "../../provider/zonefile";
import { validate } from "./json-schema-subset";

const ZONES = "test/fixtures/zones";
const schema = zoneFileJsonSchema();
const read = (path: string): unknown => parse(readFileSync(path, "utf8"));
const yamlIn = (dir: string) => readdirSync(`${ZONES}/${dir}`).filter((f) => f.endsWith(".yaml")).map((f) => `${ZONES}/${dir}/${f}`);

describe("zone file JSON Schema", () => {
  it("is draft 2020-12 and is the committed test/fixtures/zones/zone.schema.json (the fixtures' $schema)", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(JSON.parse(readFileSync(`${ZONES}/zone.schema.json`, "utf8"))).toEqual(schema);
  });

  const good = [...yamlIn("valid"), ...yamlIn("bind/expected"), ...yamlIn("octodns/expected")];
  it.each(good)("accepts %s, which the loader accepts", (path) => {
    expect(() => loadZoneFile(path)).not.toThrow();
    expect(validate(schema, read(path))).toEqual([]);
  });

  const refused: [string, RegExp][] = [
    ["ttl.yaml", /\$\.records\[0\]\.ttl: not allowed/],
    ["unknown-type.yaml", /\$\.records\[0\]\.type: must match/],
    ["mx-without-priority.yaml", /\$\.records\[1\]\.priority: is required/],
    ["srv-priority-in-value.yaml", /\$\.records\[0\]\.priority: is required/],
    ["priority-on-a.yaml", /\$\.records\[0\]\.priority: must be "N\/A"/],
    ["priority-not-a-number.yaml", /\$\.records\[0\]\.priority: matches none of anyOf/],
    ["misspelt-field.yaml", /\$\.records\[0\]\.tpye: is not allowed/],
    ["missing-value.yaml", /\$\.records\[1\]\.value: is required/],
    ["value-read-as-number.yaml", /\$\.records\[0\]\.value: must be string/],
    ["empty-value.yaml", /\$\.records\[0\]\.value: must be string/],
    ["bad-mode.yaml", /\$\.mode: must be one of \["merge","authoritative"\]/],
    ["profile-in-file.yaml", /\$\.profile: is not allowed/],
    ["records-not-a-list.yaml", /\$\.records: must be array/],
    ["top-level-list.yaml", /\$: must be object/],
    ["record-as-text.yaml", /\$\.records\[0\]: must be object/],
    ["many-problems.yaml", /\$\.records\[1\]\.ttl: not allowed/],
  ];
  it.each(refused)("flags invalid/%s", (file, expected) => {
    const errors = validate(schema, read(`${ZONES}/invalid/${file}`));
    expect(errors.join("\n")).toMatch(expected);
  });

  it("takes record types in any letter case, as the loader does", () => {
    expect(validate(schema, { records: [{ name: "www", type: "cname", value: "example.com" }] })).toEqual([]);
    expect(validate(schema, { records: [{ name: "@", type: "mx", value: "mail.example.com", priority: "10" }] })).toEqual([]);
  });
});
