// Orders in flight, noted outside Pulumi's state. The state learns of an order only when its step
// ends; a run killed in between (a killed provider, a killed CLI, a machine that went down) leaves
// no trace of it, and the next `up` would order the same name again while the first order may
// still be on its way (a second invoice). So each registration and transfer is written to a small
// journal on this machine before it is sent and removed once its outcome is recorded in the state.
// An entry found by a later create means exactly that: an order of this name that no state holds.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface JournalEntry {
  kind: "register" | "transfer";
  name: string;
  /** When it was sent (ISO 8601, the registrar's clock as the client knows it). */
  sentAt: string;
}

/** Older entries are stale: whatever that order did shows in the account by now, or it failed. */
const MAX_AGE_MS = 7 * 24 * 3_600_000;

/** `DOMAINSRESELLER_ORDER_JOURNAL`, else the user's state directory (XDG), per machine user. */
export function journalDir(): string {
  const set = process.env.DOMAINSRESELLER_ORDER_JOURNAL?.trim();
  if (set) return set;
  const state = process.env.XDG_STATE_HOME?.trim() || join(homedir(), ".local", "state");
  return join(state, "pulumi-domainsreseller", "orders");
}

const fileOf = (name: string) => join(journalDir(), `${createHash("sha256").update(name.toLowerCase()).digest("hex").slice(0, 32)}.json`);

/** Notes an order about to be sent. Failing to write it stops the order: without it, a kill could order twice. */
export function noteOrder(entry: JournalEntry): void {
  try {
    mkdirSync(journalDir(), { recursive: true });
    writeFileSync(fileOf(entry.name), JSON.stringify(entry));
  } catch (error) {
    throw new Error(
      `cannot note the ${entry.kind} of ${entry.name} in the order journal ${journalDir()} (${error instanceof Error ? error.message : String(error)}), so it was not sent: ` +
        "make the folder writable, or point DOMAINSRESELLER_ORDER_JOURNAL at one that is.",
    );
  }
}

/** The order's outcome is in the state (or it provably cost nothing): the note goes. */
export function settleOrderNote(name: string): void {
  rmSync(fileOf(name), { force: true });
}

/** An order of `name` that no state recorded, if one was sent from this machine within the last week. */
export function unrecordedOrder(name: string, now: Date): JournalEntry | undefined {
  let entry: JournalEntry;
  try {
    entry = JSON.parse(readFileSync(fileOf(name), "utf8")) as JournalEntry;
  } catch {
    return undefined;
  }
  if (entry.name?.toLowerCase() !== name.toLowerCase() || now.getTime() - Date.parse(entry.sentAt) > MAX_AGE_MS) return undefined;
  return entry;
}
