/**
 * Validation of one DNS row per type (reference §4.8, §5.2). Returns the canonical row or throws a
 * 400 naming `dnsrecords[i][field]`. `priority` stays a string: the number for MX/SRV, "N/A"
 * otherwise, because WHMCS posts "N/A" for rows without one.
 */
import { isIP } from "node:net";
import type { DnsRecord } from "../domain-state";
import { isHostName } from "../catalogue";
import { invalid } from "../errors";

export const DNS_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS", "URL", "FRAME"] as const;
const KNOWN_TYPES: ReadonlySet<string> = new Set(DNS_TYPES);
const WITH_PRIORITY = new Set(["MX", "SRV"]);

// Every pattern compiled once at load, not per row of every save.
const SRV_VALUE = /^(\d{1,5}) (\d{1,5}) (\S+)$/;
const CAA_VALUE = /^(\d{1,3}) (issue|issuewild|iodef) "[^"]*"$/;
const HTTP_URL = /^https?:\/\/[^\s/]+\.[^\s]+$/i;
const PRIORITY = /^\d{1,5}$/;

const HOST_LABEL = /^(\*|@|(\*\.)?[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*)$/i;

export function checkRecord(row: Partial<Record<string, string>>, i: number): Omit<DnsRecord, "recid"> & { recid?: string } {
  // Field names for error messages, built only when a row is rejected.
  const f = (name: string) => `dnsrecords[${i}][${name}]`;
  const hostname = (row.hostname ?? "").trim() || "@";
  if (!HOST_LABEL.test(hostname)) throw invalid(`${f("hostname")} "${hostname}" is not a valid host name`);
  const type = (row.type ?? "").trim().toUpperCase();
  if (!KNOWN_TYPES.has(type)) throw invalid(`${f("type")} "${row.type ?? ""}" is not one of ${DNS_TYPES.join(", ")}`);
  const address = (row.address ?? "").trim();
  const bad = (why: string) => invalid(`${f("address")} "${address}" ${why} for a ${type} record`);
  switch (type) {
    case "A":
      if (isIP(address) !== 4) throw bad("is not an IPv4 address");
      break;
    case "AAAA":
      if (isIP(address) !== 6) throw bad("is not an IPv6 address");
      break;
    case "CNAME":
    case "NS":
    case "MX":
      if (!isHostName(address)) throw bad("is not a host name");
      break;
    case "TXT":
      if (address.length > 4000) throw bad("is longer than 4000 characters");
      break;
    case "SRV": {
      // "weight port target", priority in its own field as WHMCS does
      const m = SRV_VALUE.exec(address);
      if (!m || Number(m[1]) > 65535 || Number(m[2]) > 65535 || !(m[3] === "." || isHostName(m[3]!))) throw bad('must be "weight port target"');
      break;
    }
    case "CAA": {
      const m = CAA_VALUE.exec(address);
      if (!m || Number(m[1]) > 255) throw bad('must be flags tag "value", e.g. 0 issue "letsencrypt.org"');
      break;
    }
    case "URL":
    case "FRAME":
      if (!HTTP_URL.test(address)) throw bad("is not an http(s) URL");
      break;
  }
  let priority = "N/A";
  if (WITH_PRIORITY.has(type)) {
    priority = (row.priority ?? "").trim();
    if (!PRIORITY.test(priority) || Number(priority) > 65535) throw invalid(`${f("priority")} must be a number 0-65535 for a ${type} record`);
  }
  const recid = (row.recid ?? "").trim();
  return recid === "" ? { hostname, type, address, priority } : { hostname, type, address, priority, recid };
}
