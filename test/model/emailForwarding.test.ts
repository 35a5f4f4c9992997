import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import {
  canonicalFrom,
  canonicalTo,
  diffEmailForwarding,
  emailForwardingInputsSchema,
  forwardingLoop,
  forwardsFromWire,
  forwardsToWire,
  sameForwards,
  sortForwards,
  type Forward,
} from "../../provider/model/emailForwarding";
import { UNKNOWN } from "../../provider/model/unknown";

const D = "example.com";
const f = (from: string, to: string): Forward => ({ from, to });

describe("EmailForwarding inputs", () => {
  it("one local part may go to several addresses: the API stores one row per pair", () => {
    const outcome = checkInputs(emailForwardingInputsSchema, { domain: D, forwards: [f("sales", "a@b.org"), f("Sales", "c@b.org")] });
    expect(outcome).toEqual({ ok: true, inputs: { domain: D, forwards: [f("sales", "a@b.org"), f("sales", "c@b.org")] } });
  });

  it("an empty list is allowed: the resource then owns the domain's forwarding and keeps it empty", () => {
    expect(checkInputs(emailForwardingInputsSchema, { domain: D, forwards: [] })).toEqual({ ok: true, inputs: { domain: D, forwards: [] } });
  });

  it("the target's local part keeps its case (RFC 5321 lets a mailbox tell them apart); its domain becomes punycode", () => {
    expect(canonicalTo(" First.Last@Bücher.DE ")).toBe("First.Last@xn--bcher-kva.de");
    expect(canonicalFrom(" First.Last ")).toBe("first.last");
    expect(canonicalFrom("*")).toBe("*");
  });

  it.each([
    ["a forward to itself", [f("info", "info@example.com")], 0, /circle \(info → info@example\.com\).*mailbox outside example\.com/],
    ["the target's case does not hide the loop", [f("info", "INFO@Example.com")], 0, /circle \(info → INFO@example\.com\)/],
    ["two forwards to each other", [f("x", "keep@b.org"), f("a", "b@example.com"), f("b", "a@example.com")], 1, /circle \(a → b@example\.com, b → a@example\.com\)/],
    ["a catch-all to an address with no forward of its own", [f("*", "anyone@example.com")], 0, /circle \(\* → anyone@example\.com\)/],
  ])("refuses %s, which would circle until it bounces", (_what, forwards, index, says) => {
    const outcome = checkInputs(emailForwardingInputsSchema, { domain: D, forwards });
    expect(outcome).toMatchObject({ ok: false, failures: [{ property: `forwards[${index}]`, reason: expect.stringMatching(says) }] });
  });

  it("a chain that ends outside the domain is fine, also through the catch-all", () => {
    const forwards = [f("*", "team@example.com"), f("team", "a@b.org"), f("team", "c@b.org"), f("info", "sales@example.com"), f("sales", "team@example.com")];
    expect(forwardingLoop(D, forwards)).toBeUndefined();
    expect(checkInputs(emailForwardingInputsSchema, { domain: D, forwards }).ok).toBe(true);
    expect(forwardingLoop(D, [f("info", "info@sub.example.com"), f("info", "info@notexample.com")])).toBeUndefined();
  });

  it("a loop is not judged while the domain or the list is unknown at preview", () => {
    expect(checkInputs(emailForwardingInputsSchema, { domain: UNKNOWN, forwards: [f("info", "info@example.com")] }).ok).toBe(true);
    expect(checkInputs(emailForwardingInputsSchema, { domain: D, forwards: [f("info", UNKNOWN)] }).ok).toBe(true);
  });
});

