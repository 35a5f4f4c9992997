import { describe, expect, it } from "vitest";
import {
  fromWire,
  fromWireRow,
  inputsOfState,
  isNoop,
  knownLiveCount,
  nextFound,
  duplicateSpf,
  recordKey,
  stateRecords,
  upgradeFromV1,
  planDelete,
  planSave,
  recordMap,
  refreshState,
  refuseSuspiciousRead,
  stateAfterSave,
  toWire,
  type DnsRecord,
  type DnsRecordSetState,
  type WireRow,
} from "../../provider/model/dns";

const ZONE = "example.com";
const row = (hostname: string, type: string, address: string, priority = "N/A", recid?: string): WireRow => ({ hostname, type, address, priority, ...(recid ? { recid } : {}) });
const A: DnsRecord = { name: "@", type: "A", value: "192.0.2.10" };
const WWW: DnsRecord = { name: "www", type: "CNAME", value: "example.com" };
const MX: DnsRecord = { name: "@", type: "MX", value: "mail.example.com", priority: 10 };
const SRV: DnsRecord = { name: "_sip._tcp", type: "SRV", value: "5 5060 sip.example.com", priority: 20 };
const TXT: DnsRecord = { name: "@", type: "TXT", value: "v=spf1 -all" };

describe("wire rows", () => {
  it("writes the apex as \"@\", relative names, and \"N/A\" where a type has no priority", () => {
    expect(toWire(A)).toEqual(row("@", "A", "192.0.2.10"));
    expect(toWire(MX, "7")).toEqual(row("@", "MX", "mail.example.com", "10", "7"));
    expect(toWire(SRV)).toEqual(row("_sip._tcp", "SRV", "5 5060 sip.example.com", "20"));
  });

  it("round-trips every canonical record through its row", () => {
    for (const record of [A, WWW, MX, SRV, TXT]) expect(fromWireRow(toWire(record), ZONE)).toEqual({ row: toWire(record), record });
  });

  it("reads the apex however the server spells it: \"@\", \"\", the zone, the zone with a dot, any case", () => {
    for (const hostname of ["@", "", "example.com", "EXAMPLE.COM.", " @ "]) expect(fromWireRow(row(hostname, "a", "192.0.2.10"), ZONE).record).toEqual(A);
    expect(fromWireRow(row("WWW.example.com.", "CNAME", "Example.com."), ZONE).record).toEqual(WWW);
  });

  it("reads values leniently: quoted TXT, numbers as numbers, missing fields, the SRV priority folded into the address", () => {
    expect(fromWireRow(row("@", "TXT", '"v=spf1" " -all"'), ZONE).record).toEqual(TXT);
    expect(fromWireRow({ hostname: "@", type: "MX", address: "mail.example.com", priority: 10, recid: 3 }, ZONE)).toEqual({
      row: row("@", "MX", "mail.example.com", "10", "3"),
      record: MX,
    });
    expect(fromWireRow({ hostname: "@", type: "A", address: "192.0.2.10" }, ZONE)).toEqual({ row: row("@", "A", "192.0.2.10"), record: A });
    expect(fromWireRow(row("_sip._tcp", "SRV", "20 5 5060 sip.example.com."), ZONE).record).toEqual(SRV);
    expect(fromWireRow(row("www", "A", "192.0.2.1", "0"), ZONE).record).toEqual({ name: "www", type: "A", value: "192.0.2.1" });
  });

  it("keeps rows it cannot read as opaque, verbatim, with the reason", () => {
    const cases: [WireRow, RegExp][] = [
      [row("@", "SPF", "v=spf1 -all"), /type "SPF" is not one this provider manages/],
      [row("www.other.net.", "A", "192.0.2.1"), /hostname .*outside the zone/],
      [row("www", "A", "not-an-ip"), /address .*IPv4/],
      [row("@", "MX", "mail.example.com", "N/A"), /priority "N\/A" is not a number 0-65535, which a MX record needs/],
      [row("@", "MX", "mail.example.com", "99999"), /priority "99999"/],
    ];
    for (const [wire, reason] of cases) expect(fromWireRow(wire, ZONE)).toEqual({ row: wire, opaque: expect.stringMatching(reason) });
    expect(fromWire([{ hostname: null, type: undefined, address: {} }], ZONE)).toEqual([{ row: row("", "", ""), opaque: expect.any(String) }]);
  });
});

