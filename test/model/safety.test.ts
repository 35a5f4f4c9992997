import { describe, expect, it } from "vitest";
import type { DnsRecord } from "../../provider/model/dns";
import { recordMap } from "../../provider/model/dns";
import { ChargePlan, parseDeleteConsent, planChecksum, reviewDeletions, reviewZoneChange, zoneChangeOf } from "../../provider/model/safety";

const a = (name: string, value: string): DnsRecord => ({ name, type: "A", value });
const zone = (n: number): DnsRecord[] => Array.from({ length: n }, (_, i) => a(`host${i}`, `192.0.2.${i + 1}`));
const NS: DnsRecord[] = [
  { name: "@", type: "NS", value: "ns1.example.net" },
  { name: "@", type: "NS", value: "ns2.example.net" },
];
const thresholds = { percent: 30, minRecords: 10 };
const olds = (records: DnsRecord[], unmanagedCount = 0, mode: "merge" | "authoritative" = "merge") => ({ domain: "example.com", mode, records: recordMap(records), unmanagedCount });

describe("zone-change rail", () => {
  it("lets a change of 30 % or less of a 10-record zone through", () => {
    const live = zone(10);
    const declared = [...live.slice(3), a("new", "198.51.100.1")];
    expect(reviewZoneChange({ olds: olds(live), declared: { mode: "merge", records: declared }, thresholds }).ok).toBe(true);
  });

  it("refuses deleting 4 of 10 records, listing them and printing the consent", () => {
    const live = zone(10);
    const verdict = reviewZoneChange({ olds: olds(live), declared: { mode: "merge", records: live.slice(4) }, thresholds });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.message).toContain('safety rail "zone-change"');
    expect(verdict.message).toContain("4 of the 10 live records of example.com (40 %");
    expect(verdict.message).toContain("- host0/A/192.0.2.1");
    const checksum = planChecksum("example.com", verdict.change.lines);
    expect(verdict.message).toContain(`allowChanges: { changes: 4, checksum: "${checksum}" }`);
  });

  it("counts a rewrite (value changed) as destructive, and additions not", () => {
    const live = zone(10);
    const rewritten = [...live.slice(4), ...live.slice(0, 4).map((r) => ({ ...r, value: r.value.replace("192.0.2", "203.0.113") }))];
    expect(zoneChangeOf({ olds: olds(live), declared: { mode: "merge", records: rewritten } }).destructive).toBe(4);
    const grown = [...live, ...zone(30).slice(10)];
    expect(reviewZoneChange({ olds: olds(live), declared: { mode: "merge", records: grown }, thresholds }).ok).toBe(true);
  });

  it("leaves small zones alone, and counts records the resource does not manage as part of the zone", () => {
    const live = zone(9);
    expect(reviewZoneChange({ olds: olds(live), declared: { mode: "merge", records: [] }, thresholds }).ok).toBe(true);
    // 4 managed records in a zone of 20: deleting all 4 is 20 %.
    expect(reviewZoneChange({ olds: olds(zone(4), 16), declared: { mode: "merge", records: [] }, thresholds }).ok).toBe(true);
  });

  it("counts the undeclared records an authoritative set removes", () => {
    const verdict = reviewZoneChange({ olds: olds(zone(6), 6), declared: { mode: "authoritative", records: zone(6) }, thresholds });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toContain("- 6 records not declared here (authoritative)");
  });

  it("refuses any change of the apex NS records, whatever the zone's size", () => {
    for (const declared of [[NS[0] as DnsRecord], [...NS, { name: "@", type: "NS" as const, value: "ns3.example.net" }]]) {
      const verdict = reviewZoneChange({ olds: olds(NS), declared: { mode: "merge", records: declared }, thresholds });
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.message).toContain('safety rail "apex-ns"');
    }
    // NS records of a delegated subdomain are ordinary records.
    expect(reviewZoneChange({ olds: olds([]), declared: { mode: "merge", records: [{ name: "dev", type: "NS", value: "ns1.other.net" }] }, thresholds }).ok).toBe(true);
  });

  it("passes with the consent for this very change, and refuses a stale consent", () => {
    const live = zone(10);
    const declared = { mode: "merge" as const, records: live.slice(5) };
    const first = reviewZoneChange({ olds: olds(live), declared, thresholds });
    if (first.ok) throw new Error("expected a refusal");
    const consent = { changes: first.change.lines.length, checksum: planChecksum("example.com", first.change.lines) };
    expect(reviewZoneChange({ olds: olds(live), declared, thresholds, consent }).ok).toBe(true);
    expect(reviewZoneChange({ olds: olds(live), declared, thresholds, consent: { ...consent, checksum: consent.checksum.toUpperCase() } }).ok).toBe(true);
    const other = reviewZoneChange({ olds: olds(live), declared: { mode: "merge", records: live.slice(6) }, thresholds, consent });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.message).toContain("was for a different change");
  });

  it("uses the configured thresholds", () => {
    const live = zone(10);
    const declared = { mode: "merge" as const, records: live.slice(2) };
    expect(reviewZoneChange({ olds: olds(live), declared, thresholds }).ok).toBe(true);
    expect(reviewZoneChange({ olds: olds(live), declared, thresholds: { percent: 10, minRecords: 10 } }).ok).toBe(false);
    expect(reviewZoneChange({ olds: olds(live), declared, thresholds: { percent: 10, minRecords: 11 } }).ok).toBe(true);
  });

  it("gives the same checksum whatever the order of the lines", () => {
    expect(planChecksum("example.com", ["+ a", "- b"])).toBe(planChecksum("example.com", ["- b", "+ a"]));
    expect(planChecksum("example.com", ["+ a"])).not.toBe(planChecksum("example.org", ["+ a"]));
  });
});

