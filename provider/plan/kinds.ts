// Which steps of a preview are this provider's resources, of which kind, and for which domain. Our
// resources are dynamic resources typed `pulumi-nodejs:dynamic/domainsreseller:<Kind>`; older SDKs'
// `pulumi-nodejs:domainsreseller:<Kind>` and a native provider's `domainsreseller:index:<Kind>` are
// read the same way. Everything else belongs to other providers
// (counted, never described) or to the engine itself (the stack, provider instances: not counted).
import { isUnknownValue, type JsonObject } from "./values";

export const KINDS = ["Domain", "DnsRecordSet", "Nameservers", "RegistrarLock", "EmailForwarding", "IdProtection", "PrivateNameserver"] as const;
export type Kind = (typeof KINDS)[number];

const isKind = (name: string): name is Kind => (KINDS as readonly string[]).includes(name);

export function kindOfType(type: string): Kind | undefined {
  const parts = type.split(/[:/]/);
  const last = parts[parts.length - 1] ?? "";
  return parts.includes("domainsreseller") && isKind(last) ? last : undefined;
}

/** The stack and provider instances: bookkeeping of the engine, not resources a reviewer reads. */
export function isEngineType(type: string): boolean {
  return type === "pulumi:pulumi:Stack" || type.startsWith("pulumi:providers:");
}

/**
 * The provider's own bookkeeping resource (one per stack that has any of our resources: it keeps
 * the stack's members for the per-run safety rails). Never listed or counted.
 */
export function isGuardType(type: string): boolean {
  const parts = type.split(/[:/]/);
  return parts.includes("domainsreseller") && parts[parts.length - 1] === "StackGuard";
}

/** The domain a resource belongs to: `name` for a Domain, `domain` for the rest; undefined while not known. */
export function domainOf(kind: Kind, inputs: JsonObject): string | undefined {
  const value = kind === "Domain" ? inputs.name : inputs.domain;
  return typeof value === "string" && value !== "" && !isUnknownValue(value) ? value.toLowerCase() : undefined;
}

/** Section titles, as a reviewer reads them. */
export const KIND_TITLES: Record<Kind, string> = {
  Domain: "Registration",
  DnsRecordSet: "DNS records",
  Nameservers: "Nameservers",
  RegistrarLock: "Registrar lock",
  EmailForwarding: "E-mail forwarding",
  IdProtection: "ID protection",
  PrivateNameserver: "Private nameserver",
};
