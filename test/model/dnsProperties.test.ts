// Property tests of the DnsRecordSet model (10 000 runs in all): equivalent spellings of a zone
// are one canonical value, canonical forms are fixed points, and a planned save gives the zone
// that was declared (merge: declared ∪ unmanaged; authoritative: declared), and delete gives back
// what was there.
import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import {
  canonicalIPv6,
  canonicalName,
  canonicalTxt,
  canonicalValue,
  diffDnsRecordSet,
  dnsRecordSetInputsSchema,
  fromWire,
  isNoop,
  liveKey,
  nextFound,
  rrsetOf,
  planDelete,
  planSave,
  RECORD_TYPES,
  recordKey,
  sortRecords,
  stateAfterSave,
  toWire,
  type DnsRecord,
  type LiveRow,
  type RecordType,
  type WireRow,
} from "../../provider/model/dns";

// ---------- canonical zones and records ----------

const ZONES = [
  { canonical: "example.com", spellings: ["example.com", "EXAMPLE.com.", "Example.Com"] },
  { canonical: "shop.example.co.uk", spellings: ["shop.example.co.uk", "SHOP.Example.CO.UK."] },
  { canonical: "xn--bcher-kva.de", spellings: ["xn--bcher-kva.de", "bücher.de", "BÜCHER.DE."] },
];
const IDN = ["bücher", "münchen", "école"]; // respelt in Unicode, canonical in punycode
const PUNY = new Map(IDN.map((u) => [domainToASCII(u), u]));

// Plain labels; "xn--" ones come only from the PUNY table (an invalid A-label is refused, see dnsCanonical).
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,5}[a-z0-9])?$/).filter((l) => !/^..--/.test(l));
const nameArb = fc.oneof(
  fc.constant("@"),
  label,
  fc.tuple(label, label).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom("*", "_dmarc", "s1._domainkey", "*.dev", ...PUNY.keys()),
);
const hostArb = fc.tuple(label, fc.oneof(label, fc.constantFrom(...PUNY.keys())), fc.constantFrom("com", "net", "org")).map((ls) => ls.join("."));
const u16 = fc.integer({ min: 0, max: 65535 });
const TXT_UNIT = fc.constantFrom("a", "B", "z", "0", " ", " ", ";", "=", '"', "\\", "ü", "-", "_", ":");
const txtArb = fc
  .string({ unit: TXT_UNIT, minLength: 1, maxLength: 24 })
  .map(canonicalTxt)
  .filter((v): v is string => v !== undefined && v !== "");

const valueArb: Record<RecordType, fc.Arbitrary<string>> = {
  A: fc.ipV4(),
  MXE: fc.ipV4(),
  AAAA: fc.ipV6().map((v) => canonicalIPv6(v) ?? "::"),
  CNAME: hostArb,
  MX: hostArb,
  NS: hostArb,
  TXT: txtArb,
  SRV: fc.tuple(u16, u16, fc.oneof(hostArb, fc.constant("."))).map(([w, p, t]) => `${w} ${p} ${t}`),
  CAA: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.constantFrom("issue", "issuewild", "iodef"), fc.stringMatching(/^[a-z0-9.;= -]{0,12}$/)).map(([f, t, v]) => `${f} ${t} "${v}"`),
  URL: fc.tuple(hostArb, fc.stringMatching(/^[A-Za-z0-9_-]{0,6}$/)).map(([h, p]) => `https://${h}/${p}`),
  FRAME: fc.tuple(hostArb, fc.stringMatching(/^[A-Za-z0-9_-]{0,6}$/)).map(([h, p]) => `http://${h}/${p}`),
};

const recordArb: fc.Arbitrary<DnsRecord> = fc
  .constantFrom(...RECORD_TYPES)
  .chain((type) =>
    fc.record({ name: nameArb, type: fc.constant(type), value: valueArb[type], priority: u16 }).map((r): DnsRecord =>
      type === "MX" || type === "SRV" ? r : { name: r.name, type: r.type, value: r.value },
    ),
  );

