import { defineConfig } from "vitest/config";

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
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // Engine runs are heavy; on two cores they go one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
