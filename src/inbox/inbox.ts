/**
 * The inbox the app uses: accept (persist and dedupe) before acknowledging, and a worker that drains it.
 * At-least-once: an item is done only when every handler for its topic resolved; a throw means another
 * attempt after a backoff, and after `maxAttempts` the item is parked as failed with its last error. Items that
 * share an ordering key run one at a time in arrival order; different keys run in parallel up to a bound.
 *
 * Recovery is "running at start = abandoned": one process owns a database file for inbox work (the app), so
 * whatever is marked running when it starts was left by a process that died, and goes back in line.
 */
import { redactString } from "../redact.js";
import type { InboxHandler } from "../workflows/contracts.js";
import { retryDelayMs } from "./backoff.js";
import type { AcceptResult, AttachResult, ClaimedItem, Inbox, InboxQueue, LiveInbox, NewInboxItem } from "./types.js";

export interface InboxLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface CreateInboxOptions {
  queue: InboxQueue;
  /** config.inbox.maxAttempts */
  maxAttempts: number;
  /** Items with different ordering keys handled at once; default 4. */
  concurrency?: number;
  now?: () => number;
  logger?: InboxLogger;
  /** Delay before attempt n+1 after attempt n failed. */
  backoff?: (attempt: number) => number;
  /** How often to look for work written by another process (the CLI's `jobs run intercom-poll`); default 1 s. */
  pollIntervalMs?: number;
  /** false: no timers at all; tests call poke()/idle() after moving their clock. Default true. */
  timers?: boolean;
}

const noLogger: InboxLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Topics the platform knows need no work, so they are finished with a note rather than "no handler". */
const IGNORED_TOPICS: Record<string, string> = { ping: "ping: Intercom checking the endpoint, nothing to do" };

const errorText = (error: unknown): string => redactString((error as Error)?.message ?? String(error)).slice(0, 2000);

