// Concurrency on the real engine. The API saves a zone (and a delegation, a lock, a forwarding list)
// as one whole value, so two saves of one domain in flight together could undo each other.
//
// 1. One stack, many steps at once: 20 domains already in the account (with records the program
//    never declared), each with two merge DnsRecordSets of disjoint names (10 records and 1),
//    Nameservers, RegistrarLock, EmailForwarding and IdProtection. `up` at the engine's default
//    parallelism, then (every value changed) `up --parallel 32` with the client allowed 32
//    requests at once. The emulator's request log shows that no two saves of one zone overlapped
//    in time while writes of different domains did (so the check could have failed), every zone
//    holds every declared and every undeclared record, and the drift check passes.
// 2. Two stacks, one zone: two projects (two provider processes) with merge sets of different
//    names on one domain, saving at the same moment. The emulator's `hold` fault lets both saves
//    reach the server before either lands, each planned from the zone as it was, so the race
//    happens every time. The writer whose save landed first must fail naming another writer and
//    what to do; a second `up` converges with both sets' records. With RELIABILITY=1, also the
//    race no read-back can see (the earlier-planned save lands last): both `up`s succeed, and the
//    drift check of the stack that lost its record names it.
// Figures: docs/reliability.md ("Concurrency").
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, openAccount, startTestEmulator, type PulumiResult, type Project, type TestEmulator } from "./harness";
import type { RequestEntry, RequestLogView } from "../../emulator/request-log";
import { sleep } from "./interrupt";

const FULL = process.env.RELIABILITY === "1";
const FLEET = 20;
const UP = ["up", "--yes", "--non-interactive", "--skip-preview"];
const DRIFT_CHECK = ["preview", "--refresh", "--expect-no-changes", "--non-interactive"];
const DNS_ROUTE = "/domains/{domain}/dns";
/** The routes the fleet writes, each a whole value of one domain. */
const WRITE_ROUTES = [DNS_ROUTE, "/domains/{domain}/nameservers", "/domains/{domain}/lock", "/domains/{domain}/email", "/domains/{domain}/protectid"];
/**
 * How late each write answers in the fleet runs: a registrar's time, so that overlap would show.
 * The engine and the provider process (about half of each run's time here) pace how fast steps
 * start; at --parallel 32 a slower write keeps more of them in flight together.
 */
const WRITE_LATENCY_MS = { default: 200, parallel32: 1_000 };

interface Row {
  hostname: string;
  type: string;
  address: string;
  priority?: string | number;
}
const rowKey = (r: Row) => `${r.hostname}/${r.type}/${r.address}`;
const fleetName = (prefix: string, i: number) => `${prefix}-${String(i).padStart(2, "0")}.com`;

/** What the account holds before the program runs: none of it is declared, so all of it must stay. */
const seededRows = (i: number): Row[] => [
  { hostname: "@", type: "MX", address: "mail.keep.test", priority: 10 },
  { hostname: "keep", type: "A", address: `198.51.100.${i + 1}` },
  // Another type at a declared name: the set owns www/A only.
  { hostname: "www", type: "AAAA", address: `2001:db8::${i + 1}` },
  { hostname: "legacy", type: "TXT", address: `legacy-${i}` },
];

/** The two sets of domain `i` in `round` (1 or 2): 10 records, and 1. Round 2 changes one of each. */
const webRows = (i: number, round: number): Row[] => [
  { hostname: "www", type: "A", address: `192.0.2.${round === 1 ? i + 1 : i + 101}` },
  ...Array.from({ length: 9 }, (_, k) => ({ hostname: `svc${k}`, type: "TXT", address: `svc${k}-${i}` })),
];
const spfRows = (round: number): Row[] => [{ hostname: "@", type: "TXT", address: `v=spf1 include:_spf${round}.fleet.test -all` }];
const nameserversOf = (round: number) => [`ns1.round${round}.test`, `ns2.round${round}.test`];
const forwardOf = (i: number, round: number) => ({ prefix: "info", forwardto: `ops${round}-${i}@fleet.example` });

