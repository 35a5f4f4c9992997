// The contract scenarios against a real reseller account, opt-in: only with the
// DOMAINSRESELLER_LIVE_* variables set (see docs/emulator.md, "Checking the emulator against a
// real account"). Read-only unless DOMAINSRESELLER_LIVE_WRITES=1; never an order in any mode (the
// guard in ./guard.ts refuses them before sending). The same scenarios run against the emulator
// in emulator.test.ts on every `npm test`.
import { afterAll, beforeAll, describe, it } from "vitest";
import { readLiveConfig, skipTitle, WRITES_VARIABLE } from "./config";
import { readScenarios, writeScenarios } from "./scenarios";
import { noteVersion, openTarget, registerScenarios, summary, type ContractTarget } from "./suite";

const setup = readLiveConfig(process.env);

if (!setup.ok) {
  // One line, naming the variables: registering every scenario only to skip it would print a line each.
  it.skipIf(true)(skipTitle(setup.missing), () => undefined);
} else {
  const { config } = setup;
  // Never the URL error itself: Node's carries the input, and a key pasted into the wrong
  // variable would be printed. The client refuses the endpoint with its own, silent, message.
  const host = URL.canParse(config.endpoint) ? new URL(config.endpoint).host : "(endpoint is not a URL)";
  // A real registrar answers in seconds, retries back off, and a write may take a while to show.
  const SCENARIO_TIMEOUT_MS = 180_000;
  let target: ContractTarget;

  describe(`live contract: ${host}, test domain ${config.testDomain}, writes ${config.writes ? "on" : "off"}`, () => {
    beforeAll(async () => {
      target = openTarget({ ...config, settle: { attempts: 6, delayMs: 5_000 }, client: { requestTimeoutMs: 60_000 } });
      await noteVersion(target);
    }, SCENARIO_TIMEOUT_MS);

    afterAll(async () => {
      if (target === undefined) return;
      // The summary is the part of the output a report is made of: printed whether scenarios passed or not.
      console.log(summary(target, `Domains Reseller live contract: ${host}, test domain ${config.testDomain}, writes ${config.writes ? "on" : "off"}`));
      await target.close();
    });

    registerScenarios(readScenarios, () => target, SCENARIO_TIMEOUT_MS);
    if (config.writes) registerScenarios(writeScenarios, () => target, SCENARIO_TIMEOUT_MS);
    else it.skipIf(true)(`write scenarios skipped: set ${WRITES_VARIABLE}=1 to add and remove one TXT record, toggle the lock and save the same nameservers on ${config.testDomain} (each put back)`, () => undefined);
  });
}
