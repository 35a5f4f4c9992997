// A PrivateNameserver over the weeks of a program, on the real engine: renamed, its host changed,
// moved to another domain, destroyed, each on a domain whose glue the program never declared. The
// API has no route that lists glue, so the glue is read from the emulator's admin view; the signed
// API says what it can (the domains stay Active in the account). No step may touch the undeclared
// glue, and a rename must not delete and re-register the record it hands over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const A = "glue-a-e2e.com";
const B = "glue-b-e2e.com";
const legacy = (domain: string) => ({ nameserver: `ns0.${domain}`, ipaddress: "192.0.2.250" });

const program = (name: string, domain: string, host: string, ip: string) =>
  `import { PrivateNameserver } from "pulumi-domainsreseller";\nnew PrivateNameserver("${name}", { domain: "${domain}", host: "${host}", ip: "${ip}" });\n`;

const UP = ["up", "--yes", "--non-interactive", "--skip-preview"];

describe("a PrivateNameserver renamed, its host changed, moved to another domain, destroyed", () => {
  let emulator: TestEmulator;
  let project: Project;
  let api: DomainsResellerClient;

  /** The glue of a domain as `host=ip`, sorted. */
  const glue = async (domain: string) =>
    ((await emulator.domain(domain)).privateNameservers as { nameserver: string; ipaddress: string }[]).map((g) => `${g.nameserver}=${g.ipaddress}`).sort();
  /** Calls of each glue route since the last reset. */
  const glueCalls = async () => {
    const counters = await emulator.counters();
    const of = (verb: string) => counters[`POST /domains/{domain}/nameservers/${verb}`] ?? 0;
    return { register: of("register"), modify: of("modify"), delete: of("delete") };
  };
  const stepUp = async (text: string, extra: string[] = []) => {
    project.writeProgram(text);
    await emulator.resetCounters();
    await project.ok([...UP, ...extra]);
    return glueCalls();
  };

  beforeAll(async () => {
    emulator = await startTestEmulator();
    for (const domain of [A, B]) await emulator.admin("POST", "/domains", { owner: emulator.account.email, domain, privateNameservers: [legacy(domain)] });
    api = new DomainsResellerClient({ endpoint: emulator.handle.endpoint, username: emulator.account.email, apiKey: emulator.account.apiKey });
    project = createProject("glue-ownership", program("glue", A, `ns1.${A}`, "192.0.2.10"));
    await configureStack(project, "dev", emulator);
  });

  afterAll(async () => {
    project?.cleanup();
    await api?.close();
    await emulator?.close();
  });

  it("up registers the declared host beside the glue it never declared", async () => {
    await emulator.resetCounters();
    await project.ok(UP);
    expect(await glueCalls()).toEqual({ register: 1, modify: 0, delete: 0 });
    expect(await glue(A)).toEqual([`ns0.${A}=192.0.2.250`, `ns1.${A}=192.0.2.10`]);
  });

  // With --refresh the engine shows the provider the old resource's state, so the new one inherits
  // "registered by this stack" (docs/ownership.md); a plain `up` would record it as adopted.
  it("a rename (up --refresh) hands the record over: it stays registered, nothing is deleted", async () => {
    const calls = await stepUp(program("glue-renamed", A, `ns1.${A}`, "192.0.2.10"), ["--refresh"]);
    expect(calls.delete).toBe(0);
    expect(await glue(A)).toEqual([`ns0.${A}=192.0.2.250`, `ns1.${A}=192.0.2.10`]);
    await project.ok(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
  });

  it("a host change replaces the record: the old host goes, the new one comes, the undeclared one stays", async () => {
    expect(await stepUp(program("glue-renamed", A, `ns2.${A}`, "192.0.2.10"))).toEqual({ register: 1, modify: 0, delete: 1 });
    expect(await glue(A)).toEqual([`ns0.${A}=192.0.2.250`, `ns2.${A}=192.0.2.10`]);
  });

  it("an address change modifies the record in place", async () => {
    expect(await stepUp(program("glue-renamed", A, `ns2.${A}`, "192.0.2.11"))).toEqual({ register: 0, modify: 1, delete: 0 });
    expect(await glue(A)).toEqual([`ns0.${A}=192.0.2.250`, `ns2.${A}=192.0.2.11`]);
  });

  it("a domain change moves it: gone from the first domain, registered on the second, neither's undeclared glue touched", async () => {
    expect(await stepUp(program("glue-renamed", B, `ns1.${B}`, "192.0.2.20"))).toEqual({ register: 1, modify: 0, delete: 1 });
    expect(await glue(A)).toEqual([`ns0.${A}=192.0.2.250`]);
    expect(await glue(B)).toEqual([`ns0.${B}=192.0.2.250`, `ns1.${B}=192.0.2.20`]);
  });

  it("destroy deletes what it registered and leaves both domains as they were found", async () => {
    await emulator.resetCounters();
    await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    expect(await glueCalls()).toEqual({ register: 0, modify: 0, delete: 1 });
    expect(await glue(A)).toEqual([`ns0.${A}=192.0.2.250`]);
    expect(await glue(B)).toEqual([`ns0.${B}=192.0.2.250`]);
    // As the signed API sees them: both still in the account, nothing ordered or released.
    for (const domain of [A, B]) expect((await api.call("information", { domain })).status).toBe("Active");
    expect(await emulator.ledger()).toEqual([]);
  });
});
