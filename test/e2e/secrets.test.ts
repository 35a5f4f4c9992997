// Secrets at the engine's most verbose: a stack with a transfer (its EPP code a secret in stack
// config) and settings resources goes through up, refresh and destroy with `-v=9 --logtostderr
// --logflow`, and everything it leaves or prints is searched for the API key, its tokens and the
// EPP code. The only hits allowed are the engine's own logging of the stack config it hands the
// default provider (docs/credentials.md says so, and how to keep the key out of it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, registerSecret, secretLeaks, startTestEmulator, withoutEngineValueLogs, type Project, type TestEmulator } from "./harness";

const EPP = `Epp-${Math.random().toString(36).slice(2, 12)}`;
const VERBOSE = ["-v=9", "--logtostderr", "--logflow", "--non-interactive"];
const REGISTRANT = `{ firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" }`;

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { Domain, DnsRecordSet, RegistrarLock } from "pulumi-domainsreseller";
const moved = new Domain("moved", { name: "secret-transfer.com", source: "transfer", years: 1, eppCode: new pulumi.Config().requireSecret("eppCode"), nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT} }, maxPrice: 20, onDelete: "retain" });
new RegistrarLock("lock", { domain: "acme-widgets.com", locked: true });
new DnsRecordSet("dns", { domain: "acme-widgets.com", records: [{ name: "api", type: "A", value: "192.0.2.1" }] });
export const status = moved.status;
`;

describe("no secret in plain text at -v=9", () => {
  let emulator: TestEmulator;
  let project: Project;
  let printed = "";

  beforeAll(async () => {
    emulator = await startTestEmulator();
    registerSecret(EPP);
    project = createProject("secrets", PROGRAM);
    await configureStack(project, "dev", emulator);
    await project.ok(["config", "set", "--secret", "eppCode"], { stdin: EPP });
    for (const args of [["up", "--yes"], ["refresh", "--yes"], ["preview", "--refresh", "--diff"], ["destroy", "--yes"]]) {
      const run = await project.ok([...args, ...VERBOSE]);
      printed += `${run.stdout}\n${run.stderr}\n`;
    }
  });

  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  it("the engine's verbose log prints secrets it passes over RPC, and nothing else does", () => {
    const hits = printed.split("\n").filter((line) => secretLeaks(line).length > 0);
    // The scan sees the verbose log: the engine does print the key and the EPP code at -v=9.
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((line) => line.includes("Configure().inputs") && line.includes(emulator.account.apiKey))).toBe(true);
    // Every hit is one of the engine's own value logs; the provider's output, errors and warnings have none.
    expect(secretLeaks(withoutEngineValueLogs(printed))).toEqual([]);
  });

  it("the state, its backups and the project files hold no secret in plain text", () => {
    const files = project.allText().split("\n==> ").filter((part) => !part.startsWith("$ pulumi"));
    expect(secretLeaks(withoutEngineValueLogs(files.join("\n")))).toEqual([]);
    expect(secretLeaks(project.allText().split("$ pulumi")[0] ?? "")).toEqual([]);
  });
});
