// The zone-change rail: a DnsRecordSet change that deletes or rewrites more than a share of a zone
// (30 % of 10 or more live records by default), or touches the apex NS records, is refused unless
// the resource's `allowChanges` names that exact change. OctoDNS binds `--force` to its plan the
// same way; here the consent lives in the program, so it is reviewed in the pull request with the
// change it allows.
import { recordKey } from "../dns/key";
import type { DnsRecordSetState } from "../dns/state";
import type { DnsRecord } from "../dns/types";
import { consentFor, planChecksum, type Consent } from "./checksum";

export interface ZoneChangeThresholds {
  /** Percent of the live records a change may delete or rewrite without consent. */
  percent: number;
  /** Zones with fewer live records than this are not held to `percent`. */
  minRecords: number;
}

export const DEFAULT_ZONE_THRESHOLDS: ZoneChangeThresholds = { percent: 30, minRecords: 10 };

export interface ZoneChangeRequest {
  /** The state after the last apply or refresh: the managed records and the count of the others. */
  olds: Pick<DnsRecordSetState, "domain" | "mode" | "records" | "unmanagedCount">;
  /** The declared records and mode, canonical. */
  declared: { mode: DnsRecordSetState["mode"]; records: readonly DnsRecord[] };
  thresholds: ZoneChangeThresholds;
  consent?: Consent | undefined;
}

export interface ZoneChange {
  /** One line per change, `+ www/A/192.0.2.1`, `- old/CNAME/x.example.net`, `~ @/MX/mail.example.com priority 10 → 20`. */
  lines: string[];
  /** Live records deleted or rewritten (additions do not count). */
  destructive: number;
  liveCount: number;
  apexNs: boolean;
}

const show = (r: DnsRecord) => `${recordKey(r)}${r.priority === undefined ? "" : ` (priority ${r.priority})`}`;

export function zoneChangeOf(request: Pick<ZoneChangeRequest, "olds" | "declared">): ZoneChange {
  const { olds, declared } = request;
  const wanted = new Map(declared.records.map((r) => [recordKey(r), r]));
  const lines: string[] = [];
  let destructive = 0;
  let apexNs = false;
  const touch = (r: DnsRecord) => {
    if (r.name === "@" && r.type === "NS") apexNs = true;
  };
  for (const [key, old] of Object.entries(olds.records)) {
    const next = wanted.get(key);
    if (next === undefined) {
      lines.push(`- ${show(old)}`);
      destructive++;
      touch(old);
    } else if (next.priority !== old.priority) {
      lines.push(`~ ${key} priority ${old.priority ?? "none"} → ${next.priority ?? "none"}`);
      destructive++;
      touch(old);
    }
  }
  for (const [key, next] of wanted) {
    if (olds.records[key] !== undefined) continue;
    lines.push(`+ ${show(next)}`);
    touch(next);
  }
  // Authoritative: live rows outside the declaration (after a refresh, or when taking a merge set over) go too.
  const unmanagedGoing = declared.mode === "authoritative" ? olds.unmanagedCount : 0;
  if (unmanagedGoing > 0) {
    lines.push(`- ${unmanagedGoing} record${unmanagedGoing === 1 ? "" : "s"} not declared here (authoritative)`);
    destructive += unmanagedGoing;
  }
  return { lines, destructive, liveCount: Object.keys(olds.records).length + olds.unmanagedCount, apexNs };
}

export type ZoneChangeVerdict = { ok: true; change: ZoneChange } | { ok: false; change: ZoneChange; message: string };

const LIST_LIMIT = 25;

function listed(lines: readonly string[]): string {
  const shown = lines.slice(0, LIST_LIMIT).map((line) => `    ${line}`);
  if (lines.length > LIST_LIMIT) shown.push(`    … and ${lines.length - LIST_LIMIT} more`);
  return shown.join("\n");
}

export function reviewZoneChange(request: ZoneChangeRequest): ZoneChangeVerdict {
  const change = zoneChangeOf(request);
  const { thresholds } = request;
  const share = change.liveCount === 0 ? 0 : (change.destructive / change.liveCount) * 100;
  const large = change.liveCount >= thresholds.minRecords && share > thresholds.percent;
  if (!large && !change.apexNs) return { ok: true, change };
  const planned: Consent = { changes: change.lines.length, checksum: planChecksum(request.olds.domain, change.lines) };
  const verdict = consentFor(request.consent, planned);
  if (verdict === "matches") return { ok: true, change };
  const rule = change.apexNs ? "apex-ns" : "zone-change";
  const why = change.apexNs
    ? `this change touches the apex NS records of ${request.olds.domain}, which decide who answers for the whole zone`
    : `this change deletes or rewrites ${change.destructive} of the ${change.liveCount} live records of ${request.olds.domain} (${Math.round(share)} %, more than the ${thresholds.percent} % allowed for zones of ${thresholds.minRecords} or more records)`;
  const stale =
    verdict === "stale"
      ? `\n  The allowChanges given ({ changes: ${request.consent?.changes}, checksum: "${request.consent?.checksum}" }) was for a different change; review the list below before consenting to this one.`
      : "";
  const message =
    `safety rail "${rule}": ${why}. Nothing was changed.${stale}\n` +
    `  The planned change (${planned.changes}):\n${listed(change.lines)}\n` +
    `  To allow exactly this change, add to the DnsRecordSet's inputs:\n` +
    `    allowChanges: { changes: ${planned.changes}, checksum: "${planned.checksum}" }\n` +
    `  (any other change is refused again; the limits are the stack config domainsreseller:zoneChangeThreshold and domainsreseller:zoneChangeMinRecords).`;
  return { ok: false, change, message };
}