describe("charge rail", () => {
  const quote = (amount: string, kind: "register" | "renew" = "register") => ({ kind, years: 1, amount, currency: "USD" });

  it("keeps a running total per run, and a second check of one domain replaces its charge", () => {
    const plan = new ChargePlan();
    expect(plan.plan({ domain: "a.com", quote: quote("10.00") }, 30)).toEqual({ ok: true, runningTotal: "10.00" });
    expect(plan.plan({ domain: "b.com", quote: quote("12.50", "renew") }, 30)).toEqual({ ok: true, runningTotal: "22.50" });
    expect(plan.plan({ domain: "a.com", quote: quote("10.00") }, 30)).toEqual({ ok: true, runningTotal: "22.50" });
  });

  it("refuses the charge that takes the run over maxChargePerRun, listing the charges and the fix", () => {
    const plan = new ChargePlan();
    plan.plan({ domain: "a.com", quote: quote("20.00") }, 30);
    const verdict = plan.plan({ domain: "b.com", quote: quote("10.01") }, 30);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.message).toContain('safety rail "max-charge-per-run"');
    expect(verdict.message).toContain("30.01 USD, more than domainsreseller:maxChargePerRun (30.00)");
    expect(verdict.message).toContain("a.com: register 1 year, 20.00 USD");
    expect(verdict.message).toContain("pulumi config set domainsreseller:maxChargePerRun 30.01");
    // The refused charge does not count: a cheaper one still fits.
    expect(plan.plan({ domain: "c.com", quote: quote("10.00") }, 30).ok).toBe(true);
  });

  it("has no limit without maxChargePerRun, and forgets a domain that no longer charges", () => {
    const plan = new ChargePlan();
    expect(plan.plan({ domain: "a.com", quote: quote("999.99") }, undefined).ok).toBe(true);
    plan.forget("a.com");
    expect(plan.plan({ domain: "b.com", quote: quote("1.00") }, 1)).toEqual({ ok: true, runningTotal: "1.00" });
  });
});

describe("deletion rail", () => {
  const members = (n: number) => Array.from({ length: n }, (_, i) => `DnsRecordSet:zone-${i}`);

  it("allows up to maxDeletesPerRun removals", () => {
    expect(reviewDeletions({ before: members(12), now: members(2), maxDeletes: 10 })).toEqual({ ok: true, removed: members(12).slice(2).sort() });
  });

  it("refuses more, listing them, and passes with the matching consent only", () => {
    const refused = reviewDeletions({ before: members(12), now: [], maxDeletes: 10 });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.message).toContain('safety rail "max-deletes-per-run": this deployment would remove 12 domainsreseller resources');
    expect(refused.message).toContain("- DnsRecordSet:zone-11");
    const line = /allowDeletes (\d+:[0-9a-f]{8})/.exec(refused.message)?.[1];
    const consent = parseDeleteConsent(line);
    if (!consent.ok) throw new Error(consent.message);
    expect(reviewDeletions({ before: members(12), now: [], maxDeletes: 10, consent: consent.consent }).ok).toBe(true);
    const stale = reviewDeletions({ before: members(13), now: [], maxDeletes: 10, consent: consent.consent });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.message).toContain("was for a different set of removals");
  });

  it("names a malformed consent", () => {
    const parsed = parseDeleteConsent("twelve");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('domainsreseller:allowDeletes must look like "12:3f9a1c2e"');
    expect(parseDeleteConsent(undefined)).toEqual({ ok: true, consent: undefined });
  });
});
