// Domain inputs: what a user writes becomes one canonical declaration, and every mistake that
// could order the wrong thing (or fail at the registry after paying) is refused by `check`,
// before any API call, naming the property, the fix and the numbers.
import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/model/check";
import { domainInputsSchema } from "../../provider/model/domain";
import { UNKNOWN } from "../../provider/model/unknown";

const PROVIDER = { __provider: "exports.handler = ..." };
const check = (raw: Record<string, unknown>) => checkInputs(domainInputsSchema, raw);

const REGISTRANT = {
  firstName: " Ada ",
  lastName: "Lovelace",
  email: "Ada@Example.COM",
  phone: "+44 20 7123 4567",
  address1: "1 Analytical Row",
  city: "London",
  state: "Greater London",
  postcode: "SW1A 1AA",
  country: "gb",
};
const CANONICAL_REGISTRANT = { ...REGISTRANT, firstName: "Ada", email: "Ada@example.com", phone: "+44.2071234567", country: "GB" };
const NS = ["ns1.host.net", "ns2.host.net"];
const REGISTER = { name: "shop-example.com", source: "register", years: 1, nameservers: NS, contacts: { registrant: REGISTRANT } };
const TRANSFER = { name: "shop-example.com", source: "transfer", years: 1, eppCode: "s3cr3t-EPP", nameservers: NS, contacts: { registrant: REGISTRANT } };
const ADOPT = { name: "shop-example.com", source: "adopt" };

