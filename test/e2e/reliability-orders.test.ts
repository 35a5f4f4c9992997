// The order fault matrix on the real engine: for register, transfer and renew, the order route fails in each
// way that loses the answer of an order the server did process (a reset, a hang or a slow answer
// past the client timeout, a proxy's 502), then a second `up` runs. Each case proves: the order
// route was called exactly once, the ledger has exactly one line for the domain, and the state
// matches the account (status, expiry). Slow (two to three engine runs per case), so it runs only
// with RELIABILITY=1: `npm run reliability`. Figures and what each case proves: docs/reliability.md.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureStack, createProject, openAccount, startTestEmulator, type Project, type TestEmulator } from "./harness";

/** The client gives up on an answer after this long (stack config), so the timeouts are quick. */
const CLIENT_TIMEOUT_MS = 3_000;
/** Past the client timeout: the answer comes (or the socket closes) only after the client gave up. */
const SLOW_MS = 7_000;

type OrderKind = "register" | "transfer" | "renew";
const ROUTE: Record<OrderKind, string> = { register: "POST /order/domains/register", transfer: "POST /order/domains/transfer", renew: "POST /order/domains/renew" };
/** The EPP code of every transfer case: in stack config as a secret, and never in any file or output. */
const EPP = `Epp-${Math.random().toString(36).slice(2, 10)}`;

interface Fault {
  name: string;
  /** The fault body for POST /__admin/faults, without its route. */
  body: Record<string, unknown>;
  /** Whether the server has committed the order by the time the client gives up. */
  committedBeforeClientGivesUp: boolean;
}

const FAULTS: Fault[] = [
  { name: "resetAfter", body: { kind: "resetAfter", times: 1 }, committedBeforeClientGivesUp: true },
  { name: `hangAfter ${SLOW_MS} ms`, body: { kind: "hangAfter", ms: SLOW_MS, times: 1 }, committedBeforeClientGivesUp: true },
  { name: `latency ${SLOW_MS} ms`, body: { kind: "latency", ms: SLOW_MS, times: 1 }, committedBeforeClientGivesUp: false },
  { name: "statusAfter 502", body: { kind: "statusAfter", status: 502, times: 1 }, committedBeforeClientGivesUp: true },
];

const REGISTRANT = `{ firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", phone: "+44.2071234567", address1: "1 Main St", city: "London", state: "London", postcode: "SW1A 1AA", country: "GB" }`;

const program = (kind: OrderKind, name: string) => `
import * as pulumi from "@pulumi/pulumi";
import { Domain } from "pulumi-domainsreseller";
const domain = new Domain("order", ${
  kind === "renew"
    ? `{ name: "${name}", source: "adopt", renewal: { minDaysRemaining: 30, years: 1 }, maxPrice: 20 }`
    : `{ name: "${name}", source: "${kind}", years: 1, ${kind === "transfer" ? 'eppCode: new pulumi.Config().requireSecret("eppCode"), ' : ""}nameservers: ["ns1.host.test", "ns2.host.test"], contacts: { registrant: ${REGISTRANT} }, maxPrice: 20 }`
});
export const status = domain.status;
export const expiryDate = domain.expiryDate;
export const lastQuote = domain.lastQuote;
`;

/** 340 days on: a domain seeded with a year to run then has 25 days left, inside minDaysRemaining (30). */
const RENEWAL_DUE_OFFSET_SECONDS = 340 * 86_400;

interface Figure {
  kind: OrderKind;
  fault: string;
  firstUp: "failed" | "succeeded";
  firstUpSeconds: number;
  secondUpSeconds: number;
  orderCalls: number;
  ledgerLines: number;
}

