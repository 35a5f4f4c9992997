// The plugin's Pulumi package schema: what `pulumi package get-schema domainsreseller` prints and
// what SDKs for other languages are generated from. Nothing in it is written twice:
// - resource inputs come from each kind's zod input schema (the schema `check` validates with);
// - outputs are the stored inputs plus the outputs the resource classes declare;
// - descriptions are the doc comments the docs pages show (plugin/schemaReference.ts, generated);
// - settings and functions come from the tables the plugin itself serves (config.ts, functions.ts).
// Built on each GetSchema call (about 0.2 s with module loading, measured) and, at build time, into dist/schema.json.
import { z } from "zod";
import { packageVersion } from "../client/version";
import { kinds } from "../runtime/kinds";
import { settingsSchema } from "./schemaConfig";
import { functionsSchema } from "./schemaFunctions";
import { defaultedProperties, objectProperties, type JsonSchema } from "./schemaJsonSchema";
import { RESOURCE_REFERENCES } from "./schemaReference";
import { TypeRegistry } from "./schemaRegistry";
import { mayBeAbsent, pulumiTypeOfTs } from "./schemaTsType";
import type { PropertySpec, PulumiPackageSchema, ReferenceField, ResourceSpec } from "./schemaTypes";
import { PACKAGE, RESOURCE_KINDS, typeToken } from "./tokens";

export type { PulumiPackageSchema } from "./schemaTypes";

/**
 * Names for nested input types, by path below the kind, matching the TypeScript interfaces of the
 * resource classes (so their field docs apply, and SDK users meet the same names). Other nested
 * objects are named `<Kind><Path>` (DomainAddons); one shape met again is the same type.
 */
const TYPE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  DnsRecordSet: { "records[]": "DnsRecord" },
  Domain: { contacts: "DomainContacts", "contacts.registrant": "DomainContact" },
  EmailForwarding: { "forwards[]": "EmailForward" },
};

/**
 * Inputs `check` accepts that the state does not keep: a consent is for one change and is spent
 * by it (docs/safety-rails.md), so it is no output.
 */
const NOT_STORED: Readonly<Record<string, readonly string[]>> = {
  DnsRecordSet: ["allowChanges"],
};

/**
 * Properties stored encrypted. The kinds' `secretOutputs`, plus the EPP code, which the Domain class
 * marks secret itself (resources/domain.ts passes it to withSecretOutputs); listed here as well so
 * the schema cannot lose it while the kind does not declare it.
 */
const SECRETS: Readonly<Record<string, readonly string[]>> = {
  Domain: ["eppCode"],
};

const secretsOf = (kind: string): Set<string> => new Set([...(SECRETS[kind] ?? []), ...(kinds[kind]?.secretOutputs ?? [])]);

/** One doc per line: the comments wrap at 100 columns, the generated docs should not. */
const oneLine = (doc: string): string => doc.replace(/\s*\n\s*/g, " ").trim();

/** Field docs of the interfaces the args use (`DnsRecord.name`), by interface. */
function nestedDocs(fields: readonly ReferenceField[]): Map<string, Map<string, string>> {
  const byType = new Map<string, Map<string, string>>();
  for (const field of fields) {
    const dot = field.name.indexOf(".");
    if (dot < 0) continue;
    const type = field.name.slice(0, dot);
    byType.set(type, (byType.get(type) ?? new Map<string, string>()).set(field.name.slice(dot + 1), oneLine(field.doc)));
  }
  return byType;
}

function withDoc(spec: PropertySpec, doc: string | undefined, secret: boolean): PropertySpec {
  return { ...(doc ? { description: oneLine(doc) } : {}), ...spec, ...(secret ? { secret: true } : {}) };
}

