// Canonical text of the structured values: TXT, SRV, CAA and URL/FRAME. Each function returns the
// one spelling of a value, or undefined when the value has none; canonical.ts words the refusals.

/** The content of one or more `"…"` strings separated by blanks (`\"` and `\\` unescaped), or undefined. */
export function unquote(text: string): string | undefined {
  if (!text.startsWith('"')) return undefined;
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') return undefined;
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) return undefined; // unterminated
      i++;
      if (c === '"') break;
      if (c === "\\" && (text[i] === '"' || text[i] === "\\")) out += text[i++];
      else out += c;
    }
    while (text[i] === " " || text[i] === "\t") i++;
  }
  return out;
}

/**
 * TXT: surrounding quotes are presentation, not content, so `"v=spf1 -all"` and `v=spf1 -all` are
 * one value, and `"a" "b"` (a long value in 255-byte strings) is `ab`. Nothing inside is collapsed.
 * Outer blanks go, as the server trims them. Undefined when the unquoted text is itself a quoted
 * string: it would unquote again on the next read and never settle.
 */
export function canonicalTxt(input: string): string | undefined {
  const text = input.trim();
  const content = unquote(text);
  if (content === undefined) return text;
  const trimmed = content.trim();
  return unquote(trimmed) === undefined ? trimmed : undefined;
}

const PORTLIKE = /^\d+$/;

function uint16(text: string): number | undefined {
  return PORTLIKE.test(text) && Number(text) <= 65535 ? Number(text) : undefined;
}

/** SRV value "weight port target" (priority in its own field, as WHMCS posts it); target "." means no service. */
export function canonicalSrv(input: string, host: (name: string) => string | undefined): string | undefined {
  const fields = input.trim().split(/\s+/);
  if (fields.length !== 3) return undefined;
  const [weight, port, target] = [uint16(fields[0]!), uint16(fields[1]!), fields[2] === "." ? "." : host(fields[2]!)];
  if (weight === undefined || port === undefined || target === undefined) return undefined;
  return `${weight} ${port} ${target}`;
}

/** True when an SRV value carries four numbers-first fields: the priority was written into the value. */
export function srvHasPriority(input: string): boolean {
  const fields = input.trim().split(/\s+/);
  return fields.length === 4 && fields.slice(0, 3).every((f) => PORTLIKE.test(f));
}

export const CAA_TAGS = ["issue", "issuewild", "iodef"] as const;
const CAA = /^(\d+)\s+([A-Za-z]+)\s+(.*)$/;

/** CAA `flags tag "value"`: flags as a plain number, tag lower-case, the value in one pair of quotes. */
export function canonicalCaa(input: string): string | undefined {
  const m = CAA.exec(input.trim());
  if (!m) return undefined;
  const flags = Number(m[1]);
  const tag = m[2]!.toLowerCase();
  let value = m[3]!;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  if (flags > 255 || !(CAA_TAGS as readonly string[]).includes(tag) || value.includes('"')) return undefined;
  return `${flags} ${tag} "${value}"`;
}

/** URL/FRAME: an http(s) URL with a dotted host, in the WHATWG serialisation (lower-case host, punycode, "/" path). */
export function canonicalUrl(input: string): string | undefined {
  const text = input.trim();
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return url.hostname.includes(".") && url.username === "" && url.password === "" ? url.href : undefined;
}
