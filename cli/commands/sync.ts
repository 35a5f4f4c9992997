// `domainsreseller sync DOMAIN... [--stack] [--days N] [--format table|json]`: asks the registrar's
// "Domain Cron Synchronization" (POST /domains/{domain}/sync) for each domain, one after another
// through the signed client, and reports expiry dates and registry states for a cron job or CI.
// The sync route only reads (WHMCS calls it from its own cron), so nothing in the account changes.
// Exit status: 0 nothing needs attention; 1 a domain expires within N days, has expired, was
// cancelled or transferred away, has no readable expiry date, or could not be synced; 2 usage.
import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { DomainsResellerClient, type RouteResult } from "../../provider/client";
import { expiryDay } from "../../provider/model/domain/renewal";
import { canonicalDomainName } from "../../provider/model/domainName";
import { kindOfType } from "../../provider/plan/kinds";
import { EXIT_FAILURE, EXIT_OK, parseCommand, usageError } from "../args";
import { domainsOf } from "../domains";
import { resolveCredentials } from "../credentials";

const HELP = `usage: domainsreseller sync <DOMAIN>... [--stack] [--days N] [--format table|json] [options]

Asks the registrar for the current state of each DOMAIN (POST /domains/{domain}/sync, the API's
"Domain Cron Synchronization": expiry date, active, expired, cancelled, transferred away, as the
registry reports them) and prints one row per domain. It only reads; nothing is changed.
  DOMAIN...          the domains to check, as registered in the account
  --stack            also check every Domain resource of the current Pulumi stack
                     (runs \`pulumi stack export\`; needs the Pulumi CLI and access to the backend)
  --stack-name NAME  the stack to read instead of the selected one (implies --stack)
  --cwd DIR          the Pulumi project directory for --stack (default: the current directory)
  --days N           report a domain that expires within N days (default 30)
  --format FORMAT    table (default) or json: {"domains":[{domain,status,expiryDate,daysLeft,problem}],"problems":n}
  --endpoint URL     or DOMAINSRESELLER_ENDPOINT
  --username EMAIL   or DOMAINSRESELLER_USERNAME
  --api-key KEY      or DOMAINSRESELLER_API_KEY (prefer the variable: flags show up in ps)

Days left count from today by the API server's clock (UTC); 0 is the expiry day, negative is past it.
Exit status: 0 nothing needs attention; 1 a domain expires within N days, has expired, was cancelled
or transferred away, reports no expiry date, or could not be synced (or the stack could not be
exported); 2 usage.`;

