// What is stored and what changes: the EPP code is never state, order-time fields never update a
// registration, a replace of a registration is refused rather than silent, and drift in contacts
// or a due renewal is an update.
import { describe, expect, it } from "vitest";
import { routes } from "../../provider/client/routes";
import { checkInputs } from "../../provider/model/check";
import { diffDomain, domainInputsSchema, domainState, inputsOfState, transferStatusOf, type DomainInputs, type DomainState } from "../../provider/model/domain";
import { UNKNOWN } from "../../provider/model/unknown";

function inputs(raw: Record<string, unknown>): DomainInputs {
  const outcome = checkInputs(domainInputsSchema, raw);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
  return outcome.inputs;
}

const ADA = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+44.2071234567", address1: "1 Row", city: "London", state: "", postcode: "SW1A 1AA", country: "GB" };
const NOW = new Date("2026-01-01T12:00:00Z");
const LIVE = routes.information.response.parse({ domain: "a.com", status: "Active", expiryDate: "2027-01-01", transferLock: true, idProtectionStatus: "0", nameservers: { ns1: "ns1.live.net", ns2: "ns2.live.net" } });
const TRANSFER = inputs({ name: "a.com", source: "transfer", years: 1, eppCode: "s3cr3t-EPP", nameservers: ["ns1.h.net", "ns2.h.net"], contacts: { registrant: ADA }, renewal: { minDaysRemaining: 30, years: 1 } });

function stateOf(raw: DomainInputs, patch: Partial<DomainState> = {}): DomainState {
  return { ...domainState({ inputs: raw, live: LIVE, lastQuote: null, transferStatus: null }), ...patch };
}

describe("domainState", () => {
  it("keeps the inputs as applied (the EPP code too, which Pulumi stores encrypted as an additional secret output), and is JSON-clean", () => {
    const state = domainState({ inputs: TRANSFER, live: LIVE, lastQuote: { kind: "transfer", years: 1, amount: "9.00", currency: "EUR" }, transferStatus: "pendingTransfer", transferFailureReason: "ignored" });
    expect(state).toHaveProperty("eppCode", "s3cr3t-EPP");
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
    expect(state).toMatchObject({
      name: "a.com", source: "transfer", years: 1, onDelete: "retain", nameserversDeclared: ["ns1.h.net", "ns2.h.net"], nameservers: ["ns1.live.net", "ns2.live.net"],
      status: "Active", expiryDate: "2027-01-01", locked: true, idProtection: false, dnsManagement: null, emailForwarding: null,
      transferStatus: "pendingTransfer", transferFailureReason: null,
    });
  });

  it("stores the contacts as read from the registrar when given them", () => {
    const live = { registrant: { ...ADA, email: "drifted@example.com" } };
    expect(domainState({ inputs: TRANSFER, live: LIVE, contacts: live, lastQuote: null, transferStatus: "failed", transferFailureReason: "EPP code wrong" })).toMatchObject({
      contacts: live,
      transferStatus: "failed",
      transferFailureReason: "EPP code wrong",
    });
  });

  it("gives read back the inputs as declared: the order's nameservers under their name, the EPP code (so a refresh shows no change of it)", () => {
    expect(inputsOfState(stateOf(TRANSFER))).toStrictEqual(TRANSFER);
  });
});

describe("transferStatusOf", () => {
  it("follows a transfer from pending to active, as transfersync or information tells", () => {
    expect(transferStatusOf({ info: { status: "Pending Transfer" }, source: "transfer" })).toBe("pendingTransfer");
    expect(transferStatusOf({ sync: routes.transferSync.response.parse({}), previous: "pendingTransfer" })).toBe("pendingTransfer");
    expect(transferStatusOf({ sync: routes.transferSync.response.parse({ completed: true, expirydate: "2027-01-01" }), previous: "pendingTransfer" })).toBe("active");
    expect(transferStatusOf({ sync: routes.transferSync.response.parse({ failed: true, reason: "EPP code wrong" }), previous: "pendingTransfer" })).toBe("failed");
    expect(transferStatusOf({ info: { status: "Active" }, previous: "pendingTransfer" })).toBe("active");
    expect(transferStatusOf({ info: { status: "Cancelled" }, previous: "pendingTransfer" })).toBe("failed");
  });

  it("is null for a domain this resource did not transfer in, and keeps a finished transfer's status", () => {
    expect(transferStatusOf({ info: { status: "Active" }, source: "register" })).toBeNull();
    expect(transferStatusOf({ info: { status: "Expired" }, previous: "active" })).toBe("active");
    expect(transferStatusOf({ info: { status: "Cancelled" }, previous: "active" })).toBe("active");
  });
});

