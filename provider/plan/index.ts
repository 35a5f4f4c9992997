// Pull-request plans from `pulumi preview --json`: parse the preview, decide what a reviewer must
// see, render it as Markdown or JSON. Pure; `domainsreseller plan-md` reads and prints.
export { parsePreview, readPreview, PreviewFormatError, type Preview, type PreviewStep, type PreviewDiagnostic } from "./preview";
export { buildPlan, type Plan, type PlanCounts, type DomainPlan, type ResourceChange, type Drift, type Charge, type PreviewError, type Action, type DomainMove, type DnsRecordChange, type DnsRecordDeletion, type DnsNameGivenBack } from "./report";
export type { DeleteReason, GivenBackName, LiveRecord } from "./live";
export { refusalOf, SAFETY_RULES, type Refusal } from "./refusals";
export { renderMarkdown } from "./markdown";
export { renderJson, PLAN_FORMAT } from "./json";
export { SECRET_TEXT } from "./values";
