// Orders against a registrar's real timing, on the real engine (part of `npm test`; the full fault
// matrix is `npm run reliability`). A registration or transfer whose answer is lost while the
// server still works on it, followed by another `up` at once: the order is remembered in the state
// (the partial-create path) and never sent twice. A renewal whose answer is lost after it went
// through is settled by the moved expiry. A renewal the API accepted while the account shows the
// new expiry only later (a registrar's, or WHMCS's domain sync, delay): no later `up --refresh`
// renews again. Each case counts the order route's calls and the ledger's lines.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, openAccount, startTestEmulator, type Project, type TestEmulator } from "./harness";

const REGISTRANT = `{ firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" }`;
const CLIENT_TIMEOUT_MS = 2_000;
/** The order lands this long after it was sent: well after the client gave up. */
const SLOW_MS = 30_000;

const UP = ["up", "--yes", "--non-interactive", "--skip-preview"];

describe("orders against a registrar's timing", () => {
  let emulator: TestEmulator;
  const projects: Project[] = [];
  const email = "timing-e2e@example.com";
  const apiKey = `e2e-${randomBytes(18).toString("hex")}`;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await openAccount(emulator, { email, apiKey, credit: "500.00" });
  });
  afterAll(async () => {
    for (const project of projects) project.cleanup();
    await emulator?.close();
  });

  async function stack(name: string, program: string): Promise<Project> {
    const project = createProject(name, `import * as pulumi from "@pulumi/pulumi";\nimport { Domain } from "pulumi-domainsreseller";\n${program}`);
    projects.push(project);
    await configureStack(project, "dev", emulator);
    await project.ok(["config", "set", "domainsreseller:requestTimeoutMs", String(CLIENT_TIMEOUT_MS)]);
    return project;
  }
  const ledgerFor = async (domain: string) => (await emulator.ledger()).filter((e) => e.domain === domain);
  const calls = async (route: string) => (await emulator.counters())[route] ?? 0;
  const waitForLedger = async (domain: string) => {
    const deadline = Date.now() + SLOW_MS + 15_000;
    while ((await ledgerFor(domain)).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  };

  it.each([
    { kind: "register", route: "POST /order/domains/register", name: "slow-register-e2e.com" },
    { kind: "transfer", route: "POST /order/domains/transfer", name: "slow-transfer-e2e.net" },
  ])("$kind: an answer lost while the server still works, then up at once, twice: one order, one ledger line, settled by the account", async ({ kind, route, name }) => {
    const epp = `Epp-${randomBytes(6).toString("hex")}`;
    const source = kind === "register" ? `source: "register"` : `source: "transfer", eppCode: new pulumi.Config().requireSecret("eppCode")`;
    const project = await stack(`timing-${kind}`, `new Domain("order", { name: "${name}", ${source}, years: 1, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT} }, maxPrice: 20 });`);
    if (kind === "transfer") await project.ok(["config", "set", "--secret", "eppCode"], { stdin: epp });
    await emulator.resetCounters();
    await emulator.admin("POST", "/faults", { route, kind: "latency", ms: SLOW_MS, times: 1 });
    const first = await project.pulumi(UP);
    expect(first.code).not.toBe(0);
    const what = kind === "register" ? "registration" : "transfer";
    expect(first.stdout + first.stderr).toContain(`the ${what} of ${name} was sent and its answer was lost`);
    expect(first.stdout + first.stderr).toContain("so it is not ordered again");
    // The state remembers the order (the partial-create path), so the next up is an update, not a second create.
    const resources = JSON.parse((await project.ok(["stack", "export"])).stdout).deployment.resources as { type: string; outputs?: Record<string, unknown> }[];
    expect(resources.find((r) => r.type.endsWith(":Domain"))?.outputs?.unsettledOrder).toMatchObject({ kind, answered: false });
    const second = await project.pulumi(UP); // at once: the server has not listed the domain yet
    expect(second.code).not.toBe(0);
    expect(second.stdout + second.stderr).toContain("so it is not ordered again");
    await waitForLedger(name);
    await project.ok(UP); // the account shows the domain now: settled, nothing ordered
    await project.ok(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    expect(await calls(route)).toBe(1);
    expect(await ledgerFor(name)).toEqual([expect.objectContaining({ type: kind, years: 1 })]);
    expect(project.allText()).not.toContain(epp);
    expect(project.allText()).not.toContain(apiKey);
  });

  it("renew: the answer lost after the renewal went through (a proxy's 502): the moved expiry settles it, renewed once", async () => {
    const name = "lost-renewal-e2e.com";
    await emulator.admin("POST", "/domains", { owner: email, domain: name }); // a year to run
    const project = await stack("timing-lost-renew", `new Domain("renewing", { name: "${name}", source: "adopt", renewal: { minDaysRemaining: 30, years: 1 }, maxPrice: 20 });`);
    const REFRESH_UP = ["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"];
    try {
      await project.ok(UP);
      await emulator.admin("POST", "/clock", { offsetSeconds: 340 * 86_400 });
      await emulator.resetCounters();
      await emulator.admin("POST", "/faults", { route: "POST /order/domains/renew", kind: "statusAfter", status: 502, times: 1 });
      await project.ok(REFRESH_UP);
      await project.ok(REFRESH_UP);
      await project.ok(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      expect(await calls("POST /order/domains/renew")).toBe(1);
      expect(await ledgerFor(name)).toEqual([expect.objectContaining({ type: "renew", years: 1 })]);
    } finally {
      await emulator.admin("DELETE", "/faults");
      await emulator.admin("POST", "/clock", { offsetSeconds: 0 });
    }
  });

  it("renew: accepted, with the new expiry shown an hour later (renewalDelaySeconds): three up --refresh renew once; the refresh after the delay settles it", async () => {
    const name = "slow-expiry-e2e.com";
    await emulator.admin("POST", "/domains", { owner: email, domain: name }); // a year to run
    const project = await stack("timing-renew", `const d = new Domain("renewing", { name: "${name}", source: "adopt", renewal: { minDaysRemaining: 30, years: 1 }, maxPrice: 20 });\nexport const expiryDate = d.expiryDate;`);
    const REFRESH_UP = ["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"];
    try {
      await project.ok(UP); // adopted; not due
      await emulator.admin("POST", "/clock", { offsetSeconds: 340 * 86_400 }); // 25 days left: due
      await emulator.admin("POST", "/behaviour", { renewalDelaySeconds: 3_600 });
      await emulator.resetCounters();
      for (let run = 0; run < 3; run++) await project.ok(REFRESH_UP);
      expect(await calls("POST /order/domains/renew")).toBe(1);
      expect(await ledgerFor(name)).toHaveLength(1);
      const waiting = JSON.parse((await project.ok(["stack", "export"])).stdout).deployment.resources.find((r: { type: string }) => r.type.endsWith(":Domain"));
      expect(waiting.outputs.unsettledRenewal).toMatchObject({ years: 1, answered: true });
      await emulator.admin("POST", "/clock", { offsetSeconds: 340 * 86_400 + 3_700 }); // the account shows the new expiry now
      await project.ok(REFRESH_UP);
      const settled = JSON.parse((await project.ok(["stack", "export"])).stdout).deployment.resources.find((r: { type: string }) => r.type.endsWith(":Domain"));
      expect(settled.outputs.unsettledRenewal).toBeUndefined();
      expect(settled.outputs.expiryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await project.ok(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      expect(await calls("POST /order/domains/renew")).toBe(1);
      expect(await ledgerFor(name)).toEqual([expect.objectContaining({ type: "renew", years: 1 })]);
    } finally {
      await emulator.admin("POST", "/clock", { offsetSeconds: 0 });
      await emulator.admin("POST", "/behaviour", { renewalDelaySeconds: 0 });
    }
  });

  it("a server that answers 400 for a domain outside the account (unknownDomainStatus): the preview quotes the registration, up orders it once", async () => {
    const name = "words-not-status-e2e.com";
    const project = await stack("timing-unknown", `new Domain("words", { name: "${name}", source: "register", years: 1, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT} }, maxPrice: 20 });`);
    try {
      await emulator.admin("POST", "/behaviour", { unknownDomainStatus: 400 });
      await emulator.resetCounters();
      const preview = await project.ok(["preview", "--non-interactive"]);
      expect(`${preview.stdout}\n${preview.stderr}`).toMatch(new RegExp(`Domain ${name.replace(/\./g, "\\.")}: register 1 year, \\d+\\.\\d{2} USD`));
      await project.ok(UP);
      await project.ok(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      expect(await calls("POST /order/domains/register")).toBe(1);
      expect(await ledgerFor(name)).toEqual([expect.objectContaining({ type: "register", years: 1 })]);
    } finally {
      await emulator.admin("POST", "/behaviour", { unknownDomainStatus: 404 });
    }
  });
});
