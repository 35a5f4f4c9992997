// Every refusal of an order comes before the order, on the real engine: `pulumi preview` fails
// naming the number or the field and the fix (a taken name: `pulumi up`, see below), and the
// emulator saw no order call and billed nothing. One stack serves every case (a refused preview leaves no state behind), its program
// rewritten per case, so each case costs one engine run. Then what delete does with a registration:
// "release" calls the release route once and the domain leaves the account; "retain" keeps it.
import { randomBytes } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, openAccount, startTestEmulator, type Project, type TestEmulator } from "./harness";

const ORDER_ROUTES = ["POST /order/domains/register", "POST /order/domains/transfer", "POST /order/domains/renew"];
const NS = `["ns1.host.test", "ns2.host.test"]`;
const ADA = `{ firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" }`;

/** A program of one Domain; `contacts` is typed loosely so the provider's check sees what TypeScript would have caught. */
const oneDomain = (args: string, contacts = `{ registrant: ${ADA} }`) => `
import * as pulumi from "@pulumi/pulumi";
import { Domain } from "pulumi-domainsreseller";
const config = new pulumi.Config();
const contacts: any = ${contacts};
new Domain("refused", { nameservers: ${NS}, contacts, ${args} });
`;

// The default seed sells no premium names, so a premium registry answer is made here: a pass-through
// proxy in front of the emulator that marks one name premium in the lookup, as WHMCS reports it.
const PREMIUM_NAME = "premium-refusal-e2e.com";
const PREMIUM_PRICE = "250.00";
const TAKEN_REFUSAL =
  'taken-refusal-e2e.com is already registered (not in this account), so it cannot be registered: choose another name, or, if it is yours at another registrar, set source: "transfer" with its eppCode';

