/**
 * GET/POST /domains/{domain}/dns. A save replaces the whole record set (WHMCS posts the full
 * table plus one blank "new" row), skipping blank rows, keeping a client's `recid` and giving
 * new rows one.
 */
import type { Context } from "../context";
import type { DnsRecord } from "../domain-state";
import { invalid } from "../errors";
import type { PhpValue } from "../php/parse-str";
import { checkRecord } from "./dns-records";
import { OK, ownedDomain, requireAddon, writableDomain } from "./owned";

export function getDns(ctx: Context): unknown {
  return requireAddon(ownedDomain(ctx), "dnsmanagement").dns;
}

export function saveDns(ctx: Context): unknown {
  const d = requireAddon(writableDomain(ctx), "dnsmanagement");
  if (ctx.params.raw.dnsrecords === undefined) throw invalid("dnsrecords is required (send dnsrecords[0][hostname]=... or an empty dnsrecords= to clear)");
  const rows = ctx.params.entries("dnsrecords");
  const records: DnsRecord[] = [];
  let next = d.nextRecid;
  const seen = new Set<string>();
  rows.forEach(([key, raw], position) => {
    if (typeof raw === "string") throw invalid(`dnsrecords[${key}] must be a record (dnsrecords[${key}][hostname]=...)`);
    const row = recordFields(raw);
    if ((row.address ?? "").trim() === "" && (row.type ?? "").trim() === "") return; // the blank "new" row
    if ((row.address ?? "").trim() === "") {
      if ((row.hostname ?? "").trim() === "") return;
      throw invalid(`dnsrecords[${key}][address] is required`);
    }
    const checked = checkRecord(row, /^\d+$/.test(key) ? Number(key) : position);
    let recid = checked.recid ?? String(next++);
    if (seen.has(recid)) recid = String(next++); // two rows claiming one id: keep both rows
    seen.add(recid);
    records.push({ hostname: checked.hostname, type: checked.type, address: checked.address, priority: checked.priority, recid });
  });
  d.dns = records;
  d.nextRecid = Math.max(next, ...records.map((r) => (/^\d+$/.test(r.recid) ? Number(r.recid) + 1 : 0)));
  ctx.store.saveDns(d);
  return OK;
}

/**
 * The string members of one posted row that a record is made of; anything else (a nested array,
 * a list-shaped row) reads as absent. Same result as scalars(raw) for these names, without
 * copying every member into a new object per row.
 */
function recordFields(raw: PhpValue): Partial<Record<"hostname" | "type" | "address" | "priority" | "recid", string>> {
  if (Array.isArray(raw)) return {};
  const str = (v: PhpValue | undefined) => (typeof v === "string" ? v : undefined);
  const o = raw as { [key: string]: PhpValue };
  return { hostname: str(o.hostname), type: str(o.type), address: str(o.address), priority: str(o.priority), recid: str(o.recid) };
}
