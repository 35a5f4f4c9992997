// The detailed diff a plugin hands the engine: one entry per property path that changes, so
// `pulumi preview --diff` names the record, nameserver or contact field that changes instead of
// a whole property. The runtime decides whether anything changes and what replaces; this only
// says where. A DnsRecordSet's records are a map keyed `name/type/value` in the engine form, so a
// record's path is `records["www/A/192.0.2.1"]`.
import { isUnknown } from "../model/unknown";
import type { Props } from "./values";

export type ChangeKind = "ADD" | "DELETE" | "UPDATE";

export interface PathChange {
  kind: ChangeKind;
  /** True when the top-level property is one whose change replaces the resource. */
  replace: boolean;
}

const isMap = (value: unknown): value is Props => typeof value === "object" && value !== null && !Array.isArray(value);
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A path segment in the engine's property-path syntax (`a.b`, `a[0]`, `a["x/y"]`). */
function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (PLAIN_KEY.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function walk(path: string, before: unknown, after: unknown, out: Map<string, ChangeKind>): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) return void out.set(path, "ADD");
  if (after === undefined) return void out.set(path, "DELETE");
  // An unknown is a change to show at its own path, not something to descend into.
  if (isUnknown(after) && !isMap(after) && !Array.isArray(after)) return void (before === after ? undefined : out.set(path, "UPDATE"));
  if (isMap(before) && isMap(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) walk(join(path, key), before[key], after[key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) walk(join(path, i), before[i], after[i], out);
    return;
  }
  if (!same(before, after)) out.set(path, "UPDATE");
}

/** Internal keys (the serialized provider of dynamic state) are never the user's to see. */
const visible = (props: Props): Props => Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith("__")));

/**
 * Every path where `news` differs from `olds` (both inputs, in the engine form). `replaces` are the
 * top-level properties the runtime says replace the resource; each is listed even when its value
 * compares equal here (the runtime knows why), so the engine always sees the replacement.
 */
export function detailedDiff(olds: Props, news: Props, replaces: readonly string[]): Map<string, PathChange> {
  const paths = new Map<string, ChangeKind>();
  walk("", visible(olds), visible(news), paths);
  const topOf = (path: string) => /^[^.[]*/.exec(path)?.[0] ?? path;
  const result = new Map<string, PathChange>();
  for (const [path, kind] of paths) result.set(path, { kind, replace: replaces.includes(topOf(path)) || replaces.includes(path) });
  for (const key of replaces) {
    const covered = [...result.keys()].some((path) => topOf(path) === key || path === key);
    if (!covered) result.set(key, { kind: "UPDATE", replace: true });
  }
  return result;
}