const OPTIONS = {
  stack: { type: "boolean" },
  "stack-name": { type: "string" },
  cwd: { type: "string" },
  days: { type: "string" },
  format: { type: "string", short: "f" },
  endpoint: { type: "string" },
  username: { type: "string" },
  "api-key": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const FORMATS = ["table", "json"] as const;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 3650;
const DAY_MS = 86_400_000;

export type SyncStatus = "active" | "inactive" | "unknown" | "expired" | "cancelled" | "transferred away" | "error";

/** One domain's line of the report; `problem` is what makes the exit status 1, `note` also says why not. */
export interface SyncRow {
  domain: string;
  status: SyncStatus;
  /** YYYY-MM-DD, whatever form the API sent it in; null when it sent none (or not a date). */
  expiryDate: string | null;
  daysLeft: number | null;
  problem: string | null;
  note: string | null;
}

export type SyncOutcome = { ok: true; result: RouteResult<"sync"> } | { ok: false; message: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Whether one sync answer needs attention, judged against `today` (the server's day, UTC) and the window. */
export function assess(domain: string, outcome: SyncOutcome, today: Date, days: number): SyncRow {
  if (!outcome.ok) {
    const problem = `sync failed: ${outcome.message}`;
    return { domain, status: "error", expiryDate: null, daysLeft: null, problem, note: problem };
  }
  const { result } = outcome;
  const expiry = expiryDay(result.expiryDate);
  const expiryDate = expiry === undefined ? null : new Date(expiry).toISOString().slice(0, 10);
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const daysLeft = expiry === undefined ? null : Math.round((expiry - todayMs) / DAY_MS);
  const past = daysLeft !== null && daysLeft < 0;
  const status: SyncStatus = result.transferredAway
    ? "transferred away"
    : result.cancelled
      ? "cancelled"
      : result.expired || past
        ? "expired"
        : result.active === false
          ? "inactive"
          : result.active === true
            ? "active"
            : "unknown";
  let problem: string | null = null;
  if (status === "transferred away" || status === "cancelled") problem = status;
  else if (status === "expired") problem = past ? `expired ${plural(-daysLeft!, "day")} ago` : "expired";
  else if (daysLeft === null) {
    // A monitor that cannot read the date cannot say the domain is safe: reported, not passed.
    problem = result.expiryDate === null ? "no expiry date reported" : `expiry date ${JSON.stringify(result.expiryDate)} is not a date`;
  } else if (daysLeft === 0) problem = "expires today";
  else if (daysLeft <= days) problem = `expires within ${plural(days, "day")}`;
  const note = problem ?? (status === "inactive" ? "not active at the registry" : status === "unknown" ? "the registry did not say whether it is active" : null);
  return { domain, status, expiryDate, daysLeft, problem, note };
}

export function renderTable(rows: readonly SyncRow[]): string {
  const cells = [["DOMAIN", "STATUS", "EXPIRY", "DAYS LEFT", "NOTE"], ...rows.map((r) => [r.domain, r.status, r.expiryDate ?? "-", r.daysLeft === null ? "-" : String(r.daysLeft), r.note ?? ""])];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 3 ? cell.padStart(widths[3]!) : i < 4 ? cell.padEnd(widths[i]!) : cell))
      .join("  ")
      .trimEnd();
  return cells.map(line).join("\n") + "\n";
}

export function renderJson(rows: readonly SyncRow[]): string {
  const domains = rows.map(({ domain, status, expiryDate, daysLeft, problem }) => ({ domain, status, expiryDate, daysLeft, problem }));
  return `${JSON.stringify({ domains, problems: rows.filter((r) => r.problem !== null).length }, null, 2)}\n`;
}

interface StackResource {
  urn?: unknown;
  type?: unknown;
  delete?: unknown;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** The Domain resources' names in a `pulumi stack export` document (in stack order), and what was skipped. */
export function domainsOfStack(text: string): { ok: true; domains: string[]; skipped: string[] } | { ok: false; message: string } {
  let doc: { deployment?: { resources?: unknown } };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (error) {
    return { ok: false, message: `\`pulumi stack export\` did not print JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof doc !== "object" || doc === null || typeof doc.deployment !== "object" || doc.deployment === null) {
    return { ok: false, message: "`pulumi stack export` printed no deployment: is this a Pulumi stack?" };
  }
  const resources = doc.deployment.resources ?? [];
  if (!Array.isArray(resources)) return { ok: false, message: "`pulumi stack export`: deployment.resources is not a list" };
  const domains: string[] = [];
  const skipped: string[] = [];
  for (const r of resources as StackResource[]) {
    // `pulumi-nodejs:dynamic/domainsreseller:Domain` (and the older spellings plan-md reads too);
    // `delete` marks the old half of a replacement, which the next `pulumi up` removes from state.
    if (typeof r?.type !== "string" || kindOfType(r.type) !== "Domain" || r.delete === true) continue;
    const named = [r.outputs?.["name"], r.inputs?.["name"]].find((v): v is string => typeof v === "string");
    const domain = named === undefined ? undefined : canonicalDomainName(named);
    if (domain === undefined) skipped.push(typeof r.urn === "string" ? r.urn : r.type);
    else if (!domains.includes(domain)) domains.push(domain);
  }
  return { ok: true, domains, skipped };
}

/** Runs `pulumi stack export` in `cwd` and returns its standard output, or why it could not. */
function exportStack(cwd: string, stackName: string | undefined): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const args = ["stack", "export", "--non-interactive", ...(stackName ? ["--stack", stackName] : [])];
  return new Promise((done) => {
    execFile("pulumi", args, { cwd, maxBuffer: 512 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      if (!error) return done({ ok: true, text: String(stdout) });
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return done({ ok: false, message: "--stack needs the Pulumi CLI, and `pulumi` is not on PATH: install it (https://www.pulumi.com/docs/install/) or name the domains instead" });
      }
      const said = String(stderr).trim().split("\n").filter((l) => l.trim() !== "").slice(-5).join(" | ");
      const how = typeof error.code === "number" ? `exited ${error.code}` : error.killed ? "was stopped (timed out)" : "failed";
      done({ ok: false, message: `cannot export the stack: \`pulumi ${args.join(" ")}\` in ${cwd} ${how}${said ? `: ${said}` : ""}` });
    });
  });
}

