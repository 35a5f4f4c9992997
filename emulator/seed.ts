/**
 * Seeds: the accounts and domains an emulator starts with, as a zod schema (also the YAML file
 * format of `--seed FILE.yaml`), the built-in demo seed, and turning seed domains into state.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { DOMAIN_STATUSES, defaultContacts, randomEppCode, type DnsRecord, type DomainState } from "./domain-state";
import { addYears, isIsoDate, isoDate, isoTime } from "./clock";
import { isDomainName, tldOf } from "./catalogue";

const dnsRow = z.object({
  hostname: z.string(),
  type: z.string(),
  address: z.string(),
  priority: z.union([z.string(), z.number()]).optional(),
  recid: z.union([z.string(), z.number()]).optional(),
});

/** Fields of a domain an admin or a seed may set; all optional but the name. */
export const domainFields = z.object({
  expiryDate: z.string().refine(isIsoDate, "expiryDate must be YYYY-MM-DD").optional(),
  locked: z.boolean().optional(),
  nameservers: z.array(z.string()).max(5).optional(),
  dns: z.array(dnsRow).optional(),
  emailForwarding: z.array(z.object({ prefix: z.string(), forwardto: z.string() })).optional(),
  idProtection: z.boolean().optional(),
  eppCode: z.string().optional(),
  status: z.enum(DOMAIN_STATUSES as [string, ...string[]]).optional(),
  contacts: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  privateNameservers: z.array(z.object({ nameserver: z.string(), ipaddress: z.string() })).optional(),
  /** The add-ons the domain was ordered with; seeded domains have both unless told otherwise. */
  addons: z.object({ dnsmanagement: z.boolean().optional(), emailforwarding: z.boolean().optional() }).strict().optional(),
  /** Refuse /dns and /email without the add-on (off by default: the reference does not say servers do). */
  enforceAddons: z.boolean().optional(),
  /** Never deleted after expiry: stays in redemption, restorable by a renewal. */
  restorable: z.boolean().optional(),
});

export const seedDomain = domainFields.extend({
  domain: z.string().transform((s) => s.trim().toLowerCase()).refine(isDomainName, "domain must be a valid domain name"),
});

const money = z.union([z.string(), z.number()]).transform(String);

export const seedSchema = z.object({
  accounts: z.array(
    z.object({
      email: z.string().email(),
      apiKey: z.string().min(1),
      credit: money.default("0.00"),
      domains: z.array(seedDomain).default([]),
    }),
  ),
});

/** What a seed file or `seed` option holds; defaults filled in by the schema. */
export type Seed = z.input<typeof seedSchema>;
export type SeedDomain = z.input<typeof seedDomain>;

const demoDns = [
  { hostname: "@", type: "A", address: "192.0.2.10" },
  { hostname: "www", type: "CNAME", address: "acme-widgets.com" },
  { hostname: "@", type: "MX", address: "mail.emulator.test", priority: "10" },
  { hostname: "@", type: "TXT", address: "v=spf1 -all" },
];

/**
 * Domains for adopting the per-domain resources (DnsRecordSet, EmailForwarding, Nameservers,
 * IdProtection, RegistrarLock): each has state a user would find in a real account.
 */
