/**
 * The `domains` table and its cache of parsed state. Split out of store.ts so the DNS save (the
 * hot write) can touch only its own columns: since migration 3 a row is
 * `data` (the domain as JSON, with "dns" and "nextRecid" as null placeholders) plus `dns` (the
 * record list as JSON) and `next_recid`. A DNS save binds ~0.3 KB instead of re-serialising and
 * re-binding the ~1.8 KB domain, which is most of the JS-side cost of that write.
 */
import type Database from "better-sqlite3";
import type { DnsRecord, DomainState } from "../domain-state";

interface DomainRow {
  data: string;
  dns: string;
  next_recid: number;
}

export class DomainTable {
  // Parsed domain state by name. Exact because every change goes through insert/save/saveDns
  // (which refresh it) or ends in a throw (Store.transaction then calls forget()). Bounded; the
  // oldest entry goes first.
  private readonly cache = new Map<string, DomainState>();
  static readonly CACHE_SIZE = 20_000;
  private readonly st;

  constructor(db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      get: p("SELECT data, dns, next_recid FROM domains WHERE name = ?"),
      insert: p("INSERT INTO domains (name, owner, status, expiry_date, data, dns, next_recid) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      // owner is left out: rewriting an indexed, foreign-keyed column doubles the cost of a save.
      update: p("UPDATE domains SET status = ?, expiry_date = ?, data = ?, dns = ?, next_recid = ? WHERE name = ?"),
      updateDns: p("UPDATE domains SET dns = ?, next_recid = ? WHERE name = ?"),
      setOwner: p("UPDATE domains SET owner = ? WHERE name = ?"),
      count: p("SELECT count(*) AS n FROM domains"),
    };
  }

  get(name: string): DomainState | undefined {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const row = this.st.get.get(name) as DomainRow | undefined;
    if (!row) return undefined;
    const d = JSON.parse(row.data) as DomainState;
    // Assigning keys that exist (as placeholders) keeps the key order the domain was written with.
    d.dns = JSON.parse(row.dns) as DnsRecord[];
    d.nextRecid = Number(row.next_recid);
    this.remember(d);
    return d;
  }

  insert(d: DomainState): void {
    this.st.insert.run(d.name, d.owner, d.status, d.expiryDate, dataJson(d), JSON.stringify(d.dns), d.nextRecid);
    this.remember(d);
  }

  /** Writes the whole domain (any route that changes more than DNS). */
  save(d: DomainState): void {
    this.st.update.run(d.status, d.expiryDate, dataJson(d), JSON.stringify(d.dns), d.nextRecid, d.name);
    this.remember(d);
  }

  /** Writes only `dns` and `nextRecid`: the caller changed nothing else. */
  saveDns(d: DomainState): void {
    this.st.updateDns.run(JSON.stringify(d.dns), d.nextRecid, d.name);
    this.remember(d);
  }

  setOwner(d: DomainState, owner: string): void {
    d.owner = owner;
    this.st.setOwner.run(owner, d.name);
    this.save(d);
  }

  count(): number {
    return Number((this.st.count.get() as { n: number }).n);
  }

  /** Drops every cached domain (after a rollback or a wipe). */
  forget(): void {
    this.cache.clear();
  }

  private remember(d: DomainState): void {
    this.cache.delete(d.name);
    if (this.cache.size >= DomainTable.CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(d.name, d);
  }
}

/** The `data` column: the domain with the two list columns' keys kept, as null, for key order. */
function dataJson(d: DomainState): string {
  return JSON.stringify({ ...d, dns: null, nextRecid: null });
}
