// The plan as a pull-request comment: a title with the counts, "Needs attention" first (errors,
// safety-rail refusals with their consent in a code block to copy, deletions and replacements,
// domain moves, every live DNS record deleted, every DNS name and type given back, charges), then
// one section per domain with its tables; long tables fold into <details>.
import { KIND_TITLES } from "./kinds";
import type { Changes, DnsRecordView, ForwardView } from "./pairs";
import type { Kind } from "./kinds";
import type { Charge, DnsNameGivenBack, DnsRecordChange, DomainMove, Drift, Plan, PreviewError, ResourceChange, ResourceRef } from "./report";
import type { FieldChange, InputChanges } from "./resources";

/** A side of a change where the input is absent (a new input, or one removed from the code). */
const NONE = "(none)";

/** Tables longer than this fold into <details>, so the comment stays readable. */
const FOLD_ROWS = 10;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Needs attention when there is nothing to list: printed only then. */
export const NOTHING = "Nothing: no errors, refusals, deleted or replaced resources, domain moves, deleted DNS records, DNS names given back or charges.";

/** Inline code that survives any content: backticks and line breaks (pipes: see `table`). */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, " ⏎ ");
  if (flat === "") return "";
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced block for text to copy whole (refusal messages, consent lines). */
function block(text: string, language = ""): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