const adoptable: SeedDomain[] = [
  {
    // A mail domain: MX pair, SPF and DMARC, CNAMEs, three nameservers, forwards, ID protection on.
    domain: "acme-mail.com",
    nameservers: ["ns1.mailhost.test", "ns2.mailhost.test", "ns3.mailhost.test"],
    dns: [
      { hostname: "@", type: "A", address: "192.0.2.20" },
      { hostname: "@", type: "AAAA", address: "2001:db8::20" },
      { hostname: "@", type: "MX", address: "mx1.mailhost.test", priority: "10" },
      { hostname: "@", type: "MX", address: "mx2.mailhost.test", priority: "20" },
      { hostname: "@", type: "TXT", address: "v=spf1 include:mailhost.test -all" },
      { hostname: "_dmarc", type: "TXT", address: "v=DMARC1; p=quarantine; rua=mailto:dmarc@acme-mail.com" },
      { hostname: "www", type: "CNAME", address: "acme-mail.com" },
      { hostname: "autodiscover", type: "CNAME", address: "autodiscover.mailhost.test" },
    ],
    emailForwarding: [
      { prefix: "info", forwardto: "team@acme-corp.example" },
      { prefix: "sales", forwardto: "sales@acme-corp.example" },
      { prefix: "postmaster", forwardto: "it@acme-corp.example" },
    ],
    idProtection: true,
  },
  {
    // A shop: two A records, CAA, SRV, a verification TXT, one forward, unlocked, ID protection off.
    domain: "acme-shop.io",
    locked: false,
    dns: [
      { hostname: "@", type: "A", address: "192.0.2.30" },
      { hostname: "@", type: "A", address: "192.0.2.31" },
      { hostname: "www", type: "CNAME", address: "shops.hosting.test" },
      { hostname: "@", type: "MX", address: "mail.acme-shop.io", priority: "10" },
      { hostname: "@", type: "TXT", address: "google-site-verification=emulator-demo-token" },
      { hostname: "@", type: "CAA", address: '0 issue "letsencrypt.org"' },
      { hostname: "_sip._tcp", type: "SRV", address: "5 5060 sip.acme-shop.io", priority: "10" },
    ],
    emailForwarding: [{ prefix: "orders", forwardto: "orders@acme-corp.example" }],
    idProtection: false,
  },
  {
    // Delegated elsewhere: an empty zone here, external nameservers, glue for its own hosts.
    domain: "acme-labs.dev",
    nameservers: ["ns-1.dnshost.test", "ns-2.dnshost.test", "ns-3.dnshost.test", "ns-4.dnshost.test"],
    privateNameservers: [
      { nameserver: "ns1.acme-labs.dev", ipaddress: "192.0.2.53" },
      { nameserver: "ns2.acme-labs.dev", ipaddress: "2001:db8::53" },
    ],
    idProtection: true,
  },
  {
    // .co.uk has no registrar lock (Nominet): unlocked, and a lock change is refused.
    domain: "acme-widgets.co.uk",
    dns: [
      { hostname: "@", type: "A", address: "192.0.2.40" },
      { hostname: "@", type: "MX", address: "mail.acme-widgets.co.uk", priority: "5" },
      { hostname: "@", type: "TXT", address: "v=spf1 mx -all" },
    ],
    emailForwarding: [{ prefix: "hello", forwardto: "uk-team@acme-corp.example" }],
    idProtection: false,
  },
];

export const DEFAULT_SEED: Seed = {
  accounts: [
    {
      email: "demo@example.com",
      apiKey: "demo-api-key-not-secret",
      credit: "500.00",
      domains: [
        // The first three are what the demo and the end-to-end tests are written against.
        { domain: "acme-widgets.com", locked: true, dns: demoDns },
        { domain: "acme-widgets.net", locked: false, dns: demoDns.slice(0, 1) },
        { domain: "acme-gadgets.org", locked: true, dns: demoDns.slice(2) },
        ...adoptable,
      ],
    },
  ],
};

export const DEFAULT_NAMESERVERS = ["ns1.emulator.test", "ns2.emulator.test"];

/** Admin/seed DNS rows: normalised (type upper-case, priority a string) but not validated, so drift can be anything. */
export function seedDnsRows(rows: z.infer<typeof dnsRow>[], firstRecid: number): { rows: DnsRecord[]; next: number } {
  let next = firstRecid;
  const out = rows.map((r) => {
    const type = r.type.toUpperCase();
    const priority = r.priority !== undefined ? String(r.priority) : type === "MX" || type === "SRV" ? "10" : "N/A";
    return { hostname: r.hostname, type, address: r.address, priority, recid: r.recid !== undefined ? String(r.recid) : String(next++) };
  });
  return { rows: out, next };
}

/** A registered domain from seed input, with the defaults the admin contract promises. */
export function domainFromSeed(owner: string, input: z.infer<typeof seedDomain>, now: number): DomainState {
  const dns = seedDnsRows(input.dns ?? [], 1);
  return {
    name: input.domain,
    owner,
    status: (input.status as DomainState["status"] | undefined) ?? "Active",
    expiryDate: input.expiryDate ?? addYears(isoDate(now), 1),
    createdAt: isoTime(now),
    // No lock where the registry has none (.uk, .de); otherwise locked, as registrars default.
    locked: input.locked ?? tldOf(input.domain)?.registrarLock ?? true,
    idProtection: input.idProtection ?? false,
    eppCode: input.eppCode ?? randomEppCode(),
    nameservers: (input.nameservers ?? DEFAULT_NAMESERVERS).map((n) => n.toLowerCase()),
    dns: dns.rows,
    emailForwarding: input.emailForwarding ?? [],
    contacts: input.contacts ?? defaultContacts(owner),
    privateNameservers: input.privateNameservers ?? [],
    addons: { dnsmanagement: input.addons?.dnsmanagement ?? true, emailforwarding: input.addons?.emailforwarding ?? true },
    enforceAddons: input.enforceAddons ?? false,
    restorable: input.restorable ?? false,
    domainfields: {},
    transferReadyAt: null,
    transferYears: 0,
    transferFailReason: null,
    transferTag: null,
    nextRecid: dns.next,
  };
}

/** Reads a YAML (or JSON) seed file and validates it; errors name the file and the field. */
export function loadSeedFile(path: string): Seed {
  const parsed = seedSchema.safeParse(parseYaml(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`seed file ${path}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
