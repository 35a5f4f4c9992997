// `domainsreseller export`: live account state → a Pulumi program that adopts it with zero writes.
// read.ts is the only module here that talks to the API; the rest are pure functions of its snapshot.
export { readDomainSnapshot, ExportReadError } from "./read";
export { planDomainExport, type DomainExport } from "./plan";
export { exportFiles, zoneFileText, type ExportFile, type ProjectOptions } from "./project";
export { renderProgram } from "./program";
export { planZone, type ZonePlan, type LeftOut } from "./zone";
export { planContacts, type ContactsPlan } from "./contacts";
export { resourceNames, zoneFilePath, projectName, type ResourceNames } from "./names";
export { tsString, commentText, commentLines } from "./escape";
export { read, refused, type DomainSnapshot, type Reading } from "./snapshot";