describe("diffDomain", () => {
  const olds = stateOf(TRANSFER);
  const { eppCode: _secret, ...same } = TRANSFER;

  it("is no change when nothing declared differs and no renewal is due", () => {
    expect(diffDomain(olds, TRANSFER, NOW)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, replaceRefusal: null, updates: [], renewalDue: false, orderTimeOnly: [] });
    expect(diffDomain(olds, same as DomainInputs, NOW).changes).toBe(false);
  });

  it("never updates for order-time fields, and names them", () => {
    const news = { ...TRANSFER, years: 3, nameservers: ["ns9.h.net", "ns8.h.net"], addons: { idProtection: true }, domainFields: { a: "b" }, eppCode: "other", source: "register" as const };
    expect(diffDomain(olds, news, NOW)).toMatchObject({ changes: false, updates: [], orderTimeOnly: ["source", "years", "nameservers", "addons", "domainFields"] });
    // The same nameservers in another order are the same delegation.
    expect(diffDomain(olds, { ...TRANSFER, nameservers: ["ns2.h.net", "ns1.h.net"] }, NOW).orderTimeOnly).toEqual([]);
  });

  it("updates for drifted or changed contacts, naming the path", () => {
    const drifted = stateOf(TRANSFER, { contacts: { registrant: { ...ADA, email: "old@example.com" } } });
    expect(diffDomain(drifted, TRANSFER, NOW)).toMatchObject({ changes: true, replaces: [], updates: ["contacts.registrant.email"] });
    expect(diffDomain(olds, { ...TRANSFER, contacts: { registrant: ADA, admin: ADA } }, NOW).updates).toEqual(["contacts.admin"]);
  });

  it("updates (state only) for maxPrice, onDelete, releaseTag and renewal changes", () => {
    const news = { ...TRANSFER, maxPrice: 20, onDelete: "release" as const, releaseTag: "NEWTAG", renewal: { minDaysRemaining: 60, years: 1 } };
    expect(diffDomain(olds, news, NOW)).toMatchObject({ changes: true, replaces: [], updates: ["renewal", "maxPrice", "onDelete", "releaseTag"], renewalDue: false });
  });

  it("updates when the declared renewal is due, but not while the transfer is pending", () => {
    const expiring = stateOf(TRANSFER, { expiryDate: "2026-01-20" });
    expect(diffDomain(expiring, TRANSFER, NOW)).toMatchObject({ changes: true, updates: [], renewalDue: true });
    expect(diffDomain({ ...expiring, transferStatus: "pendingTransfer" }, TRANSFER, NOW)).toMatchObject({ changes: false, renewalDue: false });
    const { renewal: _none, ...withoutRenewal } = TRANSFER;
    expect(diffDomain({ ...expiring, renewal: undefined }, withoutRenewal as DomainInputs, NOW)).toMatchObject({ changes: false, renewalDue: false });
  });

  it("replaces for a new name or profile, with a refusal that says what to do instead", () => {
    const renamed = diffDomain(olds, { ...TRANSFER, name: "b.com" }, NOW);
    expect(renamed).toMatchObject({ changes: true, replaces: ["name"], deleteBeforeReplace: false });
    expect(renamed.replaceRefusal).toMatch(/changing "name" from a\.com to b\.com would replace one registration with another.*refused.*Declare a new Domain resource for b\.com.*on delete it is kept in the account/);
    const releasing = stateOf(TRANSFER, { onDelete: "release", releaseTag: "NEWTAG" });
    expect(diffDomain(releasing, { ...TRANSFER, name: "b.com", onDelete: "release", releaseTag: "NEWTAG" }, NOW).replaceRefusal).toMatch(/on delete it is released to NEWTAG/);
    const moved = diffDomain(olds, { ...TRANSFER, profile: "eu" }, NOW);
    expect(moved).toMatchObject({ replaces: ["profile"] });
    expect(moved.replaceRefusal).toMatch(/from the default credentials to profile "eu" would manage a\.com through another reseller account/);
  });

  it("treats values unknown in a preview as changes, and leaves the refusal to the real values", () => {
    expect(diffDomain(olds, { ...TRANSFER, name: UNKNOWN }, NOW)).toMatchObject({ changes: true, replaces: ["name"], replaceRefusal: null });
    expect(diffDomain(olds, { ...TRANSFER, contacts: UNKNOWN as never }, NOW)).toMatchObject({ changes: true, updates: ["contacts"] });
    expect(diffDomain(olds, { ...TRANSFER, renewal: UNKNOWN as never }, NOW)).toMatchObject({ changes: true, updates: ["renewal"], renewalDue: false });
  });
});

describe("expiry dates", () => {
  it("are stored and shown as YYYY-MM-DD whatever form the server answers in", async () => {
    const { dayOf } = await import("../../provider/model/domain/state");
    expect(dayOf("2027-12-04T00:00:00Z")).toBe("2027-12-04");
    expect(dayOf("2027-12-04 00:00:00")).toBe("2027-12-04");
    expect(dayOf("2027-12-04")).toBe("2027-12-04");
    expect(dayOf("0000-00-00")).toBe("0000-00-00");
    expect(dayOf(null)).toBeNull();
    expect(dayOf("soon")).toBe("soon");
  });
});