describe("Domain inputs", () => {
  it("canonicalises the README register: name, contacts, defaults onDelete to retain", () => {
    const outcome = check({ ...PROVIDER, ...REGISTER, name: "Shop-Example.COM.", addons: { idProtection: true }, domainFields: { "Nexus Category": "C11" }, renewal: { minDaysRemaining: 30, years: 1 }, maxPrice: 20, profile: "eu" });
    expect(outcome).toEqual({
      ok: true,
      inputs: {
        name: "shop-example.com",
        source: "register",
        years: 1,
        nameservers: NS,
        contacts: { registrant: CANONICAL_REGISTRANT },
        addons: { idProtection: true },
        domainFields: { "Nexus Category": "C11" },
        renewal: { minDaysRemaining: 30, years: 1 },
        maxPrice: 20,
        onDelete: "retain",
        profile: "eu",
      },
    });
  });

  it("accepts a transfer with its EPP code (trimmed), its nameservers and its registrant", () => {
    expect(check({ ...TRANSFER, eppCode: "  s3cr3t-EPP " })).toMatchObject({ ok: true, inputs: { source: "transfer", eppCode: "s3cr3t-EPP", nameservers: NS, contacts: { registrant: CANONICAL_REGISTRANT } } });
  });

  it("reports everything a bare transfer lacks at once: years, EPP code, nameservers and registrant", () => {
    const outcome = check({ name: "shop-example.com", source: "transfer" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failures.map((f) => f.property).sort()).toEqual(["contacts.registrant", "eppCode", "nameservers", "years"]);
  });

  it("accepts an adopt with contacts, renewal and a release on delete", () => {
    const outcome = check({ ...ADOPT, contacts: { tech: REGISTRANT }, renewal: { minDaysRemaining: 364, years: 10 }, onDelete: "release", releaseTag: "NEWTAG" });
    expect(outcome).toMatchObject({ ok: true, inputs: { onDelete: "release", releaseTag: "NEWTAG", contacts: { tech: CANONICAL_REGISTRANT } } });
  });

  it("lets values unknown during preview through, and skips the rules between fields", () => {
    expect(check({ ...ADOPT, name: UNKNOWN, years: UNKNOWN })).toEqual({ ok: true, inputs: { name: UNKNOWN, source: "adopt", years: UNKNOWN, onDelete: "retain" } });
  });

  it("reports every mistake at once, field rules and rules between fields together", () => {
    const outcome = check({ ...REGISTER, years: undefined, contacts: { registrant: { ...REGISTRANT, phone: "020 7123 4567" } } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failures.map((f) => f.property).sort()).toEqual(["contacts.registrant.phone", "years"]);
  });

  it("never repeats the EPP code in a failure", () => {
    const outcome = check({ ...REGISTER, eppCode: "s3cr3t-EPP" });
    expect(JSON.stringify(outcome)).not.toContain("s3cr3t");
    expect(outcome.ok).toBe(false);
  });
});

type Case = [string, Record<string, unknown>, string, RegExp];
const withRegistrant = (patch: Record<string, unknown>) => ({ ...REGISTER, contacts: { registrant: { ...REGISTRANT, ...patch } } });

const INVALID: Case[] = [
  ["register without years", { ...REGISTER, years: undefined }, "years", /required for source "register": how many years to register \(1-10\); it is never defaulted because it decides the price/],
  ["transfer without years", { ...TRANSFER, years: undefined }, "years", /required for source "transfer": .*\(1-10/],
  ["zero years", { ...REGISTER, years: 0 }, "years", /whole number from 1 to 10 .*got 0/],
  ["eleven years", { ...REGISTER, years: 11 }, "years", /whole number from 1 to 10 .*got 11/],
  ["a year and a half", { ...REGISTER, years: 1.5 }, "years", /whole number from 1 to 10 .*got 1\.5/],
  ["years as a string", { ...REGISTER, years: "2" }, "years", /must be a whole number from 1 to 10/],
  ["years on adopt", { ...ADOPT, years: 1 }, "years", /source "adopt" never orders: remove it \(to renew an adopted domain, declare renewal/],
  ["nameservers on adopt", { ...ADOPT, nameservers: NS }, "nameservers", /never orders: remove it \(manage an adopted domain's delegation with a Nameservers resource\)/],
  ["addons on adopt", { ...ADOPT, addons: { idProtection: true } }, "addons", /never orders: remove it/],
  ["domainFields on adopt", { ...ADOPT, domainFields: { a: "b" } }, "domainFields", /sent only with an order/],
  ["transfer without eppCode", { ...TRANSFER, eppCode: undefined }, "eppCode", /required for source "transfer": the transfer authorisation \(EPP\) code/],
  ["an empty eppCode", { ...TRANSFER, eppCode: "  " }, "eppCode", /must not be empty/],
  ["eppCode on register", { ...REGISTER, eppCode: "abc" }, "eppCode", /for source "transfer" only: remove it \(source "register" needs no authorisation code\)/],
  ["eppCode on adopt", { ...ADOPT, eppCode: "abc" }, "eppCode", /source "adopt" needs no authorisation code/],
  ["register without nameservers", { ...REGISTER, nameservers: undefined }, "nameservers", /required for source "register": the 2 to 5 nameservers/],
  ["one nameserver", { ...REGISTER, nameservers: ["ns1.host.net"] }, "nameservers", /at least 2 nameservers/],
  ["six nameservers", { ...REGISTER, nameservers: [1, 2, 3, 4, 5, 6].map((n) => `ns${n}.host.net`) }, "nameservers", /at most 5 nameservers/],
  ["register without contacts", { ...REGISTER, contacts: undefined }, "contacts.registrant", /required for source "register": the owner of the new registration/],
  ["transfer without nameservers", { ...TRANSFER, nameservers: undefined }, "nameservers", /required for source "transfer": the API orders a transfer like a registration, with the 2 to 5 nameservers .*\["ns1\.host\.net", "ns2\.host\.net"\]/],
  ["transfer without contacts", { ...TRANSFER, contacts: undefined }, "contacts.registrant", /required for source "transfer": the API orders a transfer like a registration, with its owner; add contacts\.registrant \(\{ firstName, lastName, email/],
  ["transfer with only a tech contact", { ...TRANSFER, contacts: { tech: REGISTRANT } }, "contacts.registrant", /required for source "transfer": .*domain owner's details/],
  ["register with only a tech contact", { ...REGISTER, contacts: { tech: REGISTRANT } }, "contacts.registrant", /required for source "register"/],
  ["a phone without a country code", withRegistrant({ phone: "020 7123 4567" }), "contacts.registrant.phone", /must start with "\+" and the country calling code, such as "\+44\.2071234567"/],
  ["a phone with an extension", withRegistrant({ phone: "+44 20 7123 4567 ext 12" }), "contacts.registrant.phone", /only digits after the "\+".*no extensions/],
  ["a phone too short", withRegistrant({ phone: "+44.123" }), "contacts.registrant.phone", /3 digits after the country code \+44; a phone number has 4 to 13 there/],
  ["a phone with the dot in the wrong place", withRegistrant({ phone: "+442.071234567" }), "contacts.registrant.phone", /did you mean "\+44\.2071234567"/],
  ["country UK", withRegistrant({ country: "UK" }), "contacts.registrant.country", /ISO 3166-1 alpha-2 .*"UK" is not one \(the United Kingdom is "GB"\)/],
  ["an unknown country", withRegistrant({ country: "ZZ" }), "contacts.registrant.country", /"ZZ" is not one/],
  ["a country name", withRegistrant({ country: "Germany" }), "contacts.registrant.country", /such as "GB", "US" or "DE"/],
  ["a bad e-mail", withRegistrant({ email: "ada-at-example.com" }), "contacts.registrant.email", /e-mail address such as owner@example\.org .*verification mail/],
  ["an empty first name", withRegistrant({ firstName: "  " }), "contacts.registrant.firstName", /must not be empty: the contact's given name/],
  ["a contact without a city", withRegistrant({ city: undefined }), "contacts.registrant.city", /"contacts\.registrant\.city" is required/],
  ["a contact field misspelt", withRegistrant({ zip: "SW1A" }), "contacts.registrant", /unknown properties "zip"/],
  ["an unknown contact role", { ...REGISTER, contacts: { registrant: REGISTRANT, owner: REGISTRANT } }, "contacts", /unknown properties "owner"/],
  ["release without releaseTag", { ...ADOPT, onDelete: "release" }, "releaseTag", /required when onDelete is "release": .*Nominet IPS tag.*or set onDelete: "retain"/],
  ["releaseTag with retain", { ...ADOPT, releaseTag: "NEWTAG" }, "releaseTag", /only used when onDelete is "release"/],
  ["onDelete delete", { ...ADOPT, onDelete: "delete" }, "onDelete", /"retain" .* or "release"/],
  ["maxPrice negative", { ...REGISTER, maxPrice: -5 }, "maxPrice", /0 or more .*such as 20 or 19\.99; got -5/],
  ["maxPrice with fractions of a cent", { ...REGISTER, maxPrice: 19.999 }, "maxPrice", /at most two decimals.*got 19\.999/],
  ["renewal.minDaysRemaining of 0", { ...REGISTER, renewal: { minDaysRemaining: 0, years: 1 } }, "renewal.minDaysRemaining", /whole number from 1 to 364 .*got 0/],
  ["renewal.minDaysRemaining of a year", { ...REGISTER, renewal: { minDaysRemaining: 365, years: 1 } }, "renewal.minDaysRemaining", /1 to 364 .*one renewal always leaves the window.*got 365/],
  ["renewal without years", { ...REGISTER, renewal: { minDaysRemaining: 30 } }, "renewal.years", /"renewal\.years" is required/],
  ["a source misspelt", { ...REGISTER, source: "registered" }, "source", /"register" .*"transfer" .*"adopt"/],
  ["a name that is not a domain", { ...REGISTER, name: "shop" }, "name", /domain name such as "example\.com"/],
  ["an unknown property", { ...REGISTER, period: 1 }, "period", /unknown properties "period"/],
  ["an addon as 1", { ...REGISTER, addons: { idProtection: 1 } }, "addons.idProtection", /true or false: order ID protection/],
  ["an empty registry field name", { ...REGISTER, domainFields: { "": "C11" } }, "domainFields", /each registry field is named/],
];

describe("Domain inputs refused before any API call", () => {
  it.each(INVALID)("%s", (_what, inputs, property, says) => {
    const outcome = check(inputs);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const failure = outcome.failures.find((f) => f.property === property);
    expect(failure, JSON.stringify(outcome.failures)).toBeDefined();
    expect(failure?.reason).toMatch(says);
    expect(failure?.reason.startsWith(`"${property}" `) || failure?.reason.startsWith("unknown properties")).toBe(true);
  });
});
