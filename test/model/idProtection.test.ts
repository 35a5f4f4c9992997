import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import { diffIdProtection, idProtectionInputsSchema, liveIdProtection } from "../../provider/model/idProtection";
import { UNKNOWN } from "../../provider/model/unknown";

const D = "example.com";

describe("IdProtection inputs", () => {
  it("has no default: leaving `enabled` out is refused, since turning it on may be invoiced", () => {
    expect(checkInputs(idProtectionInputsSchema, { domain: D })).toEqual({ ok: false, failures: [{ property: "enabled", reason: '"enabled" is required' }] });
  });

  it.each([false, true])("takes enabled: %s as written", (enabled) => {
    expect(checkInputs(idProtectionInputsSchema, { domain: "Example.COM.", enabled })).toEqual({ ok: true, inputs: { domain: D, enabled } });
  });

  it.each([1, 0, "true", null])("refuses %j for enabled, naming the invoice as the reason there is no default", (enabled) => {
    const outcome = checkInputs(idProtectionInputsSchema, { domain: D, enabled });
    expect(outcome).toMatchObject({ ok: false, failures: [{ property: "enabled", reason: expect.stringMatching(/must be true or false \(required: your provider may invoice/) }] });
  });
});

describe("liveIdProtection", () => {
  it("an absent idProtectionStatus is not 'off': it fails, saying nothing was changed and what to do", () => {
    const live = liveIdProtection(D, undefined);
    expect(live.ok).toBe(false);
    if (!live.ok) {
      expect(live.message).toMatch(/information route for example\.com does not report idProtectionStatus/);
      expect(live.message).toMatch(/Nothing was changed\. Ask your provider .* or remove the IdProtection resource/);
    }
  });

  it.each([true, false])("a reported %s is the live setting", (reported) => {
    expect(liveIdProtection(D, reported)).toEqual({ ok: true, enabled: reported });
  });
});

describe("diffIdProtection", () => {
  const state = { domain: D, enabled: true, initialEnabled: false };

  it("the same setting is no change, whatever was found at takeover", () => {
    expect(diffIdProtection(state, { domain: D, enabled: true })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("switching it is an update in place", () => {
    expect(diffIdProtection(state, { domain: D, enabled: false })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(diffIdProtection(state, { domain: D, enabled: UNKNOWN as never }).changes).toBe(true);
  });

  it("another domain or profile replaces", () => {
    expect(diffIdProtection(state, { domain: "other.com", enabled: true }).replaces).toEqual(["domain"]);
    expect(diffIdProtection(state, { domain: D, enabled: true, profile: "eu" }).replaces).toEqual(["profile"]);
  });
});
