// Ownership is checked in the preview, on the real engine: a Nameservers for a domain the account
// does not hold (here another reseller's) fails `pulumi preview` naming the domain, the account and
// the fix, before anything is written; the same program with the right domain previews fine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const RIVAL = { email: "rival-e2e@example.com", apiKey: "rival-e2e-key-0123456789" };
const FOREIGN = "rival-shop-e2e.com";

const program = (domain: string) => `
import { Nameservers } from "pulumi-domainsreseller";
new Nameservers("delegation", { domain: "${domain}", nameservers: ["ns1.cloud.test", "ns2.cloud.test"] });
`;

describe("a settings resource for a domain outside the account fails the preview", () => {
  let emulator: TestEmulator;
  let project: Project;
  const started = Date.now();

  beforeAll(async () => {
    emulator = await startTestEmulator();
    // Another reseller on the same registrar holds the name; the stack's account does not.
    await emulator.admin("POST", "/accounts", { email: RIVAL.email, apiKey: RIVAL.apiKey });
    await emulator.admin("POST", "/domains", { owner: RIVAL.email, domain: FOREIGN });
    project = createProject("foreign-domain", program(FOREIGN));
    await configureStack(project, "dev", emulator);
  });

  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  it("names the domain, the account and the fix, with no write and nothing in the state; fixed, it previews", async () => {
    await emulator.resetCounters();
    const refused = await project.pulumi(["preview", "--non-interactive"]);
    const printed = refused.stdout + refused.stderr;
    expect(refused.code, printed).not.toBe(0);
    expect(printed).toContain(`${FOREIGN} is not in the reseller account of ${emulator.account.email} (the default credentials)`);
    expect(printed).toContain(`What to do: check the spelling, or the profile; \`domainsreseller call GET /domains/${FOREIGN}/information\` shows what the account says`);
    expect(printed).not.toContain(emulator.account.apiKey);
    expect(await emulator.writes()).toBe(0);
    expect((await emulator.counters())["GET /domains/{domain}/information"]).toBe(1);
    expect((await emulator.domain(FOREIGN)).owner).toBe(RIVAL.email);

    project.writeProgram(program("acme-mail.com"));
    const fixed = await project.ok(["preview", "--non-interactive"]);
    expect(fixed.stdout).toMatch(/\+ .*delegation\s+create/);
    expect(await emulator.writes()).toBe(0);

    // Previews write no state: the stack holds no resource at all.
    const exported = JSON.parse((await project.ok(["stack", "export"])).stdout) as { deployment?: { resources?: unknown[] } };
    expect(exported.deployment?.resources ?? []).toEqual([]);
    console.log(`foreignDomain: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  });
});
