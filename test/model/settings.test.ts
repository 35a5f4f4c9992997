// The pure rules of the settings resources: what each refuses (before any API call, naming the
// property and the fix), which spellings are the same value, and what a change replaces.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import { itRefusesEach, type RefusalCase } from "./helpers/refusals";
import { conflictBetween, findConflicts, type Claim } from "../../provider/model/conflicts";
import { diffEmailForwarding, emailForwardingInputsSchema, forwardsFromWire, forwardsToWire, sameForwards } from "../../provider/model/emailForwarding";
import { diffIdProtection, idProtectionInputsSchema, liveIdProtection } from "../../provider/model/idProtection";
import { diffNameservers, nameserverParams, nameserversInputsSchema, sameNameservers } from "../../provider/model/nameservers";
import { diffPrivateNameserver, privateNameserverInputsSchema } from "../../provider/model/privateNameserver";
import { UNKNOWN } from "../../provider/model/unknown";

const D = "example.com";
const NS = ["ns1.host.net", "ns2.host.net"];



const INVALID: RefusalCase[] = [
  ["one nameserver", nameserversInputsSchema, { domain: D, nameservers: ["ns1.host.net"] }, "nameservers", /at least 2 nameservers/],
  ["six nameservers", nameserversInputsSchema, { domain: D, nameservers: ["a", "b", "c", "d", "e", "f"].map((x) => `${x}.host.net`) }, "nameservers", /at most 5 nameservers/],
  ["a URL as a nameserver", nameserversInputsSchema, { domain: D, nameservers: ["https://ns1.host.net", "ns2.host.net"] }, "nameservers[0]", /nameserver host name such as ns1\.example\.net/],
  ["an IP as a nameserver", nameserversInputsSchema, { domain: D, nameservers: ["ns1.host.net", "192.0.2.1"] }, "nameservers[1]", /not a URL or an IP address/],
  ["a single-label host", nameserversInputsSchema, { domain: D, nameservers: ["localhost", "ns2.host.net"] }, "nameservers[0]", /host name/],
  ["the same host twice in two spellings", nameserversInputsSchema, { domain: D, nameservers: ["NS1.host.net.", "ns1.host.net"] }, "nameservers[1]", /repeats ns1\.host\.net \(already at index 0\)/],
  ["nameservers not a list", nameserversInputsSchema, { domain: D, nameservers: "ns1.host.net,ns2.host.net" }, "nameservers", /list of 2 to 5 host names/],
  ["a misspelt property", nameserversInputsSchema, { domain: D, nameserver: NS }, "nameserver", /unknown properties "nameserver"/],
  ["a bad profile name", nameserversInputsSchema, { domain: D, nameservers: NS, profile: "eu account" }, "profile", /credentials profile of domainsreseller:profiles/],
  ["a forward from a full address", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "info@example.com", to: "a@b.org" }] }, "forwards[0].from", /local part before the @/],
  ["a forward to a bare name", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "info", to: "owner" }] }, "forwards[0].to", /e-mail address such as owner@example\.org/],
  ["a forward to an address without a valid domain", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "info", to: "owner@localhost" }] }, "forwards[0].to", /e-mail address/],
  ["a forward from with a space", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "sales team", to: "a@b.org" }] }, "forwards[0].from", /local part/],
  ["the same forward twice", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "Info", to: "a@B.org" }, { from: "info", to: "a@b.org" }] }, "forwards[1]", /repeats the forward info → a@b\.org \(already at index 0\)/],
  ["a forward with a stray field", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "info", to: "a@b.org", ttl: 300 }] }, "forwards[0]", /unknown properties "ttl"/],
  ["forwards missing", emailForwardingInputsSchema, { domain: D }, "forwards", /"forwards" is required/],
  ["ID protection without a decision", idProtectionInputsSchema, { domain: D }, "enabled", /"enabled" is required/],
  ["ID protection as text", idProtectionInputsSchema, { domain: D, enabled: "yes" }, "enabled", /true or false \(required: your provider may invoice/],
  ["glue outside the domain", privateNameserverInputsSchema, { domain: D, host: "ns1.other.net", ip: "192.0.2.53" }, "host", /must be a name inside example\.com, such as ns1\.example\.com/],
  ["glue with a bad IPv4", privateNameserverInputsSchema, { domain: D, host: "ns1.example.com", ip: "192.0.2.256" }, "ip", /IPv4 address such as 192\.0\.2\.53 or an IPv6 address/],
  ["glue with a host name for an IP", privateNameserverInputsSchema, { domain: D, host: "ns1.example.com", ip: "ns1.example.com" }, "ip", /IPv4 address/],
  ["glue at the apex", privateNameserverInputsSchema, { domain: D, host: "example.com", ip: "192.0.2.53" }, "host", /must be a name inside example\.com/],
];

