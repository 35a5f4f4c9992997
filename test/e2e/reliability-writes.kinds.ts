// The write kinds of the write fault matrix (reliability-writes.test.ts). Each kind seeds its own
// domain with values the program never declares, declares a different value in each case (so a
// write happens), and reads the same facts three ways: from the stack's state, from the emulator's
// admin view, and through the signed API (where the API can read them at all).
import type { DomainsResellerClient } from "../../provider/client";
import type { LoggedEmulator, StateResource } from "./reliability-writes.helpers";

export type WriteKind = "dns" | "nameservers" | "lock" | "emailForwarding" | "idProtection" | "contacts" | "glueRegister" | "glueModify" | "glueDelete" | "release" | "refresh";

/** The same facts, three ways. */
export interface Observed {
  state: unknown;
  admin: unknown;
  /** Undefined where the API has no route that reads the facts (private nameservers). */
  signed: unknown;
}

export interface Slot {
  kind: WriteKind;
  /** The domain it works on (release: the first of its domains). */
  domain: string;
  /** The resource kind, domain and step of case `cell`'s failure, as the provider says them ("RegistrarLock rw-lock.com: update failed"). */
  failure(cell: number): string;
  /** Where a route fault is set: the write's route (refresh: every read route the stack's resources use). */
  faultRoutes: string[];
  /** The write may bill: the change must be carried out by the server exactly once. */
  once: boolean;
  seed(emulator: LoggedEmulator, owner: string): Promise<void>;
  /** The resources this kind declares in case `cell` (-1: the run that sets the stack up). */
  program(cell: number, state: StateResource[]): string;
  /** Refresh only: what changes out of band before case `cell`, for the refresh to see. */
  drift?(emulator: LoggedEmulator, cell: number): Promise<void>;
  observe(state: StateResource[], emulator: LoggedEmulator, api: DomainsResellerClient): Promise<Observed>;
  /** What the program never declared, as seeded and as the account shows it now (admin, signed API): must stay as it was. */
  untouched?(emulator: LoggedEmulator, api: DomainsResellerClient): Promise<{ seeded: unknown; admin: unknown; signed: unknown }>;
  /** The failure's words when the server acknowledges the write and drops it; undefined when the API cannot tell (glue). */
  ignoredSays: string | undefined;
}

type Row = { hostname: string; type: string; address: string; priority?: string };
type Glue = { nameserver: string; ipaddress: string };

const sorted = (values: string[]) => [...values].sort();
/** The resources of `kind` on `domain` (a stack may hold several write kinds, each on its own domain). */
const many = (state: StateResource[], kind: string, domain: string | ((name: string) => boolean)) =>
  state.filter((r) => r.kind === kind && (typeof domain === "string" ? (r.outputs.domain ?? r.outputs.name) === domain : domain(String(r.outputs.name))));
const one = (state: StateResource[], kind: string, domain: string): Record<string, unknown> | undefined => many(state, kind, domain)[0]?.outputs;

// ---- DNS ----------------------------------------------------------------------------------------

/** Rows the program never declares: each save must leave them exactly as they are. */
const LEGACY_ROWS: Row[] = [
  { hostname: "@", type: "A", address: "198.51.100.7", priority: "N/A" },
  { hostname: "@", type: "MX", address: "mail.legacy.test", priority: "20" },
  { hostname: "old", type: "CNAME", address: "legacy.example.net", priority: "N/A" },
  { hostname: "@", type: "TXT", address: "v=spf1 -all", priority: "N/A" },
];
const SEEDED_APP = "192.0.2.200";
/** The names and types the set owns. */
const OWNED = new Set(["app/A", "cell/TXT"]);

const unquote = (text: string) => (/^".*"$/.test(text) ? text.slice(1, -1) : text);
const rowText = (r: Row) => `${r.hostname}/${r.type}/${r.type === "TXT" ? unquote(r.address) : r.address}#${r.priority === undefined || r.priority === "N/A" ? "" : r.priority}`;
const owned = (rows: Row[]) => sorted(rows.filter((r) => OWNED.has(`${r.hostname}/${r.type}`)).map(rowText));
const others = (rows: Row[]) => sorted(rows.filter((r) => !OWNED.has(`${r.hostname}/${r.type}`)).map(rowText));

