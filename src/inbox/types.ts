/**
 * The durable inbox's shapes. `InboxQueue` is the storage side (SQLite today; a Postgres queue can implement
 * the same methods), `Inbox` is what the rest of the app uses: accept before acknowledging, register handlers
 * by topic, list and retry for the CLI.
 */
import type { InboxItem, InboxTopics } from "../workflows/contracts.js";

export type InboxSource = InboxItem["source"];
export type InboxStatus = "pending" | "running" | "done" | "failed";

/** What an intake path hands in; the inbox adds the id, the arrival time and the attempt count. */
export interface NewInboxItem {
  source: InboxSource;
  topic: string;
  payload: unknown;
  orderingKey?: string;
}

export type AcceptResult = { accepted: true; id: string } | { accepted: false; duplicateOf: string };

/** One row as the CLI shows it. */
export interface InboxRecord {
  id: string;
  source: InboxSource;
  topic: string;
  orderingKey?: string;
  status: InboxStatus;
  attempts: number;
  receivedAt: number;
  nextAttemptAt: number;
  startedAt?: number;
  finishedAt?: number;
  lastError?: string;
  note?: string;
  payload: unknown;
  /** Indexes of the topic's handlers that already succeeded for this item (they are not run again on retry). */
  handlersDone: number[];
}

export interface InboxListFilter {
  status?: InboxStatus;
  limit?: number;
}

/** A claimed item, ready for its handlers. */
export interface ClaimedItem {
  record: InboxRecord;
  item: InboxItem;
}

export interface InboxQueue {
  /** Writes the item and its dedupe keys in one transaction; a key seen before means nothing is written. */
  accept(item: NewInboxItem, dedupeKeys: readonly string[], at: number): Promise<AcceptResult>;
  /**
   * Marks up to `limit` due items running and returns them: pending, due by `at`, and first in line for their
   * ordering key (no earlier item with that key is still pending or running).
   */
  claimDue(at: number, limit: number): Promise<ClaimedItem[]>;
  /** The handlers that succeeded so far, so a retry runs only the rest. */
  recordHandlerDone(id: string, handlerIndex: number): Promise<void>;
  complete(id: string, at: number, note?: string): Promise<void>;
  /** A failed attempt: back to pending at `retryAt`, or parked as failed when `retryAt` is undefined. */
  fail(id: string, error: string, at: number, retryAt: number | undefined): Promise<void>;
  /** Items a dead process left running go back to pending; returns how many. */
  recoverAbandoned(at: number): Promise<number>;
  /**
   * Marks one pending item running for the caller (the live Slack path works it in-process); false when it is
   * not pending. Optional so a queue without it still works: live work then falls back to the worker.
   */
  claim?(id: string, at: number): Promise<boolean>;
  /** When the next pending item becomes due (undefined: none pending). */
  nextDueAt(): Promise<number | undefined>;
  list(filter: InboxListFilter): Promise<InboxRecord[]>;
  get(id: string): Promise<InboxRecord | undefined>;
  /** Puts a failed item back in line with a fresh attempt budget; false when it is not failed. */
  retry(id: string, at: number): Promise<boolean>;
  counts(): Promise<Record<InboxStatus, number>>;
  /** Deletes finished items (done, failed) received before `before`, with their dedupe keys. */
  prune(before: number): Promise<number>;
}

export interface Inbox extends InboxTopics {
  /** Persist first, acknowledge after: only once this resolves may the caller answer the sender. */
  accept(item: NewInboxItem, dedupeKeys: readonly string[]): Promise<AcceptResult>;
  list(filter?: InboxListFilter): Promise<InboxRecord[]>;
  get(id: string): Promise<InboxRecord | undefined>;
  retry(id: string): Promise<boolean>;
  counts(): Promise<Record<InboxStatus, number>>;
  /** Recovers what a dead process left running, then drains in the background. */
  start(): Promise<void>;
  /** Stops taking new items and waits for the handlers in flight. */
  stop(): Promise<void>;
  /** Resolves when nothing is running and nothing is due now (tests, graceful stop). */
  idle(): Promise<void>;
  /** Looks for due work now (after a clock change in tests, or an item another process wrote). */
  poke(): void;
}

/**
 * The live path for Slack: a request is persisted and claimed by this process in the same moment, its work runs
 * in-process after the ack, and the item is finished from there, so the worker never runs it a second time while
 * it is in flight. A retry of an item this process is working on is dropped; a retry of one a dead process left
 * unfinished takes it over (`attach`).
 */
export type AttachResult = "claimed" | "busy" | "done" | "parked";

export interface LiveInbox {
  /** Accepts and claims for this process; only once this resolves may the caller acknowledge. */
  acceptLive(item: NewInboxItem, dedupeKeys: readonly string[]): Promise<AcceptResult>;
  /** What to do with a delivery of an item already accepted: take it over ("claimed") or drop it. */
  attach(id: string): Promise<AttachResult>;
  /** The live work of an item ended: done, or (with an error) back in line with backoff / parked after the last attempt. */
  finishLive(id: string, error?: unknown): Promise<void>;
  /** True while this process is working on the item (live or through the worker). */
  isLocal(id: string): boolean;
}
