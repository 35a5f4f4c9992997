// What a person reads when something fails, on the real engine: each provider failure once, with
// no stack trace (DOMAINSRESELLER_DEBUG=1 shows it), check failures without the engine's
// "value {<nil>}" noise, zone-file problems as `file:line:column:` lines without colour codes, and
// settings that come and go: a missing credential fails the preview, and restoring it makes the
// next `preview --refresh` work.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const DOMAIN = "acme-widgets.com";

const SETTINGS_PROGRAM = `
import { DnsRecordSet, RegistrarLock } from "pulumi-domainsreseller";
new RegistrarLock("lock", { domain: "${DOMAIN}", locked: true });
new DnsRecordSet("dns", { domain: "${DOMAIN}", records: [{ name: "api", type: "A", value: "192.0.2.1" }] });
`;

const ANSI = /\u001b\[/;
/** A line of a JavaScript stack trace. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const output = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("errors a person can read", () => {
  let emulator: TestEmulator;
  let project: Project;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    project = createProject("errors", SETTINGS_PROGRAM);
    await configureStack(project, "dev", emulator);
    await project.ok(["up", "--yes", "--non-interactive"]);
  });

  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  it("a failed read is printed once, under its resource, without a stack trace or colour codes", async () => {
    await emulator.admin("POST", "/faults", { route: "GET /domains/{domain}/dns", kind: "status", status: 500 });
    try {
      const quietRun = output(await project.pulumi(["preview", "--refresh", "--non-interactive"]));
      const sentence = `DnsRecordSet ${DOMAIN}: read failed: getDns on ${DOMAIN}: the server failed to answer (HTTP 500`;
      // Once in the progress line and once in the Diagnostics, as the engine prints every resource error.
      expect(occurrences(quietRun, sentence), quietRun).toBe(2);
      expect(quietRun).toContain("retry later");
      expect(quietRun).not.toMatch(STACK_FRAME);
      expect(quietRun).not.toMatch(ANSI);

      const debugRun = output(await project.pulumi(["preview", "--refresh", "--non-interactive"], { env: { DOMAINSRESELLER_DEBUG: "1" } }));
      expect(debugRun).toContain(sentence);
      expect(debugRun).toMatch(STACK_FRAME);
    } finally {
      await emulator.admin("DELETE", "/faults");
    }
  });

  it("a bad input names its property once, without the engine's value dump", async () => {
    project.writeProgram(`
import { DnsRecordSet } from "pulumi-domainsreseller";
new DnsRecordSet("dns", { domain: "${DOMAIN}", records: [{ name: "ww w", type: "A", value: "192.0.2.1" }, { name: "api", type: "A", value: "192.0.2.1" }] });
`);
    const run = output(await project.pulumi(["preview", "--non-interactive"]));
    expect(run).toContain(`resource 'dns' has a problem: "records[0].name" (ww w/A) "ww w" is not a record name`);
    expect(run).not.toContain("{<nil>}");
    expect(run).not.toContain("value {");
    expect(run).not.toMatch(STACK_FRAME);
  });

  it("a zone file's problems arrive as file:line:column lines, without a stack, an object dump or colour codes", async () => {
    writeFileSync(join(project.dir, "zone.yaml"), "records:\n  - name: www\n    type: AAA\n    value: 192.0.2.1\n  - { name: mail, type: MX, value: mx.example.net, priority: -1 }\n");
    project.writeProgram(`
import { DnsRecordSet, loadZoneFile } from "pulumi-domainsreseller";
new DnsRecordSet("dns", { domain: "${DOMAIN}", ...loadZoneFile("zone.yaml", { domain: "${DOMAIN}" }) });
`);
    const run = await project.pulumi(["preview", "--non-interactive"]);
    const text = output(run);
    expect(run.code).not.toBe(0);
    expect(text).toContain("zone file zone.yaml has 2 problems:");
    expect(text).toMatch(/^\s+zone\.yaml:3:11: records\[0\]\.type: \(www\/AAA\) "AAA" is not a record type/m);
    expect(text).toMatch(/^\s+zone\.yaml:5:\d+: records\[1\]\.priority: /m);
    expect(text).not.toMatch(STACK_FRAME);
    expect(text).not.toMatch(ANSI);
    expect(text).not.toContain("problems: [");
    expect(text).not.toContain("unhandled exception");
  });

  it("a missing credential fails the preview naming the key; restored, the next preview --refresh works", async () => {
    project.writeProgram(SETTINGS_PROGRAM);
    await project.ok(["config", "rm", "domainsreseller:username"]);
    await emulator.resetCounters();
    for (const args of [["preview"], ["up", "--yes"]]) {
      const run = await project.pulumi([...args, "--non-interactive"]);
      expect(run.code, args.join(" ")).not.toBe(0);
      expect(run.stdout).toMatch(/^\s+- domainsreseller:username: run `pulumi config set domainsreseller:username <email>`, or set the environment variable DOMAINSRESELLER_USERNAME$/m);
      expect(run.stdout).not.toContain("domainsreseller:apiKey:");
    }
    expect(await emulator.counters()).toEqual({});

    await project.ok(["config", "set", "domainsreseller:username", emulator.account.email]);
    await project.ok(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
  });

  it("after an up --skip-preview that recorded the provider without a key, the refresh says why it fails and how to fix it", async () => {
    await project.ok(["config", "rm", "domainsreseller:username"]);
    expect((await project.pulumi(["up", "--yes", "--skip-preview", "--non-interactive"])).code).not.toBe(0);
    await project.ok(["config", "set", "domainsreseller:username", emulator.account.email]);

    const stale = await project.pulumi(["preview", "--refresh", "--non-interactive"]);
    expect(stale.code).not.toBe(0);
    expect(stale.stdout).toContain("A refresh or destroy uses the settings recorded in the stack's state by its last `pulumi up`");

    await project.ok(["up", "--yes", "--non-interactive"]);
    await project.ok(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
  });
});
