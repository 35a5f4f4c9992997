// The named types of the package schema (`#/types/domainsreseller:index:<Name>`), collected while
// resources and functions are described. One registry per schema build, so two builds never share
// state. A shape registered twice under one name must be the same shape: SDKs generate one class
// per name, and two different shapes behind one name would make one of them lie.
import { PACKAGE } from "./tokens";
import type { ComplexTypeSpec, ObjectTypeSpec, PropertySpec, TypeSpec } from "./schemaTypes";

export const typeRef = (name: string): string => `#/types/${PACKAGE}:index:${name}`;

/** The shape without descriptions: what decides whether two types are the same. */
function shapeOf(spec: ComplexTypeSpec): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "description")
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, v]) => [key, strip(v)]),
    );
  };
  return JSON.stringify(strip(spec));
}

export class TypeRegistry {
  private readonly named = new Map<string, ComplexTypeSpec>();

  /**
   * Registers `spec` as `name` and returns its reference. When the very same shape is already
   * registered under another name, that one is reused (a contact is one `DomainContact` whether it
   * is the registrant or the billing contact), unless `name` was asked for explicitly.
   */
  register(name: string, spec: ComplexTypeSpec, explicit: boolean): TypeSpec {
    const shape = shapeOf(spec);
    const existing = this.named.get(name);
    if (existing !== undefined) {
      if (shapeOf(existing) !== shape) throw new Error(`schema: two different shapes are both named type "${name}"`);
      return { $ref: typeRef(name) };
    }
    if (!explicit) {
      for (const [other, known] of this.named) if (shapeOf(known) === shape) return { $ref: typeRef(other) };
    }
    this.named.set(name, spec);
    return { $ref: typeRef(name) };
  }

  /** Adds descriptions to the fields of an object type (from the docs reference) once it is known. */
  describeFields(name: string, docs: ReadonlyMap<string, string>): void {
    const spec = this.named.get(name);
    if (spec === undefined || spec.type !== "object") return;
    for (const [field, property] of Object.entries((spec as ObjectTypeSpec).properties)) {
      const doc = docs.get(field);
      if (doc !== undefined && doc !== "" && property.description === undefined) (property as PropertySpec).description = doc;
    }
  }

  /** Every type, keyed by its token, in a stable order (the schema file is compared in a test). */
  types(): Record<string, ComplexTypeSpec> {
    return Object.fromEntries([...this.named].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, spec]) => [`${PACKAGE}:index:${name}`, spec]));
  }
}

/** `contacts.registrant` → `ContactsRegistrant`: the tail of a generated type name. */
export function pascal(...parts: string[]): string {
  return parts
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter((part) => part !== "")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}