describe("wire forms", () => {
  it("saves parallel prefix[] and forwardto[] arrays in the declared order", () => {
    expect(forwardsToWire(D, [f("info", "i@b.org"), f("*", "all@b.org")])).toEqual({ domain: D, prefix: ["info", "*"], forwardto: ["i@b.org", "all@b.org"] });
    expect(forwardsToWire(D, [])).toEqual({ domain: D, prefix: [], forwardto: [] });
  });

  it("reads rows in the server's order and canonical spelling, so a restore gives back the list as found", () => {
    const found = forwardsFromWire([{ prefix: " Info ", forwardto: "Me@Gmail.COM" }, { prefix: "*", forwardto: "all@b.org" }]);
    expect(found).toEqual([f("info", "Me@gmail.com"), f("*", "all@b.org")]);
    const wire = forwardsToWire(D, found);
    expect(forwardsFromWire(wire.prefix.map((prefix, i) => ({ prefix, forwardto: wire.forwardto[i]! })))).toEqual(found);
  });

  it("keeps a row it cannot read, so the drift shows instead of the row vanishing", () => {
    expect(forwardsFromWire([{ prefix: "Info@Example.com", forwardto: " not an address " }])).toEqual([f("info@example.com", "not an address")]);
  });
});

describe("diffEmailForwarding", () => {
  const state = { domain: D, forwards: [f("a", "x@y.org"), f("b", "z@y.org")], initialForwards: [f("old", "o@y.org")] };

  it("the same forwards in another order are no change", () => {
    expect(diffEmailForwarding(state, { domain: D, forwards: [f("b", "z@y.org"), f("a", "x@y.org")] })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("another target, an added or a removed forward is an update in place", () => {
    for (const forwards of [[f("a", "x@y.org"), f("b", "w@y.org")], [...state.forwards, f("c", "c@y.org")], [f("a", "x@y.org")]]) {
      expect(diffEmailForwarding(state, { domain: D, forwards })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    }
  });

  it("another domain or profile replaces; an unknown forward is a change", () => {
    expect(diffEmailForwarding(state, { domain: "other.com", forwards: state.forwards }).replaces).toEqual(["domain"]);
    expect(diffEmailForwarding(state, { domain: D, forwards: state.forwards, profile: "eu" }).replaces).toEqual(["profile"]);
    expect(diffEmailForwarding(state, { domain: D, forwards: [f("a", UNKNOWN)] }).changes).toBe(true);
  });
});

describe("properties", () => {
  const local = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,10}$/).filter((l) => canonicalFrom(l) === l);
  const domain = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), fc.constantFrom("org", "net", "de")).map((p) => p.join("."));
  const forward = fc.record({ from: fc.oneof(local, fc.constant("*")), to: fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`) });
  const list = fc.uniqueArray(forward, { maxLength: 6, selector: (x) => `${x.from}→${x.to}` });

  it("shouting the local part and the target's domain, a trailing dot, and reordering give the same forwards", () => {
    fc.assert(
      fc.property(list, (forwards) => {
        const shouted = [...forwards].reverse().map((x) => ({ from: ` ${x.from.toUpperCase()}`, to: `${x.to.split("@")[0]}@${x.to.split("@")[1]!.toUpperCase()}.` }));
        const a = checkInputs(emailForwardingInputsSchema, { domain: D, forwards });
        const b = checkInputs(emailForwardingInputsSchema, { domain: D, forwards: shouted });
        return a.ok && b.ok && sameForwards(a.inputs.forwards, b.inputs.forwards) && !diffEmailForwarding({ ...a.inputs, initialForwards: [] }, b.inputs).changes;
      }),
      { numRuns: 200 },
    );
  });

  it("canonical forwards are a fixed point, and sorting is idempotent", () => {
    fc.assert(
      fc.property(list, (forwards) => {
        const a = checkInputs(emailForwardingInputsSchema, { domain: D, forwards });
        if (!a.ok) return false;
        const again = checkInputs(emailForwardingInputsSchema, a.inputs);
        return again.ok && JSON.stringify(again.inputs) === JSON.stringify(a.inputs) && JSON.stringify(sortForwards(sortForwards(forwards))) === JSON.stringify(sortForwards(forwards));
      }),
      { numRuns: 200 },
    );
  });
});
