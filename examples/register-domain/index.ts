// Registering a domain, with the money rails on: the preview shows the quote, `maxPrice` refuses a
// dearer order before it is sent, and nothing renews unless `renewal` says so. Try it against the
// emulator (`npx domainsreseller emulator --admin`), whose account starts with 500.00 of credit.
import * as pulumi from "@pulumi/pulumi";
import { Domain, DnsRecordSet, RegistrarLock } from "pulumi-domainsreseller";

const config = new pulumi.Config();
const name = config.get("name") ?? "my-new-shop-example.com";

const shop = new Domain("shop", {
  name,
  source: "register",
  years: 1, // never defaulted: it decides the price
  nameservers: ["ns1.emulator.test", "ns2.emulator.test"],
  contacts: {
    registrant: {
      firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567",
      address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB",
    },
  },
  addons: { dnsManagement: true },
  maxPrice: 20,
  renewal: { minDaysRemaining: 30, years: 1 },
  onDelete: "retain", // destroying the stack keeps the registration
}, { protect: true });

// Settings of the new domain, once it exists.
new RegistrarLock("shop-lock", { domain: shop.name, locked: true });
new DnsRecordSet("shop-web", { domain: shop.name, records: [{ name: "@", type: "A", value: "192.0.2.80" }, { name: "www", type: "CNAME", value: name }] });

export const status = shop.status;
export const expiryDate = shop.expiryDate;
export const charged = shop.lastQuote;
