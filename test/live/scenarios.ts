// The contract scenarios: what this project believes about the Domains Reseller API, asked of a
// server through the product's own client. The same code runs against a fresh emulator in every
// `npm test` (so a scenario that is wrong fails there first) and, opt-in, against a real account
// (so an emulator that is wrong shows up as a failure a user can report).
//
// Each scenario checks the typed result the client built (the client has already refused a body
// without the documented shape) for the fields the product relies on, reading them the way the
// product does (fromWire for DNS, sameNameservers for nameservers, isGoneStatus for statuses).
// Read-only scenarios change nothing; write scenarios change only the test domain and put back
// what they changed in a `finally`, confirming it by reading again.
import { randomBytes } from "node:crypto";
import { DomainsResellerError, type RouteName, type RouteResult } from "../../provider/client";
import { fromWire, fromWireRow } from "../../provider/model/dns";
import { sameNameservers } from "../../provider/model/nameservers";
import { isGoneStatus } from "../../provider/runtime/gone";
import type { ContractClient } from "./guard";
import { classifyUnknownDomain, describeUnknownDomain, type UnknownDomainAnswer } from "./report";

export interface ContractContext {
  client: ContractClient;
  /** Findings worth a line in the run's summary (what the server answered where the API is unclear). */
  note(line: string): void;
  /** How long a write may take to show in a read: once on the emulator, a while on a real registrar. */
  settle: { attempts: number; delayMs: number };
}

export interface Scenario {
  name: string;
  /** Every route the scenario sends, for its failure report. */
  routes: readonly RouteName[];
  run(ctx: ContractContext): Promise<void>;
}

/** The TXT record the DNS write scenario adds and removes; nothing else in a zone is ever named so. */
export const CONTRACT_RECORD = "_domainsreseller-contract";

const AMOUNT = /^-?\d+(\.\d+)?$/;
const TLD = /^\.[a-z0-9-]+(\.[a-z0-9-]+)*$/;
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

// Plain checks rather than expect(): a scenario module is not a test file, and these messages end
// up in a pasted report, so each says what was expected and what came.
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const show = (value: unknown) => JSON.stringify(value);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Re-reads until `probe` holds: a registrar may show a write a little later than it acknowledged it. */
async function eventually(ctx: ContractContext, what: string, probe: () => Promise<{ ok: boolean; seen: string }>): Promise<void> {
  let seen = "";
  for (let attempt = 1; attempt <= ctx.settle.attempts; attempt++) {
    const result = await probe();
    if (result.ok) return;
    seen = result.seen;
    if (attempt < ctx.settle.attempts) await sleep(ctx.settle.delayMs);
  }
  throw new Error(`${what}: not seen after ${ctx.settle.attempts} read(s); last read: ${seen}`);
}

/**
 * Runs `change`, then always `restore`. When both fail, both are reported: the restore failure is
 * the one a user must act on, and the change failure is why the run failed in the first place.
 */
async function withRestore(change: () => Promise<void>, restore: () => Promise<void>): Promise<void> {
  let failure: unknown;
  try {
    await change();
  } catch (error) {
    failure = error;
  }
  try {
    await restore();
  } catch (error) {
    const first = failure === undefined ? "" : ` (after the change itself failed: ${failure instanceof Error ? failure.message : String(failure)})`;
    throw new Error(`RESTORE FAILED, check the test domain by hand: ${error instanceof Error ? error.message : String(error)}${first}`);
  }
  if (failure !== undefined) throw failure;
}

/**
 * Puts the original state back: saves it, then reads until it shows. A save that fails still ends
 * in that read, since a server that refused the change may refuse the same save for the same
 * reason (a TLD without a registrar lock): when the read shows the original state, nothing is
 * left to restore. The save is always sent, never skipped on a read that already looks restored:
 * a change that has not shown yet may still show later.
 */
async function restoreTo(ctx: ContractContext, what: string, save: () => Promise<unknown>, shows: () => Promise<{ ok: boolean; seen: string }>): Promise<void> {
  let refused: unknown;
  try {
    await save();
  } catch (error) {
    refused = error;
  }
  try {
    await eventually(ctx, what, shows);
  } catch (error) {
    throw refused ?? error;
  }
}

/** The longest TLD in the reseller's list that ends the name (".co.uk" before ".uk"), else its last label. */
export function tldOf(domain: string, tlds: readonly string[]): string {
  const matching = tlds.filter((tld) => domain.endsWith(tld)).sort((a, b) => b.length - a.length);
  return matching[0] ?? domain.slice(domain.lastIndexOf("."));
}

