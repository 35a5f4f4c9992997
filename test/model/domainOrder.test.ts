// What create does and the exact order it sends: a domain in the account is adopted and never
// ordered again; an order is accepted by the client's own route schema, field for field.
import { describe, expect, it } from "vitest";
import { routes } from "../../provider/client/routes";
import { checkInputs } from "../../provider/model/check";
import { decideCreate, domainInputsSchema, orderParams, type DomainInputs } from "../../provider/model/domain";

function inputs(raw: Record<string, unknown>): DomainInputs {
  const outcome = checkInputs(domainInputsSchema, raw);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
  return outcome.inputs;
}

const REGISTRANT = {
  firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+44 20 7123 4567",
  address1: "1 Analytical Row", city: "London", state: "", postcode: "SW1A 1AA", country: "GB",
};
const WIRE_REGISTRANT = {
  firstname: "Ada", lastname: "Lovelace", companyname: "", email: "ada@example.com", address1: "1 Analytical Row", address2: "",
  city: "London", state: "", postcode: "SW1A 1AA", country: "GB", phonenumber: "+44.2071234567",
};

describe("orderParams", () => {
  it("builds the register order the client's route schema accepts unchanged", () => {
    const params = orderParams(
      inputs({
        name: "Shop-Example.com", source: "register", years: 2, nameservers: ["NS1.host.net", "ns2.host.net", "ns3.host.net"],
        contacts: { registrant: REGISTRANT, tech: { ...REGISTRANT, companyName: "Host Ltd" } }, addons: { idProtection: true, dnsManagement: false },
        domainFields: { "Nexus Category": "C11" }, maxPrice: 30, renewal: { minDaysRemaining: 30, years: 1 },
      }),
    );
    const expected = {
      domain: "shop-example.com",
      regperiod: 2,
      domainFields: { "Nexus Category": "C11" },
      addons: { dnsmanagement: 0, emailforwarding: 0, idprotection: 1 },
      nameservers: { ns1: "ns1.host.net", ns2: "ns2.host.net", ns3: "ns3.host.net" },
      contacts: { registrant: WIRE_REGISTRANT, tech: { ...WIRE_REGISTRANT, companyname: "Host Ltd" } },
    };
    expect(params).toStrictEqual(expected);
    expect(routes.register.params.parse(params)).toStrictEqual(expected);
  });

  it("sends every add-on as 0 when none is declared, so no server default adds a paid one", () => {
    const params = orderParams(inputs({ name: "a.com", source: "register", years: 1, nameservers: ["ns1.h.net", "ns2.h.net"], contacts: { registrant: REGISTRANT } }));
    expect(params.addons).toEqual({ dnsmanagement: 0, emailforwarding: 0, idprotection: 0 });
    expect(params).not.toHaveProperty("domainFields");
    expect(routes.register.params.safeParse(params).success).toBe(true);
  });

  it("builds the transfer order like a register, with its nameservers, registrant and EPP code", () => {
    const params = orderParams(inputs({ name: "a.com", source: "transfer", years: 1, eppCode: " Abc123! ", nameservers: ["ns1.h.net", "ns2.h.net"], contacts: { registrant: REGISTRANT } }));
    const expected = {
      domain: "a.com",
      regperiod: 1,
      addons: { dnsmanagement: 0, emailforwarding: 0, idprotection: 0 },
      nameservers: { ns1: "ns1.h.net", ns2: "ns2.h.net" },
      contacts: { registrant: WIRE_REGISTRANT },
      eppcode: "Abc123!",
    };
    expect(params).toStrictEqual(expected);
    expect(routes.transfer.params.parse(params)).toStrictEqual(expected);
  });

  it("refuses to build a register or transfer order without nameservers or a registrant (both are required by the API)", () => {
    for (const source of ["register", "transfer"] as const) {
      const valid = inputs({ name: "a.com", source, years: 1, nameservers: ["ns1.h.net", "ns2.h.net"], contacts: { registrant: REGISTRANT }, ...(source === "transfer" ? { eppCode: "Abc123!" } : {}) });
      expect(() => orderParams({ ...valid, nameservers: undefined })).toThrow(/has no nameservers; a .* order needs ns1 and ns2/);
      expect(() => orderParams({ ...valid, contacts: { tech: valid.contacts!.registrant! } })).toThrow(/has no registrant/);
    }
  });

  it("refuses to build an order for an adopt, or without years", () => {
    expect(() => orderParams(inputs({ name: "a.com", source: "adopt" }))).toThrow(/never orders/);
    expect(() => orderParams({ ...inputs({ name: "a.com", source: "transfer", years: 1, eppCode: "x", nameservers: ["ns1.h.net", "ns2.h.net"], contacts: { registrant: REGISTRANT } }), years: undefined })).toThrow(/never given a default period/);
  });
});

describe("decideCreate", () => {
  it("adopts a domain already in the account, whatever the source: never orders it again", () => {
    for (const source of ["register", "transfer", "adopt"] as const) {
      expect(decideCreate({ name: "a.com", source, inAccount: true, available: false })).toEqual({ action: "adopt" });
    }
  });

  it("refuses to adopt a domain the account does not hold", () => {
    expect(decideCreate({ name: "a.com", source: "adopt", inAccount: false })).toEqual({ action: "refuse", reason: expect.stringMatching(/^a\.com is not in the reseller account, so it cannot be adopted \(adopt never orders\)/) });
  });

  it("refuses to register a taken name, naming it and the way out", () => {
    expect(decideCreate({ name: "taken.com", source: "register", inAccount: false, available: false })).toEqual({
      action: "refuse",
      reason: expect.stringMatching(/^taken\.com is already registered \(not in this account\).*set source: "transfer" with its eppCode/),
    });
  });

  it("refuses to transfer a name registered nowhere", () => {
    expect(decideCreate({ name: "free.com", source: "transfer", inAccount: false, available: true })).toMatchObject({ action: "refuse", reason: expect.stringMatching(/nothing to transfer: set source: "register"/) });
  });

  it("orders an available name, and leaves an unknown availability to the registry", () => {
    expect(decideCreate({ name: "free.com", source: "register", inAccount: false, available: true })).toEqual({ action: "order" });
    expect(decideCreate({ name: "free.com", source: "register", inAccount: false })).toEqual({ action: "order" });
    expect(decideCreate({ name: "mine.com", source: "transfer", inAccount: false, available: false })).toEqual({ action: "order" });
  });
});
