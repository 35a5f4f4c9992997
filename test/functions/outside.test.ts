// The Pulumi layer with no program running (a script that imports the package): there is no stack
// config to read, so credentials come from explicit options and the environment only, and the
// EPP code is still a secret Output.
import * as pulumi from "@pulumi/pulumi";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../emulator";
import { getDomainInfo, getEppCode, getTlds } from "../../provider/functions";
import { insideProgram } from "../../provider/functions/options";
import { DEMO, KNOWN_EPP, failureOf, isolateEnv, startSeeded, valueOf } from "./helpers";

let emulator: EmulatorHandle;
let restoreEnv: () => void;

beforeAll(async () => {
  emulator = await startSeeded();
});
afterAll(async () => emulator?.close());
beforeEach(() => {
  restoreEnv = isolateEnv();
  // Config a language host would have handed over; outside a program nothing may read it.
  pulumi.runtime.setAllConfig({ "domainsreseller:endpoint": emulator.endpoint, "domainsreseller:username": DEMO.username, "domainsreseller:apiKey": DEMO.apiKey }, ["domainsreseller:apiKey"]);
});
afterEach(() => restoreEnv());

describe("outside a Pulumi program", () => {
  it("knows no program is running", () => {
    expect(pulumi.runtime.hasMonitor()).toBe(false);
    expect(insideProgram()).toBe(false);
  });

  it("ignores stack config, and says where credentials must come from instead", async () => {
    const { error } = await failureOf(getTlds());
    const message = (error as Error).message;
    expect((error as { code?: string }).code).toBe("configuration");
    expect(message).toContain("endpoint: set the environment variable DOMAINSRESELLER_ENDPOINT, or pass { endpoint } in the options (stack config is not read outside a Pulumi program)");
    expect(message).not.toContain("pulumi config set");
  });

  it("reads the environment", async () => {
    Object.assign(process.env, { DOMAINSRESELLER_ENDPOINT: emulator.endpoint, DOMAINSRESELLER_USERNAME: DEMO.username, DOMAINSRESELLER_API_KEY: DEMO.apiKey });
    expect(await valueOf(getDomainInfo("acme-widgets.net"))).toMatchObject({ name: "acme-widgets.net", locked: false });
  });

  it("takes explicit credentials, and getEppCode is still a secret Output", async () => {
    const code = getEppCode("acme-widgets.com", { endpoint: emulator.endpoint, username: DEMO.username, apiKey: DEMO.apiKey });
    expect(await pulumi.isSecret(code)).toBe(true);
    expect(await valueOf(code)).toBe(KNOWN_EPP);
  });

  it("a profile comes from DOMAINSRESELLER_PROFILES only", async () => {
    const { error } = await failureOf(getTlds({ profile: "demo" }));
    expect((error as Error).message).toContain('credentials profile "demo", but DOMAINSRESELLER_PROFILES is not set');
    process.env.DOMAINSRESELLER_PROFILES = JSON.stringify({ demo: { endpoint: emulator.endpoint, username: DEMO.username, apiKey: DEMO.apiKey } });
    expect(await valueOf(getTlds({ profile: "demo" }))).toContain(".com");
  });
});
