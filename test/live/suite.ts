// One contract target (a client behind the guard, a redactor, the findings so far) and the
// registration of scenarios as vitest tests, shared by the emulator file and the live file so
// both run exactly the same code.
import { it } from "vitest";
import { DomainsResellerClient, type ClientOptions } from "../../provider/client";
import { ContractClient } from "./guard";
import { failureReport, makeRedactor, redactedError, type Redact } from "./report";
import type { ContractContext, Scenario } from "./scenarios";

export interface TargetOptions {
  endpoint: string;
  username: string;
  apiKey: string;
  testDomain: string;
  writes: boolean;
  settle: ContractContext["settle"];
  /** Passed to the product's client as they are (timeouts, pacing); never the credentials. */
  client?: Omit<ClientOptions, "endpoint" | "username" | "apiKey">;
}

export interface ContractTarget {
  client: ContractClient;
  redact: Redact;
  settle: ContractContext["settle"];
  /** Redacted findings, in the order they were made. */
  notes: string[];
  results: { scenario: string; ok: boolean }[];
  close(): Promise<void>;
}

export function openTarget(options: TargetOptions): ContractTarget {
  const inner = new DomainsResellerClient({ ...options.client, endpoint: options.endpoint, username: options.username, apiKey: options.apiKey });
  return {
    client: new ContractClient(inner, { testDomain: options.testDomain, writes: options.writes }),
    // The username is not a secret, but a report is pasted into a public tracker: it goes too.
    redact: makeRedactor([
      { value: options.apiKey, as: "[api key]" },
      { value: options.username, as: "[username]" },
    ]),
    settle: options.settle,
    notes: [],
    results: [],
    close: () => inner.close(),
  };
}

/** Runs one scenario; a failure is rethrown as a redacted report (scenario, route, status, the server's words). */
export async function runScenario(scenario: Scenario, target: ContractTarget): Promise<void> {
  const ctx: ContractContext = { client: target.client, settle: target.settle, note: (line) => target.notes.push(target.redact(line)) };
  try {
    await scenario.run(ctx);
    target.results.push({ scenario: scenario.name, ok: true });
  } catch (error) {
    target.results.push({ scenario: scenario.name, ok: false });
    throw redactedError(await failureReport(scenario, error, target.client, target.redact), target.redact);
  }
}

/** One test per scenario, in order (vitest runs a file's tests one after another). */
export function registerScenarios(scenarios: readonly Scenario[], target: () => ContractTarget, timeoutMs?: number): void {
  for (const scenario of scenarios) it(scenario.name, () => runScenario(scenario, target()), timeoutMs);
}

/** The module version for the summary: a report is easier to act on when it says which release answered. */
export async function noteVersion(target: ContractTarget): Promise<void> {
  try {
    target.notes.push(target.redact(`module version: ${await target.client.call("version", {})} (GET /version)`));
  } catch (error) {
    target.notes.push(target.redact(`module version: unknown (GET /version failed: ${error instanceof Error ? error.message : String(error)})`));
  }
}

/** The block a live run prints at the end: what to paste into a report, already redacted. */
export function summary(target: ContractTarget, heading: string): string {
  const failed = target.results.filter((r) => !r.ok).map((r) => r.scenario);
  return target.redact(
    [
      heading,
      ...target.notes.map((line) => `  - ${line}`),
      `  ${target.results.length - failed.length} of ${target.results.length} scenario(s) passed${failed.length > 0 ? `; failed: ${failed.join(", ")} (reports above)` : ""}`,
      `  To report a difference: docs/emulator.md, "Checking the emulator against a real account".`,
    ].join("\n"),
  );
}
