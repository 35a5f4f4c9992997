// Generators shared by the DNS property files: zones, canonical records of every type, and the
// equivalent spellings of a record that users write and servers return (case, trailing dots,
// full names, "@" or "" for the apex, IDN in Unicode, IPv6 forms, TXT quoting, SRV and CAA
// spacing, URL default ports, priorities as text). Each respelling is one the model documents as
// equivalent (docs/resources/dns-record-set.md, "Records and their canonical form").
import { domainToASCII } from "node:url";
import fc from "fast-check";
import { canonicalIPv6, canonicalName, canonicalTxt, RECORD_TYPES, WITH_PRIORITY, type DnsRecord, type RecordType, type WireRow } from "../../provider/model/dns";

/** Zones in canonical form, with labels that also occur in record names (see `NAME_LABELS`). */
export const ZONES = ["example.com", "shop.example.co.uk", "xn--bcher-kva.de"] as const;
export const zoneArb = fc.constantFrom(...ZONES);

// IDN labels the tests write in Unicode; the canonical form is their punycode. No "ß": its upper
// case is "SS", a different label, so case-mixing would not be a respelling.
const IDN = ["bücher", "münchen", "école", "日本"];
const UNICODE_OF = new Map(IDN.map((u) => [domainToASCII(u), u]));
const PUNY = [...UNICODE_OF.keys()];

/**
 * Labels of record names: ordinary ones, service labels, punycode, and the zones' own labels, so
 * that names such as "example.com.example.com." (a name that repeats the zone) come up.
 */
export const NAME_LABELS = ["www", "mail", "_dmarc", "s1", "_domainkey", "a", "b-c", "x9", "example", "com", "shop", "co", "uk", "de", ...PUNY];
const labelArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAME_LABELS) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9](?:[a-z0-9_-]{0,4}[a-z0-9])?$/) });

/** A name as a user might write it: 1-3 labels, maybe a wildcard, maybe absolute, maybe full. */
export const rawNameArb = fc
  .tuple(fc.boolean(), fc.array(labelArb, { minLength: 1, maxLength: 3 }), fc.constantFrom("", "."), fc.constantFrom("", ...ZONES.map((z) => `.${z}`)))
  .map(([wild, labels, dot, suffix]) => `${wild ? "*." : ""}${labels.join(".")}${suffix}${dot}`);

/** Canonical names of `zone`, in the model's own canonical form (whatever spelling produced them). */
export const canonicalNameArb = (zone: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant("@") },
    { weight: 5, arbitrary: rawNameArb.map((raw) => canonicalName(raw, zone)).filter((c) => c.ok).map((c) => (c.ok ? c.value : "@")) },
  );

// ---------- canonical values ----------

const plainLabel = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,5}[a-z0-9])?$/).filter((l) => !/^..--/.test(l));
export const hostArb = fc
  .tuple(fc.oneof(plainLabel, fc.constantFrom("mail", "_sip")), fc.oneof(plainLabel, fc.constantFrom(...PUNY)), fc.constantFrom("com", "net", "org", "de"))
  .map((ls) => ls.join("."));
const u16 = fc.integer({ min: 0, max: 65535 });
const TXT_UNIT = fc.constantFrom("a", "B", "z", "0", " ", " ", ";", "=", '"', "\\", "ü", "-", "_", ":", "\t", "日");
/** TXT content as the model keeps it (its own canonical form: no outer blanks, no outer quotes). */
const txtArb = fc.string({ unit: TXT_UNIT, minLength: 1, maxLength: 20 }).filter((t) => t !== "" && canonicalTxt(t) === t);
const caaValue = fc.stringMatching(/^[a-z0-9.;= -]{0,12}$/).filter((v) => v.trim() === v || v === "");

export const valueArb: Record<RecordType, fc.Arbitrary<string>> = {
  A: fc.ipV4(),
  MXE: fc.ipV4(),
  AAAA: fc.oneof(fc.ipV6(), fc.ipV4().map((v4) => `::ffff:${v4}`), fc.constantFrom("::", "::1", "2001:db8::10", "64:ff9b::c000:201", "fe80::1:0:0:1")).map((v) => canonicalIPv6(v) ?? "::"),
  CNAME: hostArb,
  MX: hostArb,
  NS: hostArb,
  TXT: txtArb,
  SRV: fc.tuple(u16, u16, fc.oneof(hostArb, fc.constant("."))).map(([w, p, t]) => `${w} ${p} ${t}`),
  CAA: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.constantFrom("issue", "issuewild", "iodef"), caaValue).map(([f, t, v]) => `${f} ${t} "${v}"`),
  URL: fc.tuple(hostArb, fc.stringMatching(/^[A-Za-z0-9_-]{0,6}$/)).map(([h, p]) => `https://${h}/${p}`),
  FRAME: fc.tuple(hostArb, fc.stringMatching(/^[A-Za-z0-9_-]{0,6}$/)).map(([h, p]) => `http://${h}/${p}`),
};

