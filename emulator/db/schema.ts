/**
 * Versioned schema migrations. The version lives in SQLite's `user_version` pragma (and is
 * mirrored in a `schema_version` table for humans with a sqlite3 shell); each migration runs once,
 * in order, inside a transaction, so a file made by an older emulator is upgraded in place.
 */
import type Database from "better-sqlite3";

const MIGRATIONS: string[] = [
  // 1: accounts, domains (list-valued state as JSON: DNS and forwarding are saved as whole lists
  //    by the API, so they are read and written whole), the billing ledger.
  `CREATE TABLE accounts (
     email TEXT PRIMARY KEY COLLATE NOCASE,
     api_key TEXT NOT NULL,
     credit_cents INTEGER NOT NULL CHECK (credit_cents >= 0)
   );
   CREATE TABLE domains (
     name TEXT PRIMARY KEY,
     owner TEXT NOT NULL REFERENCES accounts(email) ON DELETE CASCADE,
     status TEXT NOT NULL,
     expiry_date TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE TABLE ledger (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     account TEXT NOT NULL,
     type TEXT NOT NULL,
     domain TEXT NOT NULL,
     years INTEGER NOT NULL,
     amount_cents INTEGER NOT NULL,
     balance_after_cents INTEGER NOT NULL,
     at TEXT NOT NULL
   );`,
  // 2: tenant-scoped lookups (bench: 10,000 domains) and a human-readable version table.
  `CREATE INDEX domains_owner ON domains(owner);
   CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);`,
  // 3: DNS in its own columns. A DNS save (the hot write) then binds ~0.3 KB of JSON instead of
  //    re-serialising the ~1.8 KB domain. `data` keeps "dns" and "nextRecid" as null placeholders
  //    so a domain read back has its keys in the same order as before (admin views print it).
  `ALTER TABLE domains ADD COLUMN dns TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE domains ADD COLUMN next_recid INTEGER NOT NULL DEFAULT 1;
   UPDATE domains SET
     dns = coalesce(json_extract(data, '$.dns'), '[]'),
     next_recid = coalesce(json_extract(data, '$.nextRecid'), 1),
     data = json_set(data, '$.dns', NULL, '$.nextRecid', NULL);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`database schema version ${current} is newer than this emulator (${SCHEMA_VERSION})`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.exec(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)`);
      db.prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)").run(v + 1, new Date().toISOString());
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
