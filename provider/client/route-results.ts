// Response schemas: each accepts the documented variants of a body (API reference §2.4, §4) and
// transforms it to one normalized result, so callers never see the variants.
import { z } from "zod";

const str = z.union([z.string(), z.number()]).transform(String);
const optStr = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined || v === "" ? null : String(v)));

/**
 * Booleans arrive as true/false, 1/0 or "1"/"true"/"active" depending on the registrar module.
 * A field the server left out (or sent as null/"") is `undefined`, never `false`: absent is not off,
 * so no resource ever switches a setting on because a server forgot to mention it.
 */
const boolish = z
  .union([z.boolean(), z.number(), z.string(), z.null()])
  .optional()
  .transform((v): boolean | undefined => {
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return undefined;
    return v === true || v === 1 || (typeof v === "string" && ["1", "true", "yes", "on", "active", "enabled"].includes(v.trim().toLowerCase()));
  });

/** PHP arrays come out of json_encode as lists, or as {"0":…,"1":…} once an index is missing. */
function listOf<T extends z.ZodType>(item: T) {
  return z.union([z.array(item), z.record(z.string().regex(/^\d+$/), item)]).transform((v): z.output<T>[] =>
    Array.isArray(v) ? (v as z.output<T>[]) : Object.entries(v as Record<string, z.output<T>>).sort(([a], [b]) => Number(a) - Number(b)).map(([, x]) => x),
  );
}

/** Mutations return a "registrar result" whose content varies (`{}`, `"success"`, …); success = 2xx and no error. */
export const registrarResult = z.unknown().transform((): void => undefined);

export const lockResult = z.string().transform((s) => s.trim().toLowerCase()).pipe(z.enum(["locked", "unlocked"]));

/**
 * {"ns1":…,"ns5":…} (plus success/message/status on newer servers) or a list → hosts in order,
 * empties dropped. An object without a single `nsN` key is not a nameserver answer (a bare
 * `{"success":true}` from a glitching registrar module): read as "no nameservers", a refresh would
 * record a delegation the domain does not have.
 */
export const nameserverResult = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown()).refine((body) => Object.keys(body).some((k) => /^ns\d+$/.test(k)), { message: "no ns1…ns5 keys" })]).transform((body): string[] => {
  const values = Array.isArray(body)
    ? body
    : Object.keys(body)
        .filter((k) => /^ns\d+$/.test(k))
        .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))
        .map((k) => body[k]);
  return values.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter((v) => v !== "");
});

export const dnsResult = listOf(
  z.object({ hostname: str, type: str, address: str, priority: optStr, recid: optStr }).transform((r) => ({
    hostname: r.hostname,
    type: r.type.toUpperCase(),
    address: r.address,
    priority: r.priority ?? "N/A",
    ...(r.recid !== null ? { recid: r.recid } : {}),
  })),
).transform((rows) => rows.filter((r) => r.address !== ""));

export const emailResult = listOf(z.object({ prefix: str, forwardto: str })).transform((rows) =>
  rows.filter((r) => r.prefix !== "").map((r) => ({ prefix: r.prefix, forwardto: r.forwardto })),
);

/** {"eppcode":"…"} → the code; a success body without it (code sent by e-mail) → null. */
export const eppResult = z.record(z.string(), z.unknown()).transform((b): string | null => {
  const code = b["eppcode"];
  return typeof code === "string" && code !== "" ? code : typeof code === "number" ? String(code) : null;
});

/** Section → label → value; labels with "_" (some versions) are given spaces, as the official client does. */
export const contactsResult = z
  .record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
  .transform((sections) =>
    Object.fromEntries(
      Object.entries(sections).map(([section, fields]) => [section, Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/_/g, " "), v === null ? "" : String(v)]))]),
    ),
  );

export const syncResult = z
  .object({ active: boolish, expired: boolish, cancelled: boolish, transferredAway: boolish, expirydate: optStr })
  .transform((b) => ({ active: b.active, expired: b.expired, cancelled: b.cancelled, transferredAway: b.transferredAway, expiryDate: b.expirydate }));

