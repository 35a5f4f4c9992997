// Contacts: one canonical form for every way of writing a contact, the registrar's sections and
// labels kept exactly as the server named them on save, and drift named by path.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routes } from "../../provider/client/routes";
import {
  canonicalCountry,
  canonicalPhone,
  contactSchema,
  contactsFromLive,
  contactsToSaveParams,
  COUNTRY_CODES,
  diffContacts,
  type Contact,
  type Contacts,
} from "../../provider/model/domain";

const ADA: Contact = {
  firstName: "Ada",
  lastName: "Lovelace",
  companyName: "",
  email: "ada@example.com",
  phone: "+44.2071234567",
  address1: "1 Analytical Row",
  city: "London",
  state: "Greater London",
  postcode: "SW1A 1AA",
  country: "GB",
};

/** What GET /contact answers on a WHMCS sample module (§4.15), with a fax label we do not manage. */
const LIVE = {
  Registrant: {
    "First Name": "Ada", "Last Name": "Lovelace", "Company Name": "", "Email Address": "ada@EXAMPLE.com", "Address 1": "1 Analytical Row", "Address 2": "",
    City: "London", State: "Greater London", Postcode: "SW1A 1AA", Country: "gb", "Phone Number": "+44.2071234567", "Fax Number": "+44.2079999999",
  },
  Technical: { "First Name": "Tim", "Last Name": "Tech", "Email Address": "tim@host.net", "Address 1": "2 Rack Lane", City: "Leeds", State: "", Postcode: "LS1", Country: "GB", "Phone Number": "+44.1131234567" },
  Billing: { "First Name": "Bill" },
  Admin: { "First Name": "Ann" },
};

describe("canonicalPhone", () => {
  it.each([
    ["+44.2071234567", "+44.2071234567"],
    ["+44 20 7123 4567", "+44.2071234567"],
    ["+44 (0)20 7123-4567", "+44.2071234567"],
    ["+442071234567", "+44.2071234567"],
    ["+1 (555) 123-4567", "+1.5551234567"],
    ["+1.5551234567", "+1.5551234567"],
    ["+353 1 234 5678", "+353.12345678"],
    ["+49 30 1234567", "+49.301234567"],
    ["+7 495 123-45-67", "+7.4951234567"],
  ])("%s → %s", (input, phone) => {
    expect(canonicalPhone(input)).toEqual({ ok: true, phone });
  });

  it.each([
    ["020 7123 4567", /must start with "\+" and the country calling code/],
    ["0044 20 7123 4567", /write "\+" instead of the leading "00"/],
    ["+0 123 4567", /calling codes never start with 0/],
    ["+44 20 7123 4567 x12", /no extensions or letters/],
    ["+1.2345678901234567", /at most 15 digits in all/],
  ])("refuses %s", (input, says) => {
    const outcome = canonicalPhone(input);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(says);
  });

  it("gives one form whatever the spacing, and is stable on its own output", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{6,11}$/), fc.array(fc.constantFrom(" ", "-", ""), { minLength: 12, maxLength: 12 }), (digits, seps) => {
        const spaced = "+" + [...digits].map((d, i) => d + (seps[i] ?? "")).join("");
        const once = canonicalPhone(spaced);
        expect(once.ok).toBe(true);
        if (!once.ok) return;
        expect(canonicalPhone(once.phone)).toEqual(once);
        expect(once.phone.replace(/\D/g, "")).toBe(digits);
        // The client's own check of the wire form accepts it.
        expect(once.phone).toMatch(/^\+\d{1,3}\.\d{4,14}$/);
      }),
    );
  });
});

describe("countries", () => {
  it("knows the 249 ISO 3166-1 alpha-2 codes, each a region Intl can name", () => {
    expect(COUNTRY_CODES.size).toBe(249);
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    for (const code of COUNTRY_CODES) expect(names.of(code), code).not.toBe(code);
  });

  it("upper-cases and trims a known code, and names the right code for UK", () => {
    expect(canonicalCountry(" gb ")).toEqual({ ok: true, code: "GB" });
    expect(canonicalCountry("UK")).toMatchObject({ ok: false, message: expect.stringContaining('the United Kingdom is "GB"') });
    expect(canonicalCountry("XK")).toMatchObject({ ok: false });
  });
});

