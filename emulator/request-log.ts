/**
 * The admin request log (`GET /__admin/requests`): one entry per routed API request, with the
 * route template, the domain of its path, when it began and ended on a monotonic clock, and its
 * status. Counters say how many requests a route had; only times say whether two of them were in
 * flight together, which is what a test of concurrent writers has to judge (two whole-list saves
 * of one zone must never overlap). Bounded, so an emulator left running does not grow without end.
 */

/** Entries kept; older ones are dropped first (counted in `dropped`). */
export const REQUEST_LOG_LIMIT = 10_000;

export interface RequestEntry {
  /** 1, 2, 3… in arrival order; never reused until the log is cleared. */
  id: number;
  method: string;
  /** The route template, e.g. "/domains/{domain}/dns" (never the path, so no query or secret). */
  route: string;
  /** The `{domain}` of the path, lower case; null for routes without one (orders, catalogue). */
  domain: string | null;
  /** When the request reached the app, in ms of a monotonic clock (`performance.now()`). */
  start: number;
  /** When its answer was ready (faults included, the handler committed); null while in flight. */
  end: number | null;
  /** The HTTP status; "reset" or "hang" for an answer that is dropped; null while in flight. */
  status: number | "reset" | "hang" | null;
}

/** Microsecond precision is plenty for overlap and keeps the JSON short. */
const now = () => Math.round(performance.now() * 1000) / 1000;

/** What `GET /__admin/requests` answers. */
export interface RequestLogView {
  /** The clock of `start`/`end`, when the view was taken. */
  now: number;
  dropped: number;
  requests: RequestEntry[];
}

export class RequestLog {
  // A ring: `slots[(first + i) % limit]` is the i-th oldest entry.
  private slots: RequestEntry[] = [];
  private first = 0;
  private nextId = 1;
  /** Entries dropped to keep the bound since the last clear. */
  dropped = 0;

  constructor(readonly limit = REQUEST_LOG_LIMIT) {}

  /** Records a request as it arrives; the entry is filled in by `end`. */
  begin(method: string, route: string, domain: string | null): RequestEntry {
    const entry: RequestEntry = { id: this.nextId++, method, route, domain, start: now(), end: null, status: null };
    if (this.slots.length < this.limit) {
      this.slots.push(entry);
    } else {
      this.slots[this.first] = entry;
      this.first = (this.first + 1) % this.limit;
      this.dropped += 1;
    }
    return entry;
  }

  end(entry: RequestEntry, status: RequestEntry["status"]): void {
    entry.end = now();
    entry.status = status;
  }

  /** Oldest first, as copies: a caller cannot change the log, and in-flight entries stay as read. */
  list(): RequestEntry[] {
    const ordered = this.slots.length < this.limit ? this.slots : [...this.slots.slice(this.first), ...this.slots.slice(0, this.first)];
    return ordered.map((entry) => ({ ...entry }));
  }

  /** The view `GET /__admin/requests` answers: the clock now, so a caller can age in-flight entries. */
  view(): RequestLogView {
    return { now: now(), dropped: this.dropped, requests: this.list() };
  }

  clear(): void {
    this.slots = [];
    this.first = 0;
    this.nextId = 1;
    this.dropped = 0;
  }
}
