// The read functions as package-schema functions (`domainsreseller:index:<name>`), in the shape the
// plugin's Invoke answers them (plugin/functions.ts): a result that is not an object is wrapped in
// one (`getEppCode` → { eppCode }). Arguments are declared here, since the plain functions take
// them positionally; result types come from the functions' own TypeScript interfaces (their docs
// included), through the generated reference.
import { FUNCTION_DOCS, RESOURCE_REFERENCES, RESULT_INTERFACES } from "./schemaReference";
import type { TypeRegistry } from "./schemaRegistry";
import { mayBeAbsent, pulumiTypeOfTs, type TsMappingContext } from "./schemaTsType";
import type { FunctionSpec, PropertySpec } from "./schemaTypes";
import { PACKAGE } from "./tokens";

interface Argument {
  type: string;
  doc: string;
}

type Result = { interface: string } | { wrap: string; type: string; doc: string; secret?: true };

const DOMAIN: Argument = { type: "string", doc: "The domain, as registered in your reseller account (any letter case, trailing dot allowed; IDNs in Unicode or punycode)." };

export const FUNCTION_SHAPES: Readonly<Record<string, { args: Record<string, Argument>; result: Result }>> = {
  getDomainInfo: { args: { name: DOMAIN }, result: { interface: "DomainInfo" } },
  getEppCode: {
    args: { name: DOMAIN },
    result: { wrap: "eppCode", type: "string | null", doc: "The EPP (transfer) code; absent when the registrar e-mails it to the registrant instead. Always secret.", secret: true },
  },
  checkAvailability: {
    args: { names: { type: "string[]", doc: "The domain names to check; duplicates (after canonicalisation) are asked once." } },
    result: { wrap: "results", type: "Availability[]", doc: "One result per distinct canonical name, in the order asked." },
  },
  getPricing: {
    args: { tld: { type: "string", doc: 'A TLD (".com", "co.uk") for the price list row, or a full name ("shop.com") for its cart quotes as well.' } },
    result: { interface: "Pricing" },
  },
  getCreditBalance: { args: {}, result: { interface: "CreditBalance" } },
  getTlds: { args: {}, result: { wrap: "tlds", type: "string[]", doc: 'The TLDs the reseller sells, lower case with a leading dot (".com"), in the server\'s order.' } },
};

/** The `profile` argument every function takes, described as the resources describe it. */
function profileDoc(): string {
  return RESOURCE_REFERENCES.RegistrarLock?.inputs.find((f) => f.name === "profile")?.doc.replace(/\s+/g, " ") ?? "The credentials profile.";
}

function fieldsAsOutputs(fields: readonly { name: string; type: string; optional: boolean; doc: string }[], ctx: TsMappingContext): FunctionSpec["outputs"] {
  const properties: Record<string, PropertySpec> = {};
  const required: string[] = [];
  for (const field of fields) {
    properties[field.name] = { ...pulumiTypeOfTs(field.type, [field.name], ctx), ...(field.doc ? { description: field.doc } : {}) };
    if (!field.optional && !mayBeAbsent(field.type)) required.push(field.name);
  }
  return { properties, ...(required.length > 0 ? { required } : {}) };
}

function functionSpec(name: string, shape: { args: Record<string, Argument>; result: Result }, registry: TypeRegistry): FunctionSpec {
  const ctx: TsMappingContext = { registry, owner: name, interfaces: RESULT_INTERFACES };
  const args = fieldsAsOutputs(
    [...Object.entries(shape.args).map(([arg, a]) => ({ name: arg, type: a.type, optional: false, doc: a.doc })), { name: "profile", type: "string", optional: true, doc: profileDoc() }],
    ctx,
  );
  let outputs: FunctionSpec["outputs"];
  if ("interface" in shape.result) {
    const fields = RESULT_INTERFACES[shape.result.interface];
    if (fields === undefined) throw new Error(`schema: ${name}: no reference for its result interface ${shape.result.interface}`);
    outputs = fieldsAsOutputs(fields, ctx);
  } else {
    const { wrap, type, doc, secret } = shape.result;
    outputs = fieldsAsOutputs([{ name: wrap, type, optional: false, doc }], ctx);
    if (secret) outputs.properties[wrap]!.secret = true;
  }
  const description = FUNCTION_DOCS[name];
  return { ...(description ? { description } : {}), inputs: args, outputs };
}

export function functionsSchema(registry: TypeRegistry): Record<string, FunctionSpec> {
  return Object.fromEntries(Object.entries(FUNCTION_SHAPES).map(([name, shape]) => [`${PACKAGE}:index:${name}`, functionSpec(name, shape, registry)]));
}