describe("planSave", () => {
  const live = fromWire(
    [row("@", "A", "192.0.2.10", "N/A", "1"), row("@", "MX", "mail.example.com", "5", "2"), row("old", "A", "192.0.2.99", "N/A", "3"), row("other", "A", "192.0.2.50", "N/A", "4"), row("@", "SPF", "v=spf1", "N/A", "5")],
    ZONE,
  );

  it("merge: replaces live rows with declared keys in place, adds the rest, keeps what it does not manage (opaque rows too)", () => {
    const plan = planSave({ mode: "merge", declared: [A, MX, WWW], live });
    expect(plan.save).toEqual([
      row("@", "A", "192.0.2.10", "N/A", "1"),
      row("@", "MX", "mail.example.com", "10", "2"),
      row("old", "A", "192.0.2.99", "N/A", "3"),
      row("other", "A", "192.0.2.50", "N/A", "4"),
      row("@", "SPF", "v=spf1", "N/A", "5"),
      row("www", "CNAME", "example.com"),
    ]);
    expect(plan.adds).toEqual([WWW]);
    expect(plan.changes).toEqual([{ key: "@/MX/mail.example.com", old: { ...MX, priority: 5 }, new: MX }]); // a priority change is a change of that record
    expect(plan.unchanged).toEqual(["@/A/192.0.2.10"]);
    expect(plan.removes).toEqual([]);
    expect(plan.kept).toHaveLength(3);
    expect(plan.conflicts).toEqual([]);
    expect(isNoop(plan)).toBe(false);
  });

  it("merge: removes a record it managed before and no longer declares, and duplicates of a declared record", () => {
    const withDuplicate = [...live, ...fromWire([row("@", "A", "192.0.2.10", "N/A", "9")], ZONE)];
    const plan = planSave({ mode: "merge", declared: [A], live: withDuplicate, managed: ["@/A/192.0.2.10", "old/A/192.0.2.99", "@/SPF/v=spf1"] });
    expect(plan.removes.map((r) => [r.key, r.opaque])).toEqual([
      ["old/A/192.0.2.99", false],
      ["@/A/192.0.2.10", false],
    ]);
    expect(plan.save.map((r) => r.hostname + "/" + r.type)).toEqual(["@/A", "@/MX", "other/A", "@/SPF"]); // the opaque row stays although its text matches a managed key
  });

  it("authoritative: saves the declared records only and lists every other row as removed", () => {
    const plan = planSave({ mode: "authoritative", declared: [A, WWW], live });
    expect(plan.save).toEqual([row("@", "A", "192.0.2.10", "N/A", "1"), row("www", "CNAME", "example.com")]);
    expect(plan.removes.map((r) => [r.key, r.opaque])).toEqual([
      ["@/MX/mail.example.com", false],
      ["old/A/192.0.2.99", false],
      ["other/A/192.0.2.50", false],
      ["@/SPF/v=spf1", true],
    ]);
    expect(plan.kept).toEqual([]);
  });

  it("is a no-op when the zone already holds the declared records", () => {
    const plan = planSave({ mode: "merge", declared: [A], live });
    expect(plan.unchanged).toEqual(["@/A/192.0.2.10"]);
    expect(isNoop(plan)).toBe(true);
  });

  it("merge: names a declared CNAME that would sit beside an unmanaged record, and the reverse", () => {
    const zone = fromWire([row("www", "A", "192.0.2.1"), row("blog", "CNAME", "example.net")], ZONE);
    const plan = planSave({ mode: "merge", declared: [WWW, { name: "blog", type: "TXT", value: "x" }], live: zone });
    expect(plan.conflicts).toEqual([
      expect.stringMatching(/^www\/CNAME would share its name with the www\/A record \(www\/A\/192\.0\.2\.1\).*mode "authoritative"/),
      expect.stringMatching(/^blog\/TXT would share its name with the blog\/CNAME record/),
    ]);
    expect(planSave({ mode: "authoritative", declared: [WWW], live: zone }).conflicts).toEqual([]);
  });
});

