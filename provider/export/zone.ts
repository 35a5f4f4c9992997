// Which live DNS records an exported DnsRecordSet declares, and in which mode, so that adopting
// the zone saves nothing. The runtime (provider/runtime/dnsRecordSet.ts, model/dns/plan.ts
// planSave) saves on create unless every live row is matched by a declared record or kept:
//   - authoritative removes every live row it does not declare: a row that cannot be read as a
//     record (an unknown type, a bad priority) and the second copy of a duplicate would be removed;
//   - merge keeps every row it does not declare, but removes the second copy of a declared record,
//     and refuses a declared record that shares its name with a kept CNAME.
// So: authoritative when every row can be declared as it is; otherwise merge, declaring all but
// the rows that cannot be (those stay live, unmanaged, and are listed in the zone file).
import { dnsRecordSetInputsSchema, fromWire, isNoop, planSave, recordKey, rrsetOf, sortRecords, zoneRecords, type DnsMode, type DnsRecord, type LiveRow, type WireRowLike } from "../model/dns";

export interface LeftOut {
  /** The row as the server sent it, e.g. `www/CNAME/shops.example.net`. */
  row: string;
  reason: string;
}

export interface ZonePlan {
  mode: DnsMode;
  records: DnsRecord[];
  /** Live rows not declared (merge only): they stay in the zone untouched. */
  leftOut: LeftOut[];
}

const rowText = (row: { hostname: string; type: string; address: string }) => `${row.hostname || "@"}/${row.type}/${row.address}`;

export function planZone(domain: string, rows: readonly WireRowLike[]): ZonePlan {
  const live = fromWire(rows, domain);
  const leftOut: LeftOut[] = [];
  const readable: DnsRecord[] = [];
  for (const row of live) {
    if (row.record === undefined) leftOut.push({ row: rowText(row.row), reason: `cannot be read as a record (${row.opaque})` });
    else readable.push(row.record);
  }
  // Duplicates by identity (priority aside, as the runtime compares them): declaring one copy would remove the other.
  const counts = new Map<string, number>();
  for (const record of readable) counts.set(recordKey(record), (counts.get(recordKey(record)) ?? 0) + 1);
  const kept: DnsRecord[] = [];
  let candidates: DnsRecord[] = [];
  for (const record of readable) {
    const n = counts.get(recordKey(record)) ?? 0;
    if (n > 1) {
      kept.push(record);
      leftOut.push({ row: recordKey(record), reason: `appears ${n} times in the zone; a record set declares each record once and would remove the other copies` });
    } else candidates.push(record);
  }
  // The zone rules a declared set must pass (CNAME alone on its name and not at the apex): every
  // record on a name that breaks them stays unmanaged, as does anything beside a kept CNAME.
  for (;;) {
    const problems = zoneRecords(domain, candidates).problems;
    const keptCnameNames = new Set(kept.filter((k) => k.type === "CNAME").map((k) => k.name));
    const keptNames = new Set(kept.map((k) => k.name));
    const badNames = new Set(problems.map((p) => candidates[p.index]?.name).filter((n): n is string => n !== undefined));
    for (const c of candidates) if (keptCnameNames.has(c.name) || (c.type === "CNAME" && keptNames.has(c.name))) badNames.add(c.name);
    // A set owns every value of a name and type it declares: beside a value left out, none can be declared.
    const keptSets = new Set(kept.map(rrsetOf));
    const sharing = candidates.filter((c) => !badNames.has(c.name) && keptSets.has(rrsetOf(c)));
    if (badNames.size === 0 && sharing.length === 0) break;
    const next: DnsRecord[] = [];
    for (const c of candidates) {
      if (badNames.has(c.name)) {
        kept.push(c);
        leftOut.push({ row: recordKey(c), reason: `its name ${c.name} breaks a rule a record set enforces (a CNAME must be alone on its name and not at the apex)` });
      } else if (sharing.includes(c)) {
        kept.push(c);
        leftOut.push({ row: recordKey(c), reason: `it shares its name and type with a record left out (${rrsetOf(c)}), and a record set owns every value of a name and type it declares` });
      } else next.push(c);
    }
    candidates = next;
  }
  const mode: DnsMode = leftOut.length === 0 ? "authoritative" : "merge";
  return { mode, records: confirmNoop(domain, mode, candidates, live), leftOut };
}

/**
 * The records as the resource's own check will see them, after asking the runtime's planner what
 * adopting the zone would save: nothing, or this is a bug of the export (thrown, naming the domain).
 */
function confirmNoop(domain: string, mode: DnsMode, records: DnsRecord[], live: LiveRow[]): DnsRecord[] {
  const parsed = dnsRecordSetInputsSchema.safeParse({ domain, mode, records });
  if (!parsed.success) throw new Error(`export of the DNS of ${domain}: the records read would be refused (${parsed.error.issues.map((i) => i.message).join("; ")})`);
  const plan = planSave({ mode, declared: parsed.data.records, live });
  if (!isNoop(plan) || plan.conflicts.length > 0) throw new Error(`export of the DNS of ${domain}: adopting the zone as read would still change it (${[...plan.adds, ...plan.changes.map((c) => c.new)].map(recordKey).concat(plan.removes.map((r) => r.key)).join(", ")})`);
  return sortRecords(parsed.data.records);
}
