// PHP's http_build_query and urlencode, byte for byte, because the server parses bodies with
// PHP's own parse_str. Checked against vectors/form.json (made by PHP 8.2).

/** PHP urlencode (RFC 1738 flavour): keeps [A-Za-z0-9_.-], space becomes "+", rest is %XX of the UTF-8 bytes. */
export function phpUrlencode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const isPlain =
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x2d || byte === 0x2e || byte === 0x5f;
    if (isPlain) out += String.fromCharCode(byte);
    else if (byte === 0x20) out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export type FormValue = string | number | boolean | null | undefined | readonly FormValue[] | { readonly [key: string]: FormValue };

function scalar(value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`cannot form-encode the number ${value}`);
    return String(value);
  }
  return value;
}

function append(pairs: string[], key: string, value: FormValue): void {
  // PHP skips null entirely; we treat undefined the same so optional fields simply vanish.
  if (value === null || value === undefined) return;
  if (typeof value === "object") {
    // Lists use their numeric indices, maps their keys; an empty container emits nothing (as PHP).
    const entries: [string, FormValue][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item as FormValue])
      : Object.entries(value as { [key: string]: FormValue });
    for (const [child, item] of entries) append(pairs, `${key}%5B${phpUrlencode(child)}%5D`, item);
    return;
  }
  pairs.push(`${key}=${phpUrlencode(scalar(value))}`);
}

/** http_build_query($params) with PHP's defaults: "&" separator, numeric list indices, RFC 1738. */
export function buildForm(params: { readonly [key: string]: FormValue }): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) append(pairs, phpUrlencode(key), value);
  return pairs.join("&");
}
