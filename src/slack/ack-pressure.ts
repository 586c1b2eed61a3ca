/**
 * How busy the Slack endpoint is, so work that runs after an ack can give way to acks still to come. Slack
 * retries anything not answered within 3 s, while the work behind an ack (posting the question, an agent run)
 * may start a moment later without anyone noticing. So during a burst, tasks start one at a time (one every
 * `trickleMs`: slowed, never starved), and all waiting tasks start once no request has arrived or been
 * answered for `settleMs`.
 */
export interface AckPressureOptions {
  /** How long the endpoint must be idle before waiting work starts freely (default 30 ms). */
  settleMs?: number;
  /** During a burst, one waiting task starts every this many milliseconds (default 100 ms). */
  trickleMs?: number;
  /** Once quiet, how many waiting tasks start per check (every settleMs), so a new burst finds few running. */
  quietBatch?: number;
  now?: () => number;
}

export class AckPressure {
  private pending = 0;
  private lastActivity = Number.NEGATIVE_INFINITY;
  private lastRelease = Number.NEGATIVE_INFINITY;
  private readonly waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly settleMs: number;
  private readonly trickleMs: number;
  private readonly quietBatch: number;
  private readonly now: () => number;

  constructor(options: AckPressureOptions = {}) {
    this.settleMs = options.settleMs ?? 30;
    this.trickleMs = options.trickleMs ?? 100;
    this.quietBatch = options.quietBatch ?? Number.POSITIVE_INFINITY;
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

  /** Resolves when the endpoint is quiet, or when it is this task's turn to trickle through a burst. */
  turn(): Promise<void> {
    if (this.waiters.length === 0 && this.isQuiet()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return;
    const wait = Math.max(1, Math.min(this.settleMs, this.trickleMs));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.release();
      this.schedule();
    }, wait);
    // Waiting work alone must not keep a stopping process alive; BackgroundWork tracks it for a graceful stop.
    this.timer.unref();
  }

  private release(): void {
    if (this.isQuiet()) {
      for (const wake of this.waiters.splice(0, this.quietBatch)) wake();
      return;
    }
    const at = this.now();
    if (at - this.lastRelease >= this.trickleMs) {
      this.lastRelease = at;
      this.waiters.shift()?.();
    }
  }
}
