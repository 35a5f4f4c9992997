// Maps `METHOD PATH` as typed on the command line (e.g. `GET /domains/example.com/lock`) to a
// route of the client's table, with the path parameters it carries; suggests close matches.
import { routes, type RouteName } from "../provider/client";

export interface Match {
  route: RouteName;
  pathParams: Record<string, string>;
}

function pattern(template: string): RegExp {
  // Templates hold only [a-z/] and {name} placeholders; "." and the like never need escaping.
  const source = template.replace(/\{(\w+)\}/g, (_m, name: string) => `(?<${name}>[^/]+)`);
  return new RegExp(`^${source}/?$`);
}

export function matchRoute(method: string, path: string): Match | undefined {
  const verb = method.toUpperCase();
  const clean = path.split("?")[0] ?? path;
  for (const [name, def] of Object.entries(routes)) {
    if (def.method !== verb) continue;
    const m = pattern(def.path).exec(clean);
    if (m) return { route: name as RouteName, pathParams: Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])) };
  }
  return undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const temp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = temp;
    }
  }
  return row[b.length] as number;
}

/** The three routes nearest to what was typed, shown with the typed domain filled in. */
export function closeMatches(method: string, path: string, count = 3): string[] {
  const domain = /^\/domains\/([^/]+)/.exec(path)?.[1];
  const typed = `${method.toUpperCase()} ${path}`;
  return Object.values(routes)
    .map((def) => {
      const shown = domain && def.path.includes("{domain}") ? def.path.replace("{domain}", domain) : def.path;
      return { text: `${def.method} ${shown}`, score: distance(typed, `${def.method} ${shown}`) };
    })
    .sort((a, b) => a.score - b.score)
    .slice(0, count)
    .map((m) => m.text);
}
