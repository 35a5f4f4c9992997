// Canonical forms, so that equivalent spellings of a record never look like a change: names
// relative to the zone, host names lower-case without the trailing dot, IDNs as punycode, and each
// type's value in one spelling (ip.ts, values.ts). Each refusal says what is wrong and the fix.
import { domainToASCII } from "node:url";
import { canonicalIPv4, canonicalIPv6 } from "./ip";
import type { RecordType } from "./types";
import { canonicalCaa, canonicalSrv, canonicalTxt, canonicalUrl, srvHasPriority } from "./values";

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

export type Canonical = { ok: true; value: string } | { ok: false; problem: string };

const ok = (value: string): Canonical => ({ ok: true, value });
const refuse = (problem: string): Canonical => ({ ok: false, problem });

/** Lower-case ASCII labels (IDN labels as punycode), or undefined when one is not a host label. */
function asciiLabels(text: string, wildcard: boolean): string[] | undefined {
  const labels = text.split(".").map((label) => (/^[\x00-\x7f]*$/.test(label) ? label.toLowerCase() : domainToASCII(label)));
  // An "xn--" label must be real punycode: resolvers and URL parsers refuse one that does not decode.
  const validAce = (label: string) => !label.startsWith("xn--") || domainToASCII(label) === label;
  const valid = labels.every((label, i) => (LABEL.test(label) && validAce(label)) || (wildcard && i === 0 && label === "*"));
  return valid ? labels : undefined;
}

/**
 * A record name relative to `zone`: "@" (or "", or the zone itself) is the apex; a name ending in
 * the zone, with or without the trailing dot, loses the zone; a name ending in a dot elsewhere is
 * outside the zone. Without a zone (not known yet) only the spelling is checked: the result keeps
 * its trailing dot so the zone can still be applied later.
 */
export function canonicalName(input: string, zone: string | undefined): Canonical {
  let text = input.trim();
  if (text === "" || text === "@") return ok("@");
  const absolute = text.endsWith(".");
  if (absolute) text = text.slice(0, -1);
  const labels = asciiLabels(text, true);
  if (labels === undefined) {
    return refuse(
      `${JSON.stringify(input)} is not a record name: use dot-separated labels of letters, digits, "-" and "_" (such as "www" or "_dmarc"), "*" as the first label for a wildcard, or "@" for the apex`,
    );
  }
  const name = labels.join(".");
  if (zone === undefined) return ok(absolute ? `${name}.` : name);
  if (name === zone) return ok("@");
  let relative = name;
  if (name.endsWith(`.${zone}`)) relative = name.slice(0, -(zone.length + 1));
  else if (absolute) {
    return refuse(`${JSON.stringify(input)} is outside the zone ${zone}: write names relative to the zone (such as "www" for www.${zone}), and manage other domains in their own DnsRecordSet`);
  }
  // A relative name that itself ends in the zone ("www.example.com" for www.example.com.example.com)
  // reads back as the shorter name, so the record would never read as saved: refuse it.
  if (relative === zone || relative.endsWith(`.${zone}`)) {
    const reread = relative === zone ? "@" : relative.slice(0, -(zone.length + 1));
    return refuse(
      `${JSON.stringify(input)} ends in the zone ${zone} twice: relative to the zone it would be "${relative}", which is read as the name "${reread}", so the record would never read back as saved; write "${reread}" if that is the name you mean`,
    );
  }
  if (relative.length + zone.length + 1 > 253) return refuse(`${JSON.stringify(input)} is longer than the 253 characters a full name may have in ${zone}: shorten it`);
  return ok(relative);
}

/** A target host name (CNAME, MX, NS, SRV): at least two labels, lower-case, punycode, no trailing dot. */
export function canonicalHost(input: string): string | undefined {
  const text = input.trim().replace(/\.$/, "");
  const labels = asciiLabels(text, false);
  if (labels === undefined || labels.length < 2) return undefined;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return undefined; // an IPv4 address, not a host
  const host = labels.join(".");
  return host.length > 253 ? undefined : host;
}

const HOST_PROBLEM = 'must be a full host name such as mail.example.com (dot-separated labels of letters, digits, "-" and "_"; not a URL or an IP address)';

const PROBLEMS: Record<RecordType, string> = {
  A: "must be an IPv4 address such as 192.0.2.10 (four numbers 0-255 without leading zeros); for an IPv6 address use type AAAA",
  AAAA: "must be an IPv6 address such as 2001:db8::10; for an IPv4 address use type A",
  MXE: 'must be the IPv4 address of the mail server, such as 192.0.2.25 (MXE is WHMCS\' "mail easy" record); to name a mail host use type MX',
  CNAME: `${HOST_PROBLEM}; to point a name at an IP address use an A or AAAA record`,
  MX: `${HOST_PROBLEM}; an MX names a mail host, whose address goes in its own A record`,
  NS: HOST_PROBLEM,
  TXT: "unquotes to text that is itself quoted, which would unquote again on every read: write the text once, without the outer quotes",
  SRV: 'must be "weight port target", such as "5 5060 sip.example.com" (numbers 0-65535; target "." for no service), with the priority in priority',
  CAA: 'must be flags tag "value", such as 0 issue "letsencrypt.org" (flags 0-255; tag issue, issuewild or iodef; no quotes inside the value)',
  URL: "must be an http:// or https:// URL with a full host name, such as https://www.example.com/",
  FRAME: "must be an http:// or https:// URL with a full host name, such as https://www.example.com/",
};

function parse(type: RecordType, value: string): string | undefined {
  switch (type) {
    case "A":
    case "MXE":
      return canonicalIPv4(value);
    case "AAAA":
      return canonicalIPv6(value);
    case "CNAME":
    case "MX":
    case "NS":
      return canonicalHost(value);
    case "TXT":
      return canonicalTxt(value);
    case "SRV":
      return canonicalSrv(value, canonicalHost);
    case "CAA":
      return canonicalCaa(value);
    case "URL":
    case "FRAME":
      return canonicalUrl(value);
  }
}

/** The one spelling of a value of `type`, or the problem with it and its fix. */
export function canonicalValue(type: RecordType, value: string): Canonical {
  if (value.trim() === "") {
    return refuse("must not be empty: the API drops rows without an address, so the record would silently vanish; remove the record instead");
  }
  const canonical = parse(type, value);
  if (canonical !== undefined && canonical !== "") return ok(canonical);
  if (type === "SRV" && srvHasPriority(value)) {
    return refuse(`${JSON.stringify(value)} has four fields: move the first (the priority) into priority and keep "weight port target" in the value`);
  }
  if (canonical === "") return refuse("must not be empty once its quotes are removed: the API drops rows without an address; remove the record instead");
  return refuse(`${JSON.stringify(value)} ${PROBLEMS[type]}`);
}
