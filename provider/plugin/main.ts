// The plugin process the engine starts (bin/pulumi-resource-domainsreseller): it serves the
// provider on a free loopback port and prints that port, and only that, on standard output, which
// is how the engine finds it. The engine's address is the first argument (absent when the CLI only
// asks for the schema). Standard error carries fatal errors only.
import { startServer } from "./server";

/** The first positional argument: the engine passes flags first (`--logtostderr`, `-v=9`, `--tracing <url>`). */
function engineAddressOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--tracing") i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

async function main(args: readonly string[]): Promise<void> {
  const engineAddress = engineAddressOf(args);
  const server = await startServer(engineAddress === undefined ? {} : { engineAddress });
  // The engine ends the plugin by signal once it is done with it; the default handling (exit) is right.
  process.stdout.write(`${server.port}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`fatal: pulumi-resource-domainsreseller: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
