#!/usr/bin/env node
// Entry point of the `domainsreseller` command: picks a subcommand and hands it the rest of argv.
// Each subcommand lives in cli/commands/<name>.ts and exports `run(argv): Promise<number>`.
import { usageError } from "./args";

interface Command {
  summary: string;
  load: () => Promise<{ run(argv: string[]): Promise<number> }>;
}

// Loaded lazily so `domainsreseller call` never pays for SQLite, and vice versa.
const commands: Record<string, Command> = {
  emulator: { summary: "run a local Domains Reseller API server (the emulator)", load: () => import("./commands/emulator") },
  call: { summary: "send one signed API call and print the JSON response", load: () => import("./commands/call") },
  schema: { summary: "print the JSON Schema of zone files, for editors", load: () => import("./commands/schema") },
  "import-zone": { summary: "convert a BIND or OctoDNS zone into a zone file", load: () => import("./commands/import-zone") },
  "plan-md": { summary: "turn `pulumi preview --json` into a pull-request comment (Markdown or JSON)", load: () => import("./commands/plan-md") },
  export: { summary: "write a Pulumi program that adopts domains as they are live", load: () => import("./commands/export") },
  plugin: { summary: "install the domainsreseller resource plugin for YAML, Python, Go and .NET programs", load: () => import("./commands/plugin") },
  sync: { summary: "check expiry dates and registry states (for cron); exit 1 when a domain needs attention", load: () => import("./commands/sync") },
};

function help(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ["usage: domainsreseller <command> [options]", "", "commands:", ...rows, "", "Run `domainsreseller <command> --help` for a command's options."].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(help() + "\n");
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) return usageError(`unknown command "${name}"\n\n${help()}`);
  const module = await command.load();
  return module.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`domainsreseller: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
