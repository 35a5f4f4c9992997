// examples/gitops-dns is a repository layout teams copy as it is, workflows included. GitHub runs
// those workflows only after the copy, so a broken step would first show in someone's pull request:
// these checks read each workflow as GitHub does and hold it to the review loop (plan comment on the
// pull request, one apply at a time on merge, nightly drift) and to secrets staying secret. The zone
// files must load as the program loads them. The e2e test runs the program itself on the emulator.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadZoneFile, zoneFileJsonSchema } from "../../provider/zonefile";
import { repoRoot } from "../../scripts/pulumi-env.mjs";

const EXAMPLE = join(repoRoot, "examples", "gitops-dns");
const WORKFLOWS = join(EXAMPLE, ".github", "workflows");
const ZONES = join(EXAMPLE, "zones");

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  if?: string;
  steps: Step[];
  concurrency?: Concurrency;
}
interface Concurrency {
  group: string;
  "cancel-in-progress"?: boolean;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: Concurrency;
  jobs: Record<string, Job>;
}

// YAML 1.2, as GitHub reads workflows: `on:` is the key "on", not the boolean true.
const workflow = (file: string) => parse(readFileSync(join(WORKFLOWS, file), "utf8")) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const indexOf = (list: Step[], test: (step: Step) => boolean, what: string) => {
  const index = list.findIndex(test);
  if (index < 0) throw new Error(`no step ${what}`);
  return index;
};
/** The shell lines of a step with continuation backslashes joined, so a command reads as one line. */
const commands = (step: Step) => (step.run ?? "").replace(/\\\n\s*/g, " ").split("\n");
const runsPulumi = (step: Step, command: string) => commands(step).some((line) => new RegExp(`^\\s*pulumi ${command}\\b`).test(line));

const CREDENTIALS = ["DOMAINSRESELLER_ENDPOINT", "DOMAINSRESELLER_USERNAME", "DOMAINSRESELLER_API_KEY", "PULUMI_CONFIG_PASSPHRASE"];
const FILES = ["plan.yml", "apply.yml", "drift.yml"];
// The expiry check runs no engine (`domainsreseller sync --stack` reads the stack export), so it is held to its own test.
const EXPIRY = "expiry.yml";

