// The package's entry point offers both layers, and the Pulumi layer's Outputs are typed so the
// documented examples compile (lifted fields such as `getPricing(".com").register`).
import type * as pulumi from "@pulumi/pulumi";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as pkg from "../../provider";
import type { Availability, CreditBalance, DomainInfo, Pricing } from "../../provider";

describe("package exports", () => {
  it("exports every read function in both layers", () => {
    const names = ["getDomainInfo", "getEppCode", "checkAvailability", "getPricing", "getCreditBalance", "getTlds", "fetchDomainInfo", "fetchEppCode", "fetchAvailability", "fetchPricing", "fetchCreditBalance", "fetchTlds"] as const;
    for (const name of names) expect(typeof pkg[name], name).toBe("function");
  });

  it("types the results as documented", () => {
    expectTypeOf(pkg.getDomainInfo).returns.toEqualTypeOf<pulumi.Output<DomainInfo>>();
    expectTypeOf(pkg.getEppCode).returns.toEqualTypeOf<pulumi.Output<string | null>>();
    expectTypeOf(pkg.checkAvailability).returns.toEqualTypeOf<pulumi.Output<Availability[]>>();
    expectTypeOf(pkg.getCreditBalance).returns.toEqualTypeOf<pulumi.Output<CreditBalance>>();
    expectTypeOf(pkg.fetchPricing).returns.resolves.toEqualTypeOf<Pricing>();
    expectTypeOf<ReturnType<typeof pkg.getPricing>["register"]>().toEqualTypeOf<pulumi.Output<string>>();
    expectTypeOf<DomainInfo["locked"]>().toEqualTypeOf<boolean | null>();
  });
});
