// Configuration refused up front, before any request: plain http to a non-loopback host would send
// a bearer token in clear text; bad tuning values would silently mean something else.
import { describe, expect, it } from "vitest";
import { DomainsResellerClient, parseEndpoint } from "../../provider/client";

const make = (endpoint: string, extra: Record<string, unknown> = {}) => () => new DomainsResellerClient({ endpoint, username: "r@example.com", apiKey: "k3y-secret", ...extra });

describe("endpoint", () => {
  it.each(["http://example.com/api/index.php", "http://10.0.0.5/api", "http://127.0.0.1.nip.io/api", "http://localhost.example.com/api"])("refuses plain http to %s", (url) => {
    expect(make(url)).toThrow(expect.objectContaining({ code: "configuration", message: expect.stringMatching(/plain http.*use https:\/\//) }));
  });

  it.each(["https://reseller.example.com/modules/addons/DomainsReseller/api/index.php", "http://127.0.0.1:8080/api/index.php", "http://127.8.9.10/api", "http://localhost:1/api", "http://[::1]:8080/api"])("accepts %s", (url) => {
    const client = make(url)();
    void client.close();
  });

  it.each([
    ["ftp://example.com/api", /scheme ftp: is not supported/],
    ["example.com/api", /is not a URL/],
    ["https://user:pw@example.com/api", /must not contain credentials/],
    ["https://example.com/api?x=1", /query or fragment/],
  ])("refuses %s", (url, says) => {
    expect(make(url)).toThrow(expect.objectContaining({ code: "configuration", message: expect.stringMatching(says) }));
  });

  it.each(["k3y-9f8e7d6c5b4a39281726", "https://example.com/api?key=k3y-9f8e7d6c5b4a39281726", "http://example.com/k3y-9f8e7d6c5b4a39281726"])(
    "never echoes the endpoint text, where a pasted key would land in CI logs (%#)",
    (url) => {
      expect(make(url)).toThrow(expect.objectContaining({ code: "configuration", message: expect.not.stringContaining("k3y-9f8e7d6c5b4a39281726") }));
    },
  );

  it("keeps the base path and drops a trailing slash, so routes append cleanly", () => {
    expect(parseEndpoint("https://h.example/whmcs/modules/addons/DomainsReseller/api/index.php/")).toEqual({ origin: "https://h.example", basePath: "/whmcs/modules/addons/DomainsReseller/api/index.php" });
  });
});

describe("options", () => {
  it.each([
    [{ maxConcurrency: 0 }, /maxConcurrency must be a number ≥ 1/],
    [{ maxConcurrency: 1.5 }, /maxConcurrency must be a whole number/],
    [{ requestsPerMinute: -1 }, /requestsPerMinute/],
    [{ maxRetries: -1 }, /maxRetries/],
    [{ requestTimeoutMs: Number.NaN }, /requestTimeoutMs/],
    [{ apiKey: "" }, /apiKey is missing.*DOMAINSRESELLER_API_KEY/],
    [{ username: " " }, /username is missing.*DOMAINSRESELLER_USERNAME/],
  ])("refuses %o", (extra, says) => {
    expect(make("https://example.com/api", extra)).toThrow(expect.objectContaining({ code: "configuration", message: expect.stringMatching(says) }));
  });

  it("a configuration message never contains the API key", () => {
    try {
      make("http://example.com/api")();
    } catch (error) {
      expect(JSON.stringify(error) + String((error as Error).message)).not.toContain("k3y-secret");
      return;
    }
    throw new Error("expected a configuration error");
  });
});

describe("lifecycle", () => {
  it("a call after close() is a configuration error, not an unknown order outcome", async () => {
    const client = make("http://127.0.0.1:1/api")();
    await client.close();
    await client.close();
    await expect(client.call("renew", { domain: "example.com", regperiod: 1 })).rejects.toMatchObject({ code: "configuration", message: expect.stringMatching(/closed/) });
  });
});
