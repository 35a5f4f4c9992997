// PHP serialize(), enough for `domainfields`: the API expects base64(serialize($additionalfields)),
// a string→string map (WHMCS additional-field labels). Checked against vectors/domainfields.json.

export type PhpValue = string | number | boolean | null | readonly PhpValue[] | { readonly [key: string]: PhpValue };

// PHP turns array keys that look like canonical decimal integers into int keys ("12" → 12, "012"
// stays a string), and serialize() writes them as i:N. Matching that keeps the bytes identical.
const INT_KEY = /^(0|-?[1-9][0-9]*)$/;

function serializeKey(key: string): string {
  if (INT_KEY.test(key) && Number.isSafeInteger(Number(key))) return `i:${key};`;
  return `s:${Buffer.byteLength(key, "utf8")}:"${key}";`;
}

export function phpSerialize(value: PhpValue): string {
  if (value === null) return "N;";
  if (typeof value === "boolean") return `b:${value ? 1 : 0};`;
  if (typeof value === "number") {
    if (Number.isInteger(value)) return `i:${value};`;
    if (!Number.isFinite(value)) throw new TypeError(`cannot serialize the number ${value}`);
    return `d:${value};`;
  }
  // Lengths are UTF-8 byte counts, not JavaScript string lengths.
  if (typeof value === "string") return `s:${Buffer.byteLength(value, "utf8")}:"${value}";`;
  const entries: [string, PhpValue][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item as PhpValue])
    : Object.entries(value as { readonly [key: string]: PhpValue });
  const body = entries.map(([key, item]) => serializeKey(key) + phpSerialize(item)).join("");
  return `a:${entries.length}:{${body}}`;
}

/** The `domainfields` wire value: base64(serialize(map)). An empty map gives "YTowOnt9". */
export function encodeDomainFields(fields: { readonly [label: string]: string }): string {
  return Buffer.from(phpSerialize(fields), "utf8").toString("base64");
}