describe("ownership: what a set found, and what it gives back", () => {
  const zone = fromWire([row("@", "A", "192.0.2.10", "N/A", "1"), row("legacy", "A", "192.0.2.2", "N/A", "2"), row("@", "SPF", "v=spf1", "N/A", "3")], ZONE);
  const found = (mode: "merge" | "authoritative", owned: ReadonlySet<string> | "zone", previous: WireRow[], declared: DnsRecord[], live = zone) => nextFound({ mode, owned, previous, declared, live, zone: ZONE });

  it("merge takes over each declared name and type as found there; authoritative takes over the whole zone, unreadable rows too", () => {
    expect(found("merge", new Set(), [], [{ ...A, value: "192.0.2.99" }, WWW])).toEqual([row("@", "A", "192.0.2.10", "N/A", "1")]);
    expect(found("authoritative", new Set(), [], [A])).toEqual(zone.map((r) => r.row));
  });

  it("rows that appear later at a name and type already owned are drift, never found; a zone owned already records nothing new", () => {
    const previous = [row("@", "A", "192.0.2.10", "N/A", "1")];
    const later = fromWire([...previous, row("@", "A", "203.0.113.66")], ZONE);
    expect(found("merge", new Set(["@/A"]), previous, [A], later)).toEqual(previous);
    expect(found("authoritative", "zone", previous, [A], later)).toEqual(previous);
  });

  it("merge → authoritative records the rows outside what the set owned; a set let go of leaves the list", () => {
    const previous = [row("@", "A", "192.0.2.10", "N/A", "1")];
    expect(found("authoritative", new Set(["@/A"]), previous, [A])).toEqual([previous[0], row("legacy", "A", "192.0.2.2", "N/A", "2"), row("@", "SPF", "v=spf1", "N/A", "3")]);
    expect(found("merge", new Set(["@/A"]), previous, [WWW], fromWire([], ZONE))).toEqual([]);
  });

  it("delete removes the set's own records and gives back the value it replaced; records there before it stay", () => {
    const before = fromWire([row("@", "A", "192.0.2.1", "N/A", "1"), row("@", "MX", "mail.example.com", "10", "2"), row("other", "A", "192.0.2.50", "N/A", "3")], ZONE);
    const declared = [A, MX]; // @ A replaced 192.0.2.1; the MX was already live, as declared
    const takeover = nextFound({ mode: "merge", owned: new Set(), previous: [], declared, live: before, zone: ZONE });
    const after = fromWire(planSave({ mode: "merge", declared, live: before }).save, ZONE);
    const plan = planDelete({ declared, live: after, found: fromWire(takeover, ZONE) });
    expect(plan.removes.map((r) => r.key)).toEqual(["@/A/192.0.2.10"]);
    expect(plan.restores).toEqual([row("@", "A", "192.0.2.1")]);
    expect(plan.save).toEqual(expect.arrayContaining([row("@", "MX", "mail.example.com", "10", "2"), row("other", "A", "192.0.2.50", "N/A", "3")]));
    expect(plan.save).toHaveLength(3);
  });

  it("delete puts a changed priority back and removes a value that appeared later at an owned name and type", () => {
    const takeover = [row("@", "MX", "mail.example.com", "5", "2")];
    const live = fromWire([row("@", "MX", "mail.example.com", "10", "2"), row("@", "MX", "evil.example.net", "1", "7")], ZONE);
    const plan = planDelete({ declared: [MX], live, found: fromWire(takeover, ZONE) });
    expect(plan.removes.map((r) => r.key).sort()).toEqual(["@/MX/evil.example.net", "@/MX/mail.example.com"]);
    expect(plan.save).toEqual([row("@", "MX", "mail.example.com", "5")]);
  });

  it("delete in authoritative mode puts back the rows found, once, beside anything added since", () => {
    const takeover = [row("legacy", "A", "192.0.2.2", "N/A", "2"), row("@", "SPF", "v=spf1", "N/A", "3")];
    const now = fromWire([row("@", "A", "192.0.2.10", "N/A", "1"), row("new", "A", "192.0.2.7", "N/A", "8"), row("@", "SPF", "v=spf1", "N/A", "9")], ZONE);
    const plan = planDelete({ declared: [A], live: now, found: fromWire(takeover, ZONE) });
    expect(plan.save).toEqual([row("new", "A", "192.0.2.7", "N/A", "8"), row("@", "SPF", "v=spf1", "N/A", "9"), row("legacy", "A", "192.0.2.2")]);
    expect(plan.restores).toEqual([row("legacy", "A", "192.0.2.2")]);
    expect(isNoop(planDelete({ declared: [], live: now, found: fromWire(takeover.slice(1), ZONE) }))).toBe(true);
  });

  it("an adopted zone (every declared record found as declared) is left exactly as it is by delete", () => {
    const declared = [A, MX, WWW, TXT];
    const live = fromWire(declared.map((r) => toWire(r)), ZONE);
    const takeover = nextFound({ mode: "merge", owned: new Set(), previous: [], declared, live, zone: ZONE });
    expect(isNoop(planDelete({ declared, live, found: fromWire(takeover, ZONE) }))).toBe(true);
  });

  it("a record set handed over to another resource is left as it is by delete and by an update that lets go of it", () => {
    const live = fromWire([toWire(A), toWire(WWW)], ZONE);
    expect(isNoop(planDelete({ declared: [A, WWW], live, found: [], handedOver: new Set(["@/A", "www/CNAME"]) }))).toBe(true);
    const shrink = planSave({ mode: "merge", declared: [WWW], live, managed: [recordKey(A), recordKey(WWW)], found: fromWire([row("@", "A", "192.0.2.1")], ZONE), handedOver: new Set(["@/A"]) });
    expect(isNoop(shrink)).toBe(true);
  });

  it("merge repairs a value added out of band at a declared name and type, and leaves other names alone", () => {
    const live = fromWire([toWire(A), row("@", "A", "203.0.113.66", "N/A", "9"), row("other", "A", "192.0.2.50")], ZONE);
    const plan = planSave({ mode: "merge", declared: [A], live, managed: [recordKey(A)] });
    expect(plan.removes.map((r) => r.key)).toEqual(["@/A/203.0.113.66"]);
    expect(plan.kept).toEqual([row("other", "A", "192.0.2.50")]);
  });

  it("letting go of a name and type in merge mode gives back what was found there", () => {
    const live = fromWire([toWire(A), toWire(WWW)], ZONE);
    const plan = planSave({ mode: "merge", declared: [WWW], live, managed: [recordKey(A), recordKey(WWW)], found: fromWire([row("@", "A", "192.0.2.1", "N/A", "4")], ZONE) });
    expect(plan.removes.map((r) => r.key)).toEqual(["@/A/192.0.2.10"]);
    expect(plan.restores).toEqual([row("@", "A", "192.0.2.1")]);
  });

  it("warns of two v=spf1 values on one name", () => {
    expect(duplicateSpf([TXT, { name: "@", type: "TXT", value: "v=spf1 include:x -all" }, { name: "mail", type: "TXT", value: "v=spf1 -all" }])).toEqual(["@"]);
  });

  it("state written by version 1 keeps its records in place on delete (taken as found)", () => {
    const v1 = { domain: ZONE, mode: "merge", records: recordMap([A, MX]), unmanagedCount: 1, takeover: [row("old", "A", "192.0.2.9")] };
    const state = upgradeFromV1(v1);
    expect(state.found).toEqual([row("old", "A", "192.0.2.9"), toWire(A), toWire(MX)]);
    expect("takeover" in state).toBe(false);
    const live = fromWire([toWire(A), toWire(MX)], ZONE);
    const plan = planDelete({ declared: stateRecords(state), live, found: fromWire(state.found, ZONE) });
    expect(plan.removes).toEqual([]);
    expect(plan.restores).toEqual([row("old", "A", "192.0.2.9")]);
  });
});

