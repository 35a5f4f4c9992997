// pulumi-domainsreseller: Pulumi resources for the ModulesGarden Domains Reseller API.
export { RegistrarLock, type RegistrarLockArgs } from "./resources/registrarLock";
export { Domain, type DomainArgs, type DomainContact, type DomainContacts } from "./resources/domain";
export { DnsRecordSet, type DnsRecordSetArgs, type DnsRecord, type DnsRecordType } from "./resources/dnsRecordSet";
export { Nameservers, type NameserversArgs } from "./resources/nameservers";
export { EmailForwarding, type EmailForwardingArgs, type EmailForward } from "./resources/emailForwarding";
export { IdProtection, type IdProtectionArgs } from "./resources/idProtection";
export { PrivateNameserver, type PrivateNameserverArgs } from "./resources/privateNameserver";
export {
  getDomainInfo, getEppCode, checkAvailability, getPricing, getCreditBalance, getTlds,
  fetchDomainInfo, fetchEppCode, fetchAvailability, fetchPricing, fetchCreditBalance, fetchTlds,
  type FunctionOptions, type DomainInfo, type Availability, type Pricing, type YearPrice, type CreditBalance, type ClientSource, type Credentials,
} from "./functions";
// Zone files: DnsRecordSet inputs in YAML (loadZoneFile), written canonically (formatZoneFile),
// described for editors (zoneFileJsonSchema), converted from BIND and OctoDNS (importZone).
export {
  loadZoneFile, parseZoneFile, formatZoneFile, zoneFileJsonSchema, importZone, ZoneFileError, ImportError,
  type ZoneFile, type ZoneFileOptions, type ZoneFileProblem, type ZoneFileInput, type ImportResult, type Omission, type ZoneFormat,
} from "./zonefile";