describe("examples/gitops-dns workflows", () => {
  it("are exactly plan, apply, drift and expiry", () => {
    expect(readdirSync(WORKFLOWS).sort()).toEqual([...FILES, EXPIRY].sort());
  });

  it.each(FILES)("%s sets up like the others: checkout, Node 20, npm ci, the Pulumi CLI, a login to the backend from secrets", (file) => {
    const list = steps(workflow(file));
    const checkout = indexOf(list, (s) => s.uses === "actions/checkout@v4", "actions/checkout@v4");
    const node = indexOf(list, (s) => s.uses === "actions/setup-node@v4", "actions/setup-node@v4");
    expect(String(list[node]?.with?.["node-version"])).toBe("20");
    const install = indexOf(list, (s) => s.run?.trim() === "npm ci", "npm ci");
    const cli = indexOf(list, (s) => s.uses === "pulumi/actions@v6", "pulumi/actions@v6");
    // Without `command` the action only installs the CLI; the steps below run it themselves.
    expect(list[cli]?.with?.command).toBeUndefined();
    const login = indexOf(list, (s) => runsPulumi(s, "login"), "running pulumi login");
    expect(list[login]?.env?.PULUMI_BACKEND_URL).toBe("${{ secrets.PULUMI_BACKEND_URL }}");
    const firstPulumi = indexOf(list, (s) => runsPulumi(s, "(preview|up)"), "running pulumi preview or up");
    expect([checkout, node, install, cli, login, firstPulumi]).toEqual([...[checkout, node, install, cli, login, firstPulumi]].sort((a, b) => a - b));
  });

  it.each(FILES)("%s gives every pulumi preview or up the account's credentials and the passphrase, from secrets", (file) => {
    const engine = steps(workflow(file)).filter((s) => runsPulumi(s, "(preview|up)"));
    expect(engine.length).toBeGreaterThan(0);
    for (const step of engine) {
      for (const name of CREDENTIALS) expect(step.env?.[name], `${step.name}: ${name}`).toBe(`\${{ secrets.${name} }}`);
      expect(step.run).toMatch(/--stack ci\b/);
      expect(step.run).toMatch(/--non-interactive/);
    }
  });

  it.each([...FILES, EXPIRY])("%s never prints a secret: secrets only in env, no shell tracing, no echo of a credential", (file) => {
    const text = readFileSync(join(WORKFLOWS, file), "utf8");
    const wf = workflow(file);
    const inEnv = steps(wf).flatMap((s) => Object.values(s.env ?? {}).map(String));
    const everywhere = [...text.matchAll(/\$\{\{\s*secrets\.[A-Z0-9_]+\s*\}\}/g)].map((m) => m[0]);
    // Each secret in the file is an env value of a step: never spliced into a script or an action input.
    expect(everywhere.length).toBeGreaterThan(0);
    expect(everywhere.filter((s) => !inEnv.includes(s))).toEqual([]);
    for (const step of steps(wf)) {
      expect(Object.values(step.with ?? {}).map(String).join(" ")).not.toMatch(/secrets\./);
      for (const line of commands(step)) {
        expect(line, `${file}: ${step.name}`).not.toMatch(/\bset\s+-[a-z]*x|\bprintenv\b|^\s*env\s*$/);
        if (/\b(echo|printf|cat)\b/.test(line)) {
          expect(line, `${file}: ${step.name}`).not.toMatch(/\$\{?(DOMAINSRESELLER_|PULUMI_CONFIG_PASSPHRASE|PULUMI_ACCESS_TOKEN|PULUMI_BACKEND_URL|GH_TOKEN)/);
        }
      }
    }
  });

  it("plan.yml: on a pull request, previews to preview.json, renders it with plan-md, posts one comment, then fails if the preview did", () => {
    const wf = workflow("plan.yml");
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    expect(wf.permissions?.["pull-requests"]).toBe("write");
    const list = steps(wf);
    const previewAt = indexOf(list, (s) => runsPulumi(s, "preview"), "running pulumi preview");
    const preview = list[previewAt] as Step;
    const line = commands(preview).find((l) => /pulumi preview/.test(l)) ?? "";
    expect(line).toMatch(/--json/);
    expect(line).toMatch(/> preview\.json/);
    // The exit status is kept for the last step, so the comment is posted even when the preview fails.
    expect(line).toMatch(/\|\| status=\$\?/);
    expect(preview.run).toMatch(/echo "status=\$status" >> "\$GITHUB_OUTPUT"/);
    expect(preview.id).toBeDefined();

    const renderAt = indexOf(list, (s) => /npx domainsreseller plan-md preview\.json > plan\.md/.test(s.run ?? ""), "running plan-md on preview.json");
    const commentAt = indexOf(list, (s) => /gh pr comment|gh api/.test(s.run ?? "") || (s.uses ?? "").startsWith("actions/github-script@"), "posting the comment");
    expect(list[commentAt]?.run).toMatch(/plan\.md/);
    // Sticky: an earlier plan comment is found again and edited instead of adding one per push.
    expect(list[commentAt]?.run).toMatch(/--method PATCH/);
    const failAt = list.length - 1;
    expect(list[failAt]?.if).toBe(`steps.${preview.id}.outputs.status != '0'`);
    expect(list[failAt]?.run).toMatch(/exit 1/);
    expect([previewAt, renderAt, commentAt, failAt]).toEqual([previewAt, renderAt, commentAt, failAt].sort((a, b) => a - b));
    // Pull requests from forks never get the secrets.
    expect(wf.jobs.plan?.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
  });

  it("apply.yml: on a push to main, pulumi up --yes, one run at a time and never cancelled midway", () => {
    const wf = workflow("apply.yml");
    expect(wf.on.push).toEqual({ branches: ["main"] });
    const concurrency = wf.concurrency ?? Object.values(wf.jobs)[0]?.concurrency;
    expect(concurrency?.group).toMatch(/\S/);
    expect(concurrency?.["cancel-in-progress"]).toBe(false);
    const up = steps(wf).find((s) => runsPulumi(s, "up"));
    expect(up?.run).toMatch(/pulumi up .*--yes/);
  });

  it("drift.yml: nightly, preview --refresh --expect-no-changes --json; on failure plan-md and an issue labelled dns-drift", () => {
    const wf = workflow("drift.yml");
    expect(wf.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }]);
    const list = steps(wf);
    const check = list.find((s) => runsPulumi(s, "preview")) as Step;
    const line = commands(check).find((l) => /pulumi preview/.test(l)) ?? "";
    for (const flag of ["--refresh", "--expect-no-changes", "--json"]) expect(line).toContain(flag);
    expect(line).toMatch(/> drift\.json \|\| status=\$\?/);
    const failed = `steps.${check.id}.outputs.status != '0'`;
    const report = list.find((s) => /gh issue create/.test(s.run ?? "")) as Step;
    expect(report.if).toBe(failed);
    expect(report.run).toMatch(/npx domainsreseller plan-md drift\.json > drift\.md/);
    expect(report.run).toMatch(/gh issue list --label dns-drift --state open/);
    expect(report.run).toMatch(/gh issue create .*--label dns-drift .*--body-file drift\.md/);
    expect(report.run).toMatch(/gh issue comment "\$number" --body-file drift\.md/);
    expect(wf.permissions?.issues).toBe("write");
    expect(list.at(-1)?.if).toBe(failed);
    expect(list.at(-1)?.run).toMatch(/exit 1/);
  });

  it("expiry.yml: daily, the same setup, then `domainsreseller sync --stack-name ci` with the account's credentials, failing as sync exits", () => {
    const wf = workflow(EXPIRY);
    expect(wf.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }]);
    expect(wf.permissions).toEqual({ contents: "read" });
    const list = steps(wf);
    const checkout = indexOf(list, (s) => s.uses === "actions/checkout@v4", "actions/checkout@v4");
    const node = indexOf(list, (s) => s.uses === "actions/setup-node@v4", "actions/setup-node@v4");
    expect(String(list[node]?.with?.["node-version"])).toBe("20");
    const install = indexOf(list, (s) => s.run?.trim() === "npm ci", "npm ci");
    const cli = indexOf(list, (s) => s.uses === "pulumi/actions@v6", "pulumi/actions@v6");
    expect(list[cli]?.with?.command).toBeUndefined();
    const login = indexOf(list, (s) => runsPulumi(s, "login"), "running pulumi login");
    expect(list[login]?.env?.PULUMI_BACKEND_URL).toBe("${{ secrets.PULUMI_BACKEND_URL }}");
    const checkAt = indexOf(list, (s) => commands(s).some((l) => /npx domainsreseller sync\b/.test(l)), "running domainsreseller sync");
    expect([checkout, node, install, cli, login, checkAt]).toEqual([checkout, node, install, cli, login, checkAt].sort((a, b) => a - b));
    const check = list[checkAt] as Step;
    const line = commands(check).find((l) => /domainsreseller sync/.test(l)) ?? "";
    expect(line).toMatch(/--stack-name ci\b/);
    expect(line).toMatch(/--days \d+/);
    // The table reaches the summary even when sync exits 1; then the step fails with sync's status.
    expect(line).toMatch(/\|\| status=\$\?/);
    expect(check.run).toMatch(/GITHUB_STEP_SUMMARY/);
    expect(commands(check).filter((l) => l.trim() !== "").at(-1)?.trim()).toBe('exit "$status"');
    for (const name of CREDENTIALS.filter((n) => n.startsWith("DOMAINSRESELLER_"))) expect(check.env?.[name], name).toBe(`\${{ secrets.${name} }}`);
    // `pulumi stack export` decrypts nothing: the passphrase is not handed out where it is not needed.
    expect(readFileSync(join(WORKFLOWS, EXPIRY), "utf8")).not.toMatch(/PULUMI_CONFIG_PASSPHRASE/);
    expect(list.at(-1)).toBe(check);
  });
});