describe("refuseSuspiciousRead", () => {
  it("refuses a save after an empty read when the state knows the zone had records, and says what to do", () => {
    expect(refuseSuspiciousRead(ZONE, [], 4)).toMatch(/example\.com came back empty, but the last apply left 4 rows there.*Nothing was saved. Run "pulumi refresh"/);
    expect(refuseSuspiciousRead(ZONE, [], 1)).toMatch(/left 1 row there/);
  });

  it("refuses an unreadable body, and a read where no row reads as a record", () => {
    expect(refuseSuspiciousRead(ZONE, undefined, 0)).toMatch(/not a list of records.*Nothing was saved/);
    expect(refuseSuspiciousRead(ZONE, fromWire([row("@", "SPF", "x"), row("@", "PTR", "y")], ZONE), 2)).toMatch(/none of the 2 rows the DNS of example\.com returned could be read/);
  });

  it("lets a normal read through, and an empty zone that was empty before", () => {
    expect(refuseSuspiciousRead(ZONE, fromWire([toWire(A)], ZONE), 3)).toBeUndefined();
    expect(refuseSuspiciousRead(ZONE, [], 0)).toBeUndefined();
    expect(refuseSuspiciousRead(ZONE, fromWire([row("@", "SPF", "x")], ZONE), 0)).toBeUndefined();
  });
});

