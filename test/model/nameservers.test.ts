import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import { canonicalHostname } from "../../provider/model/hostname";
import { canonicalNameservers, diffNameservers, nameserverParams, nameserversInputsSchema, sameNameservers } from "../../provider/model/nameservers";
import { UNKNOWN } from "../../provider/model/unknown";

const D = "example.com";
const NS = ["ns1.host.net", "ns2.host.net"];
const PROVIDER = { __provider: "exports.handler = ..." };

describe("Nameservers inputs", () => {
  it("keeps the declared order and canonical spelling, so the save sends ns1..ns5 as written", () => {
    const outcome = checkInputs(nameserversInputsSchema, { ...PROVIDER, domain: D, nameservers: ["NS2.Host.net.", " ns1.host.net ", "ns.Bücher.de", "a.b.c.host.net", "x-1.host.io"] });
    expect(outcome).toEqual({ ok: true, inputs: { domain: D, nameservers: ["ns2.host.net", "ns1.host.net", "ns.xn--bcher-kva.de", "a.b.c.host.net", "x-1.host.io"] } });
  });

  it("refuses a host with an underscore label, which a registry cannot delegate to", () => {
    const outcome = checkInputs(nameserversInputsSchema, { domain: D, nameservers: ["_ns.host.net", "ns2.host.net"] });
    expect(outcome).toMatchObject({ ok: false, failures: [{ property: "nameservers[0]", reason: expect.stringMatching(/letters, digits and hyphens, no "_"/) }] });
  });

  it("lets an unknown host through at preview, and an unknown list as a whole", () => {
    expect(checkInputs(nameserversInputsSchema, { domain: D, nameservers: [UNKNOWN, "ns2.host.net"] })).toEqual({ ok: true, inputs: { domain: D, nameservers: [UNKNOWN, "ns2.host.net"] } });
    expect(checkInputs(nameserversInputsSchema, { domain: UNKNOWN, nameservers: UNKNOWN })).toEqual({ ok: true, inputs: { domain: UNKNOWN, nameservers: UNKNOWN } });
  });
});

describe("hosts read back from the API", () => {
  it("compare equal to the declared ones in any order and spelling", () => {
    expect(sameNameservers(["NS2.HOST.NET.", "ns1.host.net"], NS)).toBe(true);
    expect(sameNameservers(["ns1.host.net"], NS)).toBe(false);
    expect(sameNameservers(["ns1.host.net", "ns3.host.net"], NS)).toBe(false);
  });

  it("a host the model would refuse is kept lower-cased rather than dropped, so the drift shows", () => {
    expect(canonicalNameservers(["NS1.Host.NET.", " Weird_Host.", "192.0.2.1"])).toEqual(["ns1.host.net", "weird_host", "192.0.2.1"]);
  });
});

describe("diffNameservers", () => {
  const state = { domain: D, nameservers: NS, initialNameservers: ["ns1.old.net", "ns2.old.net"] };

  it("a reordered list is no change: delegation does not depend on order", () => {
    expect(diffNameservers(state, { domain: D, nameservers: ["ns2.host.net", "ns1.host.net"] })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("an added or removed host is an update in place, never a replacement", () => {
    expect(diffNameservers(state, { domain: D, nameservers: [...NS, "ns3.host.net"] })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("another domain or account replaces; an unknown domain or profile may be either, so it replaces too", () => {
    expect(diffNameservers(state, { domain: "other.com", nameservers: NS }).replaces).toEqual(["domain"]);
    expect(diffNameservers({ ...state, profile: "eu" }, { domain: D, nameservers: NS }).replaces).toEqual(["profile"]);
    expect(diffNameservers(state, { domain: UNKNOWN, nameservers: NS, profile: UNKNOWN })).toEqual({ changes: true, replaces: ["domain", "profile"], deleteBeforeReplace: false });
    expect(diffNameservers({ ...state, profile: "eu" }, { domain: D, nameservers: NS, profile: "eu" }).changes).toBe(false);
  });
});

describe("nameserverParams", () => {
  it("fills ns1..ns5 in the declared order and leaves out the slots not used", () => {
    expect(nameserverParams(D, NS)).toEqual({ domain: D, ns1: "ns1.host.net", ns2: "ns2.host.net" });
    const five = ["a", "b", "c", "d", "e"].map((x) => `${x}.host.net`);
    expect(nameserverParams(D, five)).toEqual({ domain: D, ns1: "a.host.net", ns2: "b.host.net", ns3: "c.host.net", ns4: "d.host.net", ns5: "e.host.net" });
  });
});

describe("properties", () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
  const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom("net", "com", "io", "de")).map(([labels, tld]) => [...labels, tld].join("."));
  const spelling = fc.record({ upper: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), dot: fc.boolean(), pad: fc.boolean() });
  const respell = (h: string, s: { upper: boolean[]; dot: boolean; pad: boolean }) => {
    const cased = [...h].map((c, i) => (s.upper[i % 40] ? c.toUpperCase() : c)).join("");
    return `${s.pad ? " " : ""}${cased}${s.dot ? "." : ""}`;
  };

  it("any mix of letter case, trailing dots and padding canonicalises to one host, and canonical is a fixed point", () => {
    fc.assert(
      fc.property(host, spelling, (h, s) => {
        const canonical = canonicalHostname(respell(h, s));
        return canonical === h && canonicalHostname(canonical) === canonical;
      }),
      { numRuns: 200 },
    );
  });

  const lists = fc.uniqueArray(host, { minLength: 2, maxLength: 5 }).chain((hosts) => fc.tuple(fc.constant(hosts), fc.shuffledSubarray(hosts, { minLength: hosts.length, maxLength: hosts.length })));

  it("a respelled, shuffled list is no change against the state of the original", () => {
    fc.assert(
      fc.property(lists, fc.array(spelling, { minLength: 5, maxLength: 5 }), ([hosts, shuffled], spellings) => {
        const checked = checkInputs(nameserversInputsSchema, { domain: D, nameservers: shuffled.map((h, i) => respell(h, spellings[i]!)) });
        if (!checked.ok) return false;
        const again = checkInputs(nameserversInputsSchema, checked.inputs);
        return (
          diffNameservers({ domain: D, nameservers: hosts, initialNameservers: [] }, checked.inputs).changes === false &&
          again.ok &&
          JSON.stringify(again.inputs) === JSON.stringify(checked.inputs)
        );
      }),
      { numRuns: 200 },
    );
  });
});
