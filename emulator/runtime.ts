/**
 * In-memory test state that need not survive a restart: request counters, injected faults, the
 * clock offset and the real-registrar behaviour switches. The admin reset clears it along with the
 * database.
 */
import { Behaviour } from "./behaviour";
import { RequestLog } from "./request-log";

/**
 * Kinds that act before the handler. All but two answer instead of it, so the request changes
 * nothing; `latency` and `hold` only delay it and let it through.
 */
export const BEFORE_KINDS = ["latency", "hold", "status", "reset", "malformed", "error200", "rateLimit", "ignore", "emptyList"] as const;
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
  /** `hold`: release every held request once this many are held together. */
  count?: number;
}

/** A stored fault, by family, so a check on `kind` tells the compiler which answers apply. */
export type AnyFault = Fault<BeforeFaultKind> | Fault<AfterFaultKind>;

const AFTER: ReadonlySet<string> = new Set(AFTER_KINDS);
export const isAfterFault = (f: AnyFault): f is Fault<AfterFaultKind> => AFTER.has(f.kind);

const NO_FAULT: { delayMs: number } = Object.freeze({ delayMs: 0 });

/** How long a `hold` keeps a request when the fault gives no `ms` and its `count` is not reached. */
export const DEFAULT_HOLD_MS = 30_000;

/** What one request hits: the delays to sit out, then at most one fault that answers or spoils. */
export interface Taken {
  delayMs: number;
  fault?: AnyFault;
  /** Resolves when every `hold` the request hit lets it go. */
  hold?: Promise<void>;
}

export class Runtime {
  counters = new Map<string, number>();
  faults: AnyFault[] = [];
  clockOffsetSeconds = 0;
  /** Real-registrar behaviour (renewal delay, unknown-domain status, premium names): behaviour.ts. */
  readonly behaviour = new Behaviour();
  /** Every routed API request with its times (kept only when the admin surface is mounted). */
  readonly requests = new RequestLog();
  private nextFaultId = 1;
  /** Requests waiting on each `hold` fault (by fault id), in arrival order. */
  private held = new Map<number, Set<() => void>>();

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
   * The faults this request hits: every matching latency fault (their delays add up), every
   * matching hold, and the first matching fault of any other kind, before- or after-handler alike
   * (a request that fails before the handler cannot also lose its answer after it). Each hit uses
   * up one of its `times`.
   */
  take(routeKey: string): Taken {
    if (this.faults.length === 0) return NO_FAULT; // the usual case: no array rebuilt per request
    let delayMs = 0;
    let fault: AnyFault | undefined;
    const holds: Promise<void>[] = [];
    for (const f of this.faults) {
      if (f.route !== "*" && f.route !== routeKey) continue;
      if (f.kind === "latency") delayMs += f.ms ?? 1000;
      else if (f.kind === "hold") holds.push(this.hold(f));
      else if (fault) continue;
      else fault = f;
      if (f.times !== undefined) f.times -= 1;
    }
    this.faults = this.faults.filter((f) => f.times === undefined || f.times > 0);
    const taken: Taken = fault ? { delayMs, fault } : { delayMs };
    if (holds.length > 0) taken.hold = Promise.all(holds).then(() => undefined);
    return taken;
  }

  /**
   * Holds a request until `count` requests wait on the fault (then all go, in arrival order, in
   * one turn of the event loop: their handlers run back to back before any client can send
   * another request), `ms` passes, or the faults are cleared. This is how a test puts two writers'
   * saves on the server together, so that each was planned before either landed: a race that
   * timing alone would make flaky.
   */
  private hold(f: AnyFault): Promise<void> {
    const group = this.held.get(f.id) ?? new Set<() => void>();
    this.held.set(f.id, group);
    return new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        group.delete(release);
        if (group.size === 0 && this.held.get(f.id) === group) this.held.delete(f.id);
        resolve();
      };
      const timer = setTimeout(release, f.ms ?? DEFAULT_HOLD_MS);
      // A held request must not keep a closed emulator's process alive.
      timer.unref();
      group.add(release);
      if (f.count !== undefined && group.size >= f.count) for (const go of [...group]) go();
    });
  }

  /** Lets every held request go at once (faults cleared, reset). */
  releaseHolds(): void {
    for (const group of [...this.held.values()]) for (const go of [...group]) go();
  }

  reset(): void {
    this.counters.clear();
    this.requests.clear();
    this.faults = [];
    this.releaseHolds();
    this.clockOffsetSeconds = 0;
    this.behaviour.reset();
    this.nextFaultId = 1;
  }
}
