// The plan as a JSON document for bots: the same content as the Markdown, with a format tag so a
// consumer can tell this document's version. Secrets are already "[secret]" in the plan.
import type { Plan } from "./report";

export const PLAN_FORMAT = "domainsreseller-plan/1";

export function renderJson(plan: Plan): string {
  return `${JSON.stringify({ format: PLAN_FORMAT, ...plan }, null, 2)}\n`;
}