describe("settings inputs refused before any API call", () => {
  itRefusesEach(INVALID);
});

describe("canonical forms", () => {
  it("nameservers: lower case, no trailing dot, punycode; order does not count", () => {
    const outcome = checkInputs(nameserversInputsSchema, { domain: "Example.COM", nameservers: ["NS1.Host.NET.", "ns.bücher.de"] });
    expect(outcome).toEqual({ ok: true, inputs: { domain: D, nameservers: ["ns1.host.net", "ns.xn--bcher-kva.de"] } });
    expect(sameNameservers(["b.host.net", "a.host.net"], ["A.host.net.", "b.host.net"])).toBe(true);
    expect(nameserverParams(D, ["a.h.net", "b.h.net", "c.h.net"])).toEqual({ domain: D, ns1: "a.h.net", ns2: "b.h.net", ns3: "c.h.net" });
  });

  it("forwards: local part lower-cased, the target's domain lower-cased, * kept, order does not count", () => {
    const outcome = checkInputs(emailForwardingInputsSchema, { domain: D, forwards: [{ from: " Info ", to: "Owner@Example.ORG" }, { from: "*", to: "all@b.org" }] });
    expect(outcome).toEqual({ ok: true, inputs: { domain: D, forwards: [{ from: "info", to: "Owner@example.org" }, { from: "*", to: "all@b.org" }] } });
    expect(forwardsFromWire([{ prefix: "Sales", forwardto: "s@B.org" }, { prefix: "info", forwardto: "i@b.org" }])).toEqual([{ from: "sales", to: "s@b.org" }, { from: "info", to: "i@b.org" }]);
    expect(forwardsToWire(D, [{ from: "info", to: "i@b.org" }])).toEqual({ domain: D, prefix: ["info"], forwardto: ["i@b.org"] });
  });

  it("glue: IPv6 compressed", () => {
    expect(checkInputs(privateNameserverInputsSchema, { domain: D, host: "NS1.example.com", ip: "2001:0DB8:0:0:0:0:0:53" })).toEqual({ ok: true, inputs: { domain: D, host: "ns1.example.com", ip: "2001:db8::53" } });
  });

  const label = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
  const host = fc.tuple(label, label, fc.constantFrom("net", "com", "io")).map((parts) => parts.join("."));
  const respell = (h: string, upper: boolean, dot: boolean) => `${upper ? h.toUpperCase() : h}${dot ? "." : ""}`;

  it("equivalent nameserver lists canonicalise to the same value, and canonical input is a fixed point", () => {
    const spelling = fc.tuple(fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(fc.uniqueArray(host, { minLength: 2, maxLength: 5 }), fc.array(spelling, { minLength: 5, maxLength: 5 }), (hosts, spellings) => {
        const spelled = hosts.map((h, i) => respell(h, spellings[i]![0], spellings[i]![1]));
        const a = checkInputs(nameserversInputsSchema, { domain: D, nameservers: hosts });
        const b = checkInputs(nameserversInputsSchema, { domain: D, nameservers: [...spelled].reverse() });
        if (!a.ok || !b.ok) return false;
        const again = checkInputs(nameserversInputsSchema, a.inputs);
        return sameNameservers(a.inputs.nameservers, b.inputs.nameservers) && again.ok && JSON.stringify(again.inputs) === JSON.stringify(a.inputs);
      }),
      { numRuns: 300 },
    );
  });

  it("equivalent forwarding lists are the same value in any order and letter case", () => {
    const forward = fc.tuple(label, label, host).map(([from, user, domain]) => ({ from, to: `${user}@${domain}` }));
    fc.assert(
      fc.property(fc.uniqueArray(forward, { maxLength: 6, selector: (f) => `${f.from}→${f.to}` }), (forwards) => {
        const shouted = [...forwards].reverse().map((f) => ({ from: f.from.toUpperCase(), to: `${f.to.split("@")[0]}@${f.to.split("@")[1]!.toUpperCase()}` }));
        const a = checkInputs(emailForwardingInputsSchema, { domain: D, forwards });
        const b = checkInputs(emailForwardingInputsSchema, { domain: D, forwards: shouted });
        return a.ok && b.ok && sameForwards(a.inputs.forwards, b.inputs.forwards);
      }),
      { numRuns: 300 },
    );
  });
});

