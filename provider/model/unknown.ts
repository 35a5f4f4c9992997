// During a preview, inputs that depend on other resources' outputs are not known yet. The engine
// sends them as this sentinel string; validation must let them through and diffs must treat them
// as "will change".
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(isUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(isUnknown);
  return false;
}
