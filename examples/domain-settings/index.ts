// Every setting of a domain portfolio in code: DNS (merge and authoritative), delegation, e-mail
// forwarding, WHOIS privacy, glue records and transfer locks. Written against the emulator's seeded
// domains (`npx domainsreseller emulator --admin`); point the stack config at your reseller account
// and replace the domain names to use it for real. Nothing here orders or renews anything.
import * as pulumi from "pulumi-domainsreseller";

// acme-shop.io: the web records are ours; its CAA, SRV and verification TXT stay as they are (merge).
export const shopRecords = new pulumi.DnsRecordSet("shop-web", {
  domain: "acme-shop.io",
  records: [
    { name: "@", type: "A", value: "192.0.2.30" },
    { name: "www", type: "CNAME", value: "shops.hosting.test" },
    { name: "@", type: "MX", value: "mail.acme-shop.io", priority: 10 },
  ],
}).records;

// acme-widgets.co.uk: the whole zone is in code (authoritative); anything else found is removed,
// and put back if this resource is ever deleted.
new pulumi.DnsRecordSet("uk-zone", {
  domain: "acme-widgets.co.uk",
  mode: "authoritative",
  records: [
    { name: "@", type: "A", value: "192.0.2.40" },
    { name: "@", type: "MX", value: "mail.acme-widgets.co.uk", priority: 5 },
    { name: "@", type: "TXT", value: "v=spf1 mx -all" },
    { name: "_dmarc", type: "TXT", value: "v=DMARC1; p=reject" },
  ],
});

// acme-mail.com is served by a mail host's DNS: delegation and forwards only.
new pulumi.Nameservers("mail-delegation", { domain: "acme-mail.com", nameservers: ["ns1.mailhost.test", "ns2.mailhost.test", "ns3.mailhost.test"] });
new pulumi.EmailForwarding("mail-forwards", {
  domain: "acme-mail.com",
  forwards: [
    { from: "info", to: "team@acme-corp.example" },
    { from: "sales", to: "sales@acme-corp.example" },
    { from: "postmaster", to: "it@acme-corp.example" },
  ],
});

// acme-labs.dev runs its own nameservers: their glue records live at the registry.
new pulumi.PrivateNameserver("labs-ns1", { domain: "acme-labs.dev", host: "ns1.acme-labs.dev", ip: "192.0.2.53" });
new pulumi.PrivateNameserver("labs-ns2", { domain: "acme-labs.dev", host: "ns2.acme-labs.dev", ip: "2001:db8::53" });

// Privacy and transfer locks across the portfolio (.co.uk has no registrar lock: Nominet has none).
for (const domain of ["acme-shop.io", "acme-mail.com", "acme-labs.dev"]) {
  new pulumi.IdProtection(`${domain}-privacy`, { domain, enabled: true });
  new pulumi.RegistrarLock(`${domain}-lock`, { domain, locked: true });
}
