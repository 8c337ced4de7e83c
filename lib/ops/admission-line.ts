import "server-only";
import { env } from "@/lib/env";
import { isDatabaseBusy } from "@/lib/errors/database";
import { OrderError } from "@/lib/orders/errors";

// Admission control for buying. An on-sale sends thousands of buyers at once; letting them all
// at the database turns into a pool queue that times out (500s) and a minute-long wait for
// everyone. Instead each process runs at most PURCHASE_CONCURRENCY purchases at a time; the
// rest wait in a FIFO line (first come, first served) for at most PURCHASE_QUEUE_WAIT_MS, and
// whoever cannot be served in time gets a fast "busy, try again in N s" (503 + Retry-After)
// that changed nothing. Per process, by design: N app instances admit N times as many, and the
// database's own limits (pool size, statement_timeout) stay the backstop.

export class AdmissionLine {
  private active = 0;
  private readonly waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];
  /** Completions in the current and previous second, for an honest Retry-After. */
  private recent = { second: 0, current: 0, previous: 0 };

  constructor(private readonly options: { concurrency: number; maxWaitMs: number; maxWaiting: number }) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.active < this.options.concurrency && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.maxWaiting || this.options.maxWaitMs === 0) return Promise.reject(this.busy());
    return new Promise<void>((resolve, reject) => {
      const entry = {
        admit: resolve,
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(entry);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(this.busy());
        }, this.options.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private leave(): void {
    this.countCompletion();
    const next = this.waiting.shift();
    if (!next) {
      this.active--;
      return;
    }
    // The slot passes straight to the next in line: no one can jump the queue in between.
    clearTimeout(next.timer);
    next.admit();
  }

  private countCompletion(): void {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.recent.second) {
      this.recent = { second, current: 0, previous: second - this.recent.second === 1 ? this.recent.current : 0 };
    }
    this.recent.current++;
  }

  /**
   * How long until this line has room again, from the recent pace; spread with jitter so
   * that the refused do not all come back in the same second.
   */
  retryAfterSeconds(): number {
    const perSecond = Math.max(1, this.recent.previous, this.recent.current);
    const drain = Math.ceil((this.waiting.length + this.active) / perSecond);
    return Math.min(30, Math.max(1, drain)) + Math.floor(Math.random() * 3);
  }

  private busy(): OrderError {
    return busyError(this.retryAfterSeconds());
  }
}

export function busyError(retryAfterSeconds: number): OrderError {
  return new OrderError("busy", "We are very busy right now and could not take your order. Nothing was charged.", undefined, retryAfterSeconds).says("busy");
}

// On globalThis: Next bundles this module into several chunks (routes, instrumentation), and
// each process must have exactly one line, whichever copy asks for it.
const state = globalThis as unknown as { __purchaseLine?: AdmissionLine };

/** This process's purchase line (the JSON API enters it at the process edge, lib/ops/purchase-gate.ts). */
export function purchaseLine(): AdmissionLine {
  if (!state.__purchaseLine) {
    const settings = env();
    state.__purchaseLine = new AdmissionLine({
      concurrency: settings.PURCHASE_CONCURRENCY,
      maxWaitMs: settings.PURCHASE_QUEUE_WAIT_MS,
      maxWaiting: settings.PURCHASE_QUEUE_LENGTH,
    });
  }
  return state.__purchaseLine;
}

/**
 * A database too busy to answer in time (no pooled connection, a statement or lock timeout)
 * is the same outcome as a full line: `busy`, retryable, and nothing was written.
 */
export async function busyWhenDatabaseIs<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseBusy(error)) throw busyError(purchaseLine().retryAfterSeconds());
    throw error;
  }
}

/**
 * Runs one purchase (everything it asks of the database) inside this process's line. For
 * callers that the edge gate does not cover: the checkout's server actions.
 */
export async function admitPurchase<T>(work: () => Promise<T>): Promise<T> {
  return busyWhenDatabaseIs(() => purchaseLine().run(work));
}

/** Tests change the PURCHASE_* settings between cases; the next purchase builds a new line. */
export function resetPurchaseLineForTests(): void {
  state.__purchaseLine = undefined;
}
