// The pure reading of `pulumi preview --json` on hand-made minimal documents: the edge cases a
// captured preview does not show (an empty preview, a failed one with no steps, resources of other
// providers, secrets in every form the engine prints them, malformed documents).
import { describe, expect, it } from "vitest";
import { buildPlan, parsePreview, PreviewFormatError, refusalOf, renderJson, renderMarkdown } from "../../provider/plan";
import { splitUrn } from "../../provider/plan/preview";
import { compareKeyed, recordSlot, recordsOf } from "../../provider/plan/pairs";

const TYPE = (kind: string) => `pulumi-nodejs:dynamic/domainsreseller:${kind}`;
const URN = (type: string, name: string) => `urn:pulumi:dev::shop::${type}::${name}`;
const STACK = { op: "same", urn: URN("pulumi:pulumi:Stack", "shop-dev"), newState: { type: "pulumi:pulumi:Stack", inputs: {}, outputs: {} } };
const state = (kind: string, inputs: Record<string, unknown>) => ({ type: TYPE(kind), inputs, outputs: {} });
const step = (op: string, kind: string, name: string, olds?: Record<string, unknown>, news?: Record<string, unknown>) => ({
  op,
  urn: URN(TYPE(kind), name),
  ...(olds ? { oldState: state(kind, olds) } : {}),
  ...(news ? { newState: state(kind, news) } : {}),
});
const plan = (document: unknown) => buildPlan(parsePreview(JSON.stringify(document)));