describe.skipIf(!process.env.RELIABILITY)("order faults: each order sent once, a lost answer settled by reading the account", () => {
  let emulator: TestEmulator;
  const projects: Project[] = [];
  const figures: Figure[] = [];
  const email = "reliability-e2e@example.com";
  const apiKey = `e2e-${randomBytes(18).toString("hex")}`;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await openAccount(emulator, { email, apiKey, credit: "500.00" });
  });

  afterAll(async () => {
    for (const project of projects) project.cleanup();
    await emulator?.admin("POST", "/clock", { offsetSeconds: 0 }).catch(() => undefined);
    await emulator?.close();
    if (figures.length > 0) {
      const rows = figures.map((f) => `| ${f.kind} | ${f.fault} | ${f.firstUp} | ${f.firstUpSeconds.toFixed(1)} s | ${f.secondUpSeconds.toFixed(1)} s | ${f.orderCalls} | ${f.ledgerLines} |`);
      console.log(["| order | fault | first up | first up | second up | order calls | ledger lines |", "|---|---|---|---|---|---|---|", ...rows].join("\n"));
    }
  });

  const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const start = performance.now();
    const result = await run();
    return [result, (performance.now() - start) / 1000];
  };

  /** Resolves once the ledger has `count` lines for `domain` (a slow server commits after the client gave up). */
  const ledgerReaches = async (domain: string, count: number) => {
    const deadline = Date.now() + SLOW_MS + 10_000;
    for (;;) {
      const lines = (await emulator.ledger()).filter((e) => e.domain === domain);
      if (lines.length >= count || Date.now() > deadline) return lines;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  const cases = (["register", "transfer", "renew"] as const).flatMap((kind) => FAULTS.map((fault, i) => ({ kind, fault, name: `${kind}-fault-${i + 1}-e2e.com` })));

  /** A stack for one case; for a renewal, the domain adopted with a year to run and then the clock moved so it is due. */
  async function caseStack(kind: OrderKind, name: string): Promise<{ project: Project; up: string[] }> {
    const project = createProject(`reliability-${kind}`, program(kind, name));
    projects.push(project);
    await configureStack(project, "dev", emulator);
    await project.ok(["config", "set", "domainsreseller:requestTimeoutMs", String(CLIENT_TIMEOUT_MS)]);
    if (kind === "transfer") await project.ok(["config", "set", "--secret", "eppCode"], { stdin: EPP });
    if (kind === "renew") {
      await emulator.admin("POST", "/domains", { owner: email, domain: name }); // a year to run
      await project.ok(["up", "--yes", "--non-interactive", "--skip-preview"]); // adopted; not due yet
      await emulator.admin("POST", "/clock", { offsetSeconds: RENEWAL_DUE_OFFSET_SECONDS });
    }
    // A renewal is due only on what a refresh shows.
    return { project, up: kind !== "renew" ? ["up", "--yes", "--non-interactive", "--skip-preview"] : ["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"] };
  }

  it.each(cases)("$kind with $fault.name on the order route", async ({ kind, fault, name }) => {
    const { project, up } = await caseStack(kind, name);
    try {
      const expiryBefore = kind === "renew" ? ((await emulator.domain(name)).expiryDate as string) : undefined;
      await emulator.resetCounters();
      await emulator.admin("POST", "/faults", { route: ROUTE[kind], ...fault.body });
      const [first, firstUpSeconds] = await timed(() => project.pulumi(up));
      await emulator.admin("DELETE", "/faults");
      const printed = first.stdout + first.stderr;

      if (fault.committedBeforeClientGivesUp) {
        // The account shows the order at once: a register is recorded (the step fails so the lost
        // answer is seen); a renewal's moved expiry proves it, and the update completes.
        if (kind !== "renew") {
          expect(first.code, printed).not.toBe(0);
          expect(printed).toContain(`the ${kind} answer was lost; the account shows ${name}, so it is recorded as created (charged once)`);
        } else {
          expect(first.code, printed).toBe(0);
        }
      } else {
        // The server is still working when the client gives up: the account cannot show the order
        // yet, so the step fails, says it was not sent again and how to check.
        expect(first.code, printed).not.toBe(0);
        // A registration is kept in the state as an order waiting to show; a renewal fails as before.
        const ordered = { register: `the registration of ${name} was sent and its answer was lost`, transfer: `the transfer of ${name} was sent and its answer was lost` };
        expect(printed).toContain(kind === "renew" ? `${name} was sent but its answer was lost, and the account does not show it yet. It was NOT sent again.` : ordered[kind]);
        expect(printed).toContain(`npx domainsreseller call GET /domains/${name}/information`);
        await ledgerReaches(name, 1); // what the message asks: check the account before the next up
      }

      const [, secondUpSeconds] = await timed(() => project.ok(up));
      const ledger = (await emulator.ledger()).filter((e) => e.domain === name);
      const orderCalls = (await emulator.counters())[ROUTE[kind]] ?? 0;
      figures.push({ kind, fault: fault.name, firstUp: first.code === 0 ? "succeeded" : "failed", firstUpSeconds, secondUpSeconds, orderCalls, ledgerLines: ledger.length });

      expect(orderCalls).toBe(1);
      expect(ledger).toEqual([expect.objectContaining({ type: kind, years: 1 })]);
      const account = await emulator.domain(name);
      if (expiryBefore !== undefined) expect(String(account.expiryDate) > expiryBefore).toBe(true); // YYYY-MM-DD compares as text
      if (kind === "transfer") expect(project.allText()).not.toContain(EPP);
      // The outputs carry the expiry as the information route gives it ("2027-12-02T00:00:00Z"); the
      // account's own record is the day.
      const outputs = JSON.parse((await project.ok(["stack", "output", "--json"])).stdout);
      expect({ status: outputs.status, expiryDay: String(outputs.expiryDate).slice(0, 10) }).toEqual({ status: account.status, expiryDay: account.expiryDate });
      // The state file says the same as the outputs: one Domain, live values from the account.
      const exported = JSON.parse((await project.ok(["stack", "export"])).stdout);
      const domains = (exported.deployment.resources as { type: string; outputs?: Record<string, unknown> }[]).filter((r) => r.type.endsWith(":Domain"));
      expect(domains).toHaveLength(1);
      expect(domains[0]?.outputs).toMatchObject({ name, status: outputs.status, expiryDate: outputs.expiryDate });
    } finally {
      await emulator.admin("DELETE", "/faults");
      await emulator.admin("POST", "/clock", { offsetSeconds: 0 });
    }
  });

  // The server is still working on an order when the client gives up, and the user runs `up` again
  // at once instead of checking as the message says. The account does not show the first order
  // yet; the order is remembered as unsettled in state (a registration through the partial-create
  // path, a renewal as unsettledRenewal), so the second up does not order again, and a later
  // `up --refresh` that sees the domain or the new expiry settles it.
  const RACE_MS = 30_000;
  async function secondUpAtOnce(kind: OrderKind, expected: { orderCalls: number; ledgerLines: number; secondUpSays?: string }): Promise<void> {
    const name = `${kind}-race-e2e.com`;
    const { project, up } = await caseStack(kind, name);
    try {
      await emulator.resetCounters();
      await emulator.admin("POST", "/faults", { route: ROUTE[kind], kind: "latency", ms: RACE_MS, times: 1 });
      const [first, firstUpSeconds] = await timed(() => project.pulumi(up));
      const firstUpEnded = Date.now(); // the order was sent before this, so it lands before this + RACE_MS
      expect(first.stdout + first.stderr).toMatch(/It was NOT sent again\.|so it is not ordered again/);
      const [second, secondUpSeconds] = await timed(() => project.pulumi(up));
      if (expected.secondUpSays !== undefined) expect(second.stdout + second.stderr).toContain(expected.secondUpSays);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstUpEnded + RACE_MS + 2_000 - Date.now()))); // the slow order lands
      const ledger = (await emulator.ledger()).filter((e) => e.domain === name);
      const orderCalls = (await emulator.counters())[ROUTE[kind]] ?? 0;
      figures.push({ kind, fault: `latency ${RACE_MS} ms, second up at once`, firstUp: first.code === 0 ? "succeeded" : "failed", firstUpSeconds, secondUpSeconds, orderCalls, ledgerLines: ledger.length });
      expect(orderCalls).toBe(expected.orderCalls);
      expect(ledger.map((e) => e.type)).toEqual(Array.from({ length: expected.ledgerLines }, () => kind));
      // Once the slow order has landed, a refresh sees it and the stack converges without ordering.
      await project.ok(["up", "--refresh", "--yes", "--non-interactive", "--skip-preview"]);
      await project.ok(["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      expect((await emulator.ledger()).filter((e) => e.domain === name)).toHaveLength(expected.ledgerLines);
    } finally {
      await emulator.admin("DELETE", "/faults");
      await emulator.admin("POST", "/clock", { offsetSeconds: 0 });
    }
  }

  it("register: a second up at once, while the server still works on the order whose answer was lost, does not order again: charged once", () =>
    secondUpAtOnce("register", { orderCalls: 1, ledgerLines: 1, secondUpSays: "so it is not ordered again" }));
  it("transfer: a second up at once, while the server still works on the transfer whose answer was lost, does not order again: charged once", () =>
    secondUpAtOnce("transfer", { orderCalls: 1, ledgerLines: 1, secondUpSays: "so it is not ordered again" }));
  it("renew: a second up at once, while the server still works on the renewal whose answer was lost, does not renew again: charged once", () =>
    secondUpAtOnce("renew", { orderCalls: 1, ledgerLines: 1, secondUpSays: "so it is not sent again" }));
});
