// Zone file text from records: what `domainsreseller import-zone` writes (and an export would).
// The records go through the model first, so the text is canonical (one spelling, canonical order)
// and always loads back to the same records. One record per line in flow style keeps a zone
// readable like a BIND file and makes every change one line in a review.
import { Document, isMap, isScalar, isSeq, Scalar } from "yaml";
import { dnsRecordSchema, dnsRecordSetInputsSchema, sortRecords } from "../model/dns";
import type { DnsMode, DnsRecord } from "../model/dns/types";

export interface FormatOptions {
  /** Comment lines for the top of the file (without "#"), such as where the zone came from. */
  comments?: readonly string[];
  /** A JSON Schema location for editors: writes the `# yaml-language-server: $schema=…` line. */
  schema?: string;
}

export interface ZoneFileInput {
  domain?: string;
  mode?: DnsMode;
  records: readonly { name: string; type: string; value: string; priority?: number | undefined }[];
}

/** The zone's records in canonical form and order, or an Error naming each record that is wrong. */
function canonical(zone: ZoneFileInput): { domain?: string; records: DnsRecord[] } {
  if (zone.domain !== undefined) {
    const parsed = dnsRecordSetInputsSchema.safeParse({ domain: zone.domain, records: zone.records });
    if (parsed.success) return { domain: parsed.data.domain, records: parsed.data.records };
    throw new Error(`cannot write a zone file of these records: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const records = zone.records.map((record, index) => {
    const parsed = dnsRecordSchema.safeParse(record);
    if (parsed.success) return parsed.data;
    throw new Error(`cannot write a zone file of these records: records.${index}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  });
  return { records: sortRecords(records) };
}

/**
 * YAML text of a zone file declaring `zone`, which `loadZoneFile` reads back to the same canonical
 * records. Names and values are double-quoted: "@" and "*.dev" must be, and quoting all of them
 * keeps YAML 1.1 readers from taking a TXT "yes" or "no" for a boolean.
 *
 * @throws Error when a record would be refused by the resource (the message says which and why).
 */
export function formatZoneFile(zone: ZoneFileInput, options: FormatOptions = {}): string {
  const { domain, records } = canonical(zone);
  const body: Record<string, unknown> = {};
  if (domain !== undefined) body.domain = domain;
  if (zone.mode !== undefined) body.mode = zone.mode;
  body.records = records.map((r) => ({ name: r.name, type: r.type, value: r.value, ...(r.priority === undefined ? {} : { priority: r.priority }) }));
  const doc = new Document(body);
  const list = doc.get("records", true);
  if (isSeq(list)) {
    for (const item of list.items) {
      if (!isMap(item)) continue;
      item.flow = true;
      for (const pair of item.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (isScalar(pair.value) && (key === "name" || key === "value")) pair.value.type = Scalar.QUOTE_DOUBLE;
      }
    }
  }
  const comments = [...(options.schema ? [` yaml-language-server: $schema=${options.schema}`] : []), ...(options.comments ?? []).map((line) => ` ${line}`)];
  if (comments.length > 0) doc.commentBefore = comments.join("\n");
  // lineWidth 0: a long DKIM key stays on one line instead of being folded.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
