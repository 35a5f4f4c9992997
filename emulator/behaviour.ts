/**
 * "Behaviour of a real registrar": switches, set on the admin surface, that make the emulator
 * answer where the real API is unknown or less kind than the emulator's defaults. In memory like
 * faults (a restart or `POST /__admin/reset` restores the defaults):
 *
 * - `renewalDelaySeconds`: a renewal is billed at once but the expiry the status routes show
 *   moves only that many seconds later (a registrar that processes renewals in a queue);
 * - `unknownDomainStatus`: the HTTP status of "this domain is not in your account";
 * - `premiumDomains`: names the registry prices above the catalogue;
 * - `rateLimitPerMinute`: API requests each reseller account may make in any sliding 60 s
 *   (a reseller's server with a rate limit; the API documents none, and each server sets its own).
 *
 * The defaults are the emulator's behaviour before these switches existed.
 */
import { z } from "zod";
import type { DomainState, DomainStatus } from "./domain-state";
import { formatCents, isDomainName, parseMoney, tldOf, type Tld } from "./catalogue";
import { invalid } from "./errors";

export const UNKNOWN_DOMAIN_STATUSES = [200, 400, 404, 500] as const;
export type UnknownDomainStatus = (typeof UNKNOWN_DOMAIN_STATUSES)[number];

export const ORDER_KINDS = ["register", "transfer", "renew"] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** Premium prices per order kind, in cents per year; a kind left out is billed at the list price. */
export type PremiumPrices = Partial<Record<OrderKind, number>>;

export interface BehaviourSettings {
  renewalDelaySeconds: number;
  unknownDomainStatus: UnknownDomainStatus;
  /** Lower-case domain name → its premium prices. */
  premiumDomains: Record<string, PremiumPrices>;
  /** Authenticated API requests per account in any sliding 60 s; 0 = no limit. */
  rateLimitPerMinute: number;
}

const defaults = (): BehaviourSettings => ({ renewalDelaySeconds: 0, unknownDomainStatus: 404, premiumDomains: {}, rateLimitPerMinute: 0 });

/** The highest rate limit accepted: the window keeps one timestamp per request it admits. */
export const MAX_RATE_LIMIT_PER_MINUTE = 100_000;
const RATE_WINDOW_MS = 60_000;

const LIST_PRICE: Record<OrderKind, "registerCents" | "transferCents" | "renewCents"> = { register: "registerCents", transfer: "transferCents", renew: "renewCents" };

