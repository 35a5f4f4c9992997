// The demo stack: the emulator's seeded domains, kept under management. `npm run demo` runs it against
// a fresh emulator; point the same program at a real reseller account by changing the stack config.
import { DnsRecordSet, EmailForwarding, IdProtection, Nameservers, PrivateNameserver, RegistrarLock } from "pulumi-domainsreseller";

const domains = ["acme-widgets.com", "acme-widgets.net", "acme-gadgets.org"];

// Every domain locked against transfers: the safe default for domains you mean to keep.
const locks = domains.map((domain) => new RegistrarLock(`${domain}-lock`, { domain, locked: true }));

// The web records of acme-widgets.com. Merge mode: its MX and TXT records are left as they are.
const web = new DnsRecordSet("acme-widgets.com-web", {
  domain: "acme-widgets.com",
  records: [
    { name: "@", type: "A", value: "192.0.2.10" },
    { name: "www", type: "CNAME", value: "acme-widgets.com" },
    { name: "api", type: "AAAA", value: "2001:db8::10" },
  ],
});

// The mail domain: delegated to a DNS host, with its forwarding list in code.
new Nameservers("acme-mail.com-ns", { domain: "acme-mail.com", nameservers: ["ns1.mailhost.test", "ns2.mailhost.test"] });
new EmailForwarding("acme-mail.com-forwards", {
  domain: "acme-mail.com",
  forwards: [
    { from: "info", to: "team@acme-corp.example" },
    { from: "sales", to: "sales@acme-corp.example" },
  ],
});

// WHOIS privacy for the shop, and a glue record for the labs' own nameserver.
new IdProtection("acme-shop.io-privacy", { domain: "acme-shop.io", enabled: true });
new PrivateNameserver("acme-labs.dev-ns3", { domain: "acme-labs.dev", host: "ns3.acme-labs.dev", ip: "192.0.2.55" });

export const registrarLocks = Object.fromEntries(locks.map((lock, i) => [domains[i], lock.locked]));
export const webRecords = web.records;