export const transferSyncResult = z
  .object({ completed: boolish, failed: boolish, reason: optStr, expirydate: optStr })
  .transform((b) => ({
    status: b.completed ? ("completed" as const) : b.failed ? ("failed" as const) : ("pending" as const),
    expiryDate: b.expirydate,
    reason: b.reason,
  }));

const searchItem = z
  .object({ domainName: str, sld: str.optional(), tld: str.optional(), status: optStr, isAvailable: boolish, isPremium: boolish, premiumCostPricing: z.unknown().optional() })
  .transform((r) => ({
    domainName: r.domainName,
    sld: r.sld ?? r.domainName.split(".")[0] ?? "",
    tld: r.tld ?? r.domainName.split(".").slice(1).join("."),
    status: r.status ?? "unknown",
    isAvailable: r.isAvailable,
    isPremium: r.isPremium,
    premiumCostPricing: r.premiumCostPricing && typeof r.premiumCostPricing === "object" && !Array.isArray(r.premiumCostPricing) ? (r.premiumCostPricing as Record<string, unknown>) : null,
  }));
export const searchResult = listOf(searchItem);

/** {"1":"13.75","2":"27.50"} → [{years:1, price:"13.75"}, …] sorted by years. */
export const orderPricingResult = z.record(z.string(), z.unknown()).transform((b) =>
  Object.entries(b)
    .filter(([k, v]) => /^\d+$/.test(k) && (typeof v === "string" || typeof v === "number"))
    .map(([k, v]) => ({ years: Number(k), price: String(v) }))
    .sort((a, b) => a.years - b.years),
);

/** The balance as the server formats it, e.g. "150.50" (a JSON number is turned into a string). */
export const creditsResult = str;
export const versionResult = z.union([str, z.object({ version: str }).transform((b) => b.version)]);

/** TLD strings (or {tld}/{extension} objects) → lower-case with a leading dot: ".com". */
export const tldsResult = listOf(z.union([str, z.object({ tld: str }).transform((o) => o.tld), z.object({ extension: str }).transform((o) => o.extension)])).transform((tlds) =>
  tlds.map((t) => t.trim().toLowerCase()).filter((t) => t !== "" && t !== ".").map((t) => (t.startsWith(".") ? t : `.${t}`)),
);

const num = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);
export const tldPricingResult = listOf(
  z.object({
    tld: str.transform((t) => (t.startsWith(".") ? t.toLowerCase() : `.${t.toLowerCase()}`)),
    registrationPrice: str,
    renewalPrice: str,
    transferPrice: str,
    graceFee: optStr,
    graceDays: num.optional(),
    redemptionDays: num.optional(),
    redemptionFee: optStr,
    currencyCode: str,
    years: z.array(num).optional().transform((y) => y ?? []),
  }),
);

export const informationResult = z
  .object({
    domain: str.optional(),
    nameservers: z.unknown().optional(),
    transferLock: boolish,
    expiryDate: optStr,
    status: optStr,
    registrationStatus: optStr,
    restorable: boolish,
    idProtectionStatus: boolish,
    dnsManagementStatus: boolish,
    emailForwardingStatus: boolish,
    transferLockExpiryDate: optStr,
    registrantEmailAddress: optStr,
  })
  .transform((b) => ({
    domain: b.domain?.toLowerCase() ?? null,
    // vicem documents a list; WHMCS' Domain::setNameservers takes ns1.. keys. Accept both.
    nameservers: nameserverResult.safeParse(b.nameservers ?? []).data ?? [],
    transferLock: b.transferLock,
    expiryDate: b.expiryDate,
    status: b.status ?? b.registrationStatus,
    restorable: b.restorable,
    idProtection: b.idProtectionStatus,
    dnsManagement: b.dnsManagementStatus,
    emailForwarding: b.emailForwardingStatus,
    transferLockExpiryDate: b.transferLockExpiryDate,
    registrantEmailAddress: b.registrantEmailAddress,
  }));
