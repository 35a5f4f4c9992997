import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import { canonicalIp, glueAddressProblem } from "../../provider/model/hostname";
import { diffPrivateNameserver, glueProblem, privateNameserverInputsSchema } from "../../provider/model/privateNameserver";
import { UNKNOWN } from "../../provider/model/unknown";

const D = "example.com";
const GLUE = { domain: D, host: "ns1.example.com", ip: "192.0.2.53" };

describe("PrivateNameserver inputs", () => {
  it("canonicalises the host (punycode too) and the address", () => {
    expect(checkInputs(privateNameserverInputsSchema, { domain: "Bücher.de", host: "NS1.BÜCHER.de.", ip: " 2001:DB8:0:0::53 " })).toEqual({
      ok: true,
      inputs: { domain: "xn--bcher-kva.de", host: "ns1.xn--bcher-kva.de", ip: "2001:db8::53" },
    });
  });

  it("a host deeper inside the domain is glue of it too", () => {
    expect(glueProblem(D, "ns1.dns.example.com")).toBeUndefined();
  });

  it.each(["example.com", "ns1.notexample.com", "ns1.example.com.evil.net"])("%j is not inside example.com, and the message says what is", (host) => {
    expect(glueProblem(D, host)).toMatch(/must be a name inside example\.com, such as ns1\.example\.com/);
  });

  it.each([
    ["127.0.0.1", /loopback/],
    ["0.0.0.0", /0\.0\.0\.0\/8/],
    ["169.254.10.1", /link-local/],
    ["224.0.0.1", /multicast/],
    ["255.255.255.255", /broadcast/],
    ["::", /unspecified/],
    ["::1", /loopback/],
    ["fe80::53", /link-local/],
    ["ff02::1", /multicast/],
  ])("refuses %s as glue: no resolver could reach it", (ip, range) => {
    const outcome = checkInputs(privateNameserverInputsSchema, { ...GLUE, ip });
    expect(outcome).toMatchObject({ ok: false, failures: [{ property: "ip", reason: expect.stringMatching(range) }] });
    if (!outcome.ok) expect(outcome.failures[0]?.reason).toMatch(/glue must be the nameserver's public address/);
  });

  it("an IPv4-mapped IPv6 address is refused with the IPv4 address to write instead", () => {
    expect(glueAddressProblem(canonicalIp("::FFFF:C000:0235")!)).toBe("is an IPv4-mapped IPv6 address: write the IPv4 address itself (192.0.2.53)");
  });

  it.each(["192.0.2.53", "10.0.0.53", "2001:db8::53", "fe8::1", "ff0::1", "100.64.0.1"])("leaves %s to the registry to judge", (ip) => {
    expect(glueAddressProblem(canonicalIp(ip)!)).toBeUndefined();
  });

  it("the inside-the-domain rule waits while the address is unknown at preview; the host itself is still checked", () => {
    expect(checkInputs(privateNameserverInputsSchema, { ...GLUE, ip: UNKNOWN }).ok).toBe(true);
    expect(checkInputs(privateNameserverInputsSchema, { ...GLUE, host: "_ns1.example.com", ip: UNKNOWN })).toMatchObject({ ok: false, failures: [{ property: "host" }] });
  });
});

describe("diffPrivateNameserver", () => {
  it("the same glue is no change", () => {
    expect(diffPrivateNameserver(GLUE, { ...GLUE })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("a new address modifies in place (the state holds the current address the modify route needs)", () => {
    expect(diffPrivateNameserver(GLUE, { ...GLUE, ip: "2001:db8::53" })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(diffPrivateNameserver(GLUE, { ...GLUE, ip: UNKNOWN })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("a new host, domain or profile deletes the old record before registering the new one", () => {
    expect(diffPrivateNameserver(GLUE, { ...GLUE, host: "ns2.example.com" })).toEqual({ changes: true, replaces: ["host"], deleteBeforeReplace: true });
    expect(diffPrivateNameserver(GLUE, { domain: "other.com", host: "ns1.other.com", ip: GLUE.ip })).toEqual({ changes: true, replaces: ["domain", "host"], deleteBeforeReplace: true });
    expect(diffPrivateNameserver(GLUE, { ...GLUE, profile: "eu" }).replaces).toEqual(["profile"]);
  });
});
