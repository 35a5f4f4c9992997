// Every row of the refusal table (rows.ts) through the code path a user's mistake really takes:
// resource inputs through the provider runtime's `check` (as the engine calls it), read functions
// as a program or script calls them, zone files through loadZoneFile, stack config through a new
// provider process's configure and check, and command lines through the CLI's commands. Each must
// be refused with a message that names the property and the fix, and the emulator behind the
// credentials must see no request at all: a refusal that comes after an API call is a read the
// user did not need, or an order that should never have been sent.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { run as callCommand } from "../../cli/commands/call";
import { run as emulatorCommand } from "../../cli/commands/emulator";
import { run as exportCommand } from "../../cli/commands/export";
import { run as importZoneCommand } from "../../cli/commands/import-zone";
import { run as planMdCommand } from "../../cli/commands/plan-md";
import { run as syncCommand } from "../../cli/commands/sync";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import {
  checkAvailability, fetchAvailability, fetchCreditBalance, fetchDomainInfo, fetchEppCode, fetchPricing, fetchTlds,
  getCreditBalance, getDomainInfo, getEppCode, getPricing, getTlds, type Credentials, type FunctionOptions,
} from "../../provider/functions";
import * as runtime from "../../provider/runtime";
import { loadZoneFile } from "../../provider/zonefile";
import { ROWS, type CliCommand, type CliRow, type ConfigRow, type FunctionName, type FunctionRow, type RefusalRow, type ResourceRow, type ZoneFileRow } from "./rows";

type Props = Record<string, unknown>;

/** What a row came to: refused or not, every message it gave, and the exit status of a command. */
interface Outcome {
  refused: boolean;
  messages: string[];
}

let emulator: EmulatorHandle;
let settings: { endpoint: string; username: string; apiKey: string };
let scratch: string;
const savedEnv: Record<string, string | undefined> = {};
/** The variables a user may have set: none of them may decide a row (the order journal is the test run's own). */
const userVariables = () => Object.keys(process.env).filter((name) => name.startsWith("DOMAINSRESELLER_") && name !== "DOMAINSRESELLER_ORDER_JOURNAL");

