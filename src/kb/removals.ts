/**
 * The removals article notifications made (see KB_REMOVALS_SQL). A full sync reads every page before it writes,
 * so an article deleted while it read would come back from its stale listing and could be cited to a customer
 * until the next sync; the sync asks here before writing an article back.
 */
import type { Db } from "../store/database.js";

export class KbRemovals {
  constructor(private readonly db: Db) {}

  record(articleId: string, at: number): void {
    this.db
      .prepare("INSERT INTO kb_removed (article_id, removed_at) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET removed_at = excluded.removed_at")
      .run(articleId, at);
  }

  /** The article is indexed again (re-published): an older removal no longer says anything. */
  forget(articleId: string): void {
    this.db.prepare("DELETE FROM kb_removed WHERE article_id = ?").run(articleId);
  }

  /** Removed after `since` (Unix seconds), by something other than the sync that asks. */
  removedAfter(articleId: string, since: number): boolean {
    const at = this.db.prepare("SELECT removed_at FROM kb_removed WHERE article_id = ?").pluck().get(articleId) as number | undefined;
    return at !== undefined && at > since;
  }

  /** A sync that began at `start` read the pages after these removals: they can no longer be undone by one. */
  pruneUpTo(start: number): void {
    this.db.prepare("DELETE FROM kb_removed WHERE removed_at <= ?").run(start);
  }
}
