// Settings inputs a user could plausibly write and the registry would refuse (or worse, accept):
// each is refused by `check`, before any API call, naming the property and the fix. Cases beyond
// those in settings.test.ts.
import { describe } from "vitest";
import { itRefusesEach, type RefusalCase } from "./helpers/refusals";
import { emailForwardingInputsSchema } from "../../provider/model/emailForwarding";
import { idProtectionInputsSchema } from "../../provider/model/idProtection";
import { nameserversInputsSchema } from "../../provider/model/nameservers";
import { privateNameserverInputsSchema } from "../../provider/model/privateNameserver";

const D = "example.com";
const NS2 = "ns2.host.net";
const GLUE = { domain: D, host: "ns1.example.com" };

const INVALID: RefusalCase[] = [
  ["a nameserver with a port", nameserversInputsSchema, { domain: D, nameservers: ["ns1.host.net:53", NS2] }, "nameservers[0]", /nameserver host name such as ns1\.example\.net/],
  ["a nameserver with an underscore label", nameserversInputsSchema, { domain: D, nameservers: [NS2, "ns_1.host.net"] }, "nameservers[1]", /letters, digits and hyphens, no "_"/],
  ["a wildcard nameserver", nameserversInputsSchema, { domain: D, nameservers: ["*.host.net", NS2] }, "nameservers[0]", /nameserver host name/],
  ["an empty nameserver slot", nameserversInputsSchema, { domain: D, nameservers: ["ns1.host.net", NS2, ""] }, "nameservers[2]", /got ""/],
  ["a nameserver as a number", nameserversInputsSchema, { domain: D, nameservers: [53, NS2] }, "nameservers[0]", /must be a host name such as ns1\.example\.net/],
  ["an IDN nameserver twice (Unicode and punycode)", nameserversInputsSchema, { domain: D, nameservers: ["ns.bücher.de", "NS.xn--bcher-kva.de."] }, "nameservers[1]", /repeats ns\.xn--bcher-kva\.de \(already at index 0\): list each nameserver once/],
  ["no nameservers at all", nameserversInputsSchema, { domain: D, nameservers: [] }, "nameservers", /at least 2 nameservers/],
  ["an empty profile", nameserversInputsSchema, { domain: D, nameservers: ["ns1.host.net", NS2], profile: "" }, "profile", /letters, digits, "-" and "_"/],
  ["a forward to itself", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "Info", to: "info@Example.com" }] }, "forwards[0]", /circle .*mailbox outside example\.com/],
  ["a catch-all into the domain", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "*", to: "postmaster@example.com" }] }, "forwards[0]", /circle \(\* → postmaster@example\.com\)/],
  ["a forward from a local part starting with a dot", emailForwardingInputsSchema, { domain: D, forwards: [{ from: ".info", to: "a@b.org" }] }, "forwards[0].from", /local part before the @ \(such as "info" or "first\.last"\)/],
  ["a forward from a local part of 65 characters", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "a".repeat(65), to: "a@b.org" }] }, "forwards[0].from", /local part/],
  ["a forward to a display name", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "info", to: "Owner <owner@b.org>" }] }, "forwards[0].to", /e-mail address such as owner@example\.org/],
  ["a forward to two addresses in one string", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "info", to: "a@b.org, c@d.org" }] }, "forwards[0].to", /e-mail address/],
  ["a forward to an IP literal", emailForwardingInputsSchema, { domain: D, forwards: [{ from: "info", to: "owner@[192.0.2.1]" }] }, "forwards[0].to", /e-mail address/],
  ["a forward without a from", emailForwardingInputsSchema, { domain: D, forwards: [{ to: "a@b.org" }] }, "forwards[0].from", /"forwards\[0\]\.from" is required/],
  ["forwards as a map", emailForwardingInputsSchema, { domain: D, forwards: { info: "a@b.org" } }, "forwards", /list of forwards \(\{ from, to \}\)/],
  ["ID protection as 1", idProtectionInputsSchema, { domain: D, enabled: 1 }, "enabled", /true or false/],
  ["ID protection with a misspelt key", idProtectionInputsSchema, { domain: D, enabled: true, enable: true }, "enable", /unknown properties "enable"/],
  ["glue on loopback", privateNameserverInputsSchema, { ...GLUE, ip: "127.0.0.1" }, "ip", /loopback address .*glue must be the nameserver's public address/],
  ["glue on an IPv4-mapped IPv6 address", privateNameserverInputsSchema, { ...GLUE, ip: "::ffff:192.0.2.53" }, "ip", /write the IPv4 address itself \(192\.0\.2\.53\)/],
  ["glue with a CIDR suffix", privateNameserverInputsSchema, { ...GLUE, ip: "192.0.2.53/32" }, "ip", /IPv4 address such as 192\.0\.2\.53/],
  ["glue with a leading-zero octet", privateNameserverInputsSchema, { ...GLUE, ip: "192.0.2.053" }, "ip", /IPv4 address/],
  ["glue host with an underscore", privateNameserverInputsSchema, { ...GLUE, host: "ns_1.example.com", ip: "192.0.2.53" }, "host", /no "_"/],
  ["glue host of a look-alike domain", privateNameserverInputsSchema, { ...GLUE, host: "ns1.myexample.com", ip: "192.0.2.53" }, "host", /inside example\.com, such as ns1\.example\.com/],
  ["glue without an address", privateNameserverInputsSchema, { ...GLUE }, "ip", /"ip" is required/],
];

describe("settings inputs refused before any API call", () => {
  itRefusesEach(INVALID);
});
