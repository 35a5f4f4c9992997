// pulumi-domainsreseller/plugin: classes for the `domainsreseller` provider plugin (installed with
// `npx domainsreseller plugin install`, docs/plugin.md). Same args and outputs as the dynamic classes
// of the package's main entry; state made by one is adopted by the other through `pulumi import`.
export { Domain } from "./domain";
export { DnsRecordSet } from "./dnsRecordSet";
export { Nameservers } from "./nameservers";
export { RegistrarLock } from "./registrarLock";
export { EmailForwarding } from "./emailForwarding";
export { IdProtection } from "./idProtection";
export { PrivateNameserver } from "./privateNameserver";
export { Provider, type ProviderArgs, type ProviderProfile } from "./provider";
export type { ReadOptions } from "./resource";
export type { DomainArgs, DomainContact, DomainContacts } from "../resources/domain";
export type { DnsRecordSetArgs, DnsRecord, DnsRecordType } from "../resources/dnsRecordSet";
export type { NameserversArgs } from "../resources/nameservers";
export type { RegistrarLockArgs } from "../resources/registrarLock";
export type { EmailForwardingArgs, EmailForward } from "../resources/emailForwarding";
export type { IdProtectionArgs } from "../resources/idProtection";
export type { PrivateNameserverArgs } from "../resources/privateNameserver";
