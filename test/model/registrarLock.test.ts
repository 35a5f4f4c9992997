import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import { diffRegistrarLock, registrarLockInputsSchema } from "../../provider/model/registrarLock";
import { UNKNOWN } from "../../provider/model/unknown";

const PROVIDER = { __provider: "exports.handler = ..." };

describe("RegistrarLock inputs", () => {
  it("canonicalises the domain and defaults to locked", () => {
    expect(checkInputs(registrarLockInputsSchema, { ...PROVIDER, domain: "Shop.Example.COM" })).toEqual({
      ok: true,
      inputs: { domain: "shop.example.com", locked: true },
    });
  });

  it("names the property and the fix for each bad input", () => {
    const outcome = checkInputs(registrarLockInputsSchema, { domain: "nope", locked: "yes", lokced: true });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const byProperty = Object.fromEntries(outcome.failures.map((f) => [f.property, f.reason]));
    expect(byProperty.domain).toMatch(/"domain" must be a domain name/);
    expect(byProperty.locked).toMatch(/"locked" must be true or false/);
    expect(byProperty.lokced).toMatch(/unknown properties "lokced"/);
  });

  it("reports a missing domain as required", () => {
    const outcome = checkInputs(registrarLockInputsSchema, { locked: true });
    expect(outcome).toEqual({ ok: false, failures: [{ property: "domain", reason: '"domain" is required' }] });
  });

  it("lets values unknown during preview through unvalidated", () => {
    const outcome = checkInputs(registrarLockInputsSchema, { domain: UNKNOWN, locked: false });
    expect(outcome).toEqual({ ok: true, inputs: { domain: UNKNOWN, locked: false } });
  });
});

describe("diffRegistrarLock", () => {
  const state = { domain: "a.com", locked: true, initialLocked: false };

  it("is no change when the declared lock matches the state", () => {
    expect(diffRegistrarLock(state, { domain: "a.com", locked: true })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("updates in place when only the lock changes", () => {
    expect(diffRegistrarLock(state, { domain: "a.com", locked: false })).toMatchObject({ changes: true, replaces: [] });
  });

  it("replaces when the domain changes (another domain is another object)", () => {
    expect(diffRegistrarLock(state, { domain: "b.com", locked: true })).toMatchObject({ changes: true, replaces: ["domain"] });
  });

  it("treats unknown values as changes, so a preview never hides an update", () => {
    expect(diffRegistrarLock(state, { domain: UNKNOWN, locked: true })).toMatchObject({ changes: true, replaces: ["domain"] });
    expect(diffRegistrarLock(state, { domain: "a.com", locked: UNKNOWN as unknown as boolean })).toMatchObject({ changes: true, replaces: [] });
  });
});
