import { describe, expect, it } from "vitest";
import { conflictBetween, findConflicts, type Claim } from "../../provider/model/conflicts";

const D = "example.com";
const claim = (resource: string, kind: string, extra: Partial<Claim> = {}): Claim => ({ resource, kind, domain: D, ...extra });
const dns = (resource: string, mode: "merge" | "authoritative", recordKeys: string[] = []) => claim(resource, "DnsRecordSet", { mode, recordKeys });

describe("whole-setting resources", () => {
  it.each(["Domain", "Nameservers", "EmailForwarding", "IdProtection", "RegistrarLock"])("two %s on one domain: the message names both, the domain and the fix", (kind) => {
    expect(conflictBetween(claim("shop", kind), claim("shop-copy", kind))).toBe(
      `${kind} "shop" and ${kind} "shop-copy" both manage the ${kind} of example.com: each \`up\` would undo the other. Keep one of them.`,
    );
  });

  it("an omitted profile is the profile \"default\"; the message names a profile that was given", () => {
    expect(conflictBetween(claim("a", "Nameservers"), claim("b", "Nameservers", { profile: "default" }))).toMatch(/both manage the Nameservers of example\.com \(profile "default"\)/);
    expect(conflictBetween(claim("a", "Nameservers", { profile: "eu" }), claim("b", "Nameservers", { profile: "us" }))).toBeUndefined();
  });

  it("different settings of one domain, or one setting of two domains, do not fight", () => {
    expect(findConflicts([claim("ns", "Nameservers"), claim("fw", "EmailForwarding"), claim("id", "IdProtection"), claim("lock", "RegistrarLock"), dns("zone", "authoritative")])).toEqual([]);
    expect(conflictBetween(claim("a", "RegistrarLock"), claim("b", "RegistrarLock", { domain: "example.net" }))).toBeUndefined();
  });

  it("the same resource claiming again (a second registration of one name) is not a conflict with itself", () => {
    expect(conflictBetween(claim("a", "Nameservers"), claim("a", "Nameservers"))).toBeUndefined();
  });
});

describe("DNS record sets", () => {
  it("several merge sets with disjoint records share a zone", () => {
    expect(findConflicts([dns("web", "merge", ["www/CNAME/x.net"]), dns("mail", "merge", ["@/MX/mx.x.net"]), dns("verify", "merge", ["@/TXT/token"])])).toEqual([]);
  });

  it("two merge sets declaring one name and type name it, with both resources and the fix (a set owns every value there)", () => {
    expect(findConflicts([dns("web", "merge", ["www/CNAME/x.net", "@/A/192.0.2.1"]), dns("web2", "merge", ["@/A/192.0.2.2", "www/CNAME/x.net"])])).toEqual([
      'DnsRecordSet "web" and DnsRecordSet "web2" both declare records at @/A, www/CNAME on example.com: a set owns every value of each name and type it declares, so declare each name and type in one set only.',
    ]);
  });

  it.each([
    ["two authoritative sets", dns("zone", "authoritative"), dns("zone2", "authoritative")],
    ["an authoritative set after a merge set", dns("web", "merge", ["www/CNAME/x.net"]), dns("zone", "authoritative")],
    ["a merge set after an authoritative set, even without records", dns("zone", "authoritative"), dns("web", "merge")],
  ])("%s conflict: the authoritative one would delete the other's records", (_what, earlier, next) => {
    expect(conflictBetween(earlier, next)).toMatch(/both manage the DNS of example\.com, and an authoritative set owns the whole zone .* Merge them into one resource, or make both mode: "merge"/);
  });
});

describe("glue records", () => {
  it("two resources registering one host conflict; two hosts of one domain do not", () => {
    expect(conflictBetween(claim("g1", "PrivateNameserver", { host: "ns1.example.com" }), claim("g2", "PrivateNameserver", { host: "ns1.example.com" }))).toBe(
      'PrivateNameserver "g1" and PrivateNameserver "g2" both register the glue record ns1.example.com of example.com: keep one of them.',
    );
    expect(conflictBetween(claim("g1", "PrivateNameserver", { host: "ns1.example.com" }), claim("g2", "PrivateNameserver", { host: "ns2.example.com" }))).toBeUndefined();
  });
});

describe("findConflicts", () => {
  it("reports every pair once, at the later claim, in declaration order", () => {
    const claims = [claim("a", "Nameservers"), claim("fw", "EmailForwarding"), claim("b", "Nameservers"), claim("c", "Nameservers")];
    expect(findConflicts(claims).map((m) => m.match(/"(\w+)" and Nameservers "(\w+)"/)?.slice(1).join("+"))).toEqual(["a+b", "a+c", "b+c"]);
  });
});
