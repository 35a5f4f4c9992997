// Zone files: a DnsRecordSet's inputs kept in YAML beside the program (loadZoneFile), written in
// canonical form (formatZoneFile), described for editors (zoneFileJsonSchema), and converted from
// BIND and OctoDNS zones (importZone). The checks are the model's own, so a file means exactly what
// the same records written in TypeScript mean.
export { loadZoneFile } from "./load";
export { parseZoneFile, type ZoneFile, type ZoneFileOptions } from "./validate";
export { ZoneFileError, isZoneFileError, type ZoneFileProblem, type ZoneFileErrorCode } from "./errors";
export { formatZoneFile, type FormatOptions, type ZoneFileInput } from "./format";
export { zoneFileJsonSchema } from "./schema";
export { importZone, detectFormat, ZONE_FORMATS, ImportError, type ZoneFormat, type ImportOptions, type ImportResult, type Omission } from "./import";
