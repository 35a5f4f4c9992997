/**
 * The TLD catalogue the emulator sells, and domain-name helpers that depend on it. Prices are in
 * cents to keep billing exact; they are formatted as "13.75" strings like the real API
 * (reference §4.25–4.27).
 */

export interface Tld {
  /** Without the leading dot: "co.uk". */
  tld: string;
  registerCents: number;
  renewCents: number;
  transferCents: number;
  years: number[];
  /** Whether the registry has a registrar (transfer) lock; Nominet and DENIC do not. */
  registrarLock: boolean;
}

export const CURRENCY = "USD";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const TLDS: Tld[] = [
  { tld: "com", registerCents: 1375, renewCents: 1375, transferCents: 1375, years: range(1, 10), registrarLock: true },
  { tld: "net", registerCents: 1550, renewCents: 1550, transferCents: 1550, years: range(1, 10), registrarLock: true },
  { tld: "org", registerCents: 1425, renewCents: 1425, transferCents: 1425, years: range(1, 10), registrarLock: true },
  { tld: "io", registerCents: 4900, renewCents: 4900, transferCents: 4900, years: range(1, 5), registrarLock: true },
  { tld: "dev", registerCents: 1500, renewCents: 1500, transferCents: 1500, years: range(1, 10), registrarLock: true },
  { tld: "app", registerCents: 1800, renewCents: 1800, transferCents: 1800, years: range(1, 10), registrarLock: true },
  { tld: "co", registerCents: 2900, renewCents: 2900, transferCents: 2900, years: range(1, 5), registrarLock: true },
  { tld: "co.uk", registerCents: 899, renewCents: 899, transferCents: 0, years: range(1, 10), registrarLock: false },
  { tld: "uk", registerCents: 899, renewCents: 899, transferCents: 0, years: range(1, 10), registrarLock: false },
  { tld: "de", registerCents: 650, renewCents: 650, transferCents: 650, years: [1], registrarLock: false },
  { tld: "us", registerCents: 900, renewCents: 900, transferCents: 900, years: range(1, 10), registrarLock: true },
];

const BY_NAME = new Map(TLDS.map((t) => [t.tld, t]));

export function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** "500", "500.5", "500.50" → cents; anything else → null. */
export function parseMoney(text: string): number | null {
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(text.trim())) return null;
  const [whole, frac = ""] = text.trim().split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** The catalogue entry for a domain by longest suffix ("a.co.uk" → co.uk, not uk). */
export function tldOf(domain: string): Tld | undefined {
  const labels = domain.split(".");
  for (let i = 1; i < labels.length; i++) {
    const t = BY_NAME.get(labels.slice(i).join("."));
    if (t) return t;
  }
  return undefined;
}

export function findTld(name: string): Tld | undefined {
  return BY_NAME.get(name.replace(/^\./, "").toLowerCase());
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Syntax only: lower-case LDH labels (punycode allowed), at least two labels, ≤ 253 chars. */
export function isDomainName(name: string): boolean {
  if (name.length > 253) return false;
  const labels = name.split(".");
  return labels.length >= 2 && labels.every((l) => LABEL.test(l));
}

// Compiled once (it runs per label of every CNAME/MX/NS/SRV target a DNS save checks).
const HOST_LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** A host name for nameservers/CNAME/MX targets: like a domain, trailing dot allowed, `_` allowed. */
export function isHostName(name: string): boolean {
  const n = name.endsWith(".") ? name.slice(0, -1) : name;
  if (n.length === 0 || n.length > 253) return false;
  const labels = n.toLowerCase().split(".");
  return labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l));
}

/**
 * Names the emulator pretends are registered elsewhere, so lookups and register errors can be
 * exercised deterministically: a few famous SLDs and any SLD starting with "taken".
 */
export function isTakenElsewhere(domain: string): boolean {
  const sld = domain.split(".")[0] ?? "";
  return ["example", "google", "wikipedia", "github"].includes(sld) || sld.startsWith("taken");
}