const fleetProgram = (prefix: string, round: number) => `
import { DnsRecordSet, EmailForwarding, IdProtection, Nameservers, RegistrarLock } from "pulumi-domainsreseller";
const round: number = ${round};
for (let i = 0; i < ${FLEET}; i++) {
  const domain = \`${prefix}-\${String(i).padStart(2, "0")}.com\`;
  new DnsRecordSet(\`web-\${i}\`, { domain, mode: "merge", records: [
    { name: "www", type: "A", value: \`192.0.2.\${round === 1 ? i + 1 : i + 101}\` },
    ...Array.from({ length: 9 }, (_, k) => ({ name: \`svc\${k}\`, type: "TXT" as const, value: \`svc\${k}-\${i}\` })),
  ] });
  new DnsRecordSet(\`spf-\${i}\`, { domain, mode: "merge", records: [{ name: "@", type: "TXT", value: \`v=spf1 include:_spf\${round}.fleet.test -all\` }] });
  new Nameservers(\`ns-\${i}\`, { domain, nameservers: [\`ns1.round\${round}.test\`, \`ns2.round\${round}.test\`] });
  new RegistrarLock(\`lock-\${i}\`, { domain, locked: round === 2 });
  new EmailForwarding(\`mail-\${i}\`, { domain, forwards: [{ from: "info", to: \`ops\${round}-\${i}@fleet.example\` }] });
  new IdProtection(\`privacy-\${i}\`, { domain, enabled: round === 1 });
}
`;

/** Pairs of requests in `list` whose times overlap (each pair once). */
function overlaps(list: readonly RequestEntry[]): [RequestEntry, RequestEntry][] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const pairs: [RequestEntry, RequestEntry][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < sorted[i]!.end!; j++) pairs.push([sorted[i]!, sorted[j]!]);
  }
  return pairs;
}

/** The requests of each domain, a list per domain. */
function byDomain(list: readonly RequestEntry[]): RequestEntry[][] {
  const groups = new Map<string | null, RequestEntry[]>();
  for (const r of list) groups.set(r.domain, [...(groups.get(r.domain) ?? []), r]);
  return [...groups.values()];
}

/** The most requests in flight at one moment, and the most distinct domains among them. */
function peak(list: readonly RequestEntry[]): { requests: number; domains: number } {
  const events = list.flatMap((r) => [
    { at: r.start, delta: 1, r },
    { at: r.end!, delta: -1, r },
  ]);
  // Ends before starts at one instant: touching is not overlapping.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const open = new Set<RequestEntry>();
  let requests = 0;
  let domains = 0;
  for (const e of events) {
    if (e.delta > 0) open.add(e.r);
    else open.delete(e.r);
    requests = Math.max(requests, open.size);
    domains = Math.max(domains, new Set([...open].map((r) => r.domain)).size);
  }
  return { requests, domains };
}

