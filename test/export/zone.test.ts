// Which live rows an exported DnsRecordSet declares, and in which mode. The property at the end is
// the point of the module: whatever the zone holds, the runtime's own planner saves nothing when
// the exported set adopts it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromWire, isNoop, planSave, type WireRowLike } from "../../provider/model/dns";
import { planZone } from "../../provider/export";

const row = (hostname: string, type: string, address: string, priority = "N/A"): WireRowLike => ({ hostname, type, address, priority });

describe("planZone", () => {
  it("a zone whose every row is a record is declared whole, authoritative, in canonical form", () => {
    const plan = planZone("example.com", [row("www", "CNAME", "Example.COM."), row("", "A", "192.0.2.1"), row("@", "MX", "mail.example.com", "10"), row("@", "TXT", '"v=spf1 -all"')]);
    expect(plan.mode).toBe("authoritative");
    expect(plan.leftOut).toEqual([]);
    expect(plan.records).toEqual([
      { name: "@", type: "A", value: "192.0.2.1" },
      { name: "@", type: "MX", value: "mail.example.com", priority: 10 },
      { name: "@", type: "TXT", value: "v=spf1 -all" },
      { name: "www", type: "CNAME", value: "example.com" },
    ]);
  });

  it("an empty zone is an authoritative set of no records", () => {
    expect(planZone("example.com", [])).toEqual({ mode: "authoritative", records: [], leftOut: [] });
  });

  it("a row that is not a record (an unknown type, a bad priority) stays unmanaged: merge mode", () => {
    const plan = planZone("example.com", [row("@", "A", "192.0.2.1"), row("@", "SPF", "v=spf1 -all"), row("@", "MX", "mail.example.com", "high")]);
    expect(plan.mode).toBe("merge");
    expect(plan.records).toEqual([{ name: "@", type: "A", value: "192.0.2.1" }]);
    expect(plan.leftOut.map((l) => l.row)).toEqual(["@/SPF/v=spf1 -all", "@/MX/mail.example.com"]);
    expect(plan.leftOut[0]?.reason).toMatch(/cannot be read as a record \(type "SPF" is not one this provider manages\)/);
  });

  it("both copies of a duplicate stay unmanaged (declaring one would remove the other), the rest of the name is declared", () => {
    const plan = planZone("example.com", [row("@", "MX", "mail.example.com", "10"), row("@", "MX", "MAIL.example.com.", "20"), row("@", "A", "192.0.2.1")]);
    expect(plan.mode).toBe("merge");
    expect(plan.records).toEqual([{ name: "@", type: "A", value: "192.0.2.1" }]);
    expect(plan.leftOut).toEqual([
      { row: "@/MX/mail.example.com", reason: expect.stringMatching(/appears 2 times/) },
      { row: "@/MX/mail.example.com", reason: expect.stringMatching(/appears 2 times/) },
    ]);
  });

  it("every record on a name that breaks the CNAME rules stays unmanaged; other names are declared", () => {
    const plan = planZone("example.com", [row("legacy", "CNAME", "old.example.net"), row("legacy", "TXT", "hello"), row("@", "CNAME", "elsewhere.example.net"), row("www", "A", "192.0.2.2")]);
    expect(plan.mode).toBe("merge");
    expect(plan.records).toEqual([{ name: "www", type: "A", value: "192.0.2.2" }]);
    expect(plan.leftOut.map((l) => l.row).sort()).toEqual(["@/CNAME/elsewhere.example.net", "legacy/CNAME/old.example.net", "legacy/TXT/hello"]);
  });

  it("a record beside a duplicated CNAME is left with it, so the set never clashes with a kept CNAME", () => {
    const plan = planZone("example.com", [row("www", "CNAME", "a.example.net"), row("www", "CNAME", "a.example.net"), row("www", "TXT", "x"), row("@", "A", "192.0.2.1")]);
    expect(plan.records).toEqual([{ name: "@", type: "A", value: "192.0.2.1" }]);
    expect(plan.leftOut).toHaveLength(3);
  });

  it("property: whatever the live zone, adopting the exported set saves nothing (the runtime's planner agrees)", () => {
    const names = fc.constantFrom("@", "", "www", "WWW", "mail", "_dmarc", "*.dev", "www.example.com.", "x.other.org.");
    const types = fc.constantFrom("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS", "SPF", "a");
    const addresses = fc.constantFrom("192.0.2.1", "2001:DB8::1", "example.com.", "Mail.Example.com", '"v=spf1" " -all"', "5 5060 sip.example.com", '0 issue "letsencrypt.org"', "", "not an ip");
    const priorities = fc.constantFrom("N/A", "10", "20", "x", "");
    const rows = fc.array(fc.record({ hostname: names, type: types, address: addresses, priority: priorities }), { maxLength: 12 });
    fc.assert(
      fc.property(rows, (zone) => {
        const plan = planZone("example.com", zone);
        const saved = planSave({ mode: plan.mode, declared: plan.records, live: fromWire(zone, "example.com") });
        expect(isNoop(saved)).toBe(true);
        expect(saved.conflicts).toEqual([]);
        expect(plan.mode === "authoritative").toBe(plan.leftOut.length === 0);
      }),
      { numRuns: 400 },
    );
  });
});
