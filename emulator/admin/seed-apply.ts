/**
 * Writing a validated seed into the store. Insert-only: an account or domain that already exists
 * is left as it is, so restarting on a file database with the default seed keeps the state
 * (credit spent, drift, DNS) instead of quietly resetting it. The admin reset wipes first, so
 * there everything is new.
 */
import type { Store } from "../db/store";
import { parseMoney } from "../catalogue";
import { domainFromSeed, seedSchema, type Seed } from "../seed";

export function applySeed(store: Store, seed: Seed, now: number): { email: string; apiKey: string }[] {
  const parsed = seedSchema.parse(seed);
  return store.transaction(() =>
    parsed.accounts.map((a) => {
      const cents = parseMoney(a.credit);
      if (cents === null) throw new Error(`seed: credit "${a.credit}" of ${a.email} is not an amount like "500.00"`);
      const existing = store.account(a.email);
      if (!existing) store.upsertAccount({ email: a.email, apiKey: a.apiKey, creditCents: cents });
      for (const d of a.domains) {
        if (!store.domain(d.domain)) store.insertDomain(domainFromSeed(existing?.email ?? a.email, d, now));
      }
      // The key the server will check is the stored one.
      return { email: existing?.email ?? a.email, apiKey: existing?.apiKey ?? a.apiKey };
    }),
  );
}
