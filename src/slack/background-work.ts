/**
 * Work that continues after Slack has been acknowledged. It runs through a bounded queue so a burst of
 * requests cannot starve the acks of the next ones (the event loop stays free enough to answer Slack within
 * its 3 seconds), and it is tracked so a graceful stop can wait for it and tests can wait until it is done.
 */
import PQueue from "p-queue";
import type { Logger } from "../logger.js";

export class BackgroundWork {
  private readonly queue: PQueue;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly logger: Logger,
    concurrency = 16,
    /** Awaited before each task starts: lets requests still waiting for their ack go first (AckPressure). */
    private readonly yieldToAcks?: () => Promise<void>,
    /** Told of each task as it starts (rejecting when it fails), in the caller's async context: the inbox item it belongs to. */
    private readonly track?: (task: Promise<void>) => void,
  ) {
    this.queue = new PQueue({ concurrency });
  }

  /** Queues `task`; a failure is logged, never thrown at the caller (who has already acked). */
  start(name: string, task: () => Promise<void>): Promise<void> {
    const attempt = this.queue.add(async () => {
      // Let the ack's response go out before this work takes the event loop.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await this.yieldToAcks?.();
      await task();
    });
    this.track?.(attempt);
    const promise = attempt
      .catch((error) => this.logger.error({ err: error, work: name }, "Background Slack work failed"))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
    return promise;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when nothing is running or queued (including work started while waiting), or after `timeoutMs`. */
  async idle(timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...this.running]), new Promise((r) => (timer = setTimeout(r, remaining)))]);
      clearTimeout(timer);
    }
    return true;
  }
}