describe("concurrency", () => {
  let emulator: TestEmulator;
  const projects: Project[] = [];
  const figures: Record<string, unknown>[] = [];
  const email = "concurrency-e2e@example.com";
  const apiKey = `e2e-${randomBytes(18).toString("hex")}`;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await openAccount(emulator, { email, apiKey, credit: "10.00" });
  });
  afterAll(async () => {
    if (figures.length > 0) console.log(`concurrency:\n${figures.map((f) => JSON.stringify(f)).join("\n")}`);
    for (const project of projects) project.cleanup();
    await emulator?.close();
  });

  const requestLog = async () => (await emulator.admin("GET", "/requests")) as RequestLogView;
  const clearLog = () => emulator.admin("DELETE", "/requests");
  const live = async (domain: string) =>
    (await emulator.domain(domain)) as { dns: Row[]; nameservers: string[]; locked: boolean; emailForwarding: { prefix: string; forwardto: string }[]; idProtection: boolean };

  async function newProject(name: string, program: string): Promise<Project> {
    const project = createProject(name, program);
    projects.push(project);
    await configureStack(project, "dev", emulator);
    // The client's default pace (120 requests a minute per process) would make the fleet's ~1,000
    // requests last over eight minutes by itself; the limits under test are the engine's
    // parallelism, the client's concurrency (its default, 4) and the per-domain queue.
    await project.ok(["config", "set", "domainsreseller:requestsPerMinute", "100000"]);
    return project;
  }

  const timed = async (run: () => Promise<PulumiResult>): Promise<{ result: PulumiResult; seconds: number }> => {
    const began = Date.now();
    const result = await run();
    return { result, seconds: (Date.now() - began) / 1000 };
  };

  describe("one stack, 20 domains, six resources each", () => {
    const prefix = "conc";
    let project: Project;

    beforeAll(async () => {
      for (let i = 0; i < FLEET; i++) {
        await emulator.admin("POST", "/domains", { owner: email, domain: fleetName(prefix, i), dns: seededRows(i), locked: true, idProtection: false });
      }
      project = await newProject("concurrency-fleet", fleetProgram(prefix, 1));
    });

    async function expectConverged(round: number): Promise<void> {
      for (let i = 0; i < FLEET; i++) {
        const domain = await live(fleetName(prefix, i));
        expect(domain.dns.map(rowKey).sort(), fleetName(prefix, i)).toEqual([...seededRows(i), ...webRows(i, round), ...spfRows(round)].map(rowKey).sort());
        expect(domain.nameservers).toEqual(nameserversOf(round));
        expect(domain.locked).toBe(round === 2);
        expect(domain.emailForwarding).toEqual([forwardOf(i, round)]);
        expect(domain.idProtection).toBe(round === 1);
      }
    }

    /**
     * Runs `args`, then judges the request log of that run. Every write answers `latencyMs` late,
     * as a registrar's does: the emulator's own handlers take microseconds, and a save that short
     * could not be seen overlapping another even if the provider sent both at once.
     */
    async function applyAndJudge(name: string, args: string[], round: number, latencyMs: number): Promise<Record<string, unknown>> {
      for (const route of WRITE_ROUTES) await emulator.admin("POST", "/faults", { route: `POST ${route}`, kind: "latency", ms: latencyMs });
      await clearLog();
      const { result, seconds } = await timed(() => project.pulumi(args));
      await emulator.admin("DELETE", "/faults");
      const log = await requestLog();
      const writes = log.requests.filter((r) => r.method === "POST" && r.domain !== null);
      const dnsSaves = writes.filter((r) => r.route === DNS_ROUTE);
      const dnsOverlaps = byDomain(dnsSaves).flatMap(overlaps);
      const writeOverlaps = byDomain(writes).flatMap(overlaps);
      const inFlight = peak(log.requests);
      const figure = {
        case: name,
        upSeconds: seconds,
        requests: log.requests.length,
        byRoute: Object.fromEntries([...new Set(log.requests.map((r) => `${r.method} ${r.route}`))].sort().map((route) => [route, log.requests.filter((r) => `${r.method} ${r.route}` === route).length])),
        writes: writes.length,
        dnsSaves: dnsSaves.length,
        dnsSaveOverlapsOnOneDomain: dnsOverlaps.length,
        writeOverlapsOnOneDomain: writeOverlaps.length,
        peakRequestsInFlight: inFlight.requests,
        peakDomainsInFlight: inFlight.domains,
        driftCheckSeconds: 0,
      };
      figures.push(figure);
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      // Every request of the run is in the log and has ended: the judgement below sees all of them.
      expect(log.dropped).toBe(0);
      expect(log.requests.every((r) => r.end !== null)).toBe(true);
      // Two DNS saves per domain (one per set), none in flight beside another of its zone.
      expect(dnsSaves).toHaveLength(2 * FLEET);
      expect(dnsOverlaps.map(([a, b]) => `${a.domain}: #${a.id} and #${b.id}`)).toEqual([]);
      // The check above means something only if the run had writes of different domains in flight together.
      expect(peak(writes).domains).toBeGreaterThan(1);
      await expectConverged(round);
      const drift = await timed(() => project.pulumi(DRIFT_CHECK));
      figure.driftCheckSeconds = drift.seconds;
      expect(drift.result.code, `${drift.result.stdout}\n${drift.result.stderr}`).toBe(0);
      return figure;
    }

    it("up at the default parallelism: no two saves of one zone overlap, every record is there, the drift check passes", async () => {
      const figure = await applyAndJudge(`up (default parallelism 8), writes ${WRITE_LATENCY_MS.default} ms, 120 creates`, UP, 1, WRITE_LATENCY_MS.default);
      // Every write of a domain goes through the provider's per-domain queue, not only the DNS.
      expect(figure.writeOverlapsOnOneDomain).toBe(0);
    });

    it.skipIf(!FULL)("up --parallel 32 with every value changed, the client allowed 32 requests at once: the same holds", async () => {
      project.writeProgram(fleetProgram(prefix, 2));
      // At its default of 4 the client, not the engine, would bound what reaches the server together.
      await project.ok(["config", "set", "domainsreseller:maxConcurrency", "32"]);
      const figure = await applyAndJudge(`up --parallel 32, maxConcurrency 32, writes ${WRITE_LATENCY_MS.parallel32} ms, 120 updates`, [...UP, "--parallel", "32"], 2, WRITE_LATENCY_MS.parallel32);
      expect(figure.writeOverlapsOnOneDomain).toBe(0);
      // Far more at once than the client's default allows: the engine's parallelism reached the server.
      expect(figure.peakDomainsInFlight).toBeGreaterThan(4);
    });
  });

  describe("two stacks, one zone", () => {
    const SAVE = `POST ${DNS_ROUTE}`;

    const setProgram = (domain: string, name: string, value: string) => `
import { DnsRecordSet } from "pulumi-domainsreseller";
new DnsRecordSet("${name}", { domain: "${domain}", mode: "merge", records: [{ name: "${name}", type: "TXT", value: "${value}" }] });
`;

    /** Two projects with a merge set each on `domain`, disjoint names; and the zone seeded with records neither declares. */
    async function twoStacks(domain: string): Promise<{ a: Project; b: Project; seeded: Row[] }> {
      const seeded: Row[] = [
        { hostname: "@", type: "A", address: "192.0.2.10" },
        { hostname: "@", type: "MX", address: "mail.keep.test", priority: 10 },
      ];
      await emulator.admin("POST", "/domains", { owner: email, domain, dns: seeded });
      const a = await newProject("concurrency-team-a", setProgram(domain, "team-a", "owned-by-a"));
      const b = await newProject("concurrency-team-b", setProgram(domain, "team-b", "owned-by-b"));
      return { a, b, seeded };
    }
    const RECORD_A = "team-a/TXT/owned-by-a";
    const RECORD_B = "team-b/TXT/owned-by-b";

    it("saves planned together: the one that landed first fails naming another writer, and the next up converges", async () => {
      const domain = "shared-zone.com";
      const { a, b, seeded } = await twoStacks(domain);
      // Each save waits at the server until the other has arrived, so each was planned from the
      // zone before either landed; then both run back to back, in arrival order.
      await emulator.admin("POST", "/faults", { route: SAVE, kind: "hold", count: 2, ms: 120_000, times: 2 });
      await clearLog();
      const began = Date.now();
      const [ra, rb] = await Promise.all([a.pulumi(UP), b.pulumi(UP)]);
      const raceSeconds = (Date.now() - began) / 1000;
      await emulator.admin("DELETE", "/faults");

      const saves = (await requestLog()).requests.filter((r) => r.method === "POST" && r.route === DNS_ROUTE);
      expect(saves).toHaveLength(2);
      expect(overlaps(saves)).toHaveLength(1); // the race was real: both saves were in flight together
      const outcomes = [
        { project: a, result: ra, own: RECORD_A, other: RECORD_B },
        { project: b, result: rb, own: RECORD_B, other: RECORD_A },
      ];
      const failed = outcomes.filter((o) => o.result.code !== 0);
      expect(failed, `${ra.stdout}\n${ra.stderr}\n${rb.stdout}\n${rb.stderr}`).toHaveLength(1);
      const [loser] = failed;
      const winner = outcomes.find((o) => o !== loser)!;
      const said = `${loser!.result.stdout}\n${loser!.result.stderr}`;
      expect(said).toContain(`The registrar accepted the DNS save for ${domain} but the zone read back differs (missing ${loser!.own})`);
      expect(said).toContain(`records this save did not write: ${winner.own}`);
      expect(said).toContain(`The likely cause is another writer (another Pulumi stack with a DnsRecordSet on ${domain}, or someone in the registrar's panel) saving the zone at the same time`);
      expect(said).toContain("Run `pulumi up` again");
      expect(said).toContain(`Do not run two stacks that manage the DNS of ${domain} at the same time.`);
      // Lost for now, never silently: the zone has the winner's record and not the loser's.
      const afterRace = (await live(domain)).dns.map(rowKey);
      expect(afterRace.sort()).toEqual([...seeded.map(rowKey), winner.own].sort());

      const again = await timed(() => loser!.project.pulumi(UP));
      expect(again.result.code, again.result.stdout + again.result.stderr).toBe(0);
      expect((await live(domain)).dns.map(rowKey).sort()).toEqual([...seeded.map(rowKey), RECORD_A, RECORD_B].sort());
      for (const project of [a, b]) {
        const check = await project.pulumi(DRIFT_CHECK);
        expect(check.code, check.stdout + check.stderr).toBe(0);
      }
      figures.push({ case: "two stacks, saves planned together", raceSeconds, failed: loser!.own, secondUpSeconds: again.seconds, converged: true });
    });

    it.skipIf(!FULL)("a save planned earlier and landing last: both ups succeed, and the drift check of the stack that lost its record names it", async () => {
      const domain = "shared-zone.net";
      const { a, b, seeded } = await twoStacks(domain);
      // A's save is held at the server until the test lets it go; B runs a whole `up` meanwhile.
      await emulator.admin("POST", "/faults", { route: SAVE, kind: "hold", ms: 120_000, times: 1 });
      await clearLog();
      const upA = a.pulumi(UP);
      for (let waited = 0; !(await requestLog()).requests.some((r) => r.method === "POST" && r.domain === domain && r.end === null); waited += 100) {
        if (waited > 120_000) throw new Error("stack A's save never reached the emulator");
        await sleep(100);
      }
      const rb = await b.pulumi(UP);
      expect(rb.code, rb.stdout + rb.stderr).toBe(0);
      await emulator.admin("DELETE", "/faults"); // A's save lands now, built on the zone before B's
      const ra = await upA;
      expect(ra.code, ra.stdout + ra.stderr).toBe(0);
      // Neither read-back could see it: A's shows exactly what A saved, B's came before A's save.
      expect(`${ra.stdout}${ra.stderr}${rb.stdout}${rb.stderr}`).not.toContain("another writer");
      expect((await live(domain)).dns.map(rowKey).sort()).toEqual([...seeded.map(rowKey), RECORD_A].sort());

      const checkB = await b.pulumi([...DRIFT_CHECK, "--diff"]);
      expect(checkB.code).not.toBe(0);
      expect(checkB.stdout).toContain(RECORD_B);
      const checkA = await a.pulumi(DRIFT_CHECK);
      expect(checkA.code, checkA.stdout + checkA.stderr).toBe(0);
      await b.ok([...UP, "--refresh"]);
      expect((await live(domain)).dns.map(rowKey).sort()).toEqual([...seeded.map(rowKey), RECORD_A, RECORD_B].sort());
      for (const project of [a, b]) {
        const check = await project.pulumi(DRIFT_CHECK);
        expect(check.code, check.stdout + check.stderr).toBe(0);
      }
      figures.push({ case: "two stacks, the earlier-planned save lands last", bothUpsSucceeded: true, lostUntilDriftCheck: RECORD_B });
    });
  });
});
