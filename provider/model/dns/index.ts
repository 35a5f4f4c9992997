// The pure model of DnsRecordSet: inputs (schema), canonical forms, keys, the wire form, plans,
// safety guards and state. Nothing here does I/O; the runtime reads, plans with this, and saves.
export { RECORD_TYPES, WITH_PRIORITY, NO_PRIORITY, isRecordType, type DnsMode, type DnsRecord, type RecordType, type WireRow } from "./types";
export { canonicalName, canonicalHost, canonicalValue, type Canonical } from "./canonical";
export { canonicalIPv4, canonicalIPv6 } from "./ip";
export { canonicalTxt, canonicalSrv, canonicalCaa, canonicalUrl } from "./values";
export { checkRecord, zoneRecords, type RawRecord, type RecordProblem, type ZoneProblem } from "./validate";
export { dnsRecordSetInputsSchema, dnsRecordSchema, dnsModeSchema, type DnsRecordInput, type DnsRecordSetInputs } from "./schema";
export { recordKey, recordLabel, compareRecords, sortRecords, rrsetOf, rrsetOfKey } from "./key";
export { nextFound, duplicateSpf, rrsetsOf, type FoundRequest } from "./ownership";
export { toWire, fromWire, fromWireRow, normaliseRow, type LiveRow, type WireRowLike } from "./wire";
export { planSave, planDelete, isNoop, liveKey, type DnsPlan, type PlannedChange, type PlannedRemoval, type SaveRequest, type DeleteRequest, refuseSuspiciousRead } from "./plan";
export {
  diffDnsRecordSet,
  inputsOfState,
  knownLiveCount,
  recordMap,
  refreshState,
  stateAfterSave,
  stateRecords,
  upgradeFromV1,
  type DnsRecordSetState,
} from "./state";