function resourceSpec(kind: string, registry: TypeRegistry): ResourceSpec {
  const runtimeKind = kinds[kind];
  const reference = RESOURCE_REFERENCES[kind];
  if (runtimeKind === undefined || reference === undefined) throw new Error(`schema: no runtime kind or resource class for ${kind}`);
  // io "input": what a user writes, which is what Check receives. Transforms and refinements
  // (canonical forms, cross-field rules) have no JSON Schema form and are checked by the provider.
  const json = z.toJSONSchema(runtimeKind.inputs, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const inputs = objectProperties(json, [], { registry, owner: kind, names: TYPE_NAMES[kind] ?? {} });
  for (const [type, docs] of nestedDocs(reference.inputs)) registry.describeFields(type, docs);

  const secrets = secretsOf(kind);
  const inputDoc = new Map(reference.inputs.map((f) => [f.name, f.doc]));
  const inputProperties = Object.fromEntries(Object.entries(inputs.properties).map(([name, spec]) => [name, withDoc(spec, inputDoc.get(name), secrets.has(name))]));

  // Outputs: the inputs as the state keeps them (canonical, defaults applied), then what the class
  // declares, which wins where both name a property. DnsRecordSet's `records` is the case in point:
  // a list in the inputs, but the state and the engine's copy of the inputs (ResourceKind.toEngine)
  // hold a map keyed `name/type/value`, so the preview names the record that changed. The output
  // is declared as that map (additionalProperties), because that is what a program reads back;
  // the input stays the list, because that is what a user writes and what Check receives.
  const notStored = new Set(NOT_STORED[kind] ?? []);
  const properties: Record<string, PropertySpec> = {};
  const always = new Set([...inputs.required, ...defaultedProperties(json)]);
  const required = new Set<string>();
  for (const [name, spec] of Object.entries(inputProperties)) {
    if (notStored.has(name)) continue;
    properties[name] = spec;
    if (always.has(name)) required.add(name);
  }
  for (const output of reference.outputs) {
    const spec = pulumiTypeOfTs(output.type, [output.name], { registry, owner: kind, interfaces: {} });
    properties[output.name] = withDoc(spec, output.doc, secrets.has(output.name));
    if (!output.optional && !mayBeAbsent(output.type)) required.add(output.name);
    else required.delete(output.name);
  }
  return {
    description: oneLine(reference.summary),
    inputProperties,
    requiredInputs: inputs.required,
    properties,
    required: [...required].sort(),
  };
}

export function buildSchema(): PulumiPackageSchema {
  const registry = new TypeRegistry();
  const settings = settingsSchema(registry);
  const resources = Object.fromEntries(RESOURCE_KINDS.map((kind) => [typeToken(kind), resourceSpec(kind, registry)]));
  const functions = functionsSchema(registry);
  return {
    name: PACKAGE,
    displayName: "Domains Reseller",
    version: packageVersion(),
    description: "Domains, DNS, nameservers and registrar settings in a ModulesGarden Domains Reseller (WHMCS) account.",
    keywords: ["pulumi", "domainsreseller", "domains", "dns", "whmcs", "category/network", "kind/native"],
    homepage: "https://github.com/pulumi-domainsreseller/pulumi-domainsreseller",
    license: "Apache-2.0",
    repository: "https://github.com/pulumi-domainsreseller/pulumi-domainsreseller",
    publisher: "pulumi-domainsreseller",
    // supportPack: the Go generator writes the SDK's go.mod (module = importBasePath's parent).
    meta: { moduleFormat: "(.*)", supportPack: true },
    config: { variables: settings },
    provider: {
      description: "The domainsreseller provider: the account and limits its resources use. Unset settings fall back to the stack config and the environment (docs/credentials.md).",
      inputProperties: settings,
      // A provider's outputs reach SDKs as its recorded inputs, which the engine keeps as text:
      // only the text settings are offered as outputs, so no SDK expects a number or list there.
      properties: Object.fromEntries(Object.entries(settings).filter(([, spec]) => spec.type === "string")),
    },
    types: registry.types(),
    resources,
    functions,
    language: {
      nodejs: { packageName: "pulumi-domainsreseller-plugin", packageDescription: "Generated SDK of the domainsreseller provider plugin.", respectSchemaVersion: true },
      go: { importBasePath: "github.com/pulumi-domainsreseller/sdk/go/domainsreseller", generateResourceContainerTypes: true, respectSchemaVersion: true },
      python: { packageName: "pulumi_domainsreseller", respectSchemaVersion: true, pyproject: { enabled: true } },
      csharp: { rootNamespace: "DomainsReseller", packageReferences: { Pulumi: "3.*" }, respectSchemaVersion: true },
    },
  };
}
