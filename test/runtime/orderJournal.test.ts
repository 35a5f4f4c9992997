// An order a killed run sent and never recorded: the journal of this machine remembers it, so the
// next `up` orders nothing until the account shows the domain (then adopts it) or the user consents
// to one more attempt, exactly as for an order waiting in the state.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as runtime from "../../provider/runtime";
import { noteOrder, settleOrderNote, unrecordedOrder } from "../../provider/runtime/domain/journal";
import { startTestEmulator, type TestEmulator } from "../e2e/harness";

const REGISTRANT = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" };
const order = (name: string) => ({ name, source: "register", years: 1, nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: REGISTRANT }, maxPrice: 50 });

let emulator: TestEmulator;
let values: Record<string, string> = {};
const journal = mkdtempSync(join(tmpdir(), "dr-journal-"));
const before = process.env.DOMAINSRESELLER_ORDER_JOURNAL;

beforeAll(async () => {
  process.env.DOMAINSRESELLER_ORDER_JOURNAL = journal;
  emulator = await startTestEmulator();
  const { email, apiKey } = emulator.account;
  values = { "domainsreseller:endpoint": emulator.handle.endpoint, "domainsreseller:username": email, "domainsreseller:apiKey": apiKey, "domainsreseller:requestsPerMinute": "6000" };
  await runtime.configure("Domain", { config: { get: (key: string) => values[key] } });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterAll(async () => {
  vi.restoreAllMocks();
  if (before === undefined) delete process.env.DOMAINSRESELLER_ORDER_JOURNAL;
  else process.env.DOMAINSRESELLER_ORDER_JOURNAL = before;
  await emulator?.close();
});

const registerCalls = async () => (await emulator.counters())["POST /order/domains/register"] ?? 0;

describe("the order journal", () => {
  it("holds an entry from the note to the settling, per name in any case, for a week", () => {
    noteOrder({ kind: "register", name: "Journal-Case.com", sentAt: "2026-12-04T10:00:00.000Z" });
    expect(unrecordedOrder("journal-case.com", new Date("2026-12-05T10:00:00Z"))).toMatchObject({ kind: "register", sentAt: "2026-12-04T10:00:00.000Z" });
    expect(unrecordedOrder("journal-case.com", new Date("2026-12-12T10:00:01Z"))).toBeUndefined();
    settleOrderNote("JOURNAL-case.com");
    expect(unrecordedOrder("journal-case.com", new Date("2026-12-05T10:00:00Z"))).toBeUndefined();
  });

  it("a completed order leaves no note behind", async () => {
    const checked = await runtime.check("Domain", {}, order("journal-clean.com"));
    await runtime.create("Domain", checked.inputs ?? {});
    expect(readdirSync(journal)).toEqual([]);
  });

  it("an unrecorded order stops the next create until the account shows the domain, which is then adopted", async () => {
    const name = "journal-killed.com";
    const sentAt = new Date().toISOString();
    noteOrder({ kind: "register", name, sentAt }); // what a run killed mid-order leaves
    const checked = await runtime.check("Domain", {}, order(name));
    await emulator.resetCounters();
    const refused = await runtime.create("Domain", checked.inputs ?? {}).catch((e: unknown) => e as Error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toContain(`a registration of ${name} was sent at ${sentAt} by a run that ended before recording it`);
    expect((refused as Error).message).toContain(`pulumi config set domainsreseller:retryOrder ${name}@${sentAt}`);
    expect(await registerCalls()).toBe(0);

    // The first order lands (seeded as the registrar would list it): the next create adopts it.
    await emulator.admin("POST", "/domains", { owner: emulator.account.email, domain: name });
    const adopted = await runtime.create("Domain", checked.inputs ?? {});
    expect(adopted.id).toBe(name);
    expect(await registerCalls()).toBe(0);
    expect(unrecordedOrder(name, new Date())).toBeUndefined();
  });

  it("with the consent for that order, exactly one more attempt is sent", async () => {
    const name = "journal-consent.com";
    const sentAt = new Date().toISOString();
    noteOrder({ kind: "register", name, sentAt });
    values["domainsreseller:retryOrder"] = `${name}@${sentAt}`;
    await runtime.configure("Domain", { config: { get: (key: string) => values[key] } });
    const checked = await runtime.check("Domain", {}, order(name));
    await emulator.resetCounters();
    await runtime.create("Domain", checked.inputs ?? {});
    expect(await registerCalls()).toBe(1);
    expect((await emulator.ledger()).filter((e) => e.domain === name)).toHaveLength(1);
  });
});
