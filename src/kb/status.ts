/** What `switchboard kb status` shows: counts by visibility and locale, the last sync, the stalest articles. */
import type { Db } from "../store/database.js";

export interface KbStatus {
  total: number;
  byVisibility: Record<string, number>;
  byLocale: Record<string, number>;
  bySource: Record<string, number>;
  chunks: number;
  lastSync?: { startedAt: number; finishedAt?: number; full: boolean; added: number; changed: number; removed: number; error?: string };
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

export function kbStatus(db: Db, nowSeconds: number): KbStatus {
  const cutoff = nowSeconds - STALE_DAYS * 86400;
  const last = db.prepare("SELECT * FROM kb_sync_runs ORDER BY id DESC LIMIT 1").get() as
    | { started_at: number; finished_at: number | null; full: number; added: number; changed: number; removed: number; error: string | null }
    | undefined;
  return {
    total: db.prepare("SELECT COUNT(*) FROM kb_articles").pluck().get() as number,
    byVisibility: countBy(db, "visibility"),
    byLocale: countBy(db, "locale"),
    bySource: countBy(db, "source"),
    chunks: db.prepare("SELECT COUNT(*) FROM kb_chunks").pluck().get() as number,
    lastSync: last
      ? {
          startedAt: last.started_at,
          finishedAt: last.finished_at ?? undefined,
          full: last.full === 1,
          added: last.added,
          changed: last.changed,
          removed: last.removed,
          error: last.error ?? undefined,
        }
      : undefined,
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
  const s = status.lastSync;
  if (!s) lines.push("Last sync: never (run `switchboard kb sync`)");
  else {
    const when = new Date((s.finishedAt ?? s.startedAt) * 1000).toISOString().replace("T", " ").slice(0, 16);
    lines.push(
      `Last sync: ${when} UTC${s.full ? " (full)" : ""}: ${s.added} new, ${s.changed} changed, ${s.removed} removed${s.finishedAt ? "" : " (did not finish)"}`,
    );
    if (s.error) lines.push(`  problems: ${s.error}`);
  }
  lines.push(`Stale (not updated in ${STALE_DAYS} days): ${status.staleCount}`);
  for (const a of status.stale) lines.push(`  ${new Date(a.updatedAt * 1000).toISOString().slice(0, 10)}  ${a.title} (${a.id})`);
  return lines.join("\n");
}
