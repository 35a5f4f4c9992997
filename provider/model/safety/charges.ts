// The charge rail: the quotes of every order and renewal one deployment would place add up, and
// the sum may not exceed `domainsreseller:maxChargePerRun`. Each Domain is quoted on its own, so
// the provider keeps the planned charges of the run here and every new quote is checked against
// the total; the preview shows the running total next to each quote.
import { centsOfNumber, formatCents, parseCents } from "../domain/money";
import type { Quote } from "../domain/quote";

export interface PlannedCharge {
  /** The domain it is for; one domain plans at most one charge per run (its order or its renewal). */
  domain: string;
  quote: Quote;
}

export type ChargeVerdict = { ok: true; runningTotal: string } | { ok: false; runningTotal: string; message: string };

const kindText = (q: Quote) => `${q.kind === "renew" ? "renewal" : q.kind} ${q.years} year${q.years === 1 ? "" : "s"}`;

/** Sum of the planned charges in `currency`, in cents (rounded up, as a charge is). */
function totalCents(charges: Iterable<PlannedCharge>, currency: string): number {
  let total = 0;
  for (const c of charges) if (c.quote.currency === currency) total += parseCents(c.quote.amount, "up") ?? 0;
  return total;
}

/** Plans of one deployment, keyed by domain so a second check of the same resource replaces, not adds. */
export class ChargePlan {
  private readonly byDomain = new Map<string, PlannedCharge>();

  /** Records `charge` and checks the run's total in its currency against `max` (none: no limit). */
  plan(charge: PlannedCharge, max: number | undefined): ChargeVerdict {
    const others = [...this.byDomain.values()].filter((c) => c.domain !== charge.domain);
    const all = [...others, charge];
    const cents = totalCents(all, charge.quote.currency);
    const runningTotal = formatCents(cents);
    if (max !== undefined && cents > centsOfNumber(max)) {
      // Refused charges are not kept: the run does not place them, so they do not count against the others.
      const lines = all.filter((c) => c.quote.currency === charge.quote.currency).map((c) => `    ${c.domain}: ${kindText(c.quote)}, ${c.quote.amount} ${c.quote.currency}`);
      const message =
        `safety rail "max-charge-per-run": the orders and renewals of this deployment would add up to ${runningTotal} ${charge.quote.currency}, ` +
        `more than domainsreseller:maxChargePerRun (${formatCents(centsOfNumber(max))}). Nothing was ordered.\n${lines.join("\n")}\n` +
        `  Order fewer domains in one run, or raise the limit for this run: pulumi config set domainsreseller:maxChargePerRun ${runningTotal}`;
      return { ok: false, runningTotal, message };
    }
    this.byDomain.set(charge.domain, charge);
    return { ok: true, runningTotal };
  }

  /** The domain places no charge after all (adopted, not due): drop it from the total. */
  forget(domain: string): void {
    this.byDomain.delete(domain);
  }
}