function dnsRecords(cell: number): string {
  return cell < 0
    ? `[{ name: "app", type: "A", value: "${SEEDED_APP}" }]`
    : `[{ name: "app", type: "A", value: "192.0.2.${10 + cell}" }, { name: "cell", type: "TXT", value: "cell-${cell}" }]`;
}

function stateRecords(outputs: Record<string, unknown> | undefined): string[] {
  const records = (outputs?.records ?? {}) as Record<string, { name: string; type: string; value: string; priority?: number }>;
  return sorted(Object.values(records).map((r) => `${r.name}/${r.type}/${r.value}#${r.priority ?? ""}`));
}

async function liveRows(emulator: LoggedEmulator, api: DomainsResellerClient, domain: string): Promise<{ admin: Row[]; signed: Row[] }> {
  return { admin: (await emulator.domain(domain)).dns as Row[], signed: await api.call("getDns", { domain }) };
}

export function dnsSlot(domain: string): Slot {
  return {
    kind: "dns",
    domain,
    failure: () => `DnsRecordSet ${domain}: update failed`,
    faultRoutes: ["POST /domains/{domain}/dns"],
    once: false,
    seed: async (emulator, owner) => {
      await emulator.admin("POST", "/domains", { owner, domain, dns: [...LEGACY_ROWS, { hostname: "app", type: "A", address: SEEDED_APP }] });
    },
    program: (cell) => `new DnsRecordSet("dns-zone", { domain: "${domain}", records: ${dnsRecords(cell)} });\n`,
    observe: async (state, emulator, api) => {
      const outputs = one(state, "DnsRecordSet", domain);
      const live = await liveRows(emulator, api, domain);
      return {
        state: { records: stateRecords(outputs), others: outputs?.unmanagedCount },
        admin: { records: owned(live.admin), others: others(live.admin).length },
        signed: { records: owned(live.signed), others: others(live.signed).length },
      };
    },
    untouched: async (emulator, api) => {
      const live = await liveRows(emulator, api, domain);
      return { seeded: sorted(LEGACY_ROWS.map(rowText)), admin: others(live.admin), signed: others(live.signed) };
    },
    ignoredSays: "the zone read back differs",
  };
}

// ---- Nameservers, lock, e-mail forwarding, ID protection ----------------------------------------

const LEGACY_NS = ["ns1.legacy.test", "ns2.legacy.test", "ns3.legacy.test"];

export function nameserversSlot(domain: string): Slot {
  const declared = (cell: number) => (cell < 0 ? LEGACY_NS : [`ns1.cell${cell}.test`, `ns2.cell${cell}.test`]);
  return {
    kind: "nameservers",
    domain,
    failure: () => `Nameservers ${domain}: update failed`,
    faultRoutes: ["POST /domains/{domain}/nameservers"],
    once: false,
    seed: async (emulator, owner) => {
      await emulator.admin("POST", "/domains", { owner, domain, nameservers: LEGACY_NS });
    },
    program: (cell) => `new Nameservers("nameservers", { domain: "${domain}", nameservers: ${JSON.stringify(declared(cell))} });\n`,
    observe: async (state, emulator, api) => ({
      state: sorted((one(state, "Nameservers", domain)?.nameservers ?? []) as string[]),
      admin: sorted((await emulator.domain(domain)).nameservers as string[]),
      signed: sorted(await api.call("getNameservers", { domain })),
    }),
    ignoredSays: `The registrar accepted the nameservers`,
  };
}

/** A boolean setting's next value: the opposite of what the state records, so every case writes (and a case run alone does too). */
const toggled = (state: StateResource[], kind: string, domain: string, field: string, initial: boolean, cell: number) => (cell < 0 ? initial : !(one(state, kind, domain)?.[field] ?? initial));

