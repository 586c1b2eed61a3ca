/**
 * Remembers which Slack deliveries were already handled, so a retry (X-Slack-Retry-Num) or a restart never
 * starts a second run. Keys are claimed with one INSERT: the first caller wins, everyone after sees false.
 */
import type Database from "better-sqlite3";
import type { Db } from "./database.js";

export class ProcessedEventsRepo {
  private lastPrunedAt = 0;
  // Prepared once: this runs for every Slack delivery, on the path to the next ack.
  private readonly insert: Database.Statement<[string, number]>;
  private readonly claimAll: (keys: string[], at: number) => boolean;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
    /** Slack stops retrying after about an hour; a day of memory leaves room for restarts. */
    private readonly keepSeconds = 24 * 60 * 60,
  ) {
    this.insert = db.prepare("INSERT INTO processed_events (key, created_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING");
    const many = db.transaction((keys: string[], at: number) => {
      let fresh = true;
      for (const key of keys) if (this.insert.run(key, at).changes === 0) fresh = false;
      return fresh;
    });
    this.claimAll = (keys, at) => many.immediate(keys, at);
  }

  /** True when this caller is the first to see every key (all are recorded); false when any was seen before. */
  claim(...keys: string[]): boolean {
    const at = this.now();
    this.pruneNowAndThen(at);
    // One INSERT is atomic on its own; several keys are claimed together or not at all.
    if (keys.length === 1) return this.insert.run(keys[0], at).changes === 1;
    return this.claimAll(keys, at);
  }

  has(key: string): boolean {
    return this.db.prepare("SELECT 1 FROM processed_events WHERE key = ?").get(key) !== undefined;
  }

  prune(olderThan = this.now() - this.keepSeconds): number {
    return this.db.prepare("DELETE FROM processed_events WHERE created_at < ?").run(olderThan).changes;
  }

  private pruneNowAndThen(at: number): void {
    if (at - this.lastPrunedAt < 3600) return;
    this.lastPrunedAt = at;
    this.prune(at - this.keepSeconds);
  }
}

export const eventKey = (eventId: string) => `event:${eventId}`;
export const messageKey = (teamId: string | undefined, channel: string, ts: string) => `message:${teamId ?? "-"}:${channel}:${ts}`;