/** A canonical record of `zone` of any type. */
export const recordArb = (zone: string, types: readonly RecordType[] = RECORD_TYPES): fc.Arbitrary<DnsRecord> =>
  fc
    .constantFrom(...types)
    .chain((type) =>
      fc
        .record({ name: canonicalNameArb(zone), value: valueArb[type], priority: u16 })
        .map((r): DnsRecord => (WITH_PRIORITY.has(type) ? { name: r.name, type, value: r.value, priority: r.priority } : { name: r.name, type, value: r.value })),
    );

// ---------- respellings ----------

/** `text` with the letters the booleans pick upper-cased (for the case-insensitive parts only). */
const mixCase = (text: string): fc.Arbitrary<string> =>
  fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((flags) => [...text].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(""));

/** Each punycode label of `host` written in Unicode or kept, at random. */
const unicodeLabels = (host: string): fc.Arbitrary<string> =>
  fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }).map((flags) =>
    host
      .split(".")
      .map((l, i) => (flags[i % 8] && UNICODE_OF.has(l) ? UNICODE_OF.get(l)! : l))
      .join("."),
  );

const blank = fc.constantFrom("", " ", "\t", "  ");
const around = (text: fc.Arbitrary<string>) => fc.tuple(blank, text, blank).map(([a, t, b]) => `${a}${t}${b}`);

/** A host name in another spelling: case, Unicode labels, a trailing dot. */
export const respellHost = (host: string): fc.Arbitrary<string> =>
  fc.tuple(unicodeLabels(host).chain(mixCase), fc.constantFrom("", ".")).map(([h, dot]) => `${h}${dot}`);

/** A record name of `zone` in another spelling: "@", "" or the zone for the apex; relative or full, case, Unicode. */
export const respellName = (name: string, zone: string): fc.Arbitrary<string> => {
  const zoneSpelled = respellHost(zone).map((z) => z.replace(/\.$/, ""));
  const spelled =
    name === "@"
      ? fc.oneof(fc.constant("@"), fc.constant(""), zoneSpelled, zoneSpelled.map((z) => `${z}.`))
      : fc.oneof(
          unicodeLabels(name).chain(mixCase),
          fc.tuple(unicodeLabels(name).chain(mixCase), zoneSpelled, fc.constantFrom("", ".")).map(([n, z, dot]) => `${n}.${z}${dot}`),
        );
  return around(spelled);
};

/** The eight groups of a canonical IPv6 address, as numbers. */
function ipv6Groups(v: string): number[] {
  const hex = new URL(`http://[${v}]`).hostname.slice(1, -1);
  const [head = "", tail] = hex.split("::");
  const parts = (s: string) => (s === "" ? [] : s.split(":").map((g) => parseInt(g, 16)));
  if (tail === undefined) return parts(head);
  const [h, t] = [parts(head), parts(tail)];
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/** An IPv6 address in any valid spelling: leading zeros, upper case, any zero run as "::", an IPv4 tail. */
const respellIPv6 = (v: string): fc.Arbitrary<string> =>
  fc.record({ pads: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }), start: fc.nat(7), length: fc.nat(8), dotted: fc.boolean(), upper: fc.boolean() }).map(({ pads, start, length, dotted, upper }) => {
    const groups = ipv6Groups(v);
    const text = groups.map((g, i) => g.toString(16).padStart(Math.min(4, g.toString(16).length + (pads[i] ?? 0)), "0"));
    const last = dotted ? 6 : 8; // with an IPv4 tail the last two groups are written as a.b.c.d
    const tail = dotted ? [`${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`] : [];
    // Compress the zero run starting at `start` (clipped to the zero groups there), if there is one.
    let end = start;
    while (end < last && end - start < length && groups[end] === 0) end++;
    const body = end > start ? [...text.slice(0, start), "", ...text.slice(end, last)] : text.slice(0, last);
    let joined = [...body, ...tail].join(":");
    if (end > start) {
      if (start === 0) joined = `:${joined}`;
      if (end === last && tail.length === 0) joined = `${joined}:`;
    }
    return upper ? joined.toUpperCase() : joined;
  });

