// The User-Agent names this package and its version. package.json is found by walking up from
// this file, because the compiled file sits at a different depth (dist/provider/client) than the source.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

let cached: string | undefined;

export function packageVersion(): string {
  if (cached !== undefined) return cached;
  cached = "0.0.0";
  for (let dir = __dirname, i = 0; i < 6; dir = dirname(dir), i += 1) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "pulumi-domainsreseller" && typeof pkg.version === "string") {
        cached = pkg.version;
        break;
      }
    } catch {
      // An unreadable package.json on the way up is not ours; keep looking.
    }
  }
  return cached;
}

export function defaultUserAgent(): string {
  return `pulumi-domainsreseller/${packageVersion()}`;
}