async function testTld(ctx: ContractContext): Promise<string> {
  return tldOf(ctx.client.testDomain, await ctx.client.call("tlds", {}));
}

function checkDate(value: string | null | undefined, field: string): void {
  check(value !== null && value !== undefined && !Number.isNaN(Date.parse(value)), `${field} must be a date the product can read, got ${show(value)}`);
}

/** The unknown-domain probe, exported so the emulator test can run it under each answer it can give. */
export async function probeUnknownDomain(ctx: ContractContext): Promise<UnknownDomainAnswer> {
  // A random label under the test domain's TLD: a name no account holds, so every server must say so its own way.
  const name = `domainsreseller-contract-${randomBytes(6).toString("hex")}${await testTld(ctx)}`;
  let answer: UnknownDomainAnswer;
  try {
    await ctx.client.call("information", { domain: name });
    answer = classifyUnknownDomain(name, { ok: true });
  } catch (error) {
    // No HTTP answer at all (network, guard) is not an answer about the domain: let it fail the run.
    if (!(error instanceof DomainsResellerError) || error.status === undefined) throw error;
    answer = classifyUnknownDomain(name, { ok: false, error });
  }
  ctx.note(describeUnknownDomain(answer));
  return answer;
}

type Dns = RouteResult<"getDns">;
const rowKey = (r: Dns[number]) => `${r.hostname}|${r.type}|${r.address}|${r.priority}`;
/** The same rows, recids aside (a save may renumber them), as a multiset. */
const sameRows = (a: Dns, b: Dns) => show(a.map(rowKey).sort()) === show(b.map(rowKey).sort());
const describeRows = (rows: Dns) => show(rows.map(rowKey));

function isContractRow(row: Dns[number], domain: string): boolean {
  const live = fromWireRow(row, domain);
  return live.record !== undefined && live.record.type === "TXT" && live.record.name === CONTRACT_RECORD;
}

const asParams = (row: Dns[number]) => ({ hostname: row.hostname, type: row.type, address: row.address, priority: row.priority, ...(row.recid !== undefined ? { recid: row.recid } : {}) });