describe("diffs", () => {
  const nsState = { domain: D, nameservers: NS, initialNameservers: NS };
  it("nameservers: a reorder is no change, another host is an update, another domain or profile replaces", () => {
    expect(diffNameservers(nsState, { domain: D, nameservers: [...NS].reverse() })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(diffNameservers(nsState, { domain: D, nameservers: ["ns1.host.net", "ns3.host.net"] }).changes).toBe(true);
    expect(diffNameservers(nsState, { domain: "other.com", nameservers: NS }).replaces).toEqual(["domain"]);
    expect(diffNameservers(nsState, { domain: D, nameservers: NS, profile: "eu" }).replaces).toEqual(["profile"]);
    expect(diffNameservers(nsState, { domain: D, nameservers: [UNKNOWN] }).changes).toBe(true);
  });

  it("forwards, ID protection and glue", () => {
    const fw = { domain: D, forwards: [{ from: "a", to: "x@y.org" }], initialForwards: [] };
    expect(diffEmailForwarding(fw, { domain: D, forwards: [{ from: "a", to: "x@y.org" }] }).changes).toBe(false);
    expect(diffEmailForwarding(fw, { domain: D, forwards: [] }).changes).toBe(true);
    expect(diffIdProtection({ domain: D, enabled: true, initialEnabled: false }, { domain: D, enabled: false }).changes).toBe(true);
    expect(diffIdProtection({ domain: D, enabled: true, initialEnabled: false }, { domain: D, enabled: true }).changes).toBe(false);
    const glue = { domain: D, host: "ns1.example.com", ip: "192.0.2.53" };
    expect(diffPrivateNameserver(glue, { ...glue, ip: "192.0.2.54" })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(diffPrivateNameserver(glue, { ...glue, host: "ns2.example.com" })).toEqual({ changes: true, replaces: ["host"], deleteBeforeReplace: true });
  });

  it("ID protection: a server that does not report it is an error, never 'off'", () => {
    expect(liveIdProtection(D, undefined)).toMatchObject({ ok: false, message: expect.stringMatching(/does not report idProtectionStatus.*Nothing was changed/) });
    expect(liveIdProtection(D, false)).toEqual({ ok: true, enabled: false });
  });
});

describe("two resources fighting", () => {
  const claim = (resource: string, kind: string, extra: Partial<Claim> = {}): Claim => ({ resource, kind, domain: D, ...extra });

  it.each(["Nameservers", "EmailForwarding", "IdProtection", "RegistrarLock"])("two %s on one domain name both resources", (kind) => {
    expect(conflictBetween(claim("a", kind), claim("b", kind))).toMatch(new RegExp(`${kind} "a" and ${kind} "b" both manage`));
  });

  it("the same domain in two accounts (profiles) is two domains", () => {
    expect(conflictBetween(claim("a", "Nameservers"), claim("b", "Nameservers", { profile: "eu" }))).toBeUndefined();
    expect(conflictBetween(claim("a", "Nameservers"), claim("b", "Nameservers", { domain: "other.com" }))).toBeUndefined();
  });

  it("record sets: disjoint merge sets are fine; a shared record, or an authoritative set beside any, is not", () => {
    const merge = (name: string, keys: string[]) => claim(name, "DnsRecordSet", { mode: "merge", recordKeys: keys });
    expect(findConflicts([merge("web", ["www/CNAME/x.net"]), merge("mail", ["@/MX/mx.x.net"])])).toEqual([]);
    expect(findConflicts([merge("web", ["www/CNAME/x.net"]), merge("web2", ["www/CNAME/x.net"])])[0]).toMatch(/"web" and DnsRecordSet "web2" both declare records at www\/CNAME/);
    expect(findConflicts([merge("web", []), claim("zone", "DnsRecordSet", { mode: "authoritative", recordKeys: [] })])[0]).toMatch(/authoritative set owns the whole zone/);
    expect(findConflicts([claim("g1", "PrivateNameserver", { host: "ns1.example.com" }), claim("g2", "PrivateNameserver", { host: "ns1.example.com" })])[0]).toMatch(/both register the glue record ns1\.example\.com/);
    expect(findConflicts([claim("g1", "PrivateNameserver", { host: "ns1.example.com" }), claim("g2", "PrivateNameserver", { host: "ns2.example.com" })])).toEqual([]);
  });
});
