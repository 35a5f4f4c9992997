/**
 * In-memory test state that need not survive a restart: request counters, injected faults and
 * the clock offset. The admin reset clears it along with the database.
 */

export const FAULT_KINDS = ["latency", "status", "reset", "malformed", "error200", "rateLimit", "ignore"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: number;
  /** "METHOD /template" or "*" */
  route: string;
  kind: FaultKind;
  ms?: number;
  status?: number;
  retryAfter?: number;
  /** Remaining uses; undefined = until the faults are cleared. */
  times?: number;
}

const NO_FAULT: { delayMs: number } = Object.freeze({ delayMs: 0 });

export class Runtime {
  counters = new Map<string, number>();
  faults: Fault[] = [];
  clockOffsetSeconds = 0;
  private nextFaultId = 1;

  /** Server time in unix seconds, shifted by the admin clock. */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffsetSeconds;
  }

  count(routeKey: string): void {
    this.counters.set(routeKey, (this.counters.get(routeKey) ?? 0) + 1);
  }

  addFault(f: Omit<Fault, "id">): Fault {
    const fault = { ...f, id: this.nextFaultId++ };
    this.faults.push(fault);
    return fault;
  }

  /**
   * The faults this request hits: every matching latency fault (their delays add up) and the
   * first matching fault of any other kind. Each hit uses up one of its `times`.
   */
  take(routeKey: string): { delayMs: number; fault?: Fault } {
    if (this.faults.length === 0) return NO_FAULT; // the usual case: no array rebuilt per request
    let delayMs = 0;
    let fault: Fault | undefined;
    for (const f of this.faults) {
      if (f.route !== "*" && f.route !== routeKey) continue;
      if (f.kind === "latency") delayMs += f.ms ?? 1000;
      else if (fault) continue;
      else fault = f;
      if (f.times !== undefined) f.times -= 1;
    }
    this.faults = this.faults.filter((f) => f.times === undefined || f.times > 0);
    return fault ? { delayMs, fault } : { delayMs };
  }

  reset(): void {
    this.counters.clear();
    this.faults = [];
    this.clockOffsetSeconds = 0;
    this.nextFaultId = 1;
  }
}
