// The two mistakes every new user makes, on the real engine: a bad input and a missing credential.
// Both must fail before any API call, with a message that names what to fix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { RegistrarLock } from "pulumi-domainsreseller";
const config = new pulumi.Config();
new RegistrarLock("lock", { domain: config.require("domain") });
`;

describe("mistakes fail early and say what to fix", () => {
  let emulator: TestEmulator;
  let project: Project;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    project = createProject("mistakes", PROGRAM);
    await project.ok(["stack", "init", "dev", "--non-interactive"]);
  });

  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  it("a malformed domain fails the preview naming the property, with no API call", async () => {
    await project.ok(["config", "set", "domain", "https://acme-widgets.com"]);
    await project.ok(["config", "set", "domainsreseller:endpoint", emulator.handle.endpoint]);
    await emulator.resetCounters();
    const result = await project.pulumi(["preview", "--non-interactive"]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('"domain" must be a domain name such as "example.com"');
    expect(result.stdout).toContain('"https://acme-widgets.com"');
    expect(await emulator.counters()).toEqual({});
  });

  it("missing credentials fail naming each config key, its command and its environment variable", async () => {
    await project.ok(["config", "set", "domain", "acme-widgets.com"]);
    const result = await project.pulumi(["up", "--yes", "--non-interactive", "--skip-preview"]);
    expect(result.code).not.toBe(0);
    for (const text of ["domainsreseller:username", "DOMAINSRESELLER_USERNAME", "pulumi config set --secret domainsreseller:apiKey", "DOMAINSRESELLER_API_KEY"]) {
      expect(result.stdout).toContain(text);
    }
    expect(await emulator.counters()).toEqual({});
  });
});
