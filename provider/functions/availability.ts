// Availability of names for registration, from the lookup route. The route searches one SLD across
// a list of TLDs, so names sharing an SLD ("acme.com", "acme.io") go in one request.
import type { RouteResult } from "../client";
import { domainListArgument } from "./arguments";
import type { ClientSource } from "./clientSource";
import { clientOf, type CallingClient } from "./source";

export interface Availability {
  /** The canonical name asked about. */
  name: string;
  /** Whether it can be registered now; null when the server gave no answer for it. */
  available: boolean | null;
  /** Whether the registry sells it at a premium price; null when the server did not say. */
  premium: boolean | null;
  /** The server's status text: "available for registration", "registered", "reserved", "tld not supported", "unknown". */
  status: string;
  /** The premium registration price, as the server formats it; present only when the server quotes one. */
  premiumPrice?: string;
}

type SearchItem = RouteResult<"lookup">[number];

/** The registration price of a premium quote; servers name the key differently (reference §4.21). */
function premiumPriceOf(pricing: Record<string, unknown> | null): string | undefined {
  for (const key of ["register", "registration", "price", "1"]) {
    const value = pricing?.[key];
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return undefined;
}

function toAvailability(name: string, hit: SearchItem | undefined): Availability {
  if (hit === undefined) return { name, available: null, premium: null, status: "unknown" };
  const price = hit.isPremium === true ? premiumPriceOf(hit.premiumCostPricing) : undefined;
  return { name, available: hit.isAvailable ?? null, premium: hit.isPremium ?? null, status: hit.status, ...(price !== undefined ? { premiumPrice: price } : {}) };
}

/** Names grouped by their first label (the SLD), each with the TLDs to search it under. */
function bySld(names: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const dot = name.indexOf(".");
    const sld = name.slice(0, dot);
    groups.set(sld, [...(groups.get(sld) ?? []), name.slice(dot)]);
  }
  return groups;
}

async function search(client: CallingClient, sld: string, tlds: string[]): Promise<SearchItem[]> {
  // An IDN SLD is already punycode here; the punycode field is the one servers prefer.
  const idn = sld.startsWith("xn--") ? { punyCodeSearchTerm: sld, isIdnDomain: true } : {};
  return client.call("lookup", { searchTerm: sld, ...idn, tldsToInclude: tlds, premiumEnabled: true });
}

/**
 * Whether each of `names` can be registered (`POST /domains/lookup`, one request per distinct SLD).
 * Results come in the order asked, one per distinct canonical name; an empty list sends nothing.
 */
export function fetchAvailability(source: ClientSource, names: string[]): Promise<Availability[]> {
  return readAvailability("fetchAvailability", source, names);
}

/** fetchAvailability with the caller's name in its errors (the Pulumi wrapper is checkAvailability). */
export async function readAvailability(fn: string, source: ClientSource, names: string[]): Promise<Availability[]> {
  const canonical = domainListArgument(fn, "names", names);
  if (canonical.length === 0) return [];
  const client = clientOf(fn, source);
  const answers = await Promise.all([...bySld(canonical)].map(([sld, tlds]) => search(client, sld, tlds)));
  const found = new Map(answers.flat().map((item) => [item.domainName.toLowerCase(), item]));
  return canonical.map((name) => toAvailability(name, found.get(name)));
}