describe("examples/gitops-dns zone files", () => {
  const files = readdirSync(ZONES).filter((f) => f.endsWith(".yaml"));

  it("are one per domain the program declares, each named <domain>.yaml", () => {
    const program = readFileSync(join(EXAMPLE, "index.ts"), "utf8");
    const declared = [...program.matchAll(/^zone\("([^"]+)"/gm)].map((m) => `${m[1]}.yaml`);
    expect(files.length).toBeGreaterThan(0);
    expect(files.sort()).toEqual(declared.sort());
  });

  it.each(files)("%s loads as the program loads it, with the schema line for editors", (file) => {
    const domain = basename(file, ".yaml");
    const zone = loadZoneFile(join(ZONES, file), { domain });
    expect(zone.domain).toBe(domain);
    expect(zone.records.length).toBeGreaterThan(0);
    expect(readFileSync(join(ZONES, file), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../zone.schema.json");
  });

  it("zone.schema.json is what `domainsreseller schema zone` prints now (regenerate it after a schema change)", () => {
    expect(JSON.parse(readFileSync(join(EXAMPLE, "zone.schema.json"), "utf8"))).toEqual(zoneFileJsonSchema());
  });

  it("Pulumi.ci.yaml sets the safety limits and no credentials (those come from the environment)", () => {
    const stack = parse(readFileSync(join(EXAMPLE, "Pulumi.ci.yaml"), "utf8")) as { config: Record<string, unknown> };
    const keys = Object.keys(stack.config);
    expect(keys).toEqual(expect.arrayContaining(["zoneChangeThreshold", "zoneChangeMinRecords", "maxChargePerRun", "maxDeletesPerRun"].map((k) => `domainsreseller:${k}`)));
    expect(keys.filter((k) => /endpoint|username|apiKey|profiles/.test(k))).toEqual([]);
  });
});
