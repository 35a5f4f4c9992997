// The Pulumi layer under Pulumi's unit-test mocks (a program is "running"): the EPP code is a
// secret Output, other results are not, and credentials come from explicit options, then the stack
// config, then the environment, with profiles from domainsreseller:profiles.
import * as pulumi from "@pulumi/pulumi";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../emulator";
import { checkAvailability, getCreditBalance, getDomainInfo, getEppCode, getPricing, getTlds } from "../../provider/functions";
import { insideProgram, settingsFor } from "../../provider/functions/options";
import { DEMO, KNOWN_EPP, everythingIn, failureOf, isolateEnv, startSeeded, valueOf } from "./helpers";

let emulator: EmulatorHandle;
let restoreEnv: () => void;
const CONFIG_KEY = "config-key-must-not-leak";

/** Replaces the stack config, with the API key and profiles marked secret as `--secret` would. */
function stackConfig(values: Record<string, string>): void {
  const full = Object.fromEntries(Object.entries(values).map(([k, v]) => [`domainsreseller:${k}`, v]));
  pulumi.runtime.setAllConfig(full, ["domainsreseller:apiKey", "domainsreseller:profiles"]);
}
const good = () => ({ endpoint: emulator.endpoint, username: DEMO.username, apiKey: DEMO.apiKey });

beforeAll(async () => {
  await pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, "project", "stack", false);
  emulator = await startSeeded();
});
afterAll(async () => emulator?.close());
beforeEach(() => {
  restoreEnv = isolateEnv();
  stackConfig({});
});
afterEach(() => restoreEnv());

describe("results as Outputs", () => {
  it("runs as inside a program, where stack config exists", () => {
    expect(insideProgram()).toBe(true);
  });

  it("getEppCode's Output is secret and holds the code", async () => {
    stackConfig(good());
    const code = getEppCode("acme-widgets.com");
    expect(pulumi.Output.isInstance(code)).toBe(true);
    expect(await pulumi.isSecret(code)).toBe(true);
    expect(await valueOf(code)).toBe(KNOWN_EPP);
  });

  it("getEppCode stays secret when derived from, and when credentials come from explicit plain options", async () => {
    const code = getEppCode(pulumi.output("ACME-WIDGETS.COM"), good());
    const derived = code.apply((c) => `code: ${c}`);
    expect(await pulumi.isSecret(derived)).toBe(true);
    expect(await valueOf(derived)).toBe(`code: ${KNOWN_EPP}`);
  });

  it("other results are not secret although the API key is, unless their argument was", async () => {
    stackConfig(good());
    const info = getDomainInfo("acme-shop.io");
    expect(await pulumi.isSecret(info)).toBe(false);
    expect(await valueOf(info)).toMatchObject({ name: "acme-shop.io", locked: false, idProtection: false });
    const secretName = getDomainInfo(pulumi.secret("acme-shop.io"));
    expect(await pulumi.isSecret(secretName)).toBe(true);
    const others: pulumi.Output<unknown>[] = [getTlds(), getCreditBalance(), getPricing(".io"), checkAvailability(["acme-shop.io"])];
    for (const output of others) expect(await pulumi.isSecret(output)).toBe(false);
  });

  it("every function answers through the wrapper with the plain layer's data", async () => {
    stackConfig(good());
    expect(await valueOf(getTlds())).toContain(".io");
    expect(await valueOf(getCreditBalance())).toEqual({ balance: "500.00", amount: 500, currency: "USD" });
    expect(await valueOf(getPricing("shiny-new.dev"))).toMatchObject({ tld: ".dev", domain: "shiny-new.dev", register: "15.00" });
    const names = pulumi.output(["acme-labs.dev", "shiny-new.dev"]);
    expect((await valueOf(checkAvailability(names))).map((a) => a.available)).toEqual([false, true]);
  });
});

describe("arguments", () => {
  it("a plain bad name throws at the call, naming the Pulumi function", () => {
    expect(() => getDomainInfo("acme widgets.com")).toThrow(/^getDomainInfo: argument "name" must be a domain name/);
    expect(() => getEppCode("")).toThrow(/^getEppCode: argument "name"/);
    expect(() => checkAvailability(["ok.com", "no"])).toThrow(/^checkAvailability: argument "names\[1\]"/);
    expect(() => getPricing("..")).toThrow(/^getPricing: argument "tld"/);
  });

  it("a bad name from an Output fails the Output, reported once, as a RunError without a stack", async () => {
    stackConfig(good());
    const { error, unhandled } = await failureOf(getDomainInfo(pulumi.output("not/a/name")));
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as { code?: string }).code).toBe("validation");
    expect((error as Error).message).toMatch(/^getDomainInfo: argument "name" must be a domain name/);
    expect(unhandled.length).toBeGreaterThan(0);
    expect(unhandled.every((e) => e === error)).toBe(true);
  });

  it("an unknown domain fails with not_found; the EPP Output's failure carries neither code nor key", async () => {
    stackConfig({ ...good(), apiKey: DEMO.apiKey });
    const { error } = await failureOf(getEppCode("never-held-here.com"));
    expect((error as { code?: string }).code).toBe("not_found");
    expect(everythingIn(error)).not.toContain(KNOWN_EPP);
    expect(everythingIn(error)).not.toContain(DEMO.apiKey);
  });

  it("profile and explicit credentials together are refused at the call", () => {
    expect(() => getTlds({ profile: "eu", apiKey: "x" })).toThrow(/give either option "profile" or explicit apiKey, not both/);
    expect(() => getTlds({ profile: "not valid!" })).toThrow(/option "profile" must name a credentials profile/);
  });
});