describe("state", () => {
  const inputs = { domain: ZONE, mode: "merge" as const, records: [A, MX] };

  it("after a save: the declared records by key, the unmanaged count, and what was found", () => {
    const live = fromWire([row("other", "A", "192.0.2.50"), row("@", "SPF", "v=spf1")], ZONE);
    const state = stateAfterSave(inputs, planSave({ mode: "merge", declared: inputs.records, live }), []);
    expect(state).toEqual({ domain: ZONE, mode: "merge", records: { "@/A/192.0.2.10": A, "@/MX/mail.example.com": MX }, unmanagedCount: 2, found: [] });
    expect(knownLiveCount(state)).toBe(4);
    expect(inputsOfState(state)).toEqual(inputs);
    const auth = stateAfterSave({ ...inputs, mode: "authoritative" }, planSave({ mode: "authoritative", declared: inputs.records, live }), live.map((r) => r.row));
    expect(auth.found).toEqual([row("other", "A", "192.0.2.50"), row("@", "SPF", "v=spf1")]);
    expect(auth.unmanagedCount).toBe(0);
    expect(JSON.parse(JSON.stringify(auth))).toEqual(auth); // JSON-clean
    const other = stateAfterSave({ ...inputs, profile: "eu-account" }, planSave({ mode: "merge", declared: inputs.records, live }), []);
    expect(other.profile).toBe("eu-account");
    expect(inputsOfState(other)).toEqual({ ...inputs, profile: "eu-account" });
    expect(refreshState(other, live).profile).toBe("eu-account");
  });

  it("refresh in merge mode takes every live value at the owned names and types, with its live priority", () => {
    const state: DnsRecordSetState = { domain: ZONE, mode: "merge", records: recordMap([A, MX, WWW]), unmanagedCount: 0, found: [] };
    const live = fromWire([row("@", "A", "192.0.2.10"), row("@", "A", "192.0.2.10"), row("@", "A", "203.0.113.66"), row("@", "MX", "mail.example.com", "30"), row("x", "A", "192.0.2.3"), row("@", "SPF", "y")], ZONE);
    const hijack = { name: "@", type: "A" as const, value: "203.0.113.66" };
    expect(refreshState(state, live)).toEqual({ domain: ZONE, mode: "merge", records: recordMap([A, hijack, { ...MX, priority: 30 }]), unmanagedCount: 3, found: [] });
  });

  it("refresh in authoritative mode takes in every readable record, so the diff shows the extra ones", () => {
    const state: DnsRecordSetState = { domain: ZONE, mode: "authoritative", records: recordMap([A]), found: [row("old", "A", "192.0.2.9")], unmanagedCount: 0 };
    const live = fromWire([row("@", "A", "192.0.2.10"), row("x", "A", "192.0.2.3"), row("@", "SPF", "y")], ZONE);
    expect(refreshState(state, live)).toEqual({ ...state, records: recordMap([A, { name: "x", type: "A", value: "192.0.2.3" }]), unmanagedCount: 1 });
  });
});