/** TXT content quoted as one or several strings ("a" "b"), with `\"` and `\\` escapes, or bare. */
const respellTxt = (t: string): fc.Arbitrary<string> => {
  const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return fc.oneof(
    around(fc.constant(t)),
    fc.array(fc.nat(t.length), { maxLength: 3 }).chain((cuts) => {
      const points = [...new Set([0, ...cuts, t.length])].sort((a, b) => a - b);
      const chunks = points.slice(1).map((end, i) => quote(t.slice(points[i], end)));
      return fc.array(blank.filter((b) => b !== ""), { minLength: chunks.length, maxLength: chunks.length }).chain((seps) => around(fc.constant(chunks.map((c, i) => (i === 0 ? c : `${seps[i]}${c}`)).join(""))));
    }),
  );
};

const zeros = fc.constantFrom("", "0", "00");
const gap = fc.constantFrom(" ", "  ", "\t", " \t ");

/** A value of `type` in another spelling the model takes as the same value. */
export function respellValue(type: RecordType, value: string): fc.Arbitrary<string> {
  switch (type) {
    case "A":
    case "MXE":
      return around(fc.constant(value));
    case "AAAA":
      return around(respellIPv6(value));
    case "CNAME":
    case "MX":
    case "NS":
      return around(respellHost(value));
    case "TXT":
      return respellTxt(value);
    case "SRV": {
      const [w, p, t] = value.split(" ") as [string, string, string];
      return around(fc.tuple(zeros, gap, zeros, gap, t === "." ? fc.constant(".") : respellHost(t)).map(([zw, g1, zp, g2, target]) => `${zw}${w}${g1}${zp}${p}${g2}${target}`));
    }
    case "CAA": {
      const [, f, tag, v] = /^(\d+) (\w+) "(.*)"$/.exec(value) as unknown as [string, string, string, string];
      const bare = v !== "" && v.trim() === v;
      return around(fc.tuple(zeros, gap, mixCase(tag), gap, fc.boolean()).map(([z, g1, t, g2, unquoted]) => `${z}${f}${g1}${t}${g2}${bare && unquoted ? v : `"${v}"`}`));
    }
    case "URL":
    case "FRAME": {
      const url = new URL(value);
      const port = url.protocol === "https:" ? ":443" : ":80";
      const path = url.pathname === "/" ? fc.constantFrom("/", "") : fc.constant(url.pathname);
      return around(
        fc.tuple(mixCase(url.protocol), respellHost(url.hostname).map((h) => h.replace(/\.$/, "")), fc.constantFrom("", port), path).map(([scheme, host, p, rest]) => `${scheme}//${host}${p}${rest}`),
      );
    }
  }
}

/** A type in another spelling: case and surrounding blanks. */
export const respellType = (type: RecordType): fc.Arbitrary<string> => around(mixCase(type.toLowerCase()));

/** How a server may write the priority of a row: the number with blanks or zeros, or (no priority) "N/A", "" or junk. */
export const respellWirePriority = (priority: number | undefined): fc.Arbitrary<string> =>
  priority === undefined ? fc.constantFrom("N/A", "", "0", "10", "n/a", "-") : fc.tuple(zeros, fc.constantFrom("", " ")).map(([z, b]) => `${b}${z}${priority}${b}`);

/** A live row of `zone` that a server might return for `record`. */
export const respellRow = (record: DnsRecord, zone: string): fc.Arbitrary<WireRow> => {
  const srvFolded =
    record.type === "SRV" && record.priority !== undefined
      ? // Some servers fold the SRV priority into the address ("10 5 5060 sip.example.com") and leave the field blank.
        fc.tuple(respellValue("SRV", record.value), fc.constantFrom("", "N/A")).map(([v, p]) => ({ address: `${record.priority} ${v.trim()}`, priority: p }))
      : undefined;
  const plain = fc.tuple(respellValue(record.type, record.value), respellWirePriority(record.priority)).map(([address, priority]) => ({ address, priority }));
  return fc
    .tuple(respellName(record.name, zone), respellType(record.type), srvFolded === undefined ? plain : fc.oneof(plain, srvFolded))
    .map(([hostname, type, { address, priority }]) => ({ hostname, type, address, priority }));
};

/** How a user might declare `record`: any spelling of each field; priority as a number or text. */
export const respellDeclared = (record: DnsRecord, zone: string): fc.Arbitrary<{ name: string; type: string; value: string; priority?: number | string }> =>
  fc
    .tuple(
      respellName(record.name, zone),
      respellType(record.type),
      respellValue(record.type, record.value),
      record.priority === undefined ? fc.constantFrom(undefined, "N/A") : fc.oneof(fc.constant(record.priority), respellWirePriority(record.priority)),
    )
    .map(([name, type, value, priority]) => ({ name, type, value, ...(priority === undefined ? {} : { priority }) }));
