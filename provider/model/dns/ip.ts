// Canonical IP addresses for A, AAAA and MXE values, without node:net (the model does no I/O and
// imports no network module): IPv4 as four plain decimals, IPv6 in the RFC 5952 text form.

const OCTET = /^(0|[1-9]\d{0,2})$/;

/**
 * Four decimals 0-255 separated by dots. Leading zeros are refused rather than read: some
 * resolvers take "010" as octal 8, so "192.0.2.010" has no single meaning.
 */
export function canonicalIPv4(input: string): string | undefined {
  const parts = input.trim().split(".");
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p) && Number(p) <= 255)) return undefined;
  return parts.join(".");
}

const GROUP = /^[0-9a-f]{1,4}$/;

/** The eight 16-bit groups of an IPv6 address, or undefined. Accepts "::" and a dotted IPv4 tail. */
function ipv6Groups(input: string): number[] | undefined {
  let text = input.trim().toLowerCase();
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const v4 = canonicalIPv4(text.slice(lastColon + 1));
    if (v4 === undefined || lastColon < 0) return undefined;
    const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
    tail.push(a * 256 + b, c * 256 + d);
    // keep the colon(s) before the tail: "::1.2.3.4" → "::", "a::b:1.2.3.4" → "a::b:"
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith("::")) text = text.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const parse = (half: string): number[] | undefined => {
    if (half === "") return [];
    const groups = half.split(":");
    return groups.every((g) => GROUP.test(g)) ? groups.map((g) => parseInt(g, 16)) : undefined;
  };
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if (head === undefined || rest === undefined) return undefined;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1) return given === 8 ? [...head, ...tail] : undefined;
  if (given > 7) return undefined; // "::" stands for at least one zero group
  return [...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail];
}

/** The longest run of two or more zero groups (the first of equals), as [start, length]. */
function longestZeroRun(groups: readonly number[]): [number, number] {
  let best: [number, number] = [-1, 0];
  let start = -1;
  groups.forEach((g, i) => {
    if (g === 0) {
      if (start < 0) start = i;
      const length = i - start + 1;
      if (length > best[1]) best = [start, length];
    } else start = -1;
  });
  return best[1] >= 2 ? best : [-1, 0];
}

/**
 * RFC 5952: lower-case hex without leading zeros, the longest zero run as "::", and IPv4-mapped
 * addresses (::ffff:0:0/96) with their IPv4 part dotted. Zone ids and prefixes are refused.
 */
export function canonicalIPv6(input: string): string | undefined {
  const groups = ipv6Groups(input);
  if (groups === undefined) return undefined;
  const hex = (gs: readonly number[]) => gs.map((g) => g.toString(16)).join(":");
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6]!, groups[7]!];
    return `::ffff:${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  const [start, length] = longestZeroRun(groups);
  if (start < 0) return hex(groups);
  return `${hex(groups.slice(0, start))}::${hex(groups.slice(start + length))}`;
}