export function lockSlot(domain: string): Slot {
  return {
    kind: "lock",
    domain,
    failure: () => `RegistrarLock ${domain}: update failed`,
    faultRoutes: ["POST /domains/{domain}/lock"],
    once: false,
    seed: async (emulator, owner) => {
      await emulator.admin("POST", "/domains", { owner, domain, locked: true });
    },
    program: (cell, state) => `new RegistrarLock("lock", { domain: "${domain}", locked: ${toggled(state, "RegistrarLock", domain, "locked", true, cell)} });\n`,
    observe: async (state, emulator, api) => ({
      state: one(state, "RegistrarLock", domain)?.locked,
      admin: (await emulator.domain(domain)).locked,
      signed: (await api.call("getLock", { domain })) === "locked",
    }),
    ignoredSays: "The registrar accepted the request to",
  };
}

const LEGACY_FORWARDS = [
  { prefix: "legacy", forwardto: "old@example.net" },
  { prefix: "sales", forwardto: "sales@example.net" },
];

export function emailForwardingSlot(domain: string): Slot {
  const declared = (cell: number) =>
    cell < 0 ? LEGACY_FORWARDS.map((f) => ({ from: f.prefix, to: f.forwardto })) : [{ from: "info", to: `cell${cell}@example.org` }, { from: "sales", to: "sales@example.net" }];
  const text = (rows: { prefix: string; forwardto: string }[]) => sorted(rows.map((r) => `${r.prefix}>${r.forwardto}`));
  return {
    kind: "emailForwarding",
    domain,
    failure: () => `EmailForwarding ${domain}: update failed`,
    faultRoutes: ["POST /domains/{domain}/email"],
    once: false,
    seed: async (emulator, owner) => {
      await emulator.admin("POST", "/domains", { owner, domain, emailForwarding: LEGACY_FORWARDS });
    },
    program: (cell) => `new EmailForwarding("forwards", { domain: "${domain}", forwards: ${JSON.stringify(declared(cell))} });\n`,
    observe: async (state, emulator, api) => ({
      state: sorted(((one(state, "EmailForwarding", domain)?.forwards ?? []) as { from: string; to: string }[]).map((f) => `${f.from}>${f.to}`)),
      admin: text((await emulator.domain(domain)).emailForwarding as { prefix: string; forwardto: string }[]),
      signed: text(await api.call("getEmailForwarding", { domain })),
    }),
    ignoredSays: "The registrar accepted the forwarding list",
  };
}

export function idProtectionSlot(domain: string): Slot {
  return {
    kind: "idProtection",
    domain,
    failure: () => `IdProtection ${domain}: update failed`,
    faultRoutes: ["POST /domains/{domain}/protectid"],
    once: true,
    seed: async (emulator, owner) => {
      await emulator.admin("POST", "/domains", { owner, domain, idProtection: false });
    },
    program: (cell, state) => `new IdProtection("privacy", { domain: "${domain}", enabled: ${toggled(state, "IdProtection", domain, "enabled", false, cell)} });\n`,
    observe: async (state, emulator, api) => ({
      state: one(state, "IdProtection", domain)?.enabled,
      admin: (await emulator.domain(domain)).idProtection,
      signed: (await api.call("information", { domain })).idProtection,
    }),
    ignoredSays: "The registrar accepted turning ID protection",
  };
}

// ---- Contacts (Domain) ----------------------------------------------------------------------------

const contact = (first: string, last: string, email: string, address1: string, country: string) => ({
  "First Name": first,
  "Last Name": last,
  "Company Name": "",
  "Email Address": email,
  "Address 1": address1,
  "Address 2": "",
  City: "London",
  State: "London",
  Postcode: "SW1A 1AA",
  Country: country,
  "Phone Number": "+44.2071234567",
});
const SEEDED_REGISTRANT = contact("Ada", "Lovelace", "ada@example.org", "1 Main St", "GB");
/** The contacts the program never declares: a contact save must carry them over unchanged. */
const SEEDED_TECH = contact("Tech", "Person", "tech@legacy.example.net", "9 Side St", "GB");

