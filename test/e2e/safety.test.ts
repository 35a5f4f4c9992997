// The safety rails on the real engine against the emulator: each one refuses in the preview
// without consent (nothing written), passes with the consent the refusal printed, and refuses
// again when the consent no longer matches the change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, startTestEmulator, type Project, type TestEmulator } from "./harness";

const hosts = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `{ name: "host${from + i}", type: "A", value: "192.0.2.${from + i + 1}" }`);

interface Parts {
  records?: string[];
  allowChanges?: string;
  locks?: boolean;
  zone?: boolean;
  orders?: boolean;
}

const REGISTRANT = `{ firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" }`;
const order = (name: string, id: string) =>
  `new Domain("${id}", { name: "${name}", source: "register", years: 1, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT} } });`;

function program({ records = hosts(0, 12), allowChanges, locks = true, zone = true, orders = false }: Parts): string {
  return `
import { DnsRecordSet, Domain, RegistrarLock } from "pulumi-domainsreseller";
${zone ? `new DnsRecordSet("shop-hosts", { domain: "acme-shop.io", records: [${records.join(", ")}]${allowChanges ? `, allowChanges: ${allowChanges}` : ""} });` : ""}
${locks ? ["acme-widgets.com:true", "acme-widgets.net:false", "acme-gadgets.org:true"].map((d, i) => `new RegistrarLock("lock-${i}", { domain: "${d.split(":")[0]}", locked: ${d.split(":")[1]} });`).join("\n") : ""}
${orders ? [order("rails-one-e2e.com", "one"), order("rails-two-e2e.com", "two")].join("\n") : ""}
`;
}

const consentIn = (text: string) => /allowChanges: (\{ changes: \d+, checksum: "[0-9a-f]{8}" \})/.exec(text)?.[1];

describe("safety rails on the real engine", () => {
  let emulator: TestEmulator;
  let project: Project;
  const preview = () => project.pulumi(["preview", "--diff", "--non-interactive"]);
  const output = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    project = createProject("safety", program({}));
    await configureStack(project, "rails", emulator);
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
  });

  afterAll(async () => {
    await project?.pulumi(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    project?.cleanup();
    await emulator?.close();
  });

  let consent: string | undefined;

  it("refuses deleting 6 of the zone's records (12 declared, 7 more from the seed) in the preview, listing them, with nothing written", async () => {
    const live = ((await emulator.domain("acme-shop.io")).dns as unknown[]).length;
    expect(live).toBe(19);
    project.writeProgram(program({ records: hosts(6, 12) }));
    await emulator.resetCounters();
    const result = await preview();
    expect(result.code).not.toBe(0);
    const text = output(result);
    expect(text).toContain('safety rail "zone-change"');
    expect(text).toContain("6 of the 19 live records of acme-shop.io (32 %");
    expect(text).not.toContain("    at "); // the reason alone, no stack trace
    expect(text).toContain("- host0/A/192.0.2.1");
    consent = consentIn(text);
    expect(consent).toBeDefined();
    expect(await emulator.writes()).toBe(0);
  });

  it("applies that change with the consent the refusal printed", async () => {
    project.writeProgram(program({ records: hosts(6, 12), allowChanges: consent }));
    expect((await preview()).code).toBe(0);
    await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]);
    const dns = (await emulator.domain("acme-shop.io")).dns as { hostname: string }[];
    expect(dns.filter((r) => r.hostname.startsWith("host")).map((r) => r.hostname).sort()).toEqual(["host10", "host11", "host6", "host7", "host8", "host9"]);
  });

  it("refuses another large change with the same, now stale, consent", async () => {
    project.writeProgram(program({ records: hosts(10, 12), allowChanges: consent }));
    const result = await preview();
    expect(result.code).not.toBe(0);
    expect(output(result)).toContain("was for a different change");
  });

  it("refuses any change of the apex NS records", async () => {
    project.writeProgram(program({ records: [...hosts(6, 12), `{ name: "@", type: "NS", value: "ns1.shop.test" }`] }));
    const result = await preview();
    expect(result.code).not.toBe(0);
    expect(output(result)).toContain('safety rail "apex-ns"');
  });

  it("refuses orders that add up to more than maxChargePerRun, and shows the running total when they fit", async () => {
    project.writeProgram(program({ records: hosts(6, 12), orders: true }));
    await project.ok(["config", "set", "domainsreseller:maxChargePerRun", "20"]);
    const refused = await preview();
    expect(refused.code).not.toBe(0);
    expect(output(refused)).toContain('safety rail "max-charge-per-run": the orders and renewals of this deployment would add up to 27.50 USD');
    await project.ok(["config", "set", "domainsreseller:maxChargePerRun", "30"]);
    const fits = await preview();
    expect(fits.code, output(fits)).toBe(0);
    expect(fits.stdout).toContain('runningTotal: "27.50"');
    await project.ok(["config", "rm", "domainsreseller:maxChargePerRun"]);
    expect(await emulator.ledger()).toEqual([]);
  });

  it("refuses removing more resources than maxDeletesPerRun, passes with the consent, and refuses a stale one", async () => {
    await project.ok(["config", "set", "domainsreseller:maxDeletesPerRun", "2"]);
    project.writeProgram(program({ records: hosts(6, 12), locks: false }));
    const refused = await preview();
    expect(refused.code).not.toBe(0);
    const text = output(refused);
    expect(text).toContain('safety rail "max-deletes-per-run": this deployment would remove 3 domainsreseller resources');
    expect(text).toContain("- RegistrarLock:lock-2");
    const allow = /allowDeletes (\d+:[0-9a-f]{8})/.exec(text)?.[1];
    expect(allow).toBeDefined();
    await project.ok(["config", "set", "domainsreseller:allowDeletes", allow as string]);
    const allowed = await preview();
    expect(allowed.code, output(allowed)).toBe(0);
    project.writeProgram(program({ locks: false, zone: false, orders: false }).replace("import {", "import { Nameservers,") + `new Nameservers("keep", { domain: "acme-mail.com", nameservers: ["ns1.emulator.test", "ns2.emulator.test"] });\n`);
    const stale = await preview();
    expect(stale.code).not.toBe(0);
    expect(output(stale)).toContain("was for a different set of removals");
  });
});