/** A failure as one line: no stack trace, no repeat of the route and domain, never the key. */
function failureMessage(error: unknown, domain: string, apiKey: string): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  const bare = text.startsWith(`sync on ${domain}: `) ? text.slice(`sync on ${domain}: `.length) : text;
  return apiKey === "" ? bare : bare.split(apiKey).join("[redacted]");
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, OPTIONS, HELP);
  if (parsed.exit !== undefined) return parsed.exit;
  const { values, positionals } = parsed;
  const format = (values.format ?? "table").toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) return usageError(`--format must be table or json; got "${values.format}"`);
  const daysText = values.days ?? String(DEFAULT_DAYS);
  if (!/^\d+$/.test(daysText.trim()) || Number(daysText) > MAX_DAYS) return usageError(`--days must be a whole number of days from 0 to ${MAX_DAYS}; got "${values.days}"`);
  const days = Number(daysText);
  const useStack = values.stack === true || values["stack-name"] !== undefined;
  if (values["stack-name"] === "") return usageError("--stack-name needs a stack name");
  if (values.cwd !== undefined && !useStack) return usageError("--cwd is the Pulumi project directory for --stack; pass --stack too");
  if (positionals.length === 0 && !useStack) return usageError(`sync needs at least one DOMAIN, or --stack\n\n${HELP}`);
  const named = domainsOf(positionals);
  if (!named.ok) return usageError(named.message);
  const creds = resolveCredentials({ endpoint: values.endpoint, username: values.username, "api-key": values["api-key"] });
  if (!creds.ok) return usageError(creds.message);
  const cwd = resolve(values.cwd ?? ".");
  if (useStack && !isDirectory(cwd)) return usageError(`--cwd ${values.cwd}: not a directory`);

  const domains = [...named.domains];
  if (useStack) {
    const exported = await exportStack(cwd, values["stack-name"]);
    const found = exported.ok ? domainsOfStack(exported.text) : exported;
    if (!found.ok) {
      process.stderr.write(`domainsreseller: ${found.message}\n`);
      return EXIT_FAILURE;
    }
    for (const urn of found.skipped) process.stderr.write(`sync: skipped ${urn}: its domain name is not readable in the stack export\n`);
    if (found.domains.length === 0) process.stderr.write("sync: the stack has no Domain resources\n");
    for (const domain of found.domains) if (!domains.includes(domain)) domains.push(domain);
  }

  let client: DomainsResellerClient;
  try {
    client = new DomainsResellerClient(creds.credentials);
  } catch (error) {
    process.stderr.write(`domainsreseller: ${failureMessage(error, "", creds.credentials.apiKey)}\n`);
    return EXIT_FAILURE;
  }
  const outcomes: SyncOutcome[] = [];
  let today: Date;
  try {
    // One at a time, in order: the client paces and retries; a failure is that domain's row.
    for (const domain of domains) {
      try {
        outcomes.push({ ok: true, result: await client.call("sync", { domain }) });
      } catch (error) {
        outcomes.push({ ok: false, message: failureMessage(error, domain, creds.credentials.apiKey) });
      }
    }
    // After the calls: the client has learnt the server's clock from their Date headers by now.
    today = client.serverNow();
  } finally {
    await client.close();
  }
  const rows = domains.map((domain, i) => assess(domain, outcomes[i]!, today, days));
  process.stdout.write(format === "json" ? renderJson(rows) : renderTable(rows));
  const problems = rows.filter((r) => r.problem !== null).length;
  process.stderr.write(
    problems === 0
      ? `sync: ${plural(rows.length, "domain")} checked; none needs attention (window: ${plural(days, "day")})\n`
      : `sync: ${problems} of ${plural(rows.length, "domain")} need${problems === 1 ? "s" : ""} attention\n`,
  );
  return problems === 0 ? EXIT_OK : EXIT_FAILURE;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
