/**
 * How many Slack requests are waiting for their HTTP answer right now. Work that runs after an ack yields to
 * them: Slack retries anything not answered within 3 s, while the work behind an ack (posting a reply, an
 * agent run) can start a moment later without anyone noticing. A wait is bounded, so a steady stream of
 * requests delays the work but never starves it.
 */
export class AckPressure {
  private pending = 0;
  private waiters: (() => void)[] = [];

  /** Counts one request until `done` is called (once; later calls do nothing). */
  begin(): () => void {
    this.pending += 1;
    let finished = false;
    return () => {
      if (finished) return;
      finished = true;
      this.pending -= 1;
      if (this.pending === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  get waiting(): number {
    return this.pending;
  }

  /** Resolves when no request is waiting for its answer, or after `maxWaitMs`, whichever comes first. */
  quiet(maxWaitMs: number): Promise<void> {
    if (this.pending === 0 || maxWaitMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      }, maxWaitMs);
      this.waiters.push(wake);
    });
  }
}
