// Money in plain sight: a registration prints its price as one line in the plain `pulumi preview`
// and in `pulumi up` (no --diff needed), with the limits that bound it, on the real engine against
// the emulator; what costs nothing prints nothing, and the API key never shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const program = `
import { Domain } from "pulumi-domainsreseller";
new Domain("shop", {
  name: "money-shop-e2e.com",
  source: "register",
  years: 2,
  nameservers: ["ns1.host.test", "ns2.host.test"],
  contacts: { registrant: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" } },
  maxPrice: 100,
});
`;

const LINE = "Domain money-shop-e2e.com: register 2 years, 27.50 USD (maxPrice 100.00; this run 27.50 of maxChargePerRun 50.00)";

describe("Domain prints what it will charge", () => {
  let emulator: TestEmulator;
  let project: Project;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    project = createProject("domain-money", program);
    await configureStack(project, "dev", emulator);
    await project.ok(["config", "set", "domainsreseller:maxChargePerRun", "50"]);
  });
  afterAll(async () => {
    project?.cleanup();
    await emulator?.close();
  });

  it("the plain preview (no --diff) shows the registration's price and limits, and orders nothing", async () => {
    const preview = await project.ok(["preview", "--non-interactive"]);
    expect(preview.stdout).toContain(LINE);
    expect(await emulator.ledger()).toEqual([]);
  });

  it("up shows it in its preview and again in its update, orders once, and a later preview shows no charge", async () => {
    const up = await project.ok(["up", "--yes", "--non-interactive"]);
    const [previewPart = "", updatePart = ""] = up.stdout.split(/^Updating \(dev\):$/m);
    expect(previewPart).toContain(LINE);
    expect(updatePart).toContain(LINE);
    expect(await emulator.ledger()).toEqual([expect.objectContaining({ type: "register", domain: "money-shop-e2e.com", years: 2, amount: "27.50" })]);
    expect((await project.ok(["preview", "--non-interactive"])).stdout).not.toContain("money-shop-e2e.com: register");
    expect(project.allText()).not.toContain(emulator.account.apiKey);
  });
});
