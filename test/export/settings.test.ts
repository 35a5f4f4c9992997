// The one-value settings and the contacts of an export: declared exactly as the resource will read
// them back (so adopting and refreshing find no difference), or left out with the reason.
import { describe, expect, it } from "vitest";
import type { DnsRecord } from "../../provider/model/dns";
import { planContacts, read, refused } from "../../provider/export";
import { glueHints, planForwards, planIdProtection, planLock, planNameservers } from "../../provider/export/settings";
import { commentLines, commentText, projectName, tsString } from "../../provider/export";

describe("settings of an export", () => {
  it("nameservers: canonical, 2 to 5; fewer cannot be declared without changing the delegation", () => {
    expect(planNameservers(read(["NS1.Host.net.", "ns2.host.net"]))).toEqual({ declare: true, value: ["ns1.host.net", "ns2.host.net"] });
    expect(planNameservers(read([]))).toEqual({ declare: false, reason: expect.stringMatching(/reports no nameservers; a Nameservers resource declares 2 to 5/) });
    expect(planNameservers(read(["ns1.a.net", "ns1.a.net"]))).toEqual({ declare: false, reason: expect.stringMatching(/would be refused as declared: repeats ns1\.a\.net/) });
    expect(planNameservers(refused("GET /domains/x.com/nameservers", "nope"))).toEqual({ declare: false, reason: "the server refused GET /domains/x.com/nameservers: nope" });
  });

  it("forwards: canonical; a list the resource would refuse (a loop) is left out", () => {
    expect(planForwards("x.com", read([{ prefix: "Info", forwardto: "Me@Example.ORG" }]), true)).toEqual({ declare: true, value: [{ from: "info", to: "Me@example.org" }] });
    expect(planForwards("x.com", read([{ prefix: "a", forwardto: "b@x.com" }, { prefix: "b", forwardto: "a@x.com" }]), true)).toEqual({ declare: false, reason: expect.stringMatching(/sends mail in a circle/) });
    expect(planForwards("x.com", read([]), false)).toEqual({ declare: true, value: [], note: expect.stringMatching(/add-on as off/) });
  });

  it("lock and ID protection: as read; ID protection the server does not report is not guessed", () => {
    expect(planLock(read("unlocked"))).toEqual({ declare: true, value: false });
    expect(planIdProtection(true)).toEqual({ declare: true, value: true });
    expect(planIdProtection(undefined)).toEqual({ declare: false, reason: expect.stringMatching(/does not report idProtectionStatus/) });
  });

  it("glue hints: delegation hosts inside the domain, with the zone's address when there is one", () => {
    const records: DnsRecord[] = [{ name: "ns1", type: "AAAA", value: "2001:db8::53" }];
    expect(glueHints("x.com", read(["ns1.x.com", "ns2.X.com.", "ns.other.net"]), records)).toEqual([{ host: "ns1.x.com", ip: "2001:db8::53" }, { host: "ns2.x.com", ip: undefined }]);
  });
});

describe("contacts of an export", () => {
  const section = { "First Name": "Ada", "Last Name": "Lovelace", "Email Address": "ada@Example.org", "Address 1": "1 Main St", City: "London", State: "", Postcode: "", Country: "gb", "Phone Number": "+44 20 7123 4567" };

  it("a role is declared in canonical form, optional fields only when set", () => {
    expect(planContacts({ Registrant: section })).toEqual({
      contacts: { registrant: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "", postcode: "", country: "GB" } },
      leftOut: [],
    });
  });

  it("a role the schema refuses as read is left out, naming the field; the others stay", () => {
    const plan = planContacts({ Registrant: section, Tech: { ...section, "First Name": "" }, Billing: { ...section, Country: "Atlantis" } });
    expect(Object.keys(plan.contacts)).toEqual(["registrant"]);
    expect(plan.leftOut.map((l) => l.role)).toEqual(["tech", "billing"]);
    expect(plan.leftOut[0]?.reason).toMatch(/firstName must not be empty/);
    expect(plan.leftOut[1]?.reason).toMatch(/^the registrar's billing contact would be refused as declared: country /);
  });
});

describe("escaping and names", () => {
  it("strings become literals that mean the same text; comments stay on their line", () => {
    const nasty = 'a"b\\c\n*/ ${x}\u2028';
    expect(JSON.parse(tsString(nasty).replace(/\\u2028/g, "\u2028"))).toBe(nasty);
    expect(tsString(nasty)).not.toMatch(/[\n\u2028]/);
    expect(commentText("one\ntwo\r\n\u2028three")).toBe("one two three");
    expect(commentLines("x ".repeat(120)).every((l) => l.startsWith("// ") && l.length <= 100)).toBe(true);
  });

  it("project names keep what Pulumi accepts", () => {
    expect(projectName("my export!")).toBe("my-export");
    expect(projectName("...")).toBe("domains");
    expect(projectName("acme_domains.v2")).toBe("acme_domains.v2");
  });
});
