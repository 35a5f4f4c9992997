/**
 * All SQLite access in one place, with prepared statements made once. Synchronous on purpose:
 * better-sqlite3 runs on the event loop, so a request's handler runs start to end with no
 * interleaving, which is what makes concurrent requests safe.
 *
 * API requests commit in groups (`inTurn`): the requests whose handlers run in one turn of the
 * event loop share one SQLite transaction, each inside its own savepoint, and it commits before
 * the turn's answers are sent. A request that fails rolls back its savepoint, so it changes
 * nothing; an answer waits for `pendingCommit()`, so nothing is answered before it is committed.
 * Per request this saves the BEGIN/COMMIT pair, the file locks and WAL write that go with each
 * commit (docs/emulator.md, "Benchmarks").
 */
import type Database from "better-sqlite3";
import { openDatabase } from "./sqlite";
import type { DomainState, DomainStatus } from "../domain-state";
import { migrate } from "./schema";
import { DomainTable } from "./domains";

export interface Account {
  email: string;
  apiKey: string;
  creditCents: number;
}

export interface LedgerEntry {
  id: number;
  account: string;
  type: string;
  domain: string;
  years: number;
  amountCents: number;
  balanceAfterCents: number;
  at: string;
}

type Row = Record<string, unknown>;

export class Store {
  readonly db: Database.Database;
  private readonly st;
  // One wrapper made once: db.transaction() builds a new function on every call.
  private readonly runInTransaction: (fn: () => unknown) => unknown;
  // Every request looks its account up for auth; accounts change only through this class, so a
  // cache cleared on each account write is exact.
  private readonly accountCache = new Map<string, Account | null>();
  // The domains table and its parsed-state cache (db/domains.ts).
  private readonly domains: DomainTable;
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  // Transaction functions running now (nested ones become savepoints of the outermost).
  private depth = 0;
  // The open group transaction of this turn of the event loop, if any: it commits on setImmediate.
  private turn: { done: Promise<unknown>; settle: (error: unknown) => void } | undefined;

