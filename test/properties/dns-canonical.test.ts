// Properties of DNS canonicalisation (provider/model/dns): every spelling the model calls
// equivalent reads as one record, whichever way it arrives (declared by the user, or returned by
// the server), and a canonical form is a fixed point. If either fails, a zone never converges: a
// record declared one way and read back another is "changed" on every `up`, and a merge save adds
// it again beside the live copy.
//
// test/model/dnsProperties.test.ts checks whole declared sets through the schema; this file adds
// the server's side (fromWireRow) and the agreement between the two paths, for every type.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalName, canonicalValue, checkRecord, fromWireRow, RECORD_TYPES, recordKey, toWire, WITH_PRIORITY, zoneRecords, type DnsRecord, type RecordType } from "../../provider/model/dns";
import { rawNameArb, recordArb, respellDeclared, respellName, respellRow, respellValue, valueArb, zoneArb, ZONES } from "./dns-arbitraries";

const SEED = 5_060_443;

/** The declared path: one record checked on its own, then placed in the zone (as the schema does). */
function declare(zone: string, raw: { name: string; type: string; value: string; priority?: number | string }): DnsRecord | undefined {
  const checked = checkRecord(raw);
  if (!checked.ok) return undefined;
  const placed = zoneRecords(zone, [checked.record]);
  return placed.problems.length === 0 ? placed.records[0] : undefined;
}

// Text near the valid forms, for the fixed-point properties: pieces of names, addresses, quotes,
// escapes and separators, so most strings are refused and some parse in unexpected ways.
const PIECES = ["a", "Z", "0", "9", "1", ".", ":", "::", " ", "\t", '"', "\\", "/", "-", "_", "@", "*", "ü", "xn--", "ffff", "255", "http://", "https://", "example", "com", "issue", "iodef", ";", "=", "%"];
const noise = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 10 });

describe("canonical forms are fixed points", () => {
  it("names: canonical twice is canonical once, and the two-stage check (spelling, then zone) gives the zone's answer", () => {
    const name = fc.oneof(rawNameArb, rawNameArb.chain((n) => respellName(n, "example.com")), noise);
    fc.assert(
      fc.property(zoneArb, name, (zone, raw) => {
        const once = canonicalName(raw, zone);
        if (once.ok) expect(canonicalName(once.value, zone)).toEqual(once);
        const spelling = canonicalName(raw, undefined);
        if (spelling.ok) {
          expect(canonicalName(spelling.value, undefined)).toEqual(spelling);
          // Same verdict (the refusal quotes what it was given, so only the outcome is compared).
          const twoStage = canonicalName(spelling.value, zone);
          expect(twoStage.ok ? twoStage.value : undefined).toEqual(once.ok ? once.value : undefined);
        } else expect(once.ok).toBe(false);
      }),
      { seed: SEED, numRuns: 4000 },
    );
  });

  it.each(RECORD_TYPES.map((type) => ({ type })))("$type values: canonical twice is canonical once", ({ type }) => {
    const value = fc.oneof(valueArb[type].chain((v) => respellValue(type, v)), noise, valueArb[type].chain((v) => noise.map((n) => `${v}${n}`)));
    fc.assert(
      fc.property(value, (raw) => {
        const once = canonicalValue(type, raw);
        if (once.ok) expect(canonicalValue(type, once.value)).toEqual(once);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

describe("regressions found by these properties", () => {
  it("a name that ends in the zone twice is refused: its relative form would read back as another name", () => {
    // Found by the fixed-point property: "b.example.com.example.com" became "b.example.com",
    // which reads back as "b"; a merge save then added the record again on every up.
    for (const [raw, zone] of [
      ["b.example.com.example.com", "example.com"],
      ["b.example.com.example.com.", "example.com"],
      ["EXAMPLE.com.example.com.", "example.com"],
      ["xn--bcher-kva.de.xn--bcher-kva.de", "xn--bcher-kva.de"],
    ] as const) {
      const once = canonicalName(raw, zone);
      expect(once.ok).toBe(false);
      if (!once.ok) expect(once.problem).toContain("ends in the zone");
    }
    // Read from the server, such a row is kept verbatim as an unreadable row, never as a wrong record.
    const live = fromWireRow({ hostname: "b.example.com.example.com.", type: "A", address: "192.0.2.1", priority: "N/A" }, "example.com");
    expect(live.record).toBeUndefined();
    // Names that merely contain the zone's labels stay valid.
    expect(canonicalName("example.b.example.com", "example.com")).toEqual({ ok: true, value: "example.b" });
    expect(canonicalName("com.example", "example.com")).toEqual({ ok: true, value: "com.example" });
  });
});

describe("equivalent spellings are one record, declared or read", () => {
  const caseArb = zoneArb.chain((zone) => recordArb(zone).map((record) => ({ zone, record })));

  it("a row the server returns in any equivalent spelling reads as the canonical record", () => {
    fc.assert(
      fc.property(caseArb.chain(({ zone, record }) => respellRow(record, zone).map((row) => ({ zone, record, row }))), ({ zone, record, row }) => {
        expect(fromWireRow(row, zone)).toEqual({ row, record });
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it("the row a save writes reads back as the record it was written for", () => {
    fc.assert(
      fc.property(caseArb, ({ zone, record }) => {
        expect(fromWireRow(toWire(record, "7"), zone).record).toEqual(record);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it("a record declared in any equivalent spelling is the canonical record", () => {
    // A CNAME at the apex is refused whatever its spelling (a rule of the zone, not of spelling).
    const declarable = caseArb.filter(({ record }) => !(record.type === "CNAME" && record.name === "@"));
    fc.assert(
      fc.property(declarable.chain(({ zone, record }) => respellDeclared(record, zone).map((raw) => ({ zone, record, raw }))), ({ zone, record, raw }) => {
        expect(declare(zone, raw)).toEqual(record);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it("whatever the declared path accepts, the server's row of the same text reads as the same record", () => {
    // Arbitrary fields, not only respellings: if the two paths ever disagreed, a declared record
    // saved and read back would be another record (or unreadable) and every save would add it again.
    const fields = fc.record({
      zone: zoneArb,
      name: fc.oneof(rawNameArb, noise, fc.constantFrom("@", "", " ", ...ZONES, ...ZONES.map((z) => `${z}.`))),
      type: fc.oneof(fc.constantFrom(...RECORD_TYPES), fc.constantFrom(...RECORD_TYPES).map((t) => ` ${t.toLowerCase()}`)),
    });
    const raw = fields.chain(({ zone, name, type }) => {
      const t = type.trim().toUpperCase() as RecordType;
      return fc
        .tuple(fc.oneof(valueArb[t].chain((v) => respellValue(t, v)), noise), WITH_PRIORITY.has(t) ? fc.oneof(fc.integer({ min: 0, max: 70000 }), fc.constantFrom(" 10", "010", "x")) : fc.constant(undefined))
        .map(([value, priority]) => ({ zone, raw: { name, type, value, ...(priority === undefined ? {} : { priority }) } }));
    });
    fc.assert(
      fc.property(raw, ({ zone, raw }) => {
        const declared = declare(zone, raw);
        if (declared === undefined) return;
        const row = { hostname: raw.name, type: raw.type, address: raw.value, priority: raw.priority === undefined ? "N/A" : String(raw.priority) };
        const read = fromWireRow(row, zone);
        expect(read.record).toEqual(declared);
        expect(recordKey(read.record!)).toBe(recordKey(declared));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
