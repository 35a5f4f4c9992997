/**
 * The portfolio of `npm run bench -- stack`: what the emulator account holds (seed), what the
 * program declares (the same portfolio, with a few settings different so that `up` writes and
 * `destroy` gives back), and the program texts: the provider's (dynamic resources, and the same with
 * the plugin's classes) and the engine floor's.
 *
 * Per domain the account holds 7 DNS records (the program declares 3 of them and leaves 4 alone),
 * two nameservers, one e-mail forward, a lock (on for even domains) and ID protection (on for every
 * third). The program declares the A record with another address (one zone save per domain), the
 * lock on (a lock save on odd domains), ID protection off (a save on every third), the nameservers
 * and forwards as they are, and on every tenth domain a glue record the account does not have yet.
 */

const TLDS = ["com", "net", "org", "io", "dev"] as const;

export interface SeedRow {
  hostname: string;
  type: string;
  address: string;
  priority: string;
}

/** The body of `POST /__admin/domains` for one domain. */
export interface SeedDomain {
  owner: string;
  domain: string;
  locked: boolean;
  nameservers: string[];
  dns: SeedRow[];
  emailForwarding: { prefix: string; forwardto: string }[];
  idProtection: boolean;
}

/** One domain as the program declares it (read by the program from portfolio.json). */
export interface DeclaredDomain {
  domain: string;
  records: { name: string; type: string; value: string; priority?: number }[];
  nameservers: string[];
  locked: boolean;
  forwards: { from: string; to: string }[];
  idProtection: boolean;
  glue?: { host: string; ip: string };
}

export const domainName = (i: number): string => `pf${i}-bench.${TLDS[i % TLDS.length] ?? "com"}`;

/** Kept in step with the program below: one resource per kind and domain, glue on every tenth. */
export const hasGlue = (i: number): boolean => i % 10 === 0;
const NAMESERVERS = ["ns1.emulator.test", "ns2.emulator.test"];
const forwardOf = (i: number) => ({ from: "info", to: `owner${i}@example.org` });

export function seedDomain(owner: string, i: number): SeedDomain {
  const domain = domainName(i);
  const row = (hostname: string, type: string, address: string, priority = "N/A"): SeedRow => ({ hostname, type, address, priority });
  return {
    owner,
    domain,
    locked: i % 2 === 0,
    nameservers: NAMESERVERS,
    dns: [
      row("@", "A", `192.0.2.${(i % 250) + 1}`),
      row("www", "CNAME", "web.hosting.test"),
      row("@", "MX", "mail.mailhost.test", "10"),
      // Not declared by the program: merge mode must keep them through up and destroy.
      row("@", "TXT", "v=spf1 include:_spf.mailhost.test -all"),
      row("_dmarc", "TXT", "v=DMARC1; p=none"),
      row("api", "AAAA", `2001:db8::${(i % 65535).toString(16)}`),
      row("_sip._tcp", "SRV", "5 5060 sip.hosting.test", "10"),
    ],
    emailForwarding: [{ prefix: forwardOf(i).from, forwardto: forwardOf(i).to }],
    idProtection: i % 3 === 0,
  };
}

export function declaredDomain(i: number): DeclaredDomain {
  const domain = domainName(i);
  return {
    domain,
    records: [
      { name: "@", type: "A", value: `198.51.100.${(i % 250) + 1}` },
      { name: "www", type: "CNAME", value: "web.hosting.test" },
      { name: "@", type: "MX", value: "mail.mailhost.test", priority: 10 },
    ],
    nameservers: NAMESERVERS,
    locked: true,
    forwards: [forwardOf(i)],
    idProtection: false,
    ...(hasGlue(i) ? { glue: { host: `ns1.${domain}`, ip: "192.0.2.53" } } : {}),
  };
}

/** Resources the provider program declares for `n` domains, the stack guard included (the floor declares as many). */
export function providerResourceCount(n: number): number {
  let glue = 0;
  for (let i = 0; i < n; i++) if (hasGlue(i)) glue += 1;
  return 6 * n + glue + 1;
}

/**
 * The provider program: reads portfolio.json (written next to it) and declares every resource, with
 * the classes of `from`. The plugin's classes take the same args, so the two variants differ only in
 * this import and are measured on the same text.
 */
const portfolioProgram = (from: string, what: string): string => `// Written by bench/stack.ts: a portfolio adopted and managed, per domain one resource of each kind (${what}).
import { readFileSync } from "fs";
import { join } from "path";
import * as dr from "${from}";

interface Declared {
  domain: string;
  records: { name: string; type: dr.DnsRecordType; value: string; priority?: number }[];
  nameservers: string[];
  locked: boolean;
  forwards: { from: string; to: string }[];
  idProtection: boolean;
  glue?: { host: string; ip: string };
}

const portfolio = JSON.parse(readFileSync(join(__dirname, "portfolio.json"), "utf8")) as Declared[];
for (const d of portfolio) {
  new dr.Domain(d.domain, { name: d.domain, source: "adopt" });
  new dr.DnsRecordSet(\`\${d.domain}-dns\`, { domain: d.domain, mode: "merge", records: d.records });
  new dr.Nameservers(\`\${d.domain}-ns\`, { domain: d.domain, nameservers: d.nameservers });
  new dr.RegistrarLock(\`\${d.domain}-lock\`, { domain: d.domain, locked: d.locked });
  new dr.EmailForwarding(\`\${d.domain}-mail\`, { domain: d.domain, forwards: d.forwards });
  new dr.IdProtection(\`\${d.domain}-privacy\`, { domain: d.domain, enabled: d.idProtection });
  if (d.glue) new dr.PrivateNameserver(\`\${d.domain}-glue\`, { domain: d.domain, host: d.glue.host, ip: d.glue.ip });
}
`;

/** The dynamic resources: the provider's code runs in the engine's dynamic-provider host. */
export const PROVIDER_PROGRAM = portfolioProgram("pulumi-domainsreseller", "dynamic resources");

/**
 * The provider plugin (bin/pulumi-resource-domainsreseller): the same resources as
 * `domainsreseller:index:<Kind>`. It has no stack guard; its default provider resource takes that
 * place in the state, so the floor's count fits it too.
 */
export const PLUGIN_PROGRAM = portfolioProgram("pulumi-domainsreseller/plugin", "provider plugin");

/**
 * The floor: as many dynamic resources on the same engine and the same dynamic-provider host, whose
 * provider answers every call at once. What remains is the engine, the program host and the
 * provider process themselves.
 */
export const floorProgram = (count: number): string => `// Written by bench/stack.ts: the engine's floor, no-op dynamic resources.
import * as pulumi from "@pulumi/pulumi";

// One provider object for every resource, as the package does: the SDK serializes it once.
const noop: pulumi.dynamic.ResourceProvider = {
  async create(inputs) { return { id: String(inputs.name), outs: inputs }; },
  async read(id, props) { return { id, props }; },
  async diff() { return { changes: false }; },
  async delete() {},
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, props: { name: string; domain: string }) {
    super(noop, name, props);
  }
}

const count = ${count};
const perDomain = 6;
for (let i = 0; i < count; i++) {
  const name = \`r\${i}\`;
  new Noop(name, { name, domain: \`pf\${Math.floor(i / perDomain)}-bench.com\` });
}
`;