export function createInbox(options: CreateInboxOptions): Inbox & LiveInbox {
  const { queue, maxAttempts } = options;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? noLogger;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const backoff = options.backoff ?? ((attempt: number) => retryDelayMs(attempt));
  const useTimers = options.timers !== false;
  const handlers = new Map<string, InboxHandler[]>();
  const inFlight = new Set<Promise<void>>();
  // Items this process is working on: claimed live by the Slack path, or by the worker below.
  const local = new Set<string>();
  let started = false;
  let pumping: Promise<void> | undefined;
  let pumpAgain = false;
  let interval: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  const handle = async ({ record, item }: ClaimedItem): Promise<void> => {
    const list = handlers.get(item.topic) ?? [];
    if (list.length === 0) {
      await queue.complete(item.id, now(), IGNORED_TOPICS[item.topic] ?? `no handler for ${item.topic}`);
      return;
    }
    const failures: string[] = [];
    const notes: string[] = [];
    for (const [index, handler] of list.entries()) {
      // A handler that already succeeded on an earlier attempt is not run again.
      if (record.handlersDone.includes(index)) continue;
      try {
        const outcome = await handler(item);
        if (outcome?.note) notes.push(outcome.note);
        if (list.length > 1) await queue.recordHandlerDone(item.id, index);
      } catch (error) {
        failures.push(list.length > 1 ? `handler ${index + 1}: ${errorText(error)}` : errorText(error));
      }
    }
    if (failures.length === 0) {
      await queue.complete(item.id, now(), notes.length > 0 ? notes.join("; ") : undefined);
      return;
    }
    const message = failures.join("; ");
    const parked = item.attempt >= maxAttempts;
    await queue.fail(item.id, message, now(), parked ? undefined : now() + backoff(item.attempt));
    const context = { inboxId: item.id, topic: item.topic, attempt: item.attempt, error: message };
    if (parked) logger.error(context, "Inbox item failed for good; `switchboard inbox retry` puts it back");
    else logger.warn(context, "Inbox item failed; it will be tried again");
  };

  const run = (claimed: ClaimedItem): void => {
    local.add(claimed.item.id);
    const work = handle(claimed)
      .catch((error: unknown) => logger.error({ inboxId: claimed.item.id, err: error }, "The inbox could not record an outcome"))
      .finally(() => {
        local.delete(claimed.item.id);
        inFlight.delete(work);
        void pump();
      });
    inFlight.add(work);
  };

  const armRetryTimer = async (): Promise<void> => {
    if (!useTimers || !started) return;
    const due = await queue.nextDueAt();
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
    if (due === undefined) return;
    const wait = due - now();
    if (wait <= 0) return;
    retryTimer = setTimeout(() => void pump(), Math.min(wait, 2_147_000_000));
    retryTimer.unref();
  };

  const pumpOnce = async (): Promise<void> => {
    const free = concurrency - inFlight.size;
    if (free > 0) {
      const claimed = await queue.claimDue(now(), free);
      for (const item of claimed) run(item);
      // A full batch may have left more behind.
      if (claimed.length === free) pumpAgain = true;
    }
    await armRetryTimer();
  };

  // One pump at a time; a call while one runs makes it go round once more, so no wake-up is lost.
  const pump = async (): Promise<void> => {
    if (!started) return;
    if (pumping) {
      pumpAgain = true;
      return pumping;
    }
    pumping = (async () => {
      try {
        do {
          pumpAgain = false;
          await pumpOnce();
        } while (pumpAgain && started && inFlight.size < concurrency);
      } catch (error) {
        logger.error({ err: error }, "The inbox could not look for work");
      } finally {
        pumping = undefined;
      }
    })();
    return pumping;
  };

  return {
    on(topic, handler) {
      handlers.set(topic, [...(handlers.get(topic) ?? []), handler]);
    },

    async accept(item: NewInboxItem, dedupeKeys: readonly string[]): Promise<AcceptResult> {
      const result = await queue.accept(item, dedupeKeys, now());
      // After the caller has had its answer: the acknowledgement must not wait for a claim.
      if (result.accepted && started) setImmediate(() => void pump());
      return result;
    },

    async acceptLive(item: NewInboxItem, dedupeKeys: readonly string[]): Promise<AcceptResult> {
      const result = await queue.accept(item, dedupeKeys, now());
      if (!result.accepted) return result;
      // Without a claim the worker takes it: still at-least-once, just not in-process.
      if (queue.claim && (await queue.claim(result.id, now()))) local.add(result.id);
      else if (started) setImmediate(() => void pump());
      return result;
    },

    async attach(id: string): Promise<AttachResult> {
      if (local.has(id)) return "busy";
      const record = await queue.get(id);
      if (!record || record.status === "done") return "done";
      if (record.status === "failed") return "parked";
      if (record.status === "pending" && queue.claim && (await queue.claim(id, now()))) {
        local.add(id);
        return "claimed";
      }
      return "busy";
    },

    async finishLive(id: string, error?: unknown): Promise<void> {
      try {
        if (error === undefined) {
          await queue.complete(id, now());
          return;
        }
        const record = await queue.get(id);
        const attempt = record?.attempts ?? maxAttempts;
        const message = errorText(error);
        const parked = attempt >= maxAttempts;
        await queue.fail(id, message, now(), parked ? undefined : now() + backoff(attempt));
        const context = { inboxId: id, topic: record?.topic, attempt, error: message };
        if (parked) logger.error(context, "Inbox item failed for good; `switchboard inbox retry` puts it back");
        else logger.warn(context, "Inbox item failed; it will be tried again");
      } finally {
        local.delete(id);
        if (started) setImmediate(() => void pump());
      }
    },

    isLocal: (id) => local.has(id),

    list: (filter = {}) => queue.list(filter),
    get: (id) => queue.get(id),
    retry: async (id) => {
      const ok = await queue.retry(id, now());
      if (ok && started) setImmediate(() => void pump());
      return ok;
    },
    counts: () => queue.counts(),

    async start() {
      if (started) return;
      const recovered = await queue.recoverAbandoned(now());
      if (recovered > 0) logger.warn({ recovered }, "Picked up inbox items a stopped process left running");
      started = true;
      if (useTimers) {
        interval = setInterval(() => void pump(), options.pollIntervalMs ?? 1_000);
        interval.unref();
      }
      await pump();
    },

    async stop() {
      started = false;
      if (interval) clearInterval(interval);
      if (retryTimer) clearTimeout(retryTimer);
      interval = retryTimer = undefined;
      await pumping;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },

    async idle() {
      for (;;) {
        await pump();
        if (inFlight.size === 0) return;
        await Promise.race([...inFlight]);
      }
    },

    poke() {
      void pump();
    },
  };
}
