// The part of Pulumi's package schema format (https://www.pulumi.com/docs/iac/using-pulumi/extending-pulumi/schema/)
// this provider writes. Kept to the fields we emit, so a typo in a field name fails to compile
// instead of being silently ignored by the code generators.

/** A property's type: a primitive, a list, a map, a union, or a reference to a named type. */
export interface TypeSpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  items?: TypeSpec;
  additionalProperties?: TypeSpec;
  $ref?: string;
  oneOf?: TypeSpec[];
}

export interface PropertySpec extends TypeSpec {
  description?: string;
  secret?: boolean;
}

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface EnumTypeSpec {
  type: "string";
  description?: string;
  enum: { value: string; name?: string }[];
}

export type ComplexTypeSpec = ObjectTypeSpec | EnumTypeSpec;

export interface ResourceSpec {
  description?: string;
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
  properties: Record<string, PropertySpec>;
  required: string[];
}

export interface FunctionSpec {
  description?: string;
  inputs?: { properties: Record<string, PropertySpec>; required?: string[] };
  outputs: { properties: Record<string, PropertySpec>; required?: string[] };
}

export interface ConfigSpec {
  variables: Record<string, PropertySpec>;
}

export interface PulumiPackageSchema {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  homepage: string;
  license: string;
  repository: string;
  publisher: string;
  meta: { moduleFormat: string; supportPack: boolean };
  config: ConfigSpec;
  provider: { description: string; inputProperties: Record<string, PropertySpec>; properties: Record<string, PropertySpec> };
  types: Record<string, ComplexTypeSpec>;
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  language: Record<string, Record<string, unknown>>;
}

/** One documented field, as the docs reference reads it from the TypeScript (scripts/docs/reference.ts). */
export interface ReferenceField {
  name: string;
  /** The TypeScript type as written, without Pulumi's Input/Output wrapper. */
  type: string;
  optional: boolean;
  doc: string;
}

export interface ResourceReference {
  summary: string;
  /** `<Name>Args` fields, then fields of the interfaces the args use as `Interface.field`. */
  inputs: ReferenceField[];
  outputs: ReferenceField[];
}
