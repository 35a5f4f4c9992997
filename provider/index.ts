// pulumi-domainsreseller: Pulumi resources for the ModulesGarden Domains Reseller API.
import type * as Functions from "./functions";
import type * as ZoneFiles from "./zonefile";

export { RegistrarLock, type RegistrarLockArgs } from "./resources/registrarLock";
export { Domain, type DomainArgs, type DomainContact, type DomainContacts } from "./resources/domain";
export { DnsRecordSet, type DnsRecordSetArgs, type DnsRecord, type DnsRecordType } from "./resources/dnsRecordSet";
export { Nameservers, type NameserversArgs } from "./resources/nameservers";
export { EmailForwarding, type EmailForwardingArgs, type EmailForward } from "./resources/emailForwarding";
export { IdProtection, type IdProtectionArgs } from "./resources/idProtection";
export { PrivateNameserver, type PrivateNameserverArgs } from "./resources/privateNameserver";

// The read functions and the zone-file tools load on their first call, not with the package: a
// program that only declares resources (most, and every `preview` of them) does not load the
// client, undici and the YAML parser (docs/benchmarks.md, "A program's run"). Each is a plain
// `export const`, which Node's ES-module loader sees as a named export of this CommonJS file.
const functions = (): typeof Functions => require("./functions") as typeof Functions;
const zoneFiles = (): typeof ZoneFiles => require("./zonefile") as typeof ZoneFiles;

export type { FunctionOptions, DomainInfo, Availability, Pricing, YearPrice, CreditBalance, ClientSource, Credentials } from "./functions";
export const getDomainInfo: typeof Functions.getDomainInfo = (...args) => functions().getDomainInfo(...args);
export const getEppCode: typeof Functions.getEppCode = (...args) => functions().getEppCode(...args);
export const checkAvailability: typeof Functions.checkAvailability = (...args) => functions().checkAvailability(...args);
export const getPricing: typeof Functions.getPricing = (...args) => functions().getPricing(...args);
export const getCreditBalance: typeof Functions.getCreditBalance = (...args) => functions().getCreditBalance(...args);
export const getTlds: typeof Functions.getTlds = (...args) => functions().getTlds(...args);
export const fetchDomainInfo: typeof Functions.fetchDomainInfo = (...args) => functions().fetchDomainInfo(...args);
export const fetchEppCode: typeof Functions.fetchEppCode = (...args) => functions().fetchEppCode(...args);
export const fetchAvailability: typeof Functions.fetchAvailability = (...args) => functions().fetchAvailability(...args);
export const fetchPricing: typeof Functions.fetchPricing = (...args) => functions().fetchPricing(...args);
export const fetchCreditBalance: typeof Functions.fetchCreditBalance = (...args) => functions().fetchCreditBalance(...args);
export const fetchTlds: typeof Functions.fetchTlds = (...args) => functions().fetchTlds(...args);

// Zone files: DnsRecordSet inputs in YAML (loadZoneFile), written canonically (formatZoneFile),
// described for editors (zoneFileJsonSchema), converted from BIND and OctoDNS (importZone). The
// error classes are small modules of their own, loaded at once so `instanceof` needs no call first.
export { ZoneFileError } from "./zonefile/errors";
export { ImportError } from "./zonefile/import/options";
export type { ZoneFile, ZoneFileOptions, ZoneFileProblem, ZoneFileInput, ImportResult, Omission, ZoneFormat } from "./zonefile";
export const loadZoneFile: typeof ZoneFiles.loadZoneFile = (...args) => zoneFiles().loadZoneFile(...args);
export const parseZoneFile: typeof ZoneFiles.parseZoneFile = (...args) => zoneFiles().parseZoneFile(...args);
export const formatZoneFile: typeof ZoneFiles.formatZoneFile = (...args) => zoneFiles().formatZoneFile(...args);
export const zoneFileJsonSchema: typeof ZoneFiles.zoneFileJsonSchema = (...args) => zoneFiles().zoneFileJsonSchema(...args);
export const importZone: typeof ZoneFiles.importZone = (...args) => zoneFiles().importZone(...args);