async function admin(method: string, path: string): Promise<unknown> {
  const response = await fetch(`${emulator.origin}/__admin${path}`, { method });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator admin ${method} ${path}: ${response.status} ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

const stackConfig = (values: Record<string, string>) => ({ config: { get: (key: string) => values[key] } });
/** `{emulator}` stands for the emulator's host and port, `{existingExport}` for a folder holding an export. */
const filled = (text: string) => text.replaceAll("{emulator}", new URL(emulator.origin).host).replaceAll("{existingExport}", join(scratch, "existing-export"));

/** The engine's check: failures (each reason names its property itself) or a thrown error. */
async function resourceOutcome(check: typeof runtime.check, kind: string, inputs: Props): Promise<Outcome> {
  try {
    const outcome = await check(kind, {}, inputs);
    return { refused: outcome.failures !== undefined, messages: (outcome.failures ?? []).map((f) => f.reason) };
  } catch (error) {
    return { refused: true, messages: [error instanceof Error ? error.message : String(error)] };
  }
}

/** Each function as a program or script calls it; the plain ones with the emulator's credentials. */
const CALLS: Record<FunctionName, (source: Credentials, args: unknown[]) => unknown> = {
  fetchDomainInfo: (source, [name]) => fetchDomainInfo(source, name as string),
  fetchEppCode: (source, [name]) => fetchEppCode(source, name as string),
  fetchAvailability: (source, [names]) => fetchAvailability(source, names as string[]),
  fetchPricing: (source, [tld]) => fetchPricing(source, tld as string),
  fetchCreditBalance: (source) => fetchCreditBalance(source),
  fetchTlds: (source) => fetchTlds(source),
  getDomainInfo: (_source, [name, opts]) => getDomainInfo(name as string, opts as FunctionOptions | undefined),
  getEppCode: (_source, [name, opts]) => getEppCode(name as string, opts as FunctionOptions | undefined),
  checkAvailability: (_source, [names, opts]) => checkAvailability(names as string[], opts as FunctionOptions | undefined),
  getPricing: (_source, [tld, opts]) => getPricing(tld as string, opts as FunctionOptions | undefined),
  getCreditBalance: (_source, [opts]) => getCreditBalance(opts as FunctionOptions | undefined),
  getTlds: (_source, [opts]) => getTlds(opts as FunctionOptions | undefined),
};

async function functionOutcome(row: FunctionRow): Promise<Outcome> {
  const source = { ...settings, ...row.credentials } as Credentials;
  try {
    await CALLS[row.fn](source, row.args);
    return { refused: false, messages: [] };
  } catch (error) {
    return { refused: true, messages: [error instanceof Error ? error.message : String(error)] };
  }
}

function zoneFileOutcome(row: ZoneFileRow, index: number): Outcome {
  let path = row.file;
  if (path === undefined) {
    path = join(scratch, `zone-${index}.yaml`);
    writeFileSync(path, row.yaml);
  }
  try {
    loadZoneFile(path, row.options);
    return { refused: false, messages: [] };
  } catch (error) {
    return { refused: true, messages: [error instanceof Error ? error.message : String(error)] };
  }
}

/** A new provider process (module state such as "already explained" starts empty), configured as the row says. */
async function configOutcome(row: ConfigRow): Promise<Outcome> {
  vi.resetModules();
  const fresh = await import("../../provider/runtime");
  const values: Record<string, string> = {
    "domainsreseller:endpoint": settings.endpoint,
    "domainsreseller:username": settings.username,
    "domainsreseller:apiKey": settings.apiKey,
    ...Object.fromEntries(Object.entries(row.config).map(([key, value]) => [key, filled(value)])),
  };
  await fresh.configure(row.resource.kind, stackConfig(values));
  return resourceOutcome(fresh.check, row.resource.kind, row.resource.inputs);
}

const COMMANDS: Record<CliCommand, (argv: string[]) => Promise<number>> = {
  call: callCommand,
  export: exportCommand,
  "plan-md": planMdCommand,
  "import-zone": importZoneCommand,
  sync: syncCommand,
  emulator: emulatorCommand,
};

/** The command in-process, with the emulator's credentials in the environment unless the row leaves them out. */
async function cliOutcome(row: CliRow, printed: () => string): Promise<Outcome> {
  if (row.credentials !== false) {
    process.env.DOMAINSRESELLER_ENDPOINT = settings.endpoint;
    process.env.DOMAINSRESELLER_USERNAME = settings.username;
    process.env.DOMAINSRESELLER_API_KEY = settings.apiKey;
  }
  const code = await COMMANDS[row.command](row.argv.map(filled));
  return { refused: code !== 0, messages: [`${printed()}(exit status ${code})`] };
}

/** The row's outcome, with whatever it writes to the terminal kept from the test's output. */
async function outcomeOf(row: RefusalRow, index: number): Promise<Outcome> {
  let printed = "";
  const keep = (chunk: string | Uint8Array) => ((printed += String(chunk)), true);
  vi.spyOn(process.stdout, "write").mockImplementation(keep);
  vi.spyOn(process.stderr, "write").mockImplementation(keep);
  switch (row.area) {
    case "function":
      return functionOutcome(row);
    case "zonefile":
      return zoneFileOutcome(row, index);
    case "config":
      return configOutcome(row);
    case "cli":
      return cliOutcome(row, () => printed);
    default:
      return resourceOutcome(runtime.check, row.area, (row as ResourceRow).inputs);
  }
}

/**
 * How a message names the row's property: a resource's reason quotes its property path
 * ("records[0].type"); a zone-file problem follows its position (":3:11: records[0].name: ");
 * elsewhere the key, flag or argument as the message writes it.
 */
function naming(row: RefusalRow): string {
  if (row.area === "zonefile") return row.file === undefined ? `: ${row.property}: ` : row.property;
  if (row.area === "function" || row.area === "config" || row.area === "cli") return row.property;
  return `"${row.property}"`;
}

const label = (row: RefusalRow) => `${row.area}: ${row.what}`;

/** A message without the usage a command prints after it: that lists every flag, so it cannot count as naming one. */
const headline = (message: string) => message.split("\n\nusage:")[0] ?? message;

beforeAll(async () => {
  for (const name of userVariables()) {
    savedEnv[name] = process.env[name];
    delete process.env[name];
  }
  scratch = mkdtempSync(join(tmpdir(), "refusals-"));
  mkdirSync(join(scratch, "existing-export"));
  writeFileSync(join(scratch, "existing-export", "index.ts"), "// an earlier export\n");
  emulator = await startEmulator({ port: 0, admin: true, seed: "default" });
  const account = emulator.accounts[0];
  if (!account) throw new Error("the default seed has no reseller account");
  settings = { endpoint: emulator.endpoint, username: account.email, apiKey: account.apiKey };
  await runtime.configure("RegistrarLock", stackConfig({ "domainsreseller:endpoint": settings.endpoint, "domainsreseller:username": settings.username, "domainsreseller:apiKey": settings.apiKey }));
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const name of userVariables()) delete process.env[name];
});

afterAll(async () => {
  await emulator?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  Object.assign(process.env, Object.fromEntries(Object.entries(savedEnv).filter(([, value]) => value !== undefined)));
});

describe("the refusal table", () => {
  it("has rows for every resource kind, the read functions, zone files, stack config and each command", () => {
    const areas = new Set(ROWS.map((row) => row.area));
    const resourceKinds = Object.keys(runtime.kinds).filter((kind) => kind !== "StackGuard");
    for (const area of [...resourceKinds, "function", "zonefile", "config", "cli"]) expect(areas, `no row for ${area}`).toContain(area);
    const commands = new Set(ROWS.flatMap((row) => (row.area === "cli" ? [row.command] : [])));
    for (const command of Object.keys(COMMANDS)) expect(commands, `no row for the ${command} command`).toContain(command);
    expect(new Set(ROWS.map(label)).size, "two rows share a label").toBe(ROWS.length);
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });
});

describe("every invalid input is refused before any API call, naming the property and the fix", () => {
  it.each(ROWS.map((row, index) => [label(row), row, index] as const))("%s", async (name, row, index) => {
    await admin("DELETE", "/counters");
    const outcome = await outcomeOf(row, index);
    vi.restoreAllMocks();
    const said = outcome.messages.join("\n") || "(nothing)";
    expect(outcome.refused, `${name}: not refused; it said:\n${said}`).toBe(true);
    const named = outcome.messages.find((message) => headline(message).includes(naming(row)));
    expect(named, `${name}: no message names ${naming(row)}; the messages were:\n${said}`).toBeDefined();
    expect(named, `${name}: the message naming ${naming(row)} does not say "${row.fix}"; it was:\n${named}`).toContain(row.fix);
    expect(await admin("GET", "/counters"), `${name}: the emulator saw requests before the refusal; the message was:\n${said}`).toEqual({});
  });
});
