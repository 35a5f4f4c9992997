/**
 * In-memory test state that need not survive a restart: request counters, injected faults, the
 * clock offset and the real-registrar behaviour switches. The admin reset clears it along with the
 * database.
 */
import { Behaviour } from "./behaviour";

/** Kinds that answer instead of the handler: the request changes nothing. */
export const BEFORE_KINDS = ["latency", "status", "reset", "malformed", "error200", "rateLimit", "ignore", "emptyList"] as const;
/**
 * Kinds that let the handler run and commit, then lose or spoil the answer: a proxy or network
 * failure on the way back, the case where a client cannot know whether its order went through.
 */
export const AFTER_KINDS = ["resetAfter", "hangAfter", "statusAfter"] as const;
export const FAULT_KINDS = [...BEFORE_KINDS, ...AFTER_KINDS] as const;
export type BeforeFaultKind = (typeof BEFORE_KINDS)[number];
export type AfterFaultKind = (typeof AFTER_KINDS)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];


export interface Fault<K extends FaultKind = FaultKind> {
  id: number;
  /** "METHOD /template" or "*" */
  route: string;
  kind: K;
  ms?: number;
  status?: number;
  retryAfter?: number;
  /** Remaining uses; undefined = until the faults are cleared. */
  times?: number;
}

/** A stored fault, by family, so a check on `kind` tells the compiler which answers apply. */
export type AnyFault = Fault<BeforeFaultKind> | Fault<AfterFaultKind>;

const AFTER: ReadonlySet<string> = new Set(AFTER_KINDS);
export const isAfterFault = (f: AnyFault): f is Fault<AfterFaultKind> => AFTER.has(f.kind);

const NO_FAULT: { delayMs: number } = Object.freeze({ delayMs: 0 });

export class Runtime {
  counters = new Map<string, number>();
  faults: AnyFault[] = [];
  clockOffsetSeconds = 0;
  /** Real-registrar behaviour (renewal delay, unknown-domain status, premium names): behaviour.ts. */
  readonly behaviour = new Behaviour();
  private nextFaultId = 1;

  /** Server time in unix seconds, shifted by the admin clock. */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffsetSeconds;
  }

  count(routeKey: string): void {
    this.counters.set(routeKey, (this.counters.get(routeKey) ?? 0) + 1);
  }

  addFault(f: Omit<Fault, "id">): AnyFault {
    const fault: AnyFault = { ...f, id: this.nextFaultId++ };
    this.faults.push(fault);
    return fault;
  }

  /**
   * The faults this request hits: every matching latency fault (their delays add up) and the
   * first matching fault of any other kind, before- or after-handler alike (a request that fails
   * before the handler cannot also lose its answer after it). Each hit uses up one of its `times`.
   */
  take(routeKey: string): { delayMs: number; fault?: AnyFault } {
    if (this.faults.length === 0) return NO_FAULT; // the usual case: no array rebuilt per request
    let delayMs = 0;
    let fault: AnyFault | undefined;
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
    this.behaviour.reset();
    this.nextFaultId = 1;
  }
}
