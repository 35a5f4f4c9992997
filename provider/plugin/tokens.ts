// Which resource kind a request is about. The engine names the type in the URN
// (urn:pulumi:<stack>::<project>::[<parent type>$]<type>::<name>); the plugin's types are
// domainsreseller:index:<Kind>, one per kind of the runtime.
export const PACKAGE = "domainsreseller";

/** The kinds a program can declare; the stack guard is internal to the dynamic resources. */
export const RESOURCE_KINDS = ["Domain", "DnsRecordSet", "Nameservers", "RegistrarLock", "EmailForwarding", "IdProtection", "PrivateNameserver"] as const;

export type ResourceKindName = (typeof RESOURCE_KINDS)[number];

export const typeToken = (kind: string): string => `${PACKAGE}:index:${kind}`;

/** The type token of a URN: its third `::` part, without the parent types before the last `$`. */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}

/** The runtime kind a URN names, or an error naming the type this plugin does not have. */
export function kindOfUrn(urn: string): ResourceKindName {
  const type = typeOfUrn(urn);
  const kind = RESOURCE_KINDS.find((k) => typeToken(k) === type);
  if (kind === undefined) throw new Error(`the ${PACKAGE} provider has no resource type "${type}"; its types are ${RESOURCE_KINDS.map(typeToken).join(", ")}.`);
  return kind;
}