/** A valid declared set of `zone`: unique keys, CNAMEs alone on their names and not at the apex. */
function validSet(zone: string, records: readonly DnsRecord[]): DnsRecord[] {
  const inZone = records.filter((r) => r.name !== zone && !r.name.endsWith(`.${zone}`));
  const byKey = new Map(inZone.map((r) => [recordKey(r), r]));
  const names = new Map<string, number>();
  for (const r of byKey.values()) names.set(r.name, (names.get(r.name) ?? 0) + 1);
  return [...byKey.values()].filter((r) => r.type !== "CNAME" || (r.name !== "@" && names.get(r.name) === 1));
}

const zoneArb = fc.constantFrom(...ZONES);
const setArb = (max: number) => fc.tuple(zoneArb, fc.array(recordArb, { maxLength: max })).map(([zone, rs]) => ({ zone, records: validSet(zone.canonical, rs) }));

// ---------- equivalent spellings ----------

type Seeds = readonly number[];
const seedsArb = fc.array(fc.nat(), { minLength: 8, maxLength: 8 });
const pick = <T>(seed: number, options: readonly T[]): T => options[seed % options.length] as T;
/** Upper-cases the characters the seed's bits pick (for the case-insensitive parts only). */
const mixCase = (text: string, seed: number) => [...text].map((c, i) => ((seed >> i % 30) & 1 ? c.toUpperCase() : c)).join("");
const unicode = (host: string) => host.split(".").map((l) => PUNY.get(l) ?? l).join(".");
const host = (h: string, s: Seeds) => mixCase(unicode(h), s[2] ?? 0) + pick(s[3] ?? 0, ["", "."]);

function expandIPv6(v: string): string {
  const hex = new URL(`http://[${v}]`).hostname.slice(1, -1);
  const [head = "", tail] = hex.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const given = [...groups(head), ...(tail === undefined ? [] : groups(tail))].length;
  const all = tail === undefined ? groups(head) : [...groups(head), ...Array<string>(8 - given).fill("0"), ...groups(tail)];
  return all.map((g) => g.padStart(4, "0")).join(":").toUpperCase();
}

function quoteChunks(text: string, seed: number): string {
  const cut = text.length < 2 ? text.length : 1 + (seed % (text.length - 1));
  const quote = (t: string) => `"${t.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return pick(seed >> 3, [quote(text), `${quote(text.slice(0, cut))} ${quote(text.slice(cut))}`, `  ${quote(text.slice(0, cut))}\t${quote(text.slice(cut))} `, ` ${text} `]);
}

function respellValue(r: DnsRecord, s: Seeds): string {
  const seed = s[4] ?? 0;
  switch (r.type) {
    case "A":
    case "MXE":
      return pick(seed, [r.value, ` ${r.value}\t`]);
    case "AAAA":
      return pick(seed, [r.value, expandIPv6(r.value), r.value.toUpperCase()]);
    case "CNAME":
    case "MX":
    case "NS":
      return host(r.value, s);
    case "TXT":
      return quoteChunks(r.value, seed);
    case "SRV": {
      const [w, p, t] = r.value.split(" ") as [string, string, string];
      return `${pick(seed, ["", "0", "00"])}${w}  ${pick(seed >> 2, ["", "0"])}${p} ${t === "." ? t : host(t, s)}`;
    }
    case "CAA": {
      const [, f, t, v] = /^(\d+) (\w+) "(.*)"$/.exec(r.value) as unknown as [string, string, string, string];
      const unquoted = v !== "" && v.trim() === v;
      return `${pick(seed, ["", "0", "00"])}${f}   ${mixCase(t, s[5] ?? 0)} ${unquoted && seed % 2 ? v : `"${v}"`}`;
    }
    case "URL":
    case "FRAME": {
      // Respell only what parses as a URL; anything else is kept as it is (the property is about spellings).
      if (!URL.canParse(r.value)) return r.value;
      const url = new URL(r.value);
      return `${mixCase(url.protocol, seed)}//${host(url.hostname, s).replace(/\.$/, "")}${url.pathname}`;
    }
  }
}

function respellName(name: string, zone: string, s: Seeds): string {
  const z = unicode(zone);
  const base = name === "@" ? pick(s[0] ?? 0, ["@", "", z, `${z}.`]) : pick(s[0] ?? 0, [name, `${name}.${z}`, `${name}.${z}.`]);
  return mixCase(unicode(base), s[1] ?? 0);
}

