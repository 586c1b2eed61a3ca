/** What `switchboard kb status` shows: counts by visibility and locale, the last sync, the stalest articles. */
import type { Db } from "../store/database.js";

interface SyncRun {
  startedAt: number;
  finishedAt?: number;
  full: boolean;
  added: number;
  changed: number;
  removed: number;
  error?: string;
  /** Problems and nothing read or removed: the index is as the run before left it. */
  failed: boolean;
}

export interface KbStatus {
  total: number;
  byVisibility: Record<string, number>;
  byLocale: Record<string, number>;
  bySource: Record<string, number>;
  chunks: number;
  lastSync?: SyncRun;
  /** The latest run that read Intercom, when the last one failed or has not finished: how fresh the index really is. */
  lastSuccessfulSync?: SyncRun;
  /** Articles not updated in STALE_DAYS, oldest first (at most 10). */
  stale: { id: string; title: string; updatedAt: number }[];
  staleCount: number;
}

export const STALE_DAYS = 365;

const countBy = (db: Db, column: string): Record<string, number> =>
  Object.fromEntries(
    (db.prepare(`SELECT ${column} AS k, COUNT(*) AS n FROM kb_articles GROUP BY ${column} ORDER BY k`).all() as { k: string; n: number }[]).map((r) => [
      r.k,
      r.n,
    ]),
  );

type SyncRunRow = {
  started_at: number;
  finished_at: number | null;
  full: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  error: string | null;
};

const syncRun = (row: SyncRunRow): SyncRun => ({
  startedAt: row.started_at,
  finishedAt: row.finished_at ?? undefined,
  full: row.full === 1,
  added: row.added,
  changed: row.changed,
  removed: row.removed,
  error: row.error ?? undefined,
  failed: row.finished_at !== null && row.error !== null && row.added + row.changed + row.unchanged + row.removed === 0,
});

/** How many articles the index holds (0: never synced, or Intercom has none). */
export const articleCount = (db: Db): number => db.prepare("SELECT COUNT(*) FROM kb_articles").pluck().get() as number;

export function kbStatus(db: Db, nowSeconds: number): KbStatus {
  const cutoff = nowSeconds - STALE_DAYS * 86400;
  const last = db.prepare("SELECT * FROM kb_sync_runs ORDER BY id DESC LIMIT 1").get() as SyncRunRow | undefined;
  const lastSync = last ? syncRun(last) : undefined;
  const good =
    lastSync && (lastSync.failed || lastSync.finishedAt === undefined)
      ? (db
          .prepare(
            "SELECT * FROM kb_sync_runs WHERE finished_at IS NOT NULL AND (error IS NULL OR added + changed + unchanged + removed > 0) ORDER BY id DESC LIMIT 1",
          )
          .get() as SyncRunRow | undefined)
      : undefined;
  return {
    total: articleCount(db),
    byVisibility: countBy(db, "visibility"),
    byLocale: countBy(db, "locale"),
    bySource: countBy(db, "source"),
    chunks: db.prepare("SELECT COUNT(*) FROM kb_chunks").pluck().get() as number,
    lastSync,
    lastSuccessfulSync: good ? syncRun(good) : undefined,
    stale: db
      .prepare("SELECT id, title, updated_at AS updatedAt FROM kb_articles WHERE updated_at > 0 AND updated_at < ? ORDER BY updated_at LIMIT 10")
      .all(cutoff) as KbStatus["stale"],
    staleCount: db.prepare("SELECT COUNT(*) FROM kb_articles WHERE updated_at > 0 AND updated_at < ?").pluck().get(cutoff) as number,
  };
}

export function formatKbStatus(status: KbStatus): string {
  const fmt = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ") || "none";
  const lines = [
    `Articles: ${status.total} (${status.chunks} chunks)`,
    `  by visibility: ${fmt(status.byVisibility)}`,
    `  by locale:     ${fmt(status.byLocale)}`,
    `  by source:     ${fmt(status.bySource)}`,
  ];
  const when = (run: SyncRun) =>
    `${new Date((run.finishedAt ?? run.startedAt) * 1000).toISOString().replace("T", " ").slice(0, 16)} UTC${run.full ? " (full)" : ""}`;
  const counts = (run: SyncRun) => `${run.added} new, ${run.changed} changed, ${run.removed} removed`;
  const s = status.lastSync;
  const lastGood = () => {
    const good = status.lastSuccessfulSync;
    lines.push(`  last successful sync: ${good ? `${when(good)}: ${counts(good)}` : "never"}`);
  };
  if (!s) lines.push("Last sync: never (run `switchboard kb sync`)");
  else if (s.failed) {
    lines.push(`Last sync: ${when(s)} failed: nothing could be read from Intercom`);
    if (s.error) lines.push(`  problems: ${s.error}`);
    lastGood();
  } else if (s.finishedAt === undefined) {
    // A run writes its counts only at the end: one in progress and one that was killed look the same.
    lines.push(`Last sync: started ${when(s)}, not finished (still running, or stopped before the end)`);
    lastGood();
  } else {
    lines.push(`Last sync: ${when(s)}: ${counts(s)}`);
    if (s.error) lines.push(`  problems: ${s.error}`);
  }
  lines.push(`Stale (not updated in ${STALE_DAYS} days): ${status.staleCount}`);
  for (const a of status.stale) lines.push(`  ${new Date(a.updatedAt * 1000).toISOString().slice(0, 10)}  ${a.title} (${a.id})`);
  return lines.join("\n");
}
