// Safety rails: decisions about changes too large, too costly or too destructive to apply without
// a consent given in review. Pure; the runtime reads the thresholds from stack config and enforces.
export { planChecksum, consentFor, type Consent, type ConsentVerdict } from "./checksum";
export { reviewZoneChange, zoneChangeOf, DEFAULT_ZONE_THRESHOLDS, type ZoneChange, type ZoneChangeRequest, type ZoneChangeThresholds, type ZoneChangeVerdict } from "./zoneChange";
export { ChargePlan, type ChargeVerdict, type PlannedCharge } from "./charges";
export { reviewDeletions, parseDeleteConsent, DEFAULT_MAX_DELETES, type DeletionRequest, type DeletionVerdict } from "./deletes";