function respell(r: DnsRecord, zone: string, s: Seeds): Record<string, unknown> {
  const priority = r.priority === undefined ? pick(s[6] ?? 0, [undefined, "N/A"]) : pick(s[6] ?? 0, [r.priority, String(r.priority), ` 0${r.priority} `]);
  return { name: respellName(r.name, zone, s), type: mixCase(r.type.toLowerCase(), s[7] ?? 0), value: respellValue(r, s), ...(priority === undefined ? {} : { priority }) };
}

const check = (raw: Record<string, unknown>) => checkInputs(dnsRecordSetInputsSchema, raw);

describe("equivalent spellings canonicalise to one state", () => {
  it("case, trailing dots, FQDN vs relative, IDN, IPv6 forms, TXT quoting, priority as text, order: no diff", () => {
    fc.assert(
      fc.property(setArb(8), fc.array(seedsArb, { minLength: 8, maxLength: 8 }), fc.nat(), fc.constantFrom("merge", "authoritative"), ({ zone, records }, seeds, order, mode) => {
        const canonical = check({ domain: zone.canonical, mode, records });
        expect(canonical).toEqual({ ok: true, inputs: { domain: zone.canonical, mode, records: sortRecords(records) } });
        const spelled = records.map((r, i) => ({ raw: respell(r, zone.canonical, seeds[i % 8] ?? []), at: (order * (i + 7)) % 97 }));
        spelled.sort((a, b) => a.at - b.at);
        const outcome = check({ __provider: "x", domain: pick(order, zone.spellings), mode, records: spelled.map((s) => s.raw) });
        expect(outcome).toEqual(canonical);
        if (!outcome.ok || !canonical.ok) return;
        const state = stateAfterSave(canonical.inputs, planSave({ mode, declared: canonical.inputs.records, live: [] }), []);
        expect(diffDnsRecordSet(state, outcome.inputs).changes).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("canonical forms are fixed points", () => {
  const anyText = fc.string({ unit: fc.constantFrom("a", "F", "0", "9", "1", ".", ":", " ", '"', "\\", "/", "x", "-", "_", "@", "*", "h", "t", "p", "s", "ü"), maxLength: 24 });
  it("canonicalising a canonical value or name changes nothing", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RECORD_TYPES), anyText, fc.constantFrom(...ZONES), (type, text, zone) => {
        const v = canonicalValue(type, text);
        if (v.ok) expect(canonicalValue(type, v.value)).toEqual(v);
        const n = canonicalName(text, zone.canonical);
        if (n.ok) expect(canonicalName(n.value, zone.canonical)).toEqual(n);
      }),
      { numRuns: 1500 },
    );
  });

  it("the schema's output, checked again, is itself", () => {
    fc.assert(
      fc.property(setArb(6), seedsArb, ({ zone, records }, seeds) => {
        const first = check({ domain: pick(seeds[0] ?? 0, zone.spellings), records: records.map((r) => respell(r, zone.canonical, seeds)) });
        if (!first.ok) return; // respelling may merge two records into a duplicate; the other property covers validity
        expect(check({ ...first.inputs })).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });

  it("IPv6 output is the RFC 5952 form of the same address (checked against the WHATWG parser)", () => {
    fc.assert(
      fc.property(fc.ipV6(), seedsArb, (address, seeds) => {
        const spelled = pick(seeds[0] ?? 0, [address, address.toUpperCase(), expandIPv6(address)]);
        const canonical = canonicalIPv6(spelled);
        expect(canonical).toBeDefined();
        expect(isIP(canonical ?? "")).toBe(6);
        const whatwg = new URL(`http://[${address}]`).hostname;
        expect(new URL(`http://[${canonical}]`).hostname).toBe(whatwg);
        if (!canonical?.startsWith("::ffff:") || !canonical.includes(".")) expect(`[${canonical}]`).toBe(whatwg);
      }),
      { numRuns: 1500 },
    );
  });
});

// ---------- plans ----------

const OPAQUE: WireRow[] = [
  { hostname: "@", type: "SPF", address: "v=spf1 -all", priority: "N/A" },
  { hostname: "mx", type: "MX", address: "mail.example.net", priority: "N/A" },
  { hostname: "www.elsewhere.net.", type: "A", address: "192.0.2.1", priority: "N/A", recid: "77" },
  { hostname: "x", type: "PTR", address: "host.example.net", priority: "" },
];

const liveArb = fc
  .tuple(setArb(8), fc.array(recordArb, { maxLength: 6 }), fc.subarray(OPAQUE), fc.array(fc.tuple(fc.nat(), fc.nat(), seedsArb), { maxLength: 8 }), fc.constantFrom("merge" as const, "authoritative" as const), fc.nat())
  .map(([{ zone, records: declared }, extra, opaque, picks, mode, managedSeed]) => {
    const zoneName = zone.canonical;
    const others = validSet(zoneName, extra);
    // live: some declared records (maybe with another priority, maybe twice), other records, opaque rows, in any spelling and order
    const pool = [...declared, ...others];
    const rows: WireRow[] = picks.flatMap(([which, prio, s]) => {
      if (pool.length === 0) return [];
      const r = pool[which % pool.length] as DnsRecord;
      const live = r.priority === undefined ? r : { ...r, priority: prio % 3 === 0 ? (prio % 65536) : r.priority };
      const spelled = respell(live, zoneName, s);
      return [{ hostname: String(spelled.name), type: String(spelled.type), address: String(spelled.value), priority: spelled.priority === undefined ? "N/A" : String(spelled.priority).trim() }];
    });
    rows.splice(managedSeed % (rows.length + 1), 0, ...opaque);
    const live = fromWire(rows, zoneName);
    const managed = live.filter((l, i) => l.record !== undefined && (managedSeed >> i % 20) & 1).map(liveKey);
    return { zone: zoneName, declared: sortRecords(declared), live, mode, managed };
  });

const counts = (keys: readonly string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
const records = (rows: readonly LiveRow[]) => rows.flatMap((l) => (l.record === undefined ? [] : [l.record]));

describe("the planned save gives the declared zone", () => {
  it("merge: declared ∪ the rows at other names and types (opaque rows verbatim); authoritative: declared; a second plan is a no-op; delete gives the zone back as found", () => {
    fc.assert(
      fc.property(liveArb, ({ zone, declared, live, mode }) => {
        const plan = planSave({ mode, declared, live });
        const after = fromWire(plan.save, zone);
        const declaredKeys = new Set(declared.map(recordKey));
        const declaredSets = new Set(declared.map(rrsetOf));
        const unmanaged = live.filter((l) => mode === "merge" && !(l.record !== undefined && declaredSets.has(rrsetOf(l.record))));
        // the zone after the save, record by record, priorities included
        expect(sortRecords(records(after))).toEqual(sortRecords([...declared, ...records(unmanaged)]));
        expect(after.filter((l) => l.record === undefined).map((l) => l.row)).toEqual(unmanaged.filter((l) => l.record === undefined).map((l) => l.row));
        // converged: planning again from the saved zone changes nothing
        expect(isNoop(planSave({ mode, declared, live: after, managed: [...declaredKeys] }))).toBe(true);
        // delete: the zone comes back as it was found, every record that was there before is there again
        const found = nextFound({ mode, owned: new Set(), previous: [], declared, live, zone });
        const gone = planDelete({ declared, live: after, found: fromWire(found, zone) });
        const left = fromWire(gone.save, zone);
        const leftRows = left.map((l) => JSON.stringify(l.row));
        for (const l of unmanaged) expect(leftRows).toContain(JSON.stringify(l.row));
        expect([...new Set(left.map(liveKey))].sort()).toEqual([...new Set(live.map(liveKey))].sort());
      }),
      { numRuns: 3000 },
    );
  });
});

it("a plan's save list holds each wire row in the API's shape", () => {
  const row = toWire({ name: "@", type: "MX", value: "mail.example.com", priority: 0 });
  expect(row).toEqual({ hostname: "@", type: "MX", address: "mail.example.com", priority: "0" });
});
