// The credential precedence rules on plain data, the cases the Pulumi-level tests do not reach:
// blank values, malformed profile tables, and where the messages send the user.
import { describe, expect, it } from "vitest";
import { resolveFunctionSettings, type Layers } from "../../provider/functions/resolve";

const full = { endpoint: "https://a.example/api", username: "a@example.com", apiKey: "key-a" };
const layers = (over: Partial<Layers>): Layers => ({ explicit: {}, config: {}, env: {}, ...over });
const failure = (l: Layers) => {
  try {
    resolveFunctionSettings("getTlds", l);
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected a failure");
};

describe("resolveFunctionSettings", () => {
  it("blank or whitespace values count as absent in every layer, and values are trimmed", () => {
    const l = layers({ explicit: { apiKey: "  " }, config: { endpoint: "", username: " a@example.com " }, env: { DOMAINSRESELLER_ENDPOINT: full.endpoint, DOMAINSRESELLER_API_KEY: "key-a" } });
    expect(resolveFunctionSettings("getTlds", l)).toEqual(full);
  });

  it("a profile table that is not JSON, or not an object, is named without its content", () => {
    const notJson = failure(layers({ profile: "eu", config: { profiles: "{eu: secret-key-1234" } }));
    expect(notJson.message).toBe("getTlds: domainsreseller:profiles (or DOMAINSRESELLER_PROFILES) is not valid JSON; it must be an object of profiles, each { endpoint, username, apiKey }.");
    expect(notJson.code).toBe("configuration");
    const list = failure(layers({ profile: "eu", env: { DOMAINSRESELLER_PROFILES: JSON.stringify([full]) } }));
    expect(list.message).toContain('profile "eu" is not in domainsreseller:profiles (or DOMAINSRESELLER_PROFILES) (profiles there: none)');
  });

  it("a profile's fields must be text; inherited object keys are no profile", () => {
    const numeric = failure(layers({ profile: "eu", config: { profiles: JSON.stringify({ eu: { ...full, apiKey: 1234 } }) } }));
    expect(numeric.message).toContain('"eu" in domainsreseller:profiles (or DOMAINSRESELLER_PROFILES) lacks apiKey');
    expect(failure(layers({ profile: "constructor", config: { profiles: "{}" } })).message).toContain('profile "constructor" is not in');
  });

  it("a profile ignores the default credentials and takes the shared tuning keys", () => {
    const l = layers({ profile: "eu", config: { ...full, profiles: JSON.stringify({ eu: { endpoint: "https://eu.example/api", username: "eu@example.com", apiKey: "key-eu" } }) }, env: { DOMAINSRESELLER_REQUESTS_PER_MINUTE: "12" } });
    expect(resolveFunctionSettings("getTlds", l)).toEqual({ endpoint: "https://eu.example/api", username: "eu@example.com", apiKey: "key-eu", requestsPerMinute: 12 });
  });
});
