// Secret outputs reach Pulumi as additionalSecretOutputs, merged with the user's own options:
// without this an EPP code handed out by the API would sit in state in plain text.
import { describe, expect, it } from "vitest";
import { withSecretOutputs } from "../../provider/resources/options";

describe("withSecretOutputs", () => {
  it("adds the kind's secret outputs to the user's, once each, keeping every other option", () => {
    expect(withSecretOutputs(["eppCode"], { protect: true, additionalSecretOutputs: ["note", "eppCode"] })).toEqual({ protect: true, additionalSecretOutputs: ["note", "eppCode"] });
    expect(withSecretOutputs(["eppCode"], undefined)).toEqual({ additionalSecretOutputs: ["eppCode"] });
  });

  it("leaves the options untouched for a kind without secret outputs", () => {
    const opts = { retainOnDelete: true };
    expect(withSecretOutputs([], opts)).toBe(opts);
  });
});
