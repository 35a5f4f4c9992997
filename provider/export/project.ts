// Every file of an exported project, as paths relative to the output directory and their text:
// the program, the zone files it loads, and what makes the folder a Pulumi TypeScript project.
import { formatZoneFile } from "../zonefile";
import { commentText } from "./escape";
import { projectName } from "./names";
import type { DomainExport } from "./plan";
import { renderProgram } from "./program";

export interface ExportFile {
  path: string;
  text: string;
}

export interface ProjectOptions {
  /** The output directory's name, from which the Pulumi project name is derived. */
  dirName: string;
  /** The version of pulumi-domainsreseller that made the export (the dependency's floor). */
  providerVersion: string;
  /** The @pulumi/pulumi range the provider supports. */
  pulumiRange: string;
}

export function zoneFileText(e: DomainExport): string | undefined {
  if (!e.dns.declare) return undefined;
  const zone = e.dns.value;
  const comments = [
    `${e.domain}: the live zone, exported by domainsreseller export.`,
    zone.mode === "authoritative"
      ? "authoritative: the zone holds exactly these records; a record added elsewhere shows as drift on refresh and is removed by `up`."
      : "merge: these records are managed; the live rows below could not be declared as they are and stay in the zone unmanaged:",
    ...zone.leftOut.map((l) => `  ${commentText(l.row)}: ${commentText(l.reason)}`),
  ];
  return formatZoneFile({ domain: e.domain, mode: zone.mode, records: zone.records }, { comments });
}

export function exportFiles(exports: readonly DomainExport[], options: ProjectOptions): ExportFile[] {
  const name = projectName(options.dirName);
  const files: ExportFile[] = [
    { path: "index.ts", text: renderProgram(exports) },
    { path: "Pulumi.yaml", text: `name: ${name}\nruntime: nodejs\ndescription: Domains exported from a Domains Reseller account by domainsreseller export\nmain: index.ts\n` },
    {
      path: "package.json",
      text: `${JSON.stringify(
        {
          name,
          private: true,
          main: "index.ts",
          dependencies: { "@pulumi/pulumi": options.pulumiRange, "pulumi-domainsreseller": `^${options.providerVersion}` },
          devDependencies: { "@types/node": "^20.19.0", typescript: "~5.9.3" },
        },
        null,
        2,
      )}\n`,
    },
    {
      path: "tsconfig.json",
      text: `${JSON.stringify(
        { compilerOptions: { strict: true, target: "ES2022", module: "commonjs", moduleResolution: "node", esModuleInterop: true, skipLibCheck: true, outDir: "bin" }, files: ["index.ts"] },
        null,
        2,
      )}\n`,
    },
  ];
  for (const e of exports) {
    const zone = zoneFileText(e);
    if (zone !== undefined && e.dns.declare) files.push({ path: e.dns.value.file, text: zone });
  }
  return files;
}