export function contactsSlot(domain: string): Slot {
  const registrant = (cell: number) => {
    const email = cell < 0 ? SEEDED_REGISTRANT["Email Address"] : `ada+cell${cell}@example.org`;
    const address1 = cell < 0 ? SEEDED_REGISTRANT["Address 1"] : `${cell + 2} Main St`;
    return `{ firstName: "Ada", lastName: "Lovelace", email: "${email}", phone: "+44.2071234567", address1: "${address1}", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" }`;
  };
  const live = (sections: Record<string, Record<string, string>>) => ({ email: sections.Registrant?.["Email Address"], address1: sections.Registrant?.["Address 1"] });
  return {
    kind: "contacts",
    domain,
    failure: () => `Domain ${domain}: update failed`,
    faultRoutes: ["POST /domains/{domain}/contact"],
    once: true,
    seed: async (emulator, owner) => {
      await emulator.admin("POST", "/domains", { owner, domain, contacts: { Registrant: SEEDED_REGISTRANT, Technical: SEEDED_TECH, Admin: SEEDED_TECH, Billing: SEEDED_TECH } });
    },
    program: (cell) => `new Domain("contacts", { name: "${domain}", source: "adopt", contacts: { registrant: ${registrant(cell)} } });\n`,
    observe: async (state, emulator, api) => {
      const registrantState = ((one(state, "Domain", domain)?.contacts ?? {}) as Record<string, Record<string, string>>).registrant;
      return {
        state: { email: registrantState?.email, address1: registrantState?.address1 },
        admin: live((await emulator.domain(domain)).contacts as Record<string, Record<string, string>>),
        signed: live(await api.call("getContacts", { domain })),
      };
    },
    untouched: async (emulator, api) => ({
      seeded: SEEDED_TECH,
      admin: ((await emulator.domain(domain)).contacts as Record<string, unknown>).Technical,
      signed: (await api.call("getContacts", { domain })).Technical,
    }),
    ignoredSays: "the registrar accepted the contact change",
  };
}

// ---- Private nameservers (glue) -------------------------------------------------------------------

/** A glue record of the domain the program never declares: no register, modify or delete may touch it. */
const legacyGlue = (domain: string): Glue => ({ nameserver: `ns0.${domain}`, ipaddress: "192.0.2.250" });

/**
 * Glue as the state records it: `host=ip`, marked when the state says the outcome of the last
 * change is not confirmed (its answer was lost, and the API cannot list glue to check).
 */
function stateGlue(state: StateResource[], domain: string): string[] {
  return sorted(many(state, "PrivateNameserver", domain).map((r) => `${String(r.outputs.host)}=${String(r.outputs.ip)}${r.outputs.unconfirmed ? " (unconfirmed)" : ""}`));
}

async function liveGlue(emulator: LoggedEmulator, api: DomainsResellerClient, domain: string): Promise<Observed & { legacy: Glue[] }> {
  const all = (await emulator.domain(domain)).privateNameservers as Glue[];
  const legacy = legacyGlue(domain);
  // The signed API has no route that lists glue: all it can say is that the domain is there.
  const info = await api.call("information", { domain });
  return {
    state: undefined,
    admin: sorted(all.filter((g) => g.nameserver !== legacy.nameserver).map((g) => `${g.nameserver}=${g.ipaddress}`)),
    signed: undefined,
    legacy: all.filter((g) => g.nameserver === legacy.nameserver),
    ...(info.status === "Active" ? {} : { signed: `information says ${info.status}` }),
  };
}