export const readScenarios: readonly Scenario[] = [
  {
    name: "credit balance",
    routes: ["credits"],
    async run({ client }) {
      const balance = await client.call("credits", {});
      check(AMOUNT.test(balance), `GET /billing/credits must be an amount such as "150.50" (the product compares it with prices), got ${show(balance)}`);
    },
  },
  {
    name: "TLD list",
    routes: ["tlds"],
    async run({ client, note }) {
      const tlds = await client.call("tlds", {});
      check(tlds.length > 0, "GET /tlds must list at least one TLD");
      const bad = tlds.filter((t) => !TLD.test(t));
      check(bad.length === 0, `every TLD must read as ".com"-style, got ${show(bad)}`);
      // What the reseller sells is the account's business, not the API's: noted, not failed.
      if (!tlds.some((t) => client.testDomain.endsWith(t))) note(`TLD list: ${tlds.length} TLD(s), none of them the test domain's`);
    },
  },
  {
    name: "TLD price list",
    routes: ["tlds", "tldPricing"],
    async run(ctx) {
      const tld = await testTld(ctx);
      const rows = await ctx.client.call("tldPricing", {});
      check(rows.length > 0, "GET /tlds/pricing must have at least one row");
      // The test domain's TLD is the row the product would quote from; any row shows the shape when it is not sold.
      const row = rows.find((r) => r.tld === tld) ?? rows[0]!;
      if (row.tld !== tld) ctx.note(`TLD price list: no row for ${tld}; checked ${row.tld} instead`);
      for (const field of ["registrationPrice", "renewalPrice", "transferPrice"] as const) check(AMOUNT.test(row[field]), `${row.tld} ${field} must be an amount, got ${show(row[field])}`);
      check(/^[A-Z]{3}$/.test(row.currencyCode), `${row.tld} currencyCode must be a currency code such as "USD", got ${show(row.currencyCode)}`);
      check(row.years.every((y) => Number.isInteger(y) && y >= 1 && y <= 10), `${row.tld} years must be whole years 1-10, got ${show(row.years)}`);
    },
  },
  {
    name: "cart pricing: register, transfer, renew",
    routes: ["orderPricing"],
    async run({ client }) {
      // A quote only: GET /order/pricing/domains/{type} orders nothing.
      for (const type of ["register", "transfer", "renew"] as const) {
        const prices = await client.call("orderPricing", { type, domain: client.testDomain });
        check(prices.length > 0, `${type} pricing for ${client.testDomain} must list at least one period, got none`);
        check(prices.every((p) => p.years >= 1 && p.years <= 10 && AMOUNT.test(p.price)), `${type} pricing must map years 1-10 to amounts, got ${show(prices)}`);
      }
    },
  },
  {
    name: "domain information",
    routes: ["information"],
    async run({ client, note }) {
      const info = await client.call("information", { domain: client.testDomain });
      check(info.domain === null || info.domain === client.testDomain, `information.domain must be the test domain ${client.testDomain}, got ${show(info.domain)}`);
      checkDate(info.expiryDate, "information.expiryDate");
      check(info.status !== null && info.status !== undefined, "information must carry status or registrationStatus (the product decides a domain left the account from it)");
      check(!isGoneStatus(info), `the test domain must be held by the account, but information says ${show(info.status)} (restorable ${show(info.restorable)})`);
      const badHosts = info.nameservers.filter((h) => !HOST.test(h.toLowerCase().replace(/\.$/, "")));
      check(badHosts.length === 0, `information.nameservers must be host names, got ${show(badHosts)}`);
      note(`information: status ${show(info.status)}, transferLock ${show(info.transferLock)}, nameservers ${info.nameservers.length > 0 ? "listed" : "not listed"}, add-ons dns ${show(info.dnsManagement)} / email ${show(info.emailForwarding)} / idprotect ${show(info.idProtection)}`);
    },
  },
  {
    name: "DNS records",
    routes: ["getDns"],
    async run({ client, note }) {
      const rows = await client.call("getDns", { domain: client.testDomain });
      for (const row of rows) check(row.type !== "" && row.address !== "" && row.priority !== "", `every DNS row must have type, address and priority, got ${show(row)}`);
      const recids = rows.flatMap((r) => (r.recid !== undefined ? [r.recid] : []));
      check(new Set(recids).size === recids.length, `recids must be unique (the product matches rows by them), got ${show(recids)}`);
      // Rows the product cannot read as records are kept and written back verbatim: not a failure, but worth knowing.
      const opaque = fromWire(rows, client.testDomain).flatMap((live) => (live.record === undefined ? [`${rowKey(live.row)} (${live.opaque})`] : []));
      note(`DNS: ${rows.length} row(s)${opaque.length > 0 ? `; kept verbatim by the product: ${opaque.join("; ")}` : ""}`);
    },
  },
  {
    name: "nameservers",
    routes: ["getNameservers", "information"],
    async run({ client }) {
      const hosts = await client.call("getNameservers", { domain: client.testDomain });
      check(hosts.length >= 1 && hosts.length <= 5, `GET nameservers must give 1 to 5 hosts, got ${show(hosts)}`);
      const bad = hosts.filter((h) => !HOST.test(h.toLowerCase().replace(/\.$/, "")));
      check(bad.length === 0, `nameservers must be host names, got ${show(bad)}`);
      const info = await client.call("information", { domain: client.testDomain });
      // Two routes that describe the same delegation: when both speak, they must agree, or a resource would flap.
      if (info.nameservers.length > 0) check(sameNameservers(hosts, info.nameservers), `GET nameservers ${show(hosts)} and information.nameservers ${show(info.nameservers)} disagree`);
    },
  },
  {
    name: "registrar lock",
    routes: ["getLock", "information"],
    async run({ client }) {
      const lock = await client.call("getLock", { domain: client.testDomain });
      const info = await client.call("information", { domain: client.testDomain });
      if (info.transferLock !== undefined) check(info.transferLock === (lock === "locked"), `GET lock says ${show(lock)} but information.transferLock says ${show(info.transferLock)}`);
    },
  },
  {
    name: "e-mail forwarding (when the add-on is on)",
    routes: ["information", "getEmailForwarding"],
    async run({ client, note }) {
      const info = await client.call("information", { domain: client.testDomain });
      if (info.emailForwarding !== true) {
        note(`e-mail forwarding: not read (information.emailForwardingStatus is ${show(info.emailForwarding)}, not on)`);
        return;
      }
      const forwards = await client.call("getEmailForwarding", { domain: client.testDomain });
      const bad = forwards.filter((f) => f.prefix.trim() === "" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.forwardto));
      check(bad.length === 0, `every forward must have a prefix and an e-mail target, got ${show(bad)}`);
      note(`e-mail forwarding: ${forwards.length} forward(s)`);
    },
  },
  {
    name: "registry sync",
    routes: ["sync", "information"],
    async run({ client, note }) {
      const synced = await client.call("sync", { domain: client.testDomain });
      checkDate(synced.expiryDate, "sync.expirydate");
      check(synced.transferredAway !== true && synced.cancelled !== true, `sync says the test domain left the account (${show(synced)})`);
      const info = await client.call("information", { domain: client.testDomain });
      // The registry's date and the account's may differ for a while (a renewal showing late); noted, not failed.
      if (info.expiryDate !== null && synced.expiryDate !== null && info.expiryDate.slice(0, 10) !== synced.expiryDate.slice(0, 10)) {
        note(`sync: expirydate ${synced.expiryDate} differs from information.expiryDate ${info.expiryDate}`);
      }
    },
  },
  {
    name: "unknown domain",
    routes: ["tlds", "information"],
    async run(ctx) {
      const answer = await probeUnknownDomain(ctx);
      check(answer.kind !== "200-as-if-held", `information of ${answer.name}, a name no account holds, answered as if the account held it`);
    },
  },
];

