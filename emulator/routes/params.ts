/**
 * Typed reads of the merged request parameters (query, then body, as PHP's `$_REQUEST` with
 * request_order "GP"). Every failure is a 400 whose message names the field as the client sent it.
 */
import type { PhpValue } from "../php/parse-str";
import { invalid } from "../errors";

export class Params {
  constructor(readonly raw: { [key: string]: PhpValue }) {}

  /** A scalar, or undefined when absent. A nested array where a scalar belongs is a 400. */
  str(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined) return undefined;
    if (typeof v !== "string") throw invalid(`${name} must be a single value, not an array`);
    return v;
  }

  required(name: string): string {
    const v = this.str(name)?.trim();
    if (v === undefined || v === "") throw invalid(`${name} is required`);
    return v;
  }

  /** An array parameter (`name[...]`) as an ordered list of [key, value] pairs. */
  entries(name: string): [string, PhpValue][] {
    const v = this.raw[name];
    if (v === undefined) return [];
    if (typeof v === "string") {
      if (v === "") return [];
      throw invalid(`${name} must be an array (${name}[...]=...)`);
    }
    return Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
  }

  /** `regperiod` and friends: a whole number, or the default when absent. */
  int(name: string, fallback?: number): number {
    const v = this.str(name)?.trim();
    if (v === undefined || v === "") {
      if (fallback !== undefined) return fallback;
      throw invalid(`${name} is required`);
    }
    if (!/^\d{1,4}$/.test(v)) throw invalid(`${name} must be a whole number, got "${v}"`);
    return Number(v);
  }
}

/** An object-valued PhpValue as a plain record of its scalar members (arrays dropped). */
export function scalars(v: PhpValue | undefined): Record<string, string> {
  if (v === undefined || typeof v === "string") return {};
  const entries: [string, PhpValue][] = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === "string"));
}
