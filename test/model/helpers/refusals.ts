// One runner for the tables of refused inputs: each row is refused through checkInputs, before any
// API call, with a failure on the named property whose reason says what to do.
import { expect, it } from "vitest";
import type { z } from "zod";
import { checkInputs } from "../../../provider/model/check";

export type RefusalCase = [what: string, schema: z.ZodObject, inputs: Record<string, unknown>, property: string, says: RegExp];

export function itRefusesEach(cases: readonly RefusalCase[]): void {
  it.each(cases)("%s", (_what, schema, inputs, property, says) => {
    const outcome = checkInputs(schema, inputs);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const failure = outcome.failures.find((f) => f.property === property);
    expect(failure, JSON.stringify(outcome.failures)).toBeDefined();
    expect(failure?.reason).toMatch(says);
    // The message starts with the property it is about, so a user finds the line to fix.
    expect(failure?.reason.startsWith(`"${property}" `) || failure?.reason.startsWith("unknown properties")).toBe(true);
  });
}