describe("reading a preview", () => {
  it("an empty preview (no steps, no diagnostics) is a plan with nothing to do", () => {
    const p = plan({ steps: [], changeSummary: {} });
    expect(p.failed).toBe(false);
    expect(p.counts).toEqual({ create: 0, update: 0, delete: 0, replace: 0, unchanged: 0, drifted: 0, errors: 0, otherProviders: 0 });
    const md = renderMarkdown(p);
    expect(md.split("\n")[0]).toBe("## Plan: 0 unchanged");
    expect(md).toContain("Nothing: no errors, refusals, deleted or replaced resources, domain moves, deleted DNS records, DNS names given back or charges.");
  });

  it("a failed preview with no steps reports its errors first, and the stack's own resources are not counted", () => {
    const p = plan({ steps: [STACK], diagnostics: [{ urn: STACK.urn, severity: "error", message: "<{%reset%}>preview failed: something broke<{%reset%}>\n" }, { severity: "info", message: "noise" }] });
    expect(p.failed).toBe(true);
    expect(p.counts.errors).toBe(1);
    expect(p.counts.unchanged).toBe(0);
    expect(p.errors[0]?.message).toBe("preview failed: something broke");
    expect(renderMarkdown(p)).toMatch(/^## Preview failed \(1 error\): 0 unchanged\n\n### Needs attention\n\nThe preview failed/);
  });

  it("resources of other providers are counted, never described, and unknown to the domain sections", () => {
    const p = plan({
      steps: [
        STACK,
        { op: "create", urn: URN("aws:s3/bucket:Bucket", "logs"), newState: { type: "aws:s3/bucket:Bucket", inputs: { bucket: "logs", domain: "acme.com" } } },
        { op: "same", urn: URN("random:index/randomId:RandomId", "id"), newState: { type: "random:index/randomId:RandomId", inputs: {} } },
        { op: "same", urn: URN("pulumi:providers:aws", "default"), newState: { type: "pulumi:providers:aws", inputs: {} } },
        step("same", "RegistrarLock", "lock", { domain: "acme.com", locked: true }, { domain: "acme.com", locked: true }),
      ],
    });
    expect(p.counts).toMatchObject({ create: 0, unchanged: 1, otherProviders: 2 });
    expect(p.otherProviders).toEqual([{ type: "aws:s3/bucket:Bucket", action: "create" }, { type: "random:index/randomId:RandomId", action: "same" }]);
    const md = renderMarkdown(p);
    expect(md.split("\n")[0]).toBe("## Plan: 1 unchanged, 2 resources of other providers not shown");
    expect(md).not.toContain("logs");
    expect(md).not.toContain("### acme.com"); // nothing of ours changes there
  });

  it("a resource nested under a component is read by the last type of its URN", () => {
    expect(splitUrn("urn:pulumi:dev::shop::my:Component$pulumi-nodejs:dynamic/domainsreseller:Nameservers::ns")).toEqual({ type: TYPE("Nameservers"), name: "ns" });
  });

  it.each([
    ["the string the engine prints", "[secret]"],
    ["the secret signature object", { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: '"Epp-Plain-Text"' }],
  ])("a secret input prints as [secret] and never as plaintext: %s", (_label, secret) => {
    const p = plan({ steps: [step("update", "Domain", "moved", { name: "moving.net", source: "transfer", eppCode: "old" }, { name: "moving.net", source: "transfer", eppCode: secret })] });
    const out = renderMarkdown(p) + renderJson(p);
    expect(out).toContain("[secret]");
    expect(out).not.toContain("Epp-Plain-Text");
  });

  it("a create with a quote is an order; an update with a renew quote a renewal; an update with another quote no charge", () => {
    const quote = (kind: string) => ({ kind, years: 1, amount: "13.75", currency: "USD", runningTotal: "27.50" });
    const p = plan({
      steps: [
        step("create", "Domain", "new", undefined, { name: "new.com", source: "register", years: 1, quote: quote("register") }),
        step("update", "Domain", "old", { name: "old.com", source: "adopt" }, { name: "old.com", source: "adopt", quote: quote("renew") }),
        step("update", "Domain", "odd", { name: "odd.com", source: "adopt" }, { name: "odd.com", source: "adopt", maxPrice: 20, quote: quote("register") }),
      ],
    });
    expect(p.charges.map((c) => [c.charge, c.quoteKind, c.domain, c.amount, c.currency, c.runningTotal])).toEqual([
      ["order", "register", "new.com", "13.75", "USD", "27.50"],
      ["renewal", "renew", "old.com", "13.75", "USD", "27.50"],
    ]);
  });

  it("a removed record and an added one of the same name and type are one change, old → new", () => {
    const before = recordsOf({ "www/CNAME/a.test": { name: "www", type: "CNAME", value: "a.test" }, "@/MX/mx1.test": { name: "@", type: "MX", value: "mx1.test", priority: 10 } });
    const after = recordsOf({ "www/CNAME/b.test": { name: "www", type: "CNAME", value: "b.test" }, "@/TXT/v=spf1 -all": { name: "@", type: "TXT", value: "v=spf1 -all" } });
    const changes = compareKeyed(before, after, recordSlot);
    expect(changes.changed).toEqual([{ old: { name: "www", type: "CNAME", value: "a.test" }, new: { name: "www", type: "CNAME", value: "b.test" } }]);
    expect(changes.added).toEqual([{ name: "@", type: "TXT", value: "v=spf1 -all" }]);
    expect(changes.removed).toEqual([{ name: "@", type: "MX", value: "mx1.test", priority: 10 }]);
  });

  it("a table cell keeps a value with pipes and backticks intact", () => {
    const p = plan({ steps: [step("update", "DnsRecordSet", "zone", { domain: "a.com", records: {} }, { domain: "a.com", records: { "@/TXT/a|b`c": { name: "@", type: "TXT", value: "a|b`c" } } })] });
    expect(renderMarkdown(p)).toContain("| added | `@` | TXT | ``a\\|b`c`` |  |");
  });

  it.each([
    ["not JSON", "{ steps: ", /not valid JSON/],
    ["empty input", "  \n", /the input is empty/],
    ["a list", "[]", /expected a JSON object/],
    ["another document", '{"name": "package"}', /not the output of `pulumi preview --json`/],
    ["steps not a list", '{"steps": {}}', /"steps" must be a list/],
    ["a step without urn", '{"steps": [{"op": "create"}]}', /steps\[0\] is not a preview step/],
  ])("%s is refused with what was expected", (_label, text, message) => {
    expect(() => parsePreview(text)).toThrow(PreviewFormatError);
    expect(() => parsePreview(text)).toThrow(message);
  });
});

describe("safety-rail refusals", () => {
  it("reads the rule and the allowChanges consent line, not the stale one quoted inline", () => {
    const message = [
      'safety rail "zone-change": this change deletes 5 of the 12 live records. Nothing was changed.',
      '  The allowChanges given ({ changes: 4, checksum: "00000000" }) was for a different change; review the list below before consenting to this one.',
      '    allowChanges: { changes: 5, checksum: "3f9a1c2e" }',
    ].join("\n");
    expect(refusalOf(message)).toEqual({ rule: "zone-change", consent: 'allowChanges: { changes: 5, checksum: "3f9a1c2e" }', consentKind: "inputs" });
  });

  it("reads the allowDeletes command of max-deletes-per-run and the config command of max-charge-per-run", () => {
    expect(refusalOf('safety rail "max-deletes-per-run": this deployment would remove 11\n    - a\n  If intended:\n    pulumi config set domainsreseller:allowDeletes 11:0a1b2c3d')).toEqual({
      rule: "max-deletes-per-run",
      consent: "pulumi config set domainsreseller:allowDeletes 11:0a1b2c3d",
      consentKind: "command",
    });
    expect(refusalOf('safety rail "max-charge-per-run": would add up to 60.00 USD.\n  Order fewer domains in one run, or raise the limit for this run: pulumi config set domainsreseller:maxChargePerRun 60.00')?.consent).toBe(
      "pulumi config set domainsreseller:maxChargePerRun 60.00",
    );
  });

  it("a message without a safety rail is no refusal; a rail without a consent line still names its rule", () => {
    expect(refusalOf("maxPrice: the quote is 13.75 USD")).toBeUndefined();
    expect(refusalOf('safety rail "apex-ns": refused')).toEqual({ rule: "apex-ns", consent: undefined, consentKind: undefined });
  });
});

describe("who a message is about", () => {
  const GUARD = URN(TYPE("StackGuard"), "domainsreseller-stack-guard");
  it("the guard's max-deletes-per-run refusal is about the stack, with its allowDeletes command; the guard is never listed or counted", () => {
    const message =
      "error: pulumi-nodejs:dynamic/domainsreseller:StackGuard resource 'domainsreseller-stack-guard' has a problem: " +
      'safety rail "max-deletes-per-run": this deployment would remove 11 domainsreseller resources, more than domainsreseller:maxDeletesPerRun (10). Nothing was changed.\n' +
      "    - DnsRecordSet:zone\n  If these removals are intended, allow exactly them for this run:\n    pulumi config set domainsreseller:allowDeletes 11:0a1b2c3d\n";
    const p = plan({ steps: [STACK, step("update", "StackGuard", "domainsreseller-stack-guard", { members: ["a"] }, { members: [] })], diagnostics: [{ urn: GUARD, severity: "error", message }], changeSummary: { same: 1, update: 1 } });
    expect(p.counts).toMatchObject({ update: 0, unchanged: 0, otherProviders: 0, errors: 1 });
    const md = renderMarkdown(p);
    expect(md).toContain('- **Refused by safety rail `max-deletes-per-run`**: the stack\n\n  ```\n  safety rail "max-deletes-per-run": this deployment would remove 11');
    expect(md).toContain("  ```sh\n  pulumi config set domainsreseller:allowDeletes 11:0a1b2c3d\n  ```");
    expect(md).not.toContain("StackGuard");
  });

  it("a resource whose check failed has no step: it is named from its URN, and the engine's prefix is dropped", () => {
    const p = plan({ steps: [STACK], diagnostics: [{ urn: URN(TYPE("Domain"), "dear"), severity: "error", message: "error: pulumi-nodejs:dynamic/domainsreseller:Domain resource 'dear': property maxPrice value {5} has a problem: too dear\n" }] });
    expect(p.errors[0]).toMatchObject({ resource: { kind: "Domain", name: "dear", domain: undefined }, message: "property maxPrice value {5} has a problem: too dear" });
  });

  it("unchanged resources the preview does not list are counted from its summary, less the stack and the guard", () => {
    // Without --show-sames the engine lists only the stack among unchanged resources.
    const p = plan({ steps: [STACK, step("update", "RegistrarLock", "lock", { domain: "a.com", locked: false }, { domain: "a.com", locked: true })], changeSummary: { same: 14, update: 1 } });
    expect(p.counts.unchanged).toBe(12); // 14 less the stack and the guard
    expect(renderMarkdown(p).split("\n")[0]).toBe("## Plan: 1 to update, 12 unchanged");
  });
});

describe("values not known until apply", () => {
  it("records that depend on another resource's outputs are one unknown field, not every record removed", () => {
    const records = { "@/A/192.0.2.1": { name: "@", type: "A", value: "192.0.2.1" } };
    const p = plan({ steps: [step("update", "DnsRecordSet", "zone", { domain: "a.com", records }, { domain: "a.com", records: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" })] });
    const change = p.domains[0]?.changes[0]?.changes;
    expect(change?.dns).toBeUndefined();
    expect(change?.fields).toEqual([{ path: "records", old: '{"@/A/192.0.2.1":{"name":"@","type":"A","value":"192.0.2.1"}}', new: "[unknown until apply]" }]);
  });
});
