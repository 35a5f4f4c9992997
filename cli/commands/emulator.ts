// `domainsreseller emulator`: runs the local API server until SIGINT/SIGTERM. Prints one block
// with the credentials and how to point a stack at it, ending in exactly one `endpoint: <url>`
// line for scripts; logs one line per request to stderr (never the token).
import { EXIT_FAILURE, EXIT_OK, parseOptions, usageError } from "../args";
import type { Seed } from "../../emulator";

const HELP = `usage: domainsreseller emulator [--port N] [--db PATH] [--seed FILE.yaml|default|none] [--admin]

  --port N          port on 127.0.0.1 (default 0: a free port)
  --db PATH         SQLite file to keep state in (default :memory:, gone on exit)
  --seed VALUE      default (demo reseller and three domains), none, or a YAML seed file
  --admin           mount the /__admin test API (reset, drift, faults, ledger, counters, clock)
  --transfer-delay S  seconds a transfer stays pending (default 0)
  --quiet           no per-request log lines

The emulator keeps its state with better-sqlite3, which pulumi-domainsreseller does not install
(a native addon; stacks pointed at a real API never need it). Add it to the project that runs
the emulator: npm install --save-dev better-sqlite3@^12`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, {
    port: { type: "string" },
    db: { type: "string" },
    seed: { type: "string" },
    admin: { type: "boolean" },
    "transfer-delay": { type: "string" },
    quiet: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (!parsed.ok) return usageError(`${parsed.message}\n\n${HELP}`);
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT_OK;
  }
  const port = Number(v.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`--port must be 0-65535, got "${v.port}"`);
  const delay = Number(v["transfer-delay"] ?? 0);
  if (!Number.isFinite(delay) || delay < 0) return usageError(`--transfer-delay must be a number of seconds`);

  const { startEmulator, loadSeedFile } = await import("../../emulator");
  const seedArg = v.seed ?? "default";
  let seed: Seed | "default" | "none";
  try {
    seed = seedArg === "default" || seedArg === "none" ? seedArg : loadSeedFile(seedArg);
  } catch (error) {
    return usageError(`--seed ${seedArg}: ${(error as Error).message}; pass a readable YAML seed file, or default or none`);
  }

  const emu = await startEmulator({
    port,
    dbPath: v.db ?? ":memory:",
    seed,
    admin: v.admin ?? false,
    transferDelaySeconds: delay,
    ...(v.quiet ? {} : { log: (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`) }),
  });

  const account = emu.accounts[0];
  const lines = [
    `Domains Reseller emulator listening on ${emu.origin} (state: ${v.db ?? "in memory"}${v.admin ? `, admin API: ${emu.origin}/__admin` : ""})`,
    ...(emu.accounts.length > 0
      ? emu.accounts.map((a) => `  reseller: ${a.email}   api key: ${a.apiKey}`)
      : ["  no accounts seeded (the database's existing accounts are served)"]),
    "",
    "Point a stack at it:",
    `  pulumi config set domainsreseller:endpoint ${emu.endpoint}`,
    `  pulumi config set domainsreseller:username ${account?.email ?? "<email>"}`,
    `  pulumi config set --secret domainsreseller:apiKey ${account?.apiKey ?? "<api key>"}`,
    "",
    `endpoint: ${emu.endpoint}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`received ${signal}, stopping\n`);
      emu.close().then(
        () => resolve(EXIT_OK),
        () => resolve(EXIT_FAILURE),
      );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}
