// Renewals cost money and happen exactly once: due only inside the declared window, never for an
// expiry nobody can read or a domain already expired, and never again once the expiry has moved.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterAmbiguousRenewal, expiryDay, renewalDue, retryConsent, settleRenewal } from "../../provider/model/domain";

const NOW = new Date("2026-01-01T23:59:00Z");
const due = (expiryDate: string | null, minDaysRemaining = 30) => renewalDue({ expiryDate, now: NOW, minDaysRemaining });

describe("renewalDue", () => {
  it("is due with exactly minDaysRemaining days left, not with one more", () => {
    expect(due("2026-01-31")).toMatchObject({ due: true, daysRemaining: 30 });
    expect(due("2026-02-01")).toMatchObject({ due: false, daysRemaining: 31 });
  });

  it("counts whole calendar days in UTC, whatever the time of day", () => {
    expect(renewalDue({ expiryDate: "2026-01-31T00:00:00Z", now: new Date("2026-01-01T00:00:01Z"), minDaysRemaining: 30 })).toMatchObject({ due: true, daysRemaining: 30 });
    expect(due("2026-01-31 00:00:00")).toMatchObject({ daysRemaining: 30 });
  });

  it("is due on the expiry day itself", () => {
    expect(due("2026-01-01")).toMatchObject({ due: true, daysRemaining: 0 });
  });

  it("does not renew an expired domain (a late renewal may carry fees no quote shows)", () => {
    const decision = due("2025-12-30");
    expect(decision).toMatchObject({ due: false, daysRemaining: -2 });
    expect(decision.reason).toMatch(/expired 2 day\(s\) ago.*grace or redemption fee.*renew it by hand/);
  });

  it("does not renew when the expiry is not known or not a date", () => {
    expect(due(null)).toMatchObject({ due: false, daysRemaining: null, reason: expect.stringMatching(/reports no expiry date/) });
    expect(due("0000-00-00")).toMatchObject({ due: false, daysRemaining: null, reason: expect.stringMatching(/"0000-00-00", which is not a date/) });
    expect(due("2026-02-30")).toMatchObject({ due: false, daysRemaining: null });
    expect(due("31/01/2026")).toMatchObject({ due: false, daysRemaining: null });
  });

  it("is never due again right after a renewal of at least one year (exactly once)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 1, max: 364 }), fc.integer({ min: 1, max: 10 }), (left, window, years) => {
        const before = new Date(Date.UTC(2026, 0, 1 + left));
        const after = new Date(before);
        after.setUTCFullYear(after.getUTCFullYear() + years);
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        if (left <= window) expect(due(iso(before), window).due).toBe(true);
        expect(due(iso(after), window).due).toBe(false);
      }),
    );
  });
});

describe("afterAmbiguousRenewal", () => {
  it("is renewed only when the expiry moved later", () => {
    expect(afterAmbiguousRenewal({ expiryBefore: "2026-01-31", expiryNow: "2027-01-31" })).toBe("renewed");
    expect(afterAmbiguousRenewal({ expiryBefore: "2026-01-31", expiryNow: "2026-01-31T00:00:00Z" })).toBe("not-renewed");
    expect(afterAmbiguousRenewal({ expiryBefore: "2026-01-31", expiryNow: "2025-01-31" })).toBe("not-renewed");
  });

  it("proves nothing from an expiry it cannot read", () => {
    expect(afterAmbiguousRenewal({ expiryBefore: null, expiryNow: "2027-01-31" })).toBe("not-renewed");
    expect(afterAmbiguousRenewal({ expiryBefore: "2026-01-31", expiryNow: null })).toBe("not-renewed");
  });
});

describe("expiryDay", () => {
  it("reads the registrar's day from the date forms the API uses", () => {
    expect(expiryDay("2026-01-15")).toBe(Date.UTC(2026, 0, 15));
    expect(expiryDay("2023-11-07T05:31:56Z")).toBe(Date.UTC(2023, 10, 7));
    expect(expiryDay(undefined)).toBeUndefined();
  });
});

describe("an unsettled renewal (sent, answer lost, not in the account yet)", () => {
  const unsettled = { expiryBefore: "2027-01-10", years: 1, sentAt: "2026-12-20T10:00:00.000Z", quote: { kind: "renew" as const, years: 1, amount: "13.75", currency: "USD" } };

  it("is settled only by the expiry moving later", () => {
    expect(settleRenewal({ domain: "example.com", unsettled, expiryNow: "2028-01-10", consents: [] })).toEqual({ settled: true });
    for (const expiryNow of ["2027-01-10", "2027-01-10T00:00:00Z", null, "soon"]) {
      expect(settleRenewal({ domain: "example.com", unsettled, expiryNow, consents: [] }).settled).toBe(false);
    }
  });

  it("blocks a second renewal, saying how it settles and the consent for exactly this attempt", () => {
    const verdict = settleRenewal({ domain: "example.com", unsettled, expiryNow: "2027-01-10", consents: [] });
    if (verdict.settled) throw new Error("expected unsettled");
    expect(verdict.retryAllowed).toBe(false);
    expect(verdict.message).toContain("so it is not sent again");
    expect(verdict.message).toContain(`pulumi config set domainsreseller:retryRenewal ${retryConsent("example.com", unsettled)}`);
    const consented = settleRenewal({ domain: "example.com", unsettled, expiryNow: "2027-01-10", consents: ["example.com@2026-12-20T10:00:00.000Z"] });
    expect(consented).toMatchObject({ settled: false, retryAllowed: true });
    // A consent for an earlier attempt, or another domain, allows nothing.
    expect(settleRenewal({ domain: "example.com", unsettled, expiryNow: "2027-01-10", consents: ["example.com@2026-11-01T00:00:00.000Z", `other.com@${unsettled.sentAt}`] })).toMatchObject({ retryAllowed: false });
  });
});
