// Domain, the resource that costs money, on the real engine against the emulator and its ledger:
// the preview quotes the price, `up` orders once, a second `up` orders nothing, an order whose
// answer is lost is recorded (charged once), contacts changed in the panel show by path and
// converge, and destroy never deletes a registration. Refusals: domainRefusals.test.ts.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainsResellerClient } from "../../provider/client";
import { configureStack, createProject, openAccount, startTestEmulator, type Project, type TestEmulator } from "./harness";

const REGISTRANT = `{ firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44 20 7123 4567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "gb" }`;

const program = (extra = "") => `
import { Domain } from "pulumi-domainsreseller";
const shop = new Domain("shop", {
  name: "fresh-shop-e2e.com",
  source: "register",
  years: 1,
  nameservers: ["ns1.host.test", "ns2.host.test"],
  contacts: { registrant: ${REGISTRANT} },
  maxPrice: 20,
});
// Adopted with its registrant declared: the first up saves it (an adopt orders nothing, but does apply what is declared).
new Domain("widgets", { name: "adopt-me-e2e.com", source: "adopt", contacts: { registrant: ${REGISTRANT} } });
${extra}
export const shopStatus = shop.status;
export const shopQuote = shop.lastQuote;
`;

describe("Domain on the real engine", () => {
  let emulator: TestEmulator;
  let project: Project;
  let panel: DomainsResellerClient;
  const email = "domain-e2e@example.com";
  const apiKey = `e2e-${randomBytes(18).toString("hex")}`;
  const ledgerFor = async (domain: string) => (await emulator.ledger()).filter((e) => e.domain === domain);

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await openAccount(emulator, { email, apiKey });
    await emulator.admin("POST", "/domains", { owner: email, domain: "adopt-me-e2e.com" });
    panel = new DomainsResellerClient({ endpoint: emulator.handle.endpoint, username: email, apiKey });
    project = createProject("domain", program());
    await configureStack(project, "dev", emulator);
  });
  afterAll(async () => {
    project?.cleanup();
    await panel?.close();
    await emulator?.close();
  });

  it("the preview shows the price of the registration and orders nothing", async () => {
    const preview = await project.ok(["preview", "--diff", "--non-interactive"]);
    expect(preview.stdout).toMatch(/amount\s*:\s*"13\.75"/);
    expect(preview.stdout).toMatch(/kind\s*:\s*"register"/);
    expect(await emulator.ledger()).toEqual([]);
  });

  it("up registers once (one ledger line) and adopts the domain already in the account", async () => {
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    expect(await ledgerFor("fresh-shop-e2e.com")).toEqual([expect.objectContaining({ type: "register", years: 1, amount: "13.75" })]);
    expect(await ledgerFor("adopt-me-e2e.com")).toEqual([]);
    const adopted = await panel.call("getContacts", { domain: "adopt-me-e2e.com" });
    const section = Object.keys(adopted).find((s) => s.toLowerCase() === "registrant") ?? "Registrant";
    expect(adopted[section]?.["Email Address"]).toBe("ada@example.org");
    const outputs = JSON.parse((await project.ok(["stack", "output", "--json"])).stdout);
    expect(outputs.shopStatus).toBe("Active");
    expect(outputs.shopQuote).toMatchObject({ kind: "register", years: 1, amount: "13.75" });
  });

  it("a second up changes nothing, orders nothing and writes nothing", async () => {
    await emulator.resetCounters();
    await project.ok(["up", "--yes", "--non-interactive", "--expect-no-changes"]);
    expect(await emulator.writes()).toBe(0);
    expect(await ledgerFor("fresh-shop-e2e.com")).toHaveLength(1);
  });

  it("a registrant e-mail changed in the panel shows by its path on refresh, and up --refresh puts it back", async () => {
    const live = await panel.call("getContacts", { domain: "fresh-shop-e2e.com" });
    const registrant = Object.keys(live).find((s) => s.toLowerCase() === "registrant") ?? "Registrant";
    await panel.call("saveContacts", { domain: "fresh-shop-e2e.com", contactdetails: { ...live, [registrant]: { ...live[registrant], "Email Address": "someone@else.example" } } });
    const drift = await project.pulumi(["preview", "--refresh", "--diff", "--expect-no-changes", "--non-interactive"]);
    expect(drift.code).not.toBe(0);
    expect(drift.stdout).toMatch(/email\s*:\s*"someone@else\.example"\s*=>\s*"ada@example\.org"/);
    await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
    const after = await panel.call("getContacts", { domain: "fresh-shop-e2e.com" });
    expect(after[registrant]?.["Email Address"]).toBe("ada@example.org");
    const again = await project.pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
    expect(again.code, again.stdout).toBe(0);
    expect(await ledgerFor("fresh-shop-e2e.com")).toHaveLength(1);
  });

  it("a declared renewal renews once when the registrar's clock brings the expiry inside the window, and never twice", async () => {
    project.writeProgram(program().replace("maxPrice: 20,\n});", "maxPrice: 20,\n  renewal: { minDaysRemaining: 30, years: 1 },\n});"));
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    expect(await ledgerFor("fresh-shop-e2e.com")).toHaveLength(1); // 365 days left: nothing due
    const expiryBefore = (await panel.call("information", { domain: "fresh-shop-e2e.com" })).expiryDate;
    await emulator.admin("POST", "/clock", { offsetSeconds: 340 * 86_400 });
    try {
      const preview = await project.pulumi(["preview", "--refresh", "--diff", "--expect-no-changes", "--non-interactive"]);
      expect(preview.code).not.toBe(0); // the renewal is a planned change, shown before it is made
      // …with what it will charge, from the account's price list.
      expect(preview.stdout).toMatch(/\+ quote\s*: \{[^}]*amount\s*: "13\.75"[^}]*currency\s*: "USD"[^}]*kind\s*: "renew"/s);
      await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
      expect((await ledgerFor("fresh-shop-e2e.com")).map((e) => e.type)).toEqual(["register", "renew"]);
      expect((await panel.call("information", { domain: "fresh-shop-e2e.com" })).expiryDate).not.toBe(expiryBefore);
      await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
      await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--expect-no-changes"]);
      expect(await ledgerFor("fresh-shop-e2e.com")).toHaveLength(2);
    } finally {
      await emulator.admin("POST", "/clock", { offsetSeconds: 0 });
    }
  });

  it("an order whose answer is lost (a proxy's 502 after the order went through) is recorded, charged once, and converges", async () => {
    const lost = program(`new Domain("lost", { name: "lost-answer-e2e.com", source: "register", years: 1, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT} }, maxPrice: 20 });`);
    project.writeProgram(lost);
    await emulator.admin("POST", "/faults", { route: "POST /order/domains/register", kind: "statusAfter", status: 502, times: 1 });
    const first = await project.pulumi(["up", "--yes", "--non-interactive", "--skip-preview"]);
    await emulator.admin("DELETE", "/faults");
    expect(first.code).not.toBe(0);
    expect(first.stdout + first.stderr).toMatch(/answer was lost; the account shows lost-answer-e2e\.com, so it is recorded as created/);
    expect(await ledgerFor("lost-answer-e2e.com")).toHaveLength(1);
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    await project.ok(["up", "--yes", "--non-interactive", "--expect-no-changes"]);
    expect(await ledgerFor("lost-answer-e2e.com")).toHaveLength(1);
  });

  it("a transfer is ordered once with its EPP code kept secret, stays pending, and completes on a later refresh", async () => {
    const epp = `Epp-${randomBytes(6).toString("hex")}`;
    await project.ok(["config", "set", "--secret", "eppCode"], { stdin: epp });
    project.writeProgram(program(`
import * as pulumi from "@pulumi/pulumi";
const moved = new Domain("moved", { name: "moving-in-e2e.net", source: "transfer", years: 1, eppCode: new pulumi.Config().requireSecret("eppCode"), nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT} }, maxPrice: 20 });
export const movedStatus = moved.transferStatus;`));
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    expect(await ledgerFor("moving-in-e2e.net")).toEqual([expect.objectContaining({ type: "transfer", years: 1 })]);
    expect(JSON.parse((await project.ok(["stack", "output", "--json"])).stdout).movedStatus).toBe("pendingTransfer");
    await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
    expect(JSON.parse((await project.ok(["stack", "output", "--json"])).stdout).movedStatus).toBe("active");
    await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--expect-no-changes"]);
    expect(await ledgerFor("moving-in-e2e.net")).toHaveLength(1);
    // A completed transfer's secret input is no diff on refresh (it was "[diff: -eppCode]" on every one).
    const refreshed = await project.ok(["preview", "--refresh", "--non-interactive"]);
    expect(refreshed.stdout).not.toContain("eppCode");
    expect(project.allText()).not.toContain(epp);
  });

  it("destroy keeps every registration in the account (onDelete: retain) and charges nothing", async () => {
    await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    expect((await panel.call("information", { domain: "fresh-shop-e2e.com" })).status).toBe("Active");
    expect((await panel.call("information", { domain: "adopt-me-e2e.com" })).status).toBe("Active");
    expect((await emulator.ledger()).map((e) => `${e.type} ${e.domain}`)).toEqual(["register fresh-shop-e2e.com", "renew fresh-shop-e2e.com", "register lost-answer-e2e.com", "transfer moving-in-e2e.net"]);
  });

  it("no state file, config or output holds the API key", async () => {
    const everything = project.allText();
    expect(everything).toContain("domainsreseller:apiKey");
    expect(everything).not.toContain(apiKey);
  });
});