function glueSlot(kind: "glueRegister" | "glueModify" | "glueDelete", domain: string, cells: number): Slot {
  // Resources are named after the kind and the host's label ("glueDelete-ns3"), so kinds can share a stack.
  const declare = (label: string, ip: string) => `new PrivateNameserver("${kind}-${label}", { domain: "${domain}", host: "${label}.${domain}", ip: "${ip}" });\n`;
  const recorded = (state: StateResource[]) => many(state, "PrivateNameserver", domain).map((r) => ({ name: String(r.outputs.host).split(".")[0]!, ip: String(r.outputs.ip) }));
  const program = (cell: number, state: StateResource[]): string => {
    switch (kind) {
      case "glueRegister": // every host registered so far, and this case's new one
        return [...recorded(state).filter((g) => g.name !== `ns${cell + 1}`), ...(cell < 0 ? [] : [{ name: `ns${cell + 1}`, ip: `192.0.2.${100 + cell}` }])].map((g) => declare(g.name, g.ip)).join("");
      case "glueModify": // one host, a new address each case
        return declare("ns1", cell < 0 ? "192.0.2.50" : `192.0.2.${51 + cell}`);
      case "glueDelete": // every case's host at set-up; each case removes its own
        return cell < 0
          ? Array.from({ length: cells }, (_, i) => declare(`ns${i + 1}`, `192.0.2.${150 + i}`)).join("")
          : recorded(state).filter((g) => g.name !== `ns${cell + 1}`).map((g) => declare(g.name, g.ip)).join("");
    }
  };
  const steps = { glueRegister: "create", glueModify: "update", glueDelete: "delete" } as const;
  const routes = { glueRegister: "register", glueModify: "modify", glueDelete: "delete" } as const;
  return {
    kind,
    domain,
    failure: () => `PrivateNameserver ${domain}: ${steps[kind]} failed`,
    faultRoutes: [`POST /domains/{domain}/nameservers/${routes[kind]}`],
    once: true,
    seed: async (emulator, owner) => {
      await emulator.admin("POST", "/domains", { owner, domain, privateNameservers: [legacyGlue(domain)] });
    },
    program,
    observe: async (state, emulator, api) => {
      const live = await liveGlue(emulator, api, domain);
      return { state: stateGlue(state, domain), admin: live.admin, signed: live.signed };
    },
    untouched: async (emulator, api) => ({ seeded: [legacyGlue(domain)], admin: (await liveGlue(emulator, api, domain)).legacy, signed: [legacyGlue(domain)] }),
    ignoredSays: undefined,
  };
}

export const glueRegisterSlot = (domain: string) => glueSlot("glueRegister", domain, 0);
export const glueModifySlot = (domain: string) => glueSlot("glueModify", domain, 0);
export const glueDeleteSlot = (domain: string, cells: number) => glueSlot("glueDelete", domain, cells);
/** The glue record a case of `kind` works on. */
export const glueHost = (domain: string, cell: number, kind: WriteKind) => `ns${kind === "glueModify" ? 1 : cell + 1}.${domain}`;

// ---- Release (Domain onDelete "release") ------------------------------------------------------------

export function releaseSlot(prefix: string, cells: number): Slot {
  const name = (cell: number) => `${prefix}-${cell}-e2e.com`;
  const keeper = `${prefix}-keep-e2e.com`;
  const all = Array.from({ length: cells }, (_, i) => name(i));
  const mine = (domain: string) => all.includes(domain);
  const declare = (domain: string) => `new Domain("${domain}", { name: "${domain}", source: "adopt", onDelete: "release", releaseTag: "NEW-REGISTRAR" });\n`;
  return {
    kind: "release",
    domain: name(0),
    failure: (cell) => `Domain ${name(cell)}: delete failed`,
    faultRoutes: ["POST /domains/{domain}/release"],
    once: true,
    seed: async (emulator, owner) => {
      for (const domain of [...all, keeper]) await emulator.admin("POST", "/domains", { owner, domain });
    },
    program: (cell, state) =>
      (cell < 0 ? all : many(state, "Domain", mine).map((r) => String(r.outputs.name)))
        .filter((domain) => cell < 0 || domain !== name(cell))
        .map(declare)
        .join(""),
    observe: async (state, emulator, api) => {
      const held: string[] = [];
      const signed: string[] = [];
      for (const domain of all) {
        if ((await emulator.domain(domain)).status === "Active") held.push(domain);
        if ((await api.call("information", { domain })).status === "Active") signed.push(domain);
      }
      return { state: sorted(many(state, "Domain", mine).map((r) => String(r.outputs.name))), admin: sorted(held), signed: sorted(signed) };
    },
    untouched: async (emulator, api) => ({ seeded: "Active", admin: (await emulator.domain(keeper)).status, signed: (await api.call("information", { domain: keeper })).status }),
    ignoredSays: "the registrar accepted the release",
  };
}
export const releaseName = (prefix: string, cell: number) => `${prefix}-${cell}-e2e.com`;