describe("credential precedence", () => {
  const settings = (opts: Parameters<typeof settingsFor>[1] = {}) => valueOf(settingsFor("getTlds", opts));

  it("stack config wins over the environment, field by field; the environment fills gaps", async () => {
    stackConfig({ endpoint: "https://config.example/api", apiKey: CONFIG_KEY });
    Object.assign(process.env, { DOMAINSRESELLER_ENDPOINT: "https://env.example/api", DOMAINSRESELLER_USERNAME: "env@example.com", DOMAINSRESELLER_API_KEY: "env-key" });
    expect(await settings()).toEqual({ endpoint: "https://config.example/api", username: "env@example.com", apiKey: CONFIG_KEY });
  });

  it("explicit options win over both", async () => {
    stackConfig({ endpoint: "https://config.example/api", username: "config@example.com", apiKey: CONFIG_KEY });
    process.env.DOMAINSRESELLER_API_KEY = "env-key";
    expect(await settings({ apiKey: pulumi.secret("explicit-key"), username: "explicit@example.com" })).toEqual({ endpoint: "https://config.example/api", username: "explicit@example.com", apiKey: "explicit-key" });
  });

  it("DOMAINSRESELLER_PREFER_ENV=true lets the environment win, as it does for resources", async () => {
    stackConfig({ endpoint: "https://config.example/api", username: "config@example.com", apiKey: CONFIG_KEY });
    Object.assign(process.env, { DOMAINSRESELLER_PREFER_ENV: "true", DOMAINSRESELLER_API_KEY: "env-key" });
    expect(await settings()).toMatchObject({ username: "config@example.com", apiKey: "env-key" });
  });

  it("the settings Output is secret, whichever layer the key came from", async () => {
    process.env.DOMAINSRESELLER_ENDPOINT = "https://env.example/api";
    process.env.DOMAINSRESELLER_USERNAME = "env@example.com";
    process.env.DOMAINSRESELLER_API_KEY = "env-key";
    expect(await pulumi.isSecret(settingsFor("getTlds", {}))).toBe(true);
  });

  it("tuning keys are read too, and a bad one is refused naming key and variable", async () => {
    stackConfig({ ...good(), requestsPerMinute: "30" });
    process.env.DOMAINSRESELLER_MAX_CONCURRENCY = "2";
    expect(await settings()).toMatchObject({ requestsPerMinute: 30, maxConcurrency: 2 });
    process.env.DOMAINSRESELLER_REQUEST_TIMEOUT_MS = "soon";
    const { error } = await failureOf(settingsFor("getTlds", {}));
    expect((error as Error).message).toContain("domainsreseller:requestTimeoutMs (or DOMAINSRESELLER_REQUEST_TIMEOUT_MS) must be a positive whole number");
  });

  it("nothing set: the failure names each config key, its command and its variable, and no value", async () => {
    stackConfig({ username: "config@example.com" });
    const { error } = await failureOf(getTlds());
    const message = (error as Error).message;
    expect((error as { code?: string }).code).toBe("configuration");
    expect(message).toContain("domainsreseller:endpoint: run `pulumi config set domainsreseller:endpoint <url>`, set the environment variable DOMAINSRESELLER_ENDPOINT");
    expect(message).toContain("domainsreseller:apiKey: run `pulumi config set --secret domainsreseller:apiKey <key>`");
    expect(message).not.toContain("domainsreseller:username");
    expect(message).not.toContain("config@example.com");
  });

  it("over the wire: config credentials beat a wrong key in the environment; explicit ones beat wrong config", async () => {
    stackConfig(good());
    process.env.DOMAINSRESELLER_API_KEY = "wrong-env-key";
    expect(await valueOf(getTlds())).toContain(".com");
    stackConfig({ ...good(), apiKey: CONFIG_KEY });
    expect(await valueOf(getTlds({ apiKey: DEMO.apiKey }))).toContain(".com");
    const { error } = await failureOf(getTlds());
    expect((error as { code?: string }).code).toBe("authentication");
    expect(everythingIn(error)).not.toContain(CONFIG_KEY);
  });
});

describe("profiles", () => {
  const profiles = () => JSON.stringify({ demo: good(), broken: { endpoint: emulator.endpoint, username: DEMO.username } });

  it("opts.profile selects from the secret stack config domainsreseller:profiles", async () => {
    stackConfig({ profiles: profiles(), endpoint: "https://default.example/api", username: "x@example.com", apiKey: CONFIG_KEY });
    expect(await valueOf(getEppCode("acme-widgets.com", { profile: "demo" }))).toBe(KNOWN_EPP);
  });

  it("falls back to DOMAINSRESELLER_PROFILES when the stack config has none", async () => {
    process.env.DOMAINSRESELLER_PROFILES = profiles();
    expect(await valueOf(getDomainInfo("acme-mail.com", { profile: "demo" }))).toMatchObject({ idProtection: true });
  });

  it("a missing or incomplete profile fails naming it and its missing fields, never a value", async () => {
    stackConfig({ profiles: profiles() });
    const unknown = await failureOf(getTlds({ profile: "eu" }));
    expect((unknown.error as Error).message).toMatch(/credentials profile "eu" is not in domainsreseller:profiles .*profiles there: "demo", "broken"/);
    const incomplete = await failureOf(getTlds({ profile: "broken" }));
    expect((incomplete.error as Error).message).toContain('credentials profile "broken" in domainsreseller:profiles (or DOMAINSRESELLER_PROFILES) lacks apiKey');
    for (const { error } of [unknown, incomplete]) expect(everythingIn(error)).not.toContain(DEMO.apiKey);
  });
});