  constructor(path: string) {
    this.db = openDatabase(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    // Page cache up to 64 MiB (default 2 MiB): with 10,000 domains (~25 MiB) every save otherwise
    // re-reads its b-tree pages from the OS. Memory is only taken as pages are actually read.
    this.db.pragma("cache_size = -65536");
    // Checkpoint every ~10,000 WAL pages (~40 MiB) instead of 1,000. A checkpoint syncs the WAL
    // and the database file, and that fsync (5–20 ms here) stalls the event loop; doing it 10×
    // less often took it from ~1.5% of saves (their p99) to ~0.15%. Durability is unchanged
    // (synchronous = NORMAL either way); only the WAL file grows larger between checkpoints.
    this.db.pragma("wal_autocheckpoint = 10000");
    migrate(this.db);
    this.runInTransaction = this.db.transaction((fn: () => unknown) => fn());
    this.begin = this.db.prepare("BEGIN");
    this.commit = this.db.prepare("COMMIT");
    this.rollback = this.db.prepare("ROLLBACK");
    this.domains = new DomainTable(this.db);
    const p = (sql: string) => this.db.prepare(sql);
    this.st = {
      account: p("SELECT email, api_key, credit_cents FROM accounts WHERE email = ?"),
      accounts: p("SELECT email, api_key, credit_cents FROM accounts ORDER BY rowid"),
      upsertAccount: p(
        "INSERT INTO accounts (email, api_key, credit_cents) VALUES (?, ?, ?) ON CONFLICT(email) DO UPDATE SET api_key = excluded.api_key, credit_cents = excluded.credit_cents",
      ),
      setCredit: p("UPDATE accounts SET credit_cents = ? WHERE email = ?"),
      addLedger: p("INSERT INTO ledger (account, type, domain, years, amount_cents, balance_after_cents, at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      ledger: p("SELECT * FROM ledger ORDER BY id"),
      lastCharge: p("SELECT amount_cents FROM ledger WHERE account = ? AND type = ? AND domain = ? ORDER BY id DESC LIMIT 1"),
    };
  }

  /**
   * Runs `fn` in a transaction of its own, committed when this returns: if it throws, nothing it
   * wrote is kept. An open group (`inTurn`) commits first, so `fn` never shares its commit.
   * Called inside another transaction function, it is a savepoint of that one.
   */
  transaction<T>(fn: () => T): T {
    if (this.depth === 0) this.commitTurn();
    return this.atomic(fn);
  }

  /**
   * Runs one API request's work atomically inside the transaction of this event-loop turn, which
   * the turn's other requests share and which commits on setImmediate, after every handler the
   * turn runs. If `fn` throws, its savepoint is rolled back: it changes nothing, the others keep
   * their changes. The caller must await `pendingCommit()` before it answers.
   */
  inTurn<T>(fn: () => T): T {
    if (this.depth === 0) {
      // SQLite rolls back a whole transaction on some errors (disk full, I/O): the requests that
      // joined it must hear it failed, and this one must not join a transaction that is gone.
      if (this.turn && !this.db.inTransaction) this.settleTurn(new Error("the group transaction was rolled back by SQLite"));
      if (!this.turn) this.openTurn();
    }
    return this.atomic(fn);
  }

  /**
   * Undefined when nothing uncommitted is pending; otherwise settles once the turn's transaction
   * has committed (undefined) or failed (the error; then none of the turn's writes is kept). Every
   * request run while a group is open awaits it before answering, reads included: a read may have
   * seen the group's writes.
   */
  pendingCommit(): Promise<unknown> | undefined {
    return this.turn?.done;
  }

  private atomic<T>(fn: () => T): T {
    this.depth += 1;
    try {
      return this.runInTransaction(fn) as T;
    } catch (error) {
      // A rolled-back transaction or savepoint may have changed cached state: forget it all.
      this.accountCache.clear();
      this.domains.forget();
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  private openTurn(): void {
    this.begin.run();
    let settle: (error: unknown) => void = () => {};
    const done = new Promise<unknown>((resolve) => (settle = resolve));
    this.turn = { done, settle };
    // The check phase follows the poll phase in which the turn's requests ran their handlers.
    setImmediate(() => this.commitTurn());
  }

  /** Commits the open group, if any (and settles its waiters). */
  private commitTurn(): void {
    if (!this.turn) return;
    try {
      this.commit.run();
      this.settleTurn(undefined);
    } catch (error) {
      this.settleTurn(error);
    }
  }

  private settleTurn(error: unknown): void {
    const turn = this.turn;
    this.turn = undefined;
    if (error !== undefined) {
      if (this.db.inTransaction) this.rollback.run();
      this.accountCache.clear();
      this.domains.forget();
    }
    turn?.settle(error);
  }

  account(email: string): Account | undefined {
    const key = email.toLowerCase();
    const cached = this.accountCache.get(key);
    if (cached !== undefined) return cached === null ? undefined : { ...cached };
    const row = this.st.account.get(email) as Row | undefined;
    const account = row ? { email: String(row.email), apiKey: String(row.api_key), creditCents: Number(row.credit_cents) } : undefined;
    // Only the hit is cached: unknown names are unbounded and cheap to miss.
    if (account) this.accountCache.set(key, account);
    return account && { ...account };
  }

  accounts(): Account[] {
    return (this.st.accounts.all() as Row[]).map((row) => ({ email: String(row.email), apiKey: String(row.api_key), creditCents: Number(row.credit_cents) }));
  }

  upsertAccount(a: Account): void {
    this.accountCache.clear();
    this.st.upsertAccount.run(a.email, a.apiKey, a.creditCents);
  }

  setCredit(email: string, cents: number): void {
    this.accountCache.clear();
    this.st.setCredit.run(cents, email);
  }

  domain(name: string): DomainState | undefined {
    return this.domains.get(name);
  }

  insertDomain(d: DomainState): void {
    this.domains.insert(d);
  }

  /** Inserts the domain, or overwrites the row of that name, owner included (a name ordered again after it left). */
  putDomain(d: DomainState): void {
    if (this.domains.get(d.name)) this.domains.setOwner(d, d.owner);
    else this.insertDomain(d);
  }

  /** Writes the whole domain. */
  saveDomain(d: DomainState): void {
    this.domains.save(d);
  }

  /** Writes only the domain's DNS records and `nextRecid` (the DNS save route). */
  saveDns(d: DomainState): void {
    this.domains.saveDns(d);
  }

  /** Admin only (PATCH owner): moves a domain to another reseller. */
  setOwner(d: DomainState, owner: string): void {
    this.domains.setOwner(d, owner);
  }

  setStatus(d: DomainState, status: DomainStatus): void {
    d.status = status;
    this.saveDomain(d);
  }

  domainCount(): number {
    return this.domains.count();
  }

  addLedger(e: Omit<LedgerEntry, "id">): void {
    this.st.addLedger.run(e.account, e.type, e.domain, e.years, e.amountCents, e.balanceAfterCents, e.at);
  }

  /** The amount of the latest ledger line of `type` for `domain` in `account` (what an order was charged). */
  lastCharge(account: string, type: string, domain: string): number | undefined {
    const row = this.st.lastCharge.get(account, type, domain) as Row | undefined;
    return row ? Number(row.amount_cents) : undefined;
  }

  ledger(): LedgerEntry[] {
    return (this.st.ledger.all() as Row[]).map((r) => ({
      id: Number(r.id),
      account: String(r.account),
      type: String(r.type),
      domain: String(r.domain),
      years: Number(r.years),
      amountCents: Number(r.amount_cents),
      balanceAfterCents: Number(r.balance_after_cents),
      at: String(r.at),
    }));
  }

  /** Admin reset: every row goes, the schema stays. */
  wipe(): void {
    this.accountCache.clear();
    this.domains.forget();
    this.transaction(() => {
      this.db.exec("DELETE FROM domains; DELETE FROM ledger; DELETE FROM accounts; DELETE FROM sqlite_sequence WHERE name = 'ledger';");
    });
  }

  close(): void {
    this.commitTurn();
    this.db.close();
  }
}