// ---- Refresh (reads) --------------------------------------------------------------------------------

export function refreshSlot(domain: string): Slot {
  const dns = dnsSlot(domain);
  return {
    kind: "refresh",
    domain,
    failure: () => `${domain}: read failed`,
    faultRoutes: ["GET /domains/{domain}/dns", "GET /domains/{domain}/nameservers", "GET /domains/{domain}/lock", "GET /domains/{domain}/email", "GET /domains/{domain}/information"],
    once: false,
    seed: async (emulator, owner) => {
      await emulator.admin("POST", "/domains", {
        owner,
        domain,
        dns: [...LEGACY_ROWS, { hostname: "app", type: "A", address: SEEDED_APP }],
        nameservers: LEGACY_NS,
        locked: true,
        emailForwarding: LEGACY_FORWARDS,
        idProtection: false,
      });
    },
    // The declared values are the seeded ones; each case changes them all out of band first.
    program: () =>
      `new DnsRecordSet("refresh-zone", { domain: "${domain}", records: ${dnsRecords(-1)} });\n` +
      `new Nameservers("refresh-nameservers", { domain: "${domain}", nameservers: ${JSON.stringify(LEGACY_NS)} });\n` +
      `new RegistrarLock("refresh-lock", { domain: "${domain}", locked: true });\n` +
      `new EmailForwarding("refresh-forwards", { domain: "${domain}", forwards: ${JSON.stringify(LEGACY_FORWARDS.map((f) => ({ from: f.prefix, to: f.forwardto })))} });\n` +
      `new IdProtection("refresh-privacy", { domain: "${domain}", enabled: false });\n`,
    drift: async (emulator, cell) => {
      const rows = ((await emulator.domain(domain)).dns as Row[]).map((r) => (r.hostname === "app" && r.type === "A" ? { ...r, address: `198.51.100.${10 + cell}` } : r));
      await emulator.drift(domain, {
        dns: rows,
        nameservers: [`ns1.drift${cell}.test`, `ns2.drift${cell}.test`],
        locked: false,
        emailForwarding: [{ prefix: "legacy", forwardto: `drift${cell}@example.net` }],
        idProtection: true,
      });
    },
    observe: async (state, emulator, api) => {
      const records = await dns.observe(state, emulator, api);
      const admin = await emulator.domain(domain);
      const forwards = (rows: { prefix: string; forwardto: string }[]) => sorted(rows.map((r) => `${r.prefix}>${r.forwardto}`));
      return {
        state: {
          dns: records.state,
          nameservers: sorted((one(state, "Nameservers", domain)?.nameservers ?? []) as string[]),
          locked: one(state, "RegistrarLock", domain)?.locked,
          forwards: sorted(((one(state, "EmailForwarding", domain)?.forwards ?? []) as { from: string; to: string }[]).map((f) => `${f.from}>${f.to}`)),
          idProtection: one(state, "IdProtection", domain)?.enabled,
        },
        admin: {
          dns: records.admin,
          nameservers: sorted(admin.nameservers as string[]),
          locked: admin.locked,
          forwards: forwards(admin.emailForwarding as { prefix: string; forwardto: string }[]),
          idProtection: admin.idProtection,
        },
        signed: {
          dns: records.signed,
          nameservers: sorted(await api.call("getNameservers", { domain })),
          locked: (await api.call("getLock", { domain })) === "locked",
          forwards: forwards(await api.call("getEmailForwarding", { domain })),
          idProtection: (await api.call("information", { domain })).idProtection,
        },
      };
    },
    untouched: (emulator, api) => dns.untouched!(emulator, api),
    ignoredSays: "does not have the documented shape",
  };
}