export const writeScenarios: readonly Scenario[] = [
  {
    name: `DNS: add and remove the TXT record ${CONTRACT_RECORD}`,
    routes: ["getDns", "saveDns"],
    async run(ctx) {
      const { client } = ctx;
      const domain = client.testDomain;
      const read = () => client.call("getDns", { domain });
      // A save replaces the whole zone: build it only on a read confirmed by a second one, so a
      // glitching read can never become the zone.
      const [first, second] = [await read(), await read()];
      check(sameRows(first, second), `two reads of the zone disagreed (${first.length} rows, then ${second.length}); nothing was saved`);
      const baseline = first.filter((row) => !isContractRow(row, domain));
      if (baseline.length !== first.length) ctx.note(`DNS: removed ${first.length - baseline.length} ${CONTRACT_RECORD} record(s) left by an earlier interrupted run`);
      const value = `domainsreseller contract ${new Date().toISOString()}`;
      const hasOurs = (rows: Dns) => rows.some((row) => isContractRow(row, domain) && fromWireRow(row, domain).record?.value === value);
      await withRestore(
        async () => {
          await client.call("saveDns", { domain, dnsrecords: [...baseline.map(asParams), { hostname: CONTRACT_RECORD, type: "TXT", address: value }] });
          await eventually(ctx, `the TXT record ${CONTRACT_RECORD} after saving it`, async () => {
            const rows = await read();
            return { ok: hasOurs(rows) && sameRows(rows.filter((r) => !isContractRow(r, domain)), baseline), seen: describeRows(rows) };
          });
        },
        () =>
          restoreTo(ctx, `the zone as it was, without ${CONTRACT_RECORD}`, () => client.call("saveDns", { domain, dnsrecords: baseline.map(asParams) }), async () => {
            const rows = await read();
            return { ok: sameRows(rows, baseline), seen: describeRows(rows) };
          }),
      );
    },
  },
  {
    name: "registrar lock: toggle and put back",
    routes: ["getLock", "saveLock"],
    async run(ctx) {
      const { client } = ctx;
      const domain = client.testDomain;
      const before = await client.call("getLock", { domain });
      const flipped = before === "locked" ? "unlocked" : "locked";
      const becomes = (want: string) => async () => {
        const now = await client.call("getLock", { domain });
        return { ok: now === want, seen: show(now) };
      };
      await withRestore(
        async () => {
          await client.call("saveLock", { domain, lockstatus: flipped });
          await eventually(ctx, `the lock ${flipped} after saving it`, becomes(flipped));
        },
        () => restoreTo(ctx, `the lock back to ${before}`, () => client.call("saveLock", { domain, lockstatus: before }), becomes(before)),
      );
    },
  },
  {
    name: "nameservers: save the same list",
    routes: ["getNameservers", "saveNameservers"],
    async run(ctx) {
      const { client } = ctx;
      const domain = client.testDomain;
      const before = await client.call("getNameservers", { domain });
      check(before.length >= 2 && before.length <= 5, `the save needs ns1 and ns2 (at most ns5), but the domain has ${show(before)}; nothing was saved`);
      const params = { domain, ...Object.fromEntries(before.map((host, i) => [`ns${i + 1}`, host])) } as { domain: string; ns1: string; ns2: string };
      const unchanged = async () => {
        const now = await client.call("getNameservers", { domain });
        return { ok: sameNameservers(now, before), seen: show(now) };
      };
      await withRestore(
        async () => {
          await client.call("saveNameservers", params);
          await eventually(ctx, "the same nameservers after saving them", unchanged);
        },
        async () => {
          // The change saved the same list, so it cannot show late: only a list that reads
          // differently now (a server that reordered or rewrote it) is saved again.
          if ((await unchanged()).ok) return;
          await restoreTo(ctx, `the nameservers back to ${show(before)}`, () => client.call("saveNameservers", params), unchanged);
        },
      );
    },
  },
];
