import { describe, expect, it } from "vitest";
import { canonicalDomainName, domainNameSchema } from "../../provider/model/domainName";

describe("canonicalDomainName", () => {
  it("folds letter case and a trailing dot, so one name never looks like two", () => {
    expect(canonicalDomainName("Example.COM.")).toBe("example.com");
    expect(canonicalDomainName("  shop.example.co.uk ")).toBe("shop.example.co.uk");
  });

  it("sends IDNs as punycode, the form registries store", () => {
    expect(canonicalDomainName("bücher.de")).toBe("xn--bcher-kva.de");
    expect(canonicalDomainName("xn--bcher-kva.de")).toBe("xn--bcher-kva.de");
  });

  it.each([
    ["", "empty"],
    ["localhost", "single label"],
    ["-bad.com", "leading hyphen"],
    ["bad-.com", "trailing hyphen"],
    ["a..com", "empty label"],
    ["has space.com", "space"],
    ["https://example.com", "URL instead of a name"],
    ["user@example.com", "e-mail address"],
    ["192.0.2.1", "IP address"],
    [`${"a".repeat(64)}.com`, "label over 63 characters"],
    [`${"a.".repeat(127)}com`, "name over 253 characters"],
  ])("rejects %j (%s)", (input) => {
    expect(canonicalDomainName(input)).toBeUndefined();
  });

  it("schema failures quote the bad value and give an example of a good one", () => {
    const result = domainNameSchema.safeParse("not a domain");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('"not a domain"');
    expect(result.error?.issues[0]?.message).toContain("example.com");
  });
});