/** An amount as a string ("450.00", "450") or a number (450, 450.5) → cents. */
const amount = z.unknown().transform((v, ctx) => {
  const cents = typeof v === "string" || typeof v === "number" ? parseMoney(String(v)) : null;
  if (cents === null) {
    ctx.addIssue({ code: "custom", message: `must be an amount like "450.00", got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return cents;
});

const premiumEntry = z
  .strictObject({ register: amount.optional(), transfer: amount.optional(), renew: amount.optional() })
  .refine((p) => ORDER_KINDS.some((k) => p[k] !== undefined), { message: "give at least one of register, transfer, renew" });

/** Keys lower-cased (a trailing dot dropped), each a registrable name under a TLD the emulator sells. */
const premiumDomains = z.record(z.string(), premiumEntry).transform((map, ctx) => {
  const out: Record<string, PremiumPrices> = {};
  for (const [key, prices] of Object.entries(map)) {
    const name = key.trim().toLowerCase().replace(/\.$/, "");
    const tld = isDomainName(name) ? tldOf(name) : undefined;
    const why = !isDomainName(name)
      ? "is not a valid domain name"
      : !tld
        ? "has a TLD this emulator does not sell"
        : name.split(".").length !== tld.tld.split(".").length + 1
          ? `is not a registrable name under .${tld.tld}`
          : name in out
            ? "appears twice (names are not case-sensitive)"
            : undefined;
    if (why) {
      ctx.addIssue({ code: "custom", path: [key], message: `"${key}" ${why}` });
      continue;
    }
    out[name] = Object.fromEntries(ORDER_KINDS.filter((k) => prices[k] !== undefined).map((k) => [k, prices[k]])) as PremiumPrices;
  }
  return out;
});

/** The body of `POST /__admin/behaviour`: any of the keys, each replacing the current value. */
export const behaviourPatch = z.strictObject({
  renewalDelaySeconds: z.number().int().min(0).optional(),
  unknownDomainStatus: z.literal(UNKNOWN_DOMAIN_STATUSES, { error: `must be one of ${UNKNOWN_DOMAIN_STATUSES.join(", ")}` }).optional(),
  premiumDomains: premiumDomains.optional(),
  rateLimitPerMinute: z.number().int().min(0).max(MAX_RATE_LIMIT_PER_MINUTE).optional(),
});

const KNOWN_KEYS: Record<number, readonly string[]> = { 0: Object.keys(behaviourPatch.shape), 2: ORDER_KINDS };

/** `premiumDomains["gold.com"].register` from zod's ["premiumDomains", "gold.com", "register"]. */
function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "body";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : typeof p === "string" && /^[A-Za-z_$][\w$]*$/.test(p) ? (i === 0 ? p : `.${p}`) : `[${JSON.stringify(String(p))}]`))
    .join("");
}

/** Validates a behaviour patch: a 400 naming the field, or the parsed patch. */
export function parseBehaviourPatch(body: unknown): z.infer<typeof behaviourPatch> {
  const r = behaviourPatch.safeParse(body ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(", ");
    const known = KNOWN_KEYS[issue.path.length];
    throw invalid(`${fieldName(issue.path)}: unknown key${issue.keys.length > 1 ? "s" : ""} ${keys}${known ? ` (known: ${known.join(", ")})` : ""}`);
  }
  throw invalid(`${fieldName(issue.path)}: ${issue.message}`);
}

/** What the expiry and status were before a queued renewal, and when the renewal shows. */
interface PendingRenewal {
  dueAt: number;
  expiryDate: string;
  status: DomainStatus;
}

/** One account's admitted requests, oldest first (a queue: `head` is the oldest still in the window). */
interface RateWindow {
  at: number[];
  head: number;
}

export class Behaviour {
  settings: BehaviourSettings = defaults();
  /**
   * Milliseconds for the rate limit's window: monotonic real time, not the admin clock (moving
   * that clock is for calendars and expiry, and must not flush or freeze a window). Tests that
   * drive time themselves replace it.
   */
  nowMs: () => number = () => performance.now();
  private readonly windows = new Map<string, RateWindow>();
  /**
   * Renewals billed but not yet shown, per domain, oldest first. A renewal waits for the one
   * before it (a queue), so due times never decrease and the due ones are always a prefix.
   */
  private readonly renewals = new Map<string, PendingRenewal[]>();

  get unknownDomainStatus(): UnknownDomainStatus {
    return this.settings.unknownDomainStatus;
  }

  /** Merges a validated patch: each key given replaces its value (premiumDomains as a whole). */
  update(patch: z.infer<typeof behaviourPatch>): void {
    if (patch.renewalDelaySeconds !== undefined) this.settings.renewalDelaySeconds = patch.renewalDelaySeconds;
    if (patch.unknownDomainStatus !== undefined) this.settings.unknownDomainStatus = patch.unknownDomainStatus;
    if (patch.premiumDomains !== undefined) this.settings.premiumDomains = patch.premiumDomains;
    if (patch.rateLimitPerMinute !== undefined) {
      // Turning the limit off forgets the windows; changing it keeps them (the requests happened).
      if (patch.rateLimitPerMinute === 0) this.windows.clear();
      this.settings.rateLimitPerMinute = patch.rateLimitPerMinute;
    }
  }

  /** The behaviour as the admin API shows it: every key, amounts as "450.00" strings. */
  view(): Record<string, unknown> {
    const { renewalDelaySeconds, unknownDomainStatus, premiumDomains, rateLimitPerMinute } = this.settings;
    const premium = Object.fromEntries(
      Object.entries(premiumDomains).map(([name, prices]) => [name, Object.fromEntries(ORDER_KINDS.filter((k) => prices[k] !== undefined).map((k) => [k, formatCents(prices[k]!)]))]),
    );
    return { renewalDelaySeconds, unknownDomainStatus, premiumDomains: premium, rateLimitPerMinute };
  }

  /** Defaults back and every pending renewal and rate window forgotten (admin reset). */
  reset(): void {
    this.settings = defaults();
    this.renewals.clear();
    this.windows.clear();
  }

  /**
   * The rate limit, for one authenticated API request of `account`: undefined when it may run
   * (and it is counted), else the whole seconds until the account's window has a free slot, for
   * Retry-After. A sliding window of the admitted requests' times: at most `rateLimitPerMinute`
   * in any 60 s. A refused request takes no slot, so a client that waits as told gets in.
   */
  admit(account: string): number | undefined {
    const limit = this.settings.rateLimitPerMinute;
    if (limit === 0) return undefined;
    const key = account.toLowerCase();
    const now = this.nowMs();
    const window = this.windows.get(key) ?? { at: [], head: 0 };
    this.windows.set(key, window);
    while (window.head < window.at.length && (window.at[window.head] as number) <= now - RATE_WINDOW_MS) window.head += 1;
    if (window.head > 1024) {
      window.at = window.at.slice(window.head);
      window.head = 0;
    }
    const held = window.at.length - window.head;
    if (held < limit) {
      window.at.push(now);
      return undefined;
    }
    // After the limit was lowered the window can hold more than it: a slot frees when enough of the
    // oldest have left. Rounded up, so a client that waits exactly Retry-After finds the slot free.
    const frees = (window.at[window.head + held - limit] as number) + RATE_WINDOW_MS;
    return Math.max(1, Math.ceil((frees - now) / 1000));
  }

  /** The premium prices of `name`, or undefined when it is not premium. */
  premium(name: string): PremiumPrices | undefined {
    return Object.hasOwn(this.settings.premiumDomains, name) ? this.settings.premiumDomains[name] : undefined;
  }

  /** The price of one year of `kind` for `name`: its premium price if it has one, else the list price. */
  yearCents(name: string, tld: Tld, kind: OrderKind): number {
    return this.premium(name)?.[kind] ?? tld[LIST_PRICE[kind]];
  }

  /**
   * Records a renewal that has just been billed and stored, with the expiry and status the domain
   * had before it. Call after the stored state changed. With no delay and nothing queued there is
   * nothing to record: the renewal shows at once.
   */
  queueRenewal(name: string, before: { expiryDate: string; status: DomainStatus }, now: number): void {
    const queue = this.renewals.get(name) ?? [];
    const dueAt = Math.max(now + this.settings.renewalDelaySeconds, queue.at(-1)?.dueAt ?? 0);
    if (dueAt <= now) return;
    queue.push({ dueAt, expiryDate: before.expiryDate, status: before.status });
    this.renewals.set(name, queue);
  }

  /** Drops the queued renewals of `name` (the domain was replaced or changed out of band). */
  forgetRenewals(name: string): void {
    this.renewals.delete(name);
  }

  /**
   * The domain as the status routes show it at `now`: the expiry (and the Active/Expired status a
   * renewal sets) from before the oldest renewal that is not yet due. Any other status (moved
   * away, pending delete…) shows as it is. A pure function of the clock: entries are kept (until
   * reset or the domain is replaced), so moving the admin clock back hides a renewal again.
   */
  shown(d: DomainState, now: number): DomainState {
    const first = this.renewals.get(d.name)?.find((r) => r.dueAt > now);
    if (!first) return d;
    return { ...d, expiryDate: first.expiryDate, status: d.status === "Active" ? first.status : d.status };
  }
}
