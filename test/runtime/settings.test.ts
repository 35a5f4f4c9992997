import { afterEach, describe, expect, it } from "vitest";
import { ConfigurationError, configureFrom, resolveSettings } from "../../provider/runtime/settings";

const ENV = ["DOMAINSRESELLER_ENDPOINT", "DOMAINSRESELLER_USERNAME", "DOMAINSRESELLER_API_KEY", "DOMAINSRESELLER_MAX_CONCURRENCY", "DOMAINSRESELLER_PREFER_ENV", "DOMAINSRESELLER_PROFILES"];
const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

afterEach(() => {
  for (const name of ENV) delete process.env[name];
  configureFrom(config({}));
});

describe("provider settings", () => {
  it("reads endpoint and credentials from stack config", () => {
    configureFrom(config({ "domainsreseller:endpoint": "http://127.0.0.1:1/api", "domainsreseller:username": "a@b.co", "domainsreseller:apiKey": "k" }));
    expect(resolveSettings()).toEqual({ endpoint: "http://127.0.0.1:1/api", username: "a@b.co", apiKey: "k" });
  });

  it("falls back to the environment, and stack config wins over it", () => {
    process.env.DOMAINSRESELLER_ENDPOINT = "http://127.0.0.1:2/api";
    process.env.DOMAINSRESELLER_USERNAME = "env@b.co";
    process.env.DOMAINSRESELLER_API_KEY = "env-key";
    configureFrom(config({ "domainsreseller:username": "config@b.co" }));
    expect(resolveSettings()).toMatchObject({ endpoint: "http://127.0.0.1:2/api", username: "config@b.co", apiKey: "env-key" });
  });

  it("names every missing config key with its command and environment variable", () => {
    configureFrom(config({ "domainsreseller:endpoint": "http://127.0.0.1:1/api" }));
    expect(() => resolveSettings()).toThrow(ConfigurationError);
    try {
      resolveSettings();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("domainsreseller:username");
      expect(message).toContain("DOMAINSRESELLER_USERNAME");
      expect(message).toContain("pulumi config set --secret domainsreseller:apiKey");
      expect(message).toContain("DOMAINSRESELLER_API_KEY");
      expect(message).not.toContain("domainsreseller:endpoint:");
    }
  });

  it("refuses a tuning value that is not a positive whole number, naming the key", () => {
    configureFrom(config({ "domainsreseller:endpoint": "e", "domainsreseller:username": "u", "domainsreseller:apiKey": "k", "domainsreseller:maxConcurrency": "lots" }));
    expect(() => resolveSettings()).toThrow(/domainsreseller:maxConcurrency \(or DOMAINSRESELLER_MAX_CONCURRENCY\) must be a positive whole number/);
  });

  it("keeps only its own namespace from the stack config", () => {
    configureFrom(config({ "domainsreseller:endpoint": "e", "domainsreseller:username": "u", "domainsreseller:apiKey": "k", "aws:secretKey": "not ours" }));
    expect(JSON.stringify(resolveSettings())).not.toContain("not ours");
  });

  it("lets the environment win over recorded config when DOMAINSRESELLER_PREFER_ENV=true (rotating a key before destroy)", () => {
    configureFrom(config({ "domainsreseller:endpoint": "e", "domainsreseller:username": "u", "domainsreseller:apiKey": "old-key" }));
    process.env.DOMAINSRESELLER_API_KEY = "new-key";
    expect(resolveSettings().apiKey).toBe("old-key");
    process.env.DOMAINSRESELLER_PREFER_ENV = "true";
    expect(resolveSettings()).toMatchObject({ endpoint: "e", username: "u", apiKey: "new-key" });
  });
});

describe("credentials profiles", () => {
  const profiles = JSON.stringify({ eu: { endpoint: "http://127.0.0.1:9/eu", username: "eu@b.co", apiKey: "eu-key-123" }, broken: { endpoint: "x" } });

  it("a resource's profile selects its own endpoint and credentials; tuning keys still apply", () => {
    configureFrom(config({ "domainsreseller:endpoint": "d", "domainsreseller:username": "u", "domainsreseller:apiKey": "k", "domainsreseller:profiles": profiles, "domainsreseller:maxConcurrency": "2" }));
    expect(resolveSettings("eu")).toEqual({ endpoint: "http://127.0.0.1:9/eu", username: "eu@b.co", apiKey: "eu-key-123", maxConcurrency: 2 });
    expect(resolveSettings()).toMatchObject({ endpoint: "d", apiKey: "k" });
  });

  it("an unknown profile names the profiles there are and how to add one, without any value", () => {
    configureFrom(config({ "domainsreseller:profiles": profiles }));
    expect(() => resolveSettings("us")).toThrow(/profile "us" is not in domainsreseller:profiles \(or DOMAINSRESELLER_PROFILES\) \(profiles there: "eu", "broken"\)/);
    expect(() => resolveSettings("broken")).toThrow(/"broken" in domainsreseller:profiles \(or DOMAINSRESELLER_PROFILES\) lacks username, apiKey/);
    try {
      resolveSettings("us");
    } catch (error) {
      expect((error as Error).message).not.toContain("eu-key-123");
    }
  });

  it("a profile without any profiles configured, or with broken JSON, says which key to set", () => {
    expect(() => resolveSettings("eu")).toThrow(/asks for credentials profile "eu", but domainsreseller:profiles \(or DOMAINSRESELLER_PROFILES\) is not set/);
    configureFrom(config({ "domainsreseller:profiles": "{eu:" }));
    expect(() => resolveSettings("eu")).toThrow(/domainsreseller:profiles \(or DOMAINSRESELLER_PROFILES\) is not valid JSON/);
  });
});
