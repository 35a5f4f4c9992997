// Pinned public types: code elsewhere (provider/runtime) is written against these exact shapes.
import { describe, expectTypeOf, it } from "vitest";
import type { DomainsResellerClient, DomainsResellerErrorCode, RouteParams, RouteResult } from "../../provider/client";

describe("public types", () => {
  it("getLock resolves to the two lock states, saveLock takes them", () => {
    expectTypeOf<RouteResult<"getLock">>().toEqualTypeOf<"locked" | "unlocked">();
    expectTypeOf<RouteParams<"saveLock">>().toEqualTypeOf<{ domain: string; lockstatus: "locked" | "unlocked" }>();
    expectTypeOf<ReturnType<DomainsResellerClient["call"]>>().toMatchTypeOf<Promise<unknown>>();
  });

  it("normalized results have the documented shapes", () => {
    expectTypeOf<RouteResult<"getNameservers">>().toEqualTypeOf<string[]>();
    expectTypeOf<RouteResult<"credits">>().toEqualTypeOf<string>();
    expectTypeOf<RouteResult<"getDns">>().toEqualTypeOf<{ hostname: string; type: string; address: string; priority: string; recid?: string }[]>();
    expectTypeOf<RouteResult<"saveDns">>().toEqualTypeOf<void>();
  });

  it("error codes are a closed set of literals", () => {
    expectTypeOf<DomainsResellerErrorCode>().toEqualTypeOf<
      "authentication" | "not_found" | "validation" | "insufficient_credit" | "rate_limited" | "transient" | "outcome_unknown" | "protocol" | "configuration"
    >();
  });
});
