// The safety rails as the provider process enforces them: limits from stack config, the zone rail
// (its consent input; the rail itself runs against the live zone, proven in test/e2e/safety.test.ts), the deletion rail in the stack guard's check (no credentials needed).
import { afterEach, describe, expect, it } from "vitest";
import { checkResource as check, diff } from "../../provider/runtime";
import { configureFrom, safetySettings } from "../../provider/runtime/settings";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });
afterEach(() => configureFrom(config({})));

const records = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ name: `h${from + i}`, type: "A", value: `192.0.2.${from + i + 1}` }));
const keyed = (list: { name: string; type: string; value: string }[]) => Object.fromEntries(list.map((r) => [`${r.name}/${r.type}/${r.value}`, r]));
const state = { domain: "example.com", mode: "merge", records: keyed(records(10)), unmanagedCount: 0, schemaVersion: 1 };

describe("safety limits from stack config", () => {
  it("reads each limit, and names a malformed one with what it must be", () => {
    configureFrom(config({ "domainsreseller:zoneChangeThreshold": "50", "domainsreseller:maxChargePerRun": "49.99", "domainsreseller:maxDeletesPerRun": "0" }));
    expect(safetySettings()).toMatchObject({ zoneChangeThreshold: 50, maxChargePerRun: 49.99, maxDeletesPerRun: 0 });
    configureFrom(config({ "domainsreseller:zoneChangeThreshold": "150" }));
    expect(() => safetySettings()).toThrow(/domainsreseller:zoneChangeThreshold \(or DOMAINSRESELLER_ZONE_CHANGE_THRESHOLD\) must be a percentage from 0 to 100; got "150"/);
    configureFrom(config({ "domainsreseller:maxChargePerRun": "ten" }));
    expect(() => safetySettings()).toThrow(/maxChargePerRun .* must be an amount/);
  });
});

describe("DnsRecordSet allowChanges", () => {
  it("is not a change of its own", async () => {
    await expect(diff("DnsRecordSet", "example.com", state, { ...state, allowChanges: { changes: 6, checksum: "0b450501" } })).resolves.toMatchObject({ changes: false });
  });

  it("refuses a malformed consent in check, naming the field", async () => {
    const result = await check("DnsRecordSet", {}, { domain: "example.com", records: records(1), allowChanges: { changes: 1, checksum: "xyz" } });
    expect(result.failures?.[0]).toMatchObject({ property: "allowChanges.checksum" });
  });
});

describe("stack guard check", () => {
  const members = (n: number) => Array.from({ length: n }, (_, i) => `RegistrarLock:lock-${i}`);

  it("refuses removing more than maxDeletesPerRun resources, without credentials", async () => {
    const refused = await check("StackGuard", { members: members(12) }, { members: [] });
    expect(refused.failures?.[0]?.reason).toContain('safety rail "max-deletes-per-run": this deployment would remove 12');
    expect((await check("StackGuard", { members: members(12) }, { members: members(2) })).failures).toBeUndefined();
    expect((await check("StackGuard", {}, { members: members(3) })).failures).toBeUndefined();
  });

  it("passes with the printed consent from stack config, and names a malformed one", async () => {
    const refused = await check("StackGuard", { members: members(12) }, { members: [] });
    const allow = /allowDeletes (\d+:[0-9a-f]{8})/.exec(refused.failures?.[0]?.reason ?? "")?.[1] ?? "";
    configureFrom(config({ "domainsreseller:allowDeletes": allow }));
    expect((await check("StackGuard", { members: members(12) }, { members: [] })).failures).toBeUndefined();
    configureFrom(config({ "domainsreseller:allowDeletes": "all of them" }));
    expect((await check("StackGuard", { members: members(12) }, { members: [] })).failures?.[0]?.reason).toContain("domainsreseller:allowDeletes must look like");
  });
});
