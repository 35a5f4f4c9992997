// Migration 3 moves DNS out of the domain JSON into its own columns: a file written by a
// schema-2 emulator must read back exactly as it was, and keep key order for the admin views.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { Store } from "../../emulator/db/store";
import { SCHEMA_VERSION } from "../../emulator/db/schema";
import { domainFromSeed } from "../../emulator/seed";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("schema migration 3 (DNS columns)", () => {
  it("upgrades a schema-2 file in place without changing any domain", () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-mig-"));
    dirs.push(dir);
    const dbPath = join(dir, "v2.db");
    const state = domainFromSeed("a@example.com", { domain: "old.com", dns: [{ hostname: "www", type: "CNAME", address: "example.net" }] }, 1_700_000_000);
    state.nextRecid = 42;

    // The schema-2 layout as migrations 1 and 2 made it, with the whole domain in `data`.
    const old = new Database(dbPath);
    old.exec(`CREATE TABLE accounts (email TEXT PRIMARY KEY COLLATE NOCASE, api_key TEXT NOT NULL, credit_cents INTEGER NOT NULL CHECK (credit_cents >= 0));
      CREATE TABLE domains (name TEXT PRIMARY KEY, owner TEXT NOT NULL REFERENCES accounts(email) ON DELETE CASCADE, status TEXT NOT NULL, expiry_date TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE ledger (id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, type TEXT NOT NULL, domain TEXT NOT NULL, years INTEGER NOT NULL, amount_cents INTEGER NOT NULL, balance_after_cents INTEGER NOT NULL, at TEXT NOT NULL);
      CREATE INDEX domains_owner ON domains(owner);
      CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);
      INSERT INTO schema_version VALUES (1, 'then'), (2, 'then');
      PRAGMA user_version = 2;`);
    old.prepare("INSERT INTO accounts VALUES ('a@example.com', 'k', 100)").run();
    old.prepare("INSERT INTO domains VALUES (?, ?, ?, ?, ?)").run(state.name, state.owner, state.status, state.expiryDate, JSON.stringify(state));
    old.close();

    const store = new Store(dbPath);
    try {
      const read = store.domain("old.com");
      expect(read).toEqual(state);
      expect(JSON.stringify(read)).toBe(JSON.stringify(state)); // same key order too
      expect(store.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      store.close();
    }
  });
});
