// The explicit Provider takes every setting the runtime reads, by its bare name, and nothing else:
// a setting added to runtime/settings.ts without a ProviderArgs field (or a misspelt field) fails here.
import { describe, expect, it } from "vitest";
import type { ProviderArgs } from "../../provider/plugin-sdk";
import { SETTING_KEYS } from "../../provider/runtime/settings";

const every: Required<ProviderArgs> = {
  endpoint: "", username: "", apiKey: "", profiles: {}, maxConcurrency: 1, requestsPerMinute: 1, requestTimeoutMs: 1,
  zoneChangeThreshold: 1, zoneChangeMinRecords: 1, maxChargePerRun: 1, maxDeletesPerRun: 1, allowDeletes: "", retryRenewal: [], retryOrder: [],
};

describe("ProviderArgs", () => {
  it("names exactly the stack config keys of the runtime", () => {
    expect(Object.keys(every).sort()).toEqual(SETTING_KEYS.map((key) => key.replace(/^domainsreseller:/, "")).sort());
  });
});