describe("contacts and the contact routes", () => {
  it("reads the server's sections and labels into canonical contacts", () => {
    const live = contactsFromLive(routes.getContacts.response.parse(LIVE));
    // Without a declaration, an optional field the registrar leaves empty is simply absent.
    const { companyName: _empty, ...ada } = ADA;
    expect(live.registrant).toStrictEqual(ada);
    expect(live.tech).toMatchObject({ firstName: "Tim", state: "", country: "GB", phone: "+44.1131234567" });
    expect(live.billing).toMatchObject({ firstName: "Bill", lastName: "", email: "" });
  });

  it("keeps only the declared roles and optional fields when given the declaration", () => {
    const live = contactsFromLive(LIVE, { registrant: ADA });
    expect(Object.keys(live)).toEqual(["registrant"]);
    expect(live.registrant).toEqual(ADA);
  });

  it("reads labels with underscores and other cases (some server versions)", () => {
    const live = contactsFromLive({ registrant: { first_name: "Ada", LASTNAME: "Lovelace", Email: "ada@example.com", "Phone": "+44 20 7123 4567", Zip_Code: "SW1A 1AA" } });
    expect(live.registrant).toMatchObject({ firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+44.2071234567", postcode: "SW1A 1AA" });
  });

  it("saves every section and label as the server named them, only the declared fields changed", () => {
    const declared: Contacts = { registrant: { ...ADA, email: "owner@example.com" } };
    const params = contactsToSaveParams(declared, LIVE);
    expect(Object.keys(params)).toEqual(["Registrant", "Technical", "Billing", "Admin"]);
    expect(params.Registrant).toEqual({ ...LIVE.Registrant, "Email Address": "owner@example.com", Country: "GB" });
    expect(params.Technical).toEqual(LIVE.Technical);
    expect(params.Billing).toEqual(LIVE.Billing);
    // The client's own schema for the save accepts it.
    expect(routes.saveContacts.params.parse({ domain: "example.com", contactdetails: params }).contactdetails).toEqual(params);
  });

  it("leaves an undeclared optional field as the registrar has it", () => {
    const { companyName: _c, ...noCompany } = ADA;
    const params = contactsToSaveParams({ registrant: noCompany }, { Registrant: { ...LIVE.Registrant, "Company Name": "Engines Ltd" } });
    expect(params.Registrant?.["Company Name"]).toBe("Engines Ltd");
  });

  it("adds a declared role the server lacks under the sample module's names", () => {
    const params = contactsToSaveParams({ admin: ADA }, { Registrant: LIVE.Registrant });
    expect(params.Admin).toEqual({
      "First Name": "Ada", "Last Name": "Lovelace", "Company Name": "", "Email Address": "ada@example.com", "Phone Number": "+44.2071234567",
      "Address 1": "1 Analytical Row", City: "London", State: "Greater London", Postcode: "SW1A 1AA", Country: "GB",
    });
  });

  it("round trips: declared → saved sections → read back is no drift", () => {
    const declared: Contacts = { registrant: ADA, tech: { ...ADA, firstName: "Tim", companyName: "Host Ltd", address2: "Floor 2" } };
    const saved = contactsToSaveParams(declared, LIVE);
    expect(diffContacts(declared, contactsFromLive(saved, declared))).toEqual([]);
  });

  it("names each drifted field by path, and a missing role as one path", () => {
    const declared: Contacts = { registrant: { ...ADA, email: "owner@example.com", phone: "+44.2070000000" }, admin: ADA };
    expect(diffContacts(declared, contactsFromLive({ Registrant: LIVE.Registrant }, declared))).toEqual(["contacts.registrant.email", "contacts.registrant.phone", "contacts.admin"]);
  });

  it("sees no drift where the registrar only spells the same contact differently", () => {
    const declared = { registrant: contactSchema.parse({ ...ADA, phone: "+44 20 7123 4567", country: "gb", email: "ada@Example.com" }) };
    const live = contactsFromLive({ Registrant: { ...LIVE.Registrant, "Phone Number": "+44 (0)20 7123 4567", "Email Address": "ada@EXAMPLE.COM", Country: " GB" } }, declared);
    expect(diffContacts(declared, live)).toEqual([]);
  });
});