function premiumProxy(target: string): Promise<{ server: Server; origin: string }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (c: Buffer) => chunks.push(c));
      answer.on("end", () => {
        let body = Buffer.concat(chunks).toString("utf8");
        if (req.url?.endsWith("/domains/lookup") && answer.statusCode === 200) {
          const results = JSON.parse(body) as Record<string, unknown>[];
          for (const r of results) {
            if (r.domainName === PREMIUM_NAME) Object.assign(r, { isPremium: true, premiumCostPricing: { register: PREMIUM_PRICE, renew: PREMIUM_PRICE, CurrencyCode: "USD" } });
          }
          body = JSON.stringify(results);
        }
        const headers = { ...answer.headers, "content-length": String(Buffer.byteLength(body)) };
        res.writeHead(answer.statusCode ?? 502, headers).end(body);
      });
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe("Domain refusals come before any order, on the real engine", () => {
  let emulator: TestEmulator;
  let project: Project;
  let proxy: { server: Server; origin: string };
  const email = "refusals-e2e@example.com";
  const apiKey = `e2e-${randomBytes(18).toString("hex")}`;
  const eppCode = `Epp-${randomBytes(8).toString("hex")}`;
  const started = Date.now();

  /** Runs `pulumi <command>` on `program` and returns everything printed; the command must fail with nothing ordered or billed. */
  async function refused(program: string, command: "preview" | "up" = "preview"): Promise<string> {
    project.writeProgram(program);
    await emulator.resetCounters();
    const args = command === "preview" ? ["preview", "--non-interactive"] : ["up", "--yes", "--non-interactive", "--skip-preview"];
    const result = await project.pulumi(args);
    const printed = result.stdout + result.stderr;
    expect(result.code, printed).not.toBe(0);
    const counters = await emulator.counters();
    for (const route of ORDER_ROUTES) expect(counters[route] ?? 0, `${route} in ${JSON.stringify(counters)}`).toBe(0);
    expect(await emulator.ledger()).toEqual([]);
    return printed;
  }

  beforeAll(async () => {
    emulator = await startTestEmulator();
    // A reseller of its own, with a key no other test uses, so the secret scan below means something.
    await openAccount(emulator, { email, apiKey });
    proxy = await premiumProxy(emulator.handle.origin);
    project = createProject("refusals", oneDomain(`name: "placeholder-e2e.com", source: "adopt"`));
    await configureStack(project, "dev", emulator);
    await project.ok(["config", "set", "--secret", "eppCode"], { stdin: eppCode });
  });

  afterAll(async () => {
    project?.cleanup();
    await new Promise((resolve) => proxy?.server.close(resolve));
    await emulator?.close();
  });

  it("a quote over maxPrice fails the preview and the up, naming both amounts and the fix", async () => {
    const program = oneDomain(`name: "over-max-e2e.com", source: "register", years: 2, maxPrice: 20`);
    for (const command of ["preview", "up"] as const) {
      const printed = await refused(program, command);
      expect(printed).toContain('"maxPrice" is 20.00, but the register for 2 years is quoted at 27.50 USD: raise maxPrice to 27.50 or more, or choose fewer years');
    }
  });

  it("a premium name whose price maxPrice does not cover is refused, naming the premium price and the maxPrice that would accept it", async () => {
    await project.ok(["config", "set", "domainsreseller:endpoint", `${proxy.origin}/modules/addons/DomainsReseller/api/index.php`]);
    try {
      const printed = await refused(oneDomain(`name: "${PREMIUM_NAME}", source: "register", years: 1, maxPrice: 20`));
      expect(printed).toContain(`"maxPrice" is 20.00, but the name is premium (registry price ${PREMIUM_PRICE} USD)`);
      expect(printed).toContain(`set maxPrice to ${PREMIUM_PRICE} or more to accept the premium price, or choose another name`);
    } finally {
      await project.ok(["config", "set", "domainsreseller:endpoint", emulator.handle.endpoint]);
    }
  });

  it("a credit balance lower than the quote fails the preview and the up, saying how much credit to add", async () => {
    await emulator.admin("PUT", `/accounts/${email}/credit`, { credit: "5.00" });
    try {
      const program = oneDomain(`name: "no-credit-e2e.com", source: "register", years: 1, maxPrice: 20`);
      for (const command of ["preview", "up"] as const) {
        const printed = await refused(program, command);
        expect(printed).toContain("the register for 1 year is quoted at 13.75 USD, but the account's credit balance is 5.00 USD: add at least 8.75 USD of credit to the reseller account");
      }
    } finally {
      await emulator.admin("PUT", `/accounts/${email}/credit`, { credit: "100.00" });
    }
  });

  it("years the TLD does not sell are refused with the periods it offers (a transfer, its EPP code kept secret)", async () => {
    const printed = await refused(oneDomain(`name: "one-year-only-e2e.de", source: "transfer", years: 3, eppCode: config.requireSecret("eppCode"), maxPrice: 50`));
    expect(printed).toContain('the TLD does not sell the transfer for 3 years: it offers 1 year; set "years" to one of them');
  });

  it("a name registered elsewhere is refused by up before any order, naming it and the way to transfer it instead", async () => {
    const printed = await refused(oneDomain(`name: "taken-refusal-e2e.com", source: "register", years: 1, maxPrice: 20`), "up");
    expect(printed).toContain(TAKEN_REFUSAL);
  });

  it("a name registered elsewhere fails the preview too", async () => {
    const printed = await refused(oneDomain(`name: "taken-refusal-e2e.com", source: "register", years: 1, maxPrice: 20`));
    expect(printed).toContain(TAKEN_REFUSAL);
  });

  it("a bare transfer is refused for everything it lacks at once: years (never defaulted), the EPP code, nameservers and registrant", async () => {
    const printed = await refused(`
import { Domain } from "pulumi-domainsreseller";
new Domain("refused", { name: "bare-transfer-e2e.com", source: "transfer", maxPrice: 20 });
`);
    expect(printed).toContain('"years" is required for source "transfer": how many years the transfer adds (1-10, as the TLD allows; usually 1); it is never defaulted because it decides the price');
    expect(printed).toContain('"eppCode" is required for source "transfer": the transfer authorisation (EPP) code from the current registrar');
    expect(printed).toContain('"nameservers" is required for source "transfer": the API orders a transfer like a registration');
    expect(printed).toContain('"contacts.registrant" is required for source "transfer": the API orders a transfer like a registration, with its owner');
  });

  it("every invalid contact field is reported at once, each by its path with the fix", async () => {
    const contacts = `{
  registrant: { ...${ADA}, email: "ada-at-example.org", phone: "020 7123 4567", country: "UK", firstName: "  ", city: undefined },
  admin: { ...${ADA}, email: "ada@", phone: "+44 20 7123 4567 ext 12", country: "Germany", address1: "", lastName: undefined },
  tech: { ...${ADA}, phone: "+44.123", country: "ZZ", postcode: undefined, state: undefined, firstName: undefined },
  billing: { ...${ADA}, phone: "0044 20 7123 4567", email: "two@@example.org", country: "GBR", city: "   ", zip: "SW1A 1AA" },
}`;
    const printed = await refused(oneDomain(`name: "bad-contacts-e2e.com", source: "transfer", years: 1, eppCode: config.requireSecret("eppCode"), maxPrice: 20`, contacts));
    const expected: [path: string, says: RegExp][] = [
      ["contacts.registrant.email", /must be an e-mail address such as owner@example\.org \(registries send verification mail here\); got "ada-at-example\.org"/],
      ["contacts.registrant.phone", /must start with "\+" and the country calling code, such as "\+44\.2071234567"/],
      ["contacts.registrant.country", /"UK" is not one \(the United Kingdom is "GB"\)/],
      ["contacts.registrant.firstName", /must not be empty: the contact's given name/],
      ["contacts.registrant.city", /is required/],
      ["contacts.admin.email", /must be an e-mail address such as owner@example\.org .*got "ada@"/],
      ["contacts.admin.phone", /only digits after the "\+" .*no extensions or letters/],
      ["contacts.admin.country", /ISO 3166-1 alpha-2/],
      ["contacts.admin.address1", /must not be empty: the first address line/],
      ["contacts.admin.lastName", /is required/],
      ["contacts.tech.phone", /has 3 digits after the country code \+44; a phone number has 4 to 13 there/],
      ["contacts.tech.country", /"ZZ" is not one/],
      ["contacts.tech.postcode", /is required/],
      ["contacts.tech.state", /is required/],
      ["contacts.tech.firstName", /is required/],
      ["contacts.billing.phone", /write "\+" instead of the leading "00"/],
      ["contacts.billing.email", /got "two@@example\.org"/],
      ["contacts.billing.country", /ISO 3166-1 alpha-2 .*"GBR"/],
      ["contacts.billing.city", /must not be empty: the city or town/],
    ];
    for (const [path, says] of expected) {
      const line = printed.split("\n").find((l) => l.includes(`"${path}" `));
      expect(line, `no failure for ${path} in:\n${printed}`).toBeDefined();
      expect(line).toMatch(says);
    }
    expect(printed).toMatch(/unknown properties "zip"/);
    expect(new Set(expected.map(([path]) => path)).size).toBeGreaterThanOrEqual(15);
  });

  it('onDelete "release" releases the domain once to its tag on destroy, and "retain" keeps the other one, saying so', async () => {
    await emulator.admin("POST", "/domains", { owner: email, domain: "release-me-e2e.com" });
    await emulator.admin("POST", "/domains", { owner: email, domain: "retain-me-e2e.com" });
    project.writeProgram(`
import { Domain } from "pulumi-domainsreseller";
new Domain("released", { name: "release-me-e2e.com", source: "adopt", onDelete: "release", releaseTag: "NEW-REGISTRAR" });
new Domain("retained", { name: "retain-me-e2e.com", source: "adopt" });
`);
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    await emulator.resetCounters();
    const destroy = await project.ok(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    expect((await emulator.counters())["POST /domains/{domain}/release"]).toBe(1);
    expect(await emulator.domain("release-me-e2e.com")).toMatchObject({ status: "Transferred Away", transferTag: "NEW-REGISTRAR" });
    expect(await emulator.domain("retain-me-e2e.com")).toMatchObject({ status: "Active", owner: email });
    expect(destroy.stdout + destroy.stderr).toContain('Domain retain-me-e2e.com: removed from the stack; the registration stays in the reseller account (onDelete: "retain").');
    expect(destroy.stdout + destroy.stderr).not.toContain("release-me-e2e.com: removed from the stack");
    expect(await emulator.ledger()).toEqual([]);
  });

  it("no state file, config file or output holds the API key or the EPP code", async () => {
    const everything = project.allText();
    expect(everything).toContain("domainsreseller:apiKey"); // the scan did read the stack's config
    expect(everything).toContain("the transfer for 3 years"); // and the runs that carried the EPP code
    expect(everything).not.toContain(apiKey);
    expect(everything).not.toContain(eppCode);
    console.log(`domainRefusals: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  });
});