const escapeText = (text: string): string => text.replace(/([\\`*_[\]<>|])/g, "\\$1");

/** A pipe inside a cell would end it, even inside a code span: GitHub reads `\|` there as the character. */
const cell = (text: string): string => text.replace(/\|/g, "\\|");

function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
  if (rows.length <= FOLD_ROWS) return lines;
  return [`<details><summary>${rows.length} rows</summary>`, "", ...lines, "", "</details>"];
}

const refName = (r: ResourceRef): string => `${r.kind} ${code(r.name)}`;
const where = (r: ResourceRef): string => `${refName(r)}${r.domain ? ` on ${code(r.domain)}` : ""}`;

function title(plan: Plan): string {
  const c = plan.counts;
  const parts = [
    c.create && `${c.create} to create`,
    c.update && `${c.update} to update`,
    c.replace && `${c.replace} to replace`,
    c.delete && `${c.delete} to delete`,
    `${c.unchanged} unchanged`,
  ].filter((p): p is string => typeof p === "string");
  if (c.drifted) parts.push(`${plural(c.drifted, "resource")} drifted`);
  if (c.otherProviders) parts.push(`${plural(c.otherProviders, "resource")} of other providers not shown`);
  const head = plan.failed ? `Preview failed (${plural(c.errors, "error")})` : "Plan";
  return `## ${head}: ${parts.join(", ")}`;
}

function errorLines(error: PreviewError): string[] {
  const who = error.resource ? where(error.resource) : error.resourceName ? code(error.resourceName) : "the stack";
  if (error.refusal) {
    const { rule, consent, consentKind } = error.refusal;
    const lines = [`- **Refused by safety rail ${code(rule)}**: ${who}`, "", indent(block(error.message))];
    if (consent) {
      const how = consentKind === "inputs" ? "To allow exactly this change, add to the resource's inputs:" : "To allow exactly this change, run:";
      lines.push("", `  ${how}`, "", indent(block(consent, consentKind === "inputs" ? "ts" : "sh")));
    }
    return [...lines, ""];
  }
  return [`- **Error**: ${who}`, "", indent(block(error.message)), ""];
}

const indent = (text: string): string =>
  text
    .split("\n")
    .map((l) => (l === "" ? l : `  ${l}`))
    .join("\n");

function chargeRows(charges: Charge[]): string[][] {
  return charges.map((c) => [
    c.charge === "order" ? c.quoteKind : "renew",
    code(c.domain ?? c.name),
    code(c.name),
    c.years === undefined ? "" : String(c.years),
    `**${c.amount} ${c.currency}**`,
    c.runningTotal === undefined ? "" : `${c.runningTotal} ${c.currency}`,
  ]);
}

/** A live record as the provider names it: `name/type/value`, with the priority of an MX or SRV. */
const liveName = (r: DnsRecordView): string => code(`${r.name}/${r.type}/${r.value}${r.priority === undefined ? "" : ` (priority ${r.priority})`}`);

function liveRows<T extends DnsRecordChange>(records: T[], extra: (r: T) => string[] = () => []): string[][] {
  return records.map((r) => [code(r.domain), code(r.record.name), r.record.type, code(r.record.value), r.record.priority === undefined ? "" : String(r.record.priority), code(r.resource.name), ...extra(r)]);
}

/**
 * What `pulumi up` does to a name and type a DnsRecordSet gives back: the preview cannot say record
 * by record (only the state knows what was found), so every row says it in these words.
 */
export const GIVEN_BACK_AS_FOUND = "given back as found when it was taken over: its own records there are removed, what it replaced comes back, records that were there before stay";

function givenBackRows(names: DnsNameGivenBack[]): string[][] {
  return names.map((n) => [code(n.domain), code(n.name), n.type, code(n.resource.name), GIVEN_BACK_AS_FOUND]);
}

/** What giving the old domain back means, for the kinds where "as it was found" alone does not say it. */
const GIVEN_BACK: Partial<Record<Kind, string>> = {
  DnsRecordSet: "records this resource added there are removed",
  EmailForwarding: "forwards this resource added there are removed",
  PrivateNameserver: "a glue host this resource registered there is deleted",
};

/** Live records a move deletes on the new domain, named inline up to this many. */
const INLINE_RECORDS = 5;

function moveLine(move: DomainMove, plan: Plan): string {
  const old = code(move.from);
  const next = code(move.to);
  const given = GIVEN_BACK[move.kind];
  const deleted = plan.dnsRecordsDeleted.filter((r) => r.resource.kind === move.kind && r.resource.name === move.name && r.domain === move.to);
  const named = deleted.slice(0, INLINE_RECORDS).map((r) => liveName(r.record));
  const more = deleted.length > INLINE_RECORDS ? ` and ${deleted.length - INLINE_RECORDS} more` : "";
  const there = deleted.length === 0 ? "" : `, deleting ${plural(deleted.length, "live record")} there: ${named.join(", ")}${more}`;
  return `${refName(move)} moves from ${old} to ${next}: ${old} is given back as it was found${given ? ` (${given})` : ""}; ${next} is taken over as found${there}.`;
}

function attention(plan: Plan): string[] {
  const lines = ["### Needs attention", ""];
  const refusals = plan.errors.filter((e) => e.refusal);
  const others = plan.errors.filter((e) => !e.refusal);
  if (plan.failed) lines.push(`The preview failed: nothing can be applied until ${plan.errors.length === 1 ? "this is" : "these are"} fixed.`, "");
  for (const e of [...refusals, ...others]) lines.push(...errorLines(e));
  if (plan.removals.length > 0) {
    lines.push(`**Deletions and replacements** (${plan.removals.length})`, "");
    lines.push(...table(["Action", "Resource", "Domain", "Why"], plan.removals.map((r) => [r.action, refName(r), r.domain ? code(r.domain) : "", r.replaceReasons.length ? `replaced for ${r.replaceReasons.map(code).join(", ")}` : r.action === "delete" ? "removed from the program" : ""])));
    lines.push("");
  }
  if (plan.domainMoves.length > 0) {
    lines.push(`**Domain moves** (${plan.domainMoves.length})`, "");
    for (const move of plan.domainMoves) lines.push(`- ${moveLine(move, plan)}`);
    lines.push("");
  }
  if (plan.dnsRecordsDeleted.length > 0) {
    lines.push(`**DNS records deleted** (${plan.dnsRecordsDeleted.length}): live records \`pulumi up\` deletes`, "");
    lines.push(...table(["Domain", "Name", "Type", "Value", "Priority", "Resource", "Why"], liveRows(plan.dnsRecordsDeleted, (r) => [r.reason])), "");
  }
  if (plan.dnsNamesGivenBack.length > 0) {
    lines.push(`**DNS names given back** (${plan.dnsNamesGivenBack.length}): names and types the code stops declaring`, "");
    lines.push(...table(["Domain", "Name", "Type", "Resource", "What `pulumi up` does"], givenBackRows(plan.dnsNamesGivenBack)), "");
  }
  if (plan.charges.length > 0) {
    lines.push(`**Charges** (${plan.charges.length}): billed to the reseller account by \`pulumi up\`, at the price quoted now`, "");
    lines.push(...table(["Order", "Domain", "Resource", "Years", "Amount", "Running total"], chargeRows(plan.charges)), "");
  }
  if (lines.length === 2) lines.push(NOTHING, "");
  return lines;
}

const recordRow = (change: string, r: DnsRecordView): string[] => [change, code(r.name), r.type, code(r.value), r.priority === undefined ? "" : String(r.priority)];

/** Row labels: a change of the code, or what a refresh found changed live. */
interface RowLabels {
  added: string;
  removed: string;
  changed: string;
}
const CODE_ROWS: RowLabels = { added: "added", removed: "removed", changed: "changed" };
const LIVE_ROWS: RowLabels = { added: "added live", removed: "removed live", changed: "changed live" };

function dnsTable(dns: Changes<DnsRecordView>, labels: RowLabels): string[] {
  const rows = [
    ...dns.added.map((r) => recordRow(labels.added, r)),
    ...dns.removed.map((r) => recordRow(labels.removed, r)),
    ...dns.changed.map(({ old, new: next }) => [
      labels.changed,
      code(next.name),
      next.type,
      `${code(old.value)} → ${code(next.value)}`,
      old.priority === next.priority ? (next.priority === undefined ? "" : String(next.priority)) : `${old.priority ?? ""} → ${next.priority ?? ""}`,
    ]),
  ];
  return table(["Change", "Name", "Type", "Value", "Priority"], rows);
}

function forwardTable(forwards: Changes<ForwardView>, labels: RowLabels): string[] {
  const rows = [
    ...forwards.added.map((f) => [labels.added, code(f.from), code(f.to)]),
    ...forwards.removed.map((f) => [labels.removed, code(f.from), code(f.to)]),
    ...forwards.changed.map(({ old, new: next }) => [labels.changed, code(next.from), `${code(old.to)} → ${code(next.to)}`]),
  ];
  return table(["Change", "From", "To"], rows);
}

/** Column titles of a field table: a new resource has values only, a change has both sides. */
type Labels = { old: string; new: string } | "values";

function fieldLines(fields: FieldChange[], labels: Labels): string[] {
  const shown = (value: string | null): string => code(value ?? NONE);
  if (labels === "values") return table(["Field", "Value"], fields.map((f) => [code(f.path), shown(f.new)]));
  if (fields.length === 1 && fields[0]) {
    const f = fields[0];
    const sides = labels.old === "Old" ? "" : ` (${labels.old.toLowerCase()} → ${labels.new.toLowerCase()})`;
    return [`${code(f.path)}: ${shown(f.old)} → ${shown(f.new)}${sides}`];
  }
  return table(["Field", labels.old, labels.new], fields.map((f) => [code(f.path), shown(f.old), shown(f.new)]));
}

function changeLines(changes: InputChanges, labels: Labels, rows: RowLabels = CODE_ROWS): string[] {
  const lines: string[] = [];
  if (changes.dns) lines.push(...dnsTable(changes.dns, rows), "");
  if (changes.forwards) lines.push(...forwardTable(changes.forwards, rows), "");
  if (changes.fields.length > 0) lines.push(...fieldLines(changes.fields, labels), "");
  return lines;
}

const ACTION_TEXT: Record<string, string> = { create: "created", update: "updated", delete: "deleted", replace: "replaced" };

function resourceLines(change: ResourceChange): string[] {
  const head = `**${KIND_TITLES[change.kind]}** (${code(change.name)}, ${ACTION_TEXT[change.action] ?? change.action})`;
  if (change.action === "delete" && !change.changes.dns) return [`${head}: removed from the program; the provider gives back what it found when it took the setting over.`, ""];
  const body = changeLines(change.changes, change.action === "create" ? "values" : { old: "Old", new: "New" });
  return body.length === 0 ? [head, ""] : [head, "", ...body];
}

function driftLines(drift: Drift): string[] {
  const head = `**${KIND_TITLES[drift.kind]}** (${code(drift.name)})`;
  return [head, "", ...changeLines(drift.changes, { old: "Recorded", new: "Live" }, LIVE_ROWS)];
}

/** Renders a plan as Markdown for a pull-request comment. */
export function renderMarkdown(plan: Plan): string {
  const lines = [title(plan), "", ...attention(plan)];
  for (const domain of plan.domains) {
    if (domain.changes.length === 0 && domain.drift.length === 0) continue;
    const unchanged = domain.unchanged > 0 ? ` (${domain.unchanged} unchanged)` : "";
    lines.push(`### ${escapeText(domain.domain)}${unchanged}`, "");
    if (domain.drift.length > 0) {
      lines.push("#### Drift: changed outside of code", "", "Found by `--refresh`: the live values differ from what the last `up` recorded. `pulumi up` puts back what the code says.", "");
      for (const d of domain.drift) lines.push(...driftLines(d));
      if (domain.changes.length > 0) lines.push("#### Changes in the code", "");
    }
    for (const change of domain.changes) lines.push(...resourceLines(change));
  }
  if (plan.warnings.length > 0) {
    lines.push(`<details><summary>${plural(plan.warnings.length, "warning")}</summary>`, "");
    for (const w of plan.warnings) lines.push(`- ${w.resource ? where(w.resource) : w.resourceName ? code(w.resourceName) : "the stack"}: ${code(w.message)}`);
    lines.push("", "</details>", "");
  }
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
