// State must survive a restart on a file database, and a failed request must leave no trace.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { SCHEMA_VERSION } from "../../emulator/db/schema";
import { admin, call, registerParams } from "./helpers";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), "emu-"));
  dirs.push(dir);
  return join(dir, "state.db");
};

describe("persistence", () => {
  it("keeps domains, DNS, credit and ledger across a restart", async () => {
    const dbPath = tempDb();
    const first = await startEmulator({ dbPath, admin: true });
    await call(first, "POST", "/order/domains/register", registerParams("durable.com"));
    await call(first, "POST", "/domains/durable.com/dns", { dnsrecords: [{ hostname: "@", type: "A", address: "192.0.2.7" }] });
    await first.close();

    // The default seed again: insert-only, so it must not reset credit or the new domain.
    const second = await startEmulator({ dbPath, admin: true });
    try {
      expect((await call(second, "GET", "/domains/durable.com/dns")).body).toEqual([{ hostname: "@", type: "A", address: "192.0.2.7", priority: "N/A", recid: "1" }]);
      expect((await call(second, "GET", "/billing/credits")).body).toBe("486.25");
      expect((await admin(second, "GET", "/ledger")).body).toHaveLength(1);
    } finally {
      await second.close();
    }
    const third = await startEmulator({ dbPath, seed: "none" });
    try {
      expect((await call(third, "GET", "/domains/durable.com/lock")).body).toBe("locked");
    } finally {
      await third.close();
    }
  });

  it("uses WAL and records the schema version", async () => {
    const dbPath = tempDb();
    const emu = await startEmulator({ dbPath });
    await emu.close();
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare("SELECT max(version) AS v FROM schema_version").get()).toEqual({ v: SCHEMA_VERSION });
    } finally {
      db.close();
    }
  });

  it("refuses a database made by a newer emulator", async () => {
    const dbPath = tempDb();
    const db = new Database(dbPath);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await expect(startEmulator({ dbPath })).rejects.toThrow(/newer than this emulator/);
  });

  it("rolls back the charge when the order fails after debiting (one transaction per request)", async () => {
    const dbPath = tempDb();
    const emu = await startEmulator({ dbPath, admin: true });
    const { Store } = await import("../../emulator/db/store");
    const original = Store.prototype.insertDomain;
    Store.prototype.insertDomain = () => {
      throw new Error("insert failed after the charge");
    };
    try {
      const r = await call(emu, "POST", "/order/domains/register", registerParams("half-done.com"));
      expect(r.status).toBe(500);
      expect((await call(emu, "GET", "/billing/credits")).body).toBe("500.00");
      expect((await admin(emu, "GET", "/ledger")).body).toEqual([]);
    } finally {
      Store.prototype.insertDomain = original;
      await emu.close();
    }
  });

  it("serialises concurrent orders so the balance never goes negative", async () => {
    const emu = await startEmulator({ admin: true });
    try {
      await admin(emu, "PUT", "/accounts/demo@example.com/credit", { credit: "50.00" });
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => call(emu, "POST", "/order/domains/register", registerParams(`race-${i}.com`))));
      expect(results.filter((r) => r.status === 200)).toHaveLength(3); // 3 × 13.75 = 41.25
      expect(results.filter((r) => r.status === 500)).toHaveLength(5);
      expect((await call(emu, "GET", "/billing/credits")).body).toBe("8.75");
    } finally {
      await emu.close();
    }
  });
});
