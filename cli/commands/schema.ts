// `domainsreseller schema zone`: prints the JSON Schema of zone files, so editors check a file
// while it is typed (yaml-language-server reads a `# yaml-language-server: $schema=…` line) and CI
// can lint zone files without a Pulumi run. The schema is generated from the loader's own zod
// schemas at run time, so it always matches the installed version.
import { writeFileSync } from "node:fs";
import { zoneFileJsonSchema } from "../../provider/zonefile";
import { EXIT_FAILURE, EXIT_OK, parseOptions, usageError } from "../args";

const HELP = `usage: domainsreseller schema zone [-o FILE]

Prints the JSON Schema (draft 2020-12) of zone files (see docs/zone-files.md).
  zone        the schema of the YAML files read by loadZoneFile
  -o FILE     write it to FILE instead of stdout

Point an editor at it with a first line such as
  # yaml-language-server: $schema=./zone.schema.json`;

const SCHEMAS: Record<string, () => unknown> = { zone: zoneFileJsonSchema };

export async function run(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, { output: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } }, true);
  if (!parsed.ok) return usageError(`${parsed.message}\n\n${HELP}`);
  if (parsed.values.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT_OK;
  }
  const [kind, ...extra] = parsed.positionals;
  const schema = kind === undefined ? undefined : SCHEMAS[kind];
  if (schema === undefined || extra.length > 0) {
    const got = kind === undefined ? "name a schema" : `unknown schema "${[kind, ...extra].join(" ")}"`;
    return usageError(`${got}: the schemas are ${Object.keys(SCHEMAS).join(", ")}\n\n${HELP}`);
  }
  const text = `${JSON.stringify(schema(), null, 2)}\n`;
  const output = parsed.values.output;
  if (output === undefined) {
    process.stdout.write(text);
    return EXIT_OK;
  }
  try {
    writeFileSync(output, text);
  } catch (error) {
    process.stderr.write(`domainsreseller: cannot write ${output}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}
