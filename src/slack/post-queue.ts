/**
 * Posts to Slack one at a time per channel (chat.postMessage allows about one message a second per channel)
 * and honours 429s: when Slack says Retry-After, that channel's queue waits that long and tries again, while
 * other channels carry on. The WebClient is built with rejectRateLimitedCalls so the wait happens here.
 */
import PQueue from "p-queue";
import type { Logger } from "../logger.js";

export interface PostQueueOptions {
  logger?: Logger;
  /** Injected so tests do not wait real seconds. */
  sleep?: (ms: number) => Promise<void>;
  maxRateLimitRetries?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds to wait when `error` is a Slack rate-limit error, otherwise undefined. */
export function rateLimitDelay(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: unknown };
  if (e?.code !== "slack_webapi_rate_limited_error") return undefined;
  return typeof e.retryAfter === "number" && e.retryAfter >= 0 ? e.retryAfter : 1;
}

export class ChannelPostQueue {
  private readonly queues = new Map<string, PQueue>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  /** How many 429s were honoured, for logs and tests. */
  rateLimitedWaits = 0;

  constructor(private readonly options: PostQueueOptions = {}) {
    this.sleep = options.sleep ?? defaultSleep;
    this.maxRetries = options.maxRateLimitRetries ?? 5;
  }

  run<T>(channel: string, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(channel);
    if (!queue) {
      queue = new PQueue({ concurrency: 1 });
      this.queues.set(channel, queue);
      const created = queue;
      created.on("idle", () => {
        if (this.queues.get(channel) === created && created.size === 0 && created.pending === 0) this.queues.delete(channel);
      });
    }
    return queue.add(() => this.withRetries(channel, task)) as Promise<T>;
  }

  get activeChannels(): number {
    return this.queues.size;
  }

  private async withRetries<T>(channel: string, task: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await task();
      } catch (error) {
        const wait = rateLimitDelay(error);
        if (wait === undefined || attempt >= this.maxRetries) throw error;
        this.rateLimitedWaits++;
        this.options.logger?.warn({ channel, retryAfterSeconds: wait }, "Slack rate limit: waiting before posting again to this channel");
        await this.sleep(wait * 1000);
      }
    }
  }
}
