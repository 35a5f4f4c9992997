import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// In-process tests that order domains keep the provider's order journal here, not in the user's
// state folder (engine runs get one per project home from scripts/pulumi-env.mjs).
const orderJournal = mkdtempSync(join(tmpdir(), "dr-order-journal-"));

// Two projects: fast in-process tests (pure model, client and emulator over loopback HTTP),
// and end-to-end tests that drive the real Pulumi engine against the emulator.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**"],
          environment: "node",
          testTimeout: 20_000,
          env: { DOMAINSRESELLER_ORDER_JOURNAL: orderJournal },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // Two files at a time: an engine run spends much of its time waiting on process starts and
          // RPCs, so on two cores two files finish about a fifth sooner than one after another
          // (measured: 344 s against about 420 s). Each file has its own emulator, project folders
          // and PULUMI_HOME, so they cannot see each other.
          fileParallelism: true,
          maxWorkers: 2,
          // After the unit project, not beside it: a project of its own workers needs its own group.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
