// Names and texts as other DNS tools write them, turned into what a zone file holds: owners made
// relative to the zone (or found to be outside it), targets made absolute, TXT content written so
// the model reads back exactly that content. Shared by the BIND and OctoDNS importers.
import { canonicalTxt } from "../../model/dns";

/** An owner or target against `origin` (no trailing dot): "@" is the origin, "x." is absolute, "x" is below. */
export function absolute(name: string, origin: string): string {
  if (name === "@") return origin;
  if (name.endsWith(".")) return name.slice(0, -1).toLowerCase();
  return `${name}.${origin}`.toLowerCase();
}

/** `fqdn` relative to `zone`: "@" for the apex, undefined when it lies outside the zone. */
export function relativeTo(fqdn: string, zone: string): string | undefined {
  const name = fqdn.toLowerCase();
  if (name === zone) return "@";
  return name.endsWith(`.${zone}`) ? name.slice(0, -(zone.length + 1)) : undefined;
}

export const outsideZone = (fqdn: string, zone: string): string =>
  `${fqdn} is outside the zone ${zone}: records of another domain go in that domain's own zone file`;

export type TextValue = { value: string; changed?: string } | { omit: string };

/**
 * TXT content (the strings of a record joined) as a zone-file value that reads back as exactly this
 * content. The model takes outer quotes as presentation, so content that itself starts with a
 * quote is written quoted; blanks at the ends are trimmed by the server, which is reported.
 */
export function txtValue(content: string): TextValue {
  if (content.trim() === "") return { omit: "an empty TXT record cannot be stored: the API drops rows without an address" };
  if (canonicalTxt(content) === content) return { value: content };
  const quoted = `"${content.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  if (canonicalTxt(quoted) === content) return { value: quoted };
  const trimmed = content.trim();
  if (canonicalTxt(trimmed) === trimmed) return { value: trimmed, changed: "kept without the blanks at its ends: the server trims them" };
  return { omit: "its text would not read back as written (it is itself a quoted string): write it by hand" };
}
