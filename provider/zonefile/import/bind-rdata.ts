// The data of one BIND record (the tokens after its type) as a zone-file value and priority, or the
// reason it cannot be one. Names in the data are resolved against the current $ORIGIN, as a DNS
// server would, and written absolute; the model later makes them canonical.
import type { Token } from "./bind-lexer";
import { absolute, txtValue } from "./names";

export type Rdata = { value: string; priority?: number; changed?: string } | { omit: string };

const NOT_STORED: Record<string, string> = {
  SOA: "the registrar's DNS serves its own SOA for the zone (its serial and timers are its own)",
  SPF: "type SPF was withdrawn (RFC 7208): the same policy belongs in a TXT record, add one if the file has no TXT with this text",
  PTR: "PTR records belong to reverse zones (in-addr.arpa, ip6.arpa), which are not hosted at the registrar",
  ALIAS: "ALIAS is a DNS provider's extension: at the apex write A/AAAA records with the target's addresses, or a URL redirect record",
  ANAME: "ANAME is a DNS provider's extension: at the apex write A/AAAA records with the target's addresses, or a URL redirect record",
  DS: "DS records are DNSSEC data held by the parent zone: they are set at the registry, not in this zone",
  DNSKEY: "DNSSEC keys and signatures are made by the signing DNS server, which the registrar's DNS is not",
  RRSIG: "DNSSEC keys and signatures are made by the signing DNS server, which the registrar's DNS is not",
  NSEC: "DNSSEC keys and signatures are made by the signing DNS server, which the registrar's DNS is not",
  NSEC3: "DNSSEC keys and signatures are made by the signing DNS server, which the registrar's DNS is not",
  NSEC3PARAM: "DNSSEC keys and signatures are made by the signing DNS server, which the registrar's DNS is not",
};

const STORED = "A, AAAA, CNAME, MX, TXT, SRV, CAA and NS";

export function notStored(type: string): string {
  return NOT_STORED[type] ?? `type ${type} is not one the Domains Reseller API stores (of DNS types it stores ${STORED})`;
}

const NUMBER = /^\d+$/;

function count(type: string, tokens: readonly Token[], n: number, shape: string): string | undefined {
  return tokens.length === n ? undefined : `${type} data must be ${shape}; got ${tokens.length === 0 ? "nothing" : tokens.map((t) => t.text).join(" ")}`;
}

/**
 * A target host as a DNS server reads it. An address where a name belongs would read as a name
 * below the origin (192.0.2.10.example.com), which is surely not what was meant: it is refused.
 */
function target(type: string, name: string, origin: string): string | { omit: string } {
  if (/^\d+(\.\d+){3}$/.test(name)) return { omit: `${type} data must be a host name, not the address ${name} (which would read as the name ${name}.${origin}): point an A record at the address instead` };
  return absolute(name, origin);
}

/** The record of `type` with data `tokens`, names resolved against `origin`. */
export function convertRdata(type: string, tokens: readonly Token[], origin: string): Rdata {
  const t = tokens.map((token) => token.text);
  if (tokens[0]?.text === "#" && !tokens[0].quoted) return { omit: `${type} in the generic form of RFC 3597 (\\# length hex) cannot be read back into a value: write it in its usual form` };
  switch (type) {
    case "A":
    case "AAAA": {
      const bad = count(type, tokens, 1, "one address");
      return bad ? { omit: bad } : { value: t[0]! };
    }
    case "CNAME":
    case "NS": {
      const bad = count(type, tokens, 1, "one host name");
      const host = bad ? { omit: bad } : target(type, t[0]!, origin);
      return typeof host === "string" ? { value: host } : host;
    }
    case "MX": {
      const bad = count(type, tokens, 2, "preference and mail host, such as 10 mail.example.com.");
      if (bad || !NUMBER.test(t[0]!)) return { omit: bad ?? `MX preference must be a number; got ${t[0]}` };
      if (t[1] === ".") return { omit: 'a null MX (".": the domain takes no mail, RFC 7505) cannot be stored: the API needs a mail host; leave MX out instead' };
      const host = target(type, t[1]!, origin);
      return typeof host === "string" ? { value: host, priority: Number(t[0]) } : host;
    }
    case "TXT": {
      if (tokens.length === 0) return { omit: "TXT data must be one or more strings; got nothing" };
      const text = txtValue(t.join(""));
      return "omit" in text ? text : { value: text.value, ...(text.changed ? { changed: text.changed } : {}) };
    }
    case "SRV": {
      const bad = count(type, tokens, 4, "priority weight port target, such as 10 5 5060 sip.example.com.");
      if (bad || !t.slice(0, 3).every((f) => NUMBER.test(f))) return { omit: bad ?? `SRV priority, weight and port must be numbers; got ${t.join(" ")}` };
      const host = t[3] === "." ? "." : target(type, t[3]!, origin);
      return typeof host === "string" ? { value: `${t[1]} ${t[2]} ${host}`, priority: Number(t[0]) } : host;
    }
    case "CAA": {
      const bad = count(type, tokens, 3, 'flags tag "value", such as 0 issue "letsencrypt.org"');
      return bad ? { omit: bad } : { value: `${t[0]} ${t[1]} "${t[2]}"` };
    }
    default:
      return { omit: notStored(type) };
  }
}
