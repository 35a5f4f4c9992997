// The requests of one event-loop turn share one SQLite commit (db/store.ts, inTurn). What must
// still hold for each request: a failed one changes nothing, and no answer leaves before what it
// wrote is committed (another connection on the file sees it by then).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { API_BASE, createApp } from "../../emulator/app";
import { Store } from "../../emulator/db/store";
import { Runtime } from "../../emulator/runtime";
import { applySeed } from "../../emulator/admin/seed-apply";
import { DEFAULT_SEED } from "../../emulator";
import { DEMO, sign } from "./helpers";

const open: { store: Store; dir: string }[] = [];
afterEach(() => {
  for (const { store, dir } of open.splice(0)) {
    if (store.db.open) store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function emulator() {
  const dir = mkdtempSync(join(tmpdir(), "emu-group-"));
  const dbPath = join(dir, "state.db");
  const store = new Store(dbPath);
  open.push({ store, dir });
  const runtime = new Runtime();
  applySeed(store, DEFAULT_SEED, runtime.now());
  const app = createApp({ store, runtime, admin: false, transferDelaySeconds: 0 });
  // Another connection on the file: it sees only what is committed.
  const reader = new Database(dbPath, { readonly: true });
  const committedDns = (domain: string): string => (reader.prepare("SELECT dns FROM domains WHERE name = ?").get(domain) as { dns: string }).dns;
  const save = (domain: string, address: string) =>
    app({
      method: "POST",
      url: `${API_BASE}/domains/${domain}/dns`,
      headers: { username: DEMO.email, token: sign(DEMO.email, DEMO.apiKey, runtime.now()), "content-type": "application/x-www-form-urlencoded" },
      body: `dnsrecords[0][hostname]=@&dnsrecords[0][type]=A&dnsrecords[0][address]=${address}`,
    });
  return { store, app, reader, committedDns, save };
}

const COMMIT_FAILURE = "disk I/O error (test)";

describe("group commit", () => {
  it("commits a turn's saves together, keeps none of a failed one, and answers only after the commit", async () => {
    const { reader, committedDns, save } = emulator();
    const before = committedDns("acme-shop.io");
    const original = Store.prototype.saveDns;
    // The write happens, then the request fails: its savepoint must take the write back.
    Store.prototype.saveDns = function (d) {
      original.call(this, d);
      if (d.name === "acme-shop.io") throw new Error("failed after writing");
    };
    try {
      // Started in one synchronous block: the three handlers run in the same turn.
      const answers = Promise.all([save("acme-widgets.com", "198.51.100.1"), save("acme-shop.io", "198.51.100.2"), save("acme-widgets.net", "198.51.100.3")]);
      // The handlers have run, the turn has not committed: nothing shows outside yet.
      expect(committedDns("acme-widgets.com")).not.toContain("198.51.100.1");
      const [a, b, c] = await answers;
      expect([a.status, b.status, c.status]).toEqual([200, 500, 200]);
    } finally {
      Store.prototype.saveDns = original;
    }
    // By the time the answers are out, the successful saves are committed, the failed one is not.
    expect(committedDns("acme-widgets.com")).toContain("198.51.100.1");
    expect(committedDns("acme-widgets.net")).toContain("198.51.100.3");
    expect(committedDns("acme-shop.io")).toBe(before);
    reader.close();
  });

  it("fails every request of a turn whose commit fails, and keeps none of their writes", async () => {
    const { store, reader, committedDns, save } = emulator();
    const before = committedDns("acme-widgets.com");
    const internals = store as unknown as { commit: { run(): unknown } };
    const commit = internals.commit;
    internals.commit = {
      run: () => {
        throw new Error(COMMIT_FAILURE);
      },
    };
    let answers;
    try {
      answers = await Promise.all([save("acme-widgets.com", "198.51.100.1"), save("acme-widgets.net", "198.51.100.3")]);
    } finally {
      internals.commit = commit;
    }
    expect(answers.map((r) => r.status)).toEqual([500, 500]);
    expect(committedDns("acme-widgets.com")).toBe(before);
    // Nor does the emulator's own view keep them (its caches are dropped with the rollback).
    expect(JSON.stringify(store.domain("acme-widgets.com")?.dns)).not.toContain("198.51.100.1");
    // The next turn works again.
    expect((await save("acme-widgets.com", "198.51.100.9")).status).toBe(200);
    expect(committedDns("acme-widgets.com")).toContain("198.51.100.9");
    reader.close();
  });

  it("commits an open turn before a transaction of its own and on close", async () => {
    const { store, reader, committedDns } = emulator();
    const d = store.domain("acme-widgets.com")!;
    store.inTurn(() => {
      d.dns = [{ hostname: "@", type: "A", address: "198.51.100.4", priority: "N/A", recid: "1" }];
      store.saveDns(d);
    });
    expect(store.pendingCommit()).toBeDefined();
    // A standalone transaction (the admin API, seeding) never shares the turn's commit.
    store.transaction(() => store.setCredit(DEMO.email, 1));
    expect(store.pendingCommit()).toBeUndefined();
    expect(committedDns("acme-widgets.com")).toContain("198.51.100.4");

    const e = store.domain("acme-widgets.net")!;
    store.inTurn(() => {
      e.dns = [{ hostname: "@", type: "A", address: "198.51.100.5", priority: "N/A", recid: "1" }];
      store.saveDns(e);
    });
    store.close();
    expect(committedDns("acme-widgets.net")).toContain("198.51.100.5");
    reader.close();
  });
});
