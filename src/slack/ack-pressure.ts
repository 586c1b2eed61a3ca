/**
 * How many Slack requests are waiting for their HTTP answer, so work that runs after an ack can give way to
 * acks still to come. Slack retries anything not answered within 3 s, while the work behind an ack (posting
 * the question, an agent run) may start a moment later without anyone noticing. Waiting tasks are let through
 * on a short tick: a few at a time once the endpoint has been idle for `settleMs` (no request arrived or
 * waiting for its answer), and, during a long burst, any task that has waited `maxWaitMs` (one per tick), so
 * work is slowed by a burst but never starved.
 */
export interface AckPressureOptions {
  /** How often waiting tasks are looked at (default 10 ms). */
  tickMs?: number;
  /** How long the endpoint must be idle before waiting tasks start freely (default 30 ms). */
  settleMs?: number;
  /** How many waiting tasks start per tick while no request is waiting (default 4). */
  quietBatch?: number;
  /** A task that has waited this long starts even during a burst, one per tick (default 1000 ms). */
  maxWaitMs?: number;
  now?: () => number;
}

interface Waiter {
  since: number;
  wake: () => void;
}

export class AckPressure {
  private pending = 0;
  private lastActivity = Number.NEGATIVE_INFINITY;
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly tickMs: number;
  private readonly settleMs: number;
  private readonly quietBatch: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  constructor(options: AckPressureOptions = {}) {
    this.tickMs = options.tickMs ?? 10;
    this.settleMs = options.settleMs ?? 30;
    this.quietBatch = options.quietBatch ?? 4;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Counts one request until the returned function is called (once; later calls do nothing). */
  begin(): () => void {
    this.pending += 1;
    this.lastActivity = this.now();
    let finished = false;
    return () => {
      if (finished) return;
      finished = true;
      this.pending -= 1;
      this.lastActivity = this.now();
    };
  }

  /** Requests waiting for their answer right now. */
  get waiting(): number {
    return this.pending;
  }

  private isQuiet(): boolean {
    return this.pending === 0 && this.now() - this.lastActivity >= this.settleMs;
  }

  /** Resolves when this task may start (at once when nothing else waits and the endpoint is idle). */
  turn(): Promise<void> {
    if (this.waiters.length === 0 && this.isQuiet()) return Promise.resolve();
    return new Promise((wake) => {
      this.waiters.push({ since: this.now(), wake });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.release();
      this.schedule();
    }, this.tickMs);
    // Waiting work alone must not keep a stopping process alive; BackgroundWork tracks it for a graceful stop.
    this.timer.unref();
  }

  private release(): void {
    if (this.isQuiet()) {
      for (const waiter of this.waiters.splice(0, this.quietBatch)) waiter.wake();
      return;
    }
    const oldest = this.waiters[0];
    if (oldest && this.now() - oldest.since >= this.maxWaitMs) this.waiters.shift()?.wake();
  }
}
