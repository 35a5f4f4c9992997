// Host names and addresses for the registry: nameservers and glue. Stricter than DNS record
// targets (model/dns), which may carry "_" labels such as _sip._tcp: a nameserver is a host a
// registry resolves, so its name is letters, digits and hyphens only (RFC 1123), and a glue address
// must be one the whole internet can reach.
import { canonicalHost } from "./dns/canonical";
import { canonicalIPv4, canonicalIPv6 } from "./dns/ip";

/** Lower-case, no trailing dot, punycode; undefined unless every label is letters, digits and hyphens. */
export function canonicalHostname(input: string): string | undefined {
  const host = canonicalHost(input);
  return host === undefined || host.includes("_") ? undefined : host;
}

/** IPv4 as four plain decimals or IPv6 in RFC 5952 form; undefined for anything else. */
export function canonicalIp(input: string): string | undefined {
  return canonicalIPv4(input) ?? canonicalIPv6(input);
}

const octets = (ip: string) => ip.split(".").map(Number) as [number, number, number, number];

const PUBLIC = "glue must be the nameserver's public address, one resolvers everywhere can reach";

/** Which range of addresses no resolver can reach holds `ip` (canonical), or undefined. */
function unreachableRange(ip: string): string | undefined {
  if (!ip.includes(":")) {
    const [a, b] = octets(ip);
    if (a === 0) return 'in 0.0.0.0/8 ("this network")';
    if (a === 127) return "a loopback address (127.0.0.0/8)";
    if (a === 169 && b === 254) return "a link-local address (169.254.0.0/16)";
    if (a >= 224 && a <= 239) return "a multicast address (224.0.0.0/4)";
    if (a >= 240) return "reserved or the broadcast address (240.0.0.0/4)";
    return undefined;
  }
  if (ip === "::") return "the unspecified address (::)";
  if (ip === "::1") return "the loopback address (::1)";
  // Canonical groups have no leading zeros: "fe80" is the group 0xfe80, "fe8" would be 0x0fe8.
  if (/^fe[89ab][0-9a-f]:/.test(ip)) return "a link-local address (fe80::/10)";
  if (/^ff[0-9a-f]{2}:/.test(ip)) return "a multicast address (ff00::/8)";
  return undefined;
}

/**
 * Why a canonical address cannot be a registry's glue, with the fix, or undefined. Private and
 * documentation ranges are left to the registry to judge.
 */
export function glueAddressProblem(ip: string): string | undefined {
  if (ip.startsWith("::ffff:")) return `is an IPv4-mapped IPv6 address: write the IPv4 address itself (${ip.slice(7)})`;
  const range = unreachableRange(ip);
  return range === undefined ? undefined : `is ${range}: ${PUBLIC}`;
}
