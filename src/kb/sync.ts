/**
 * Keeps the knowledge base in step with Intercom: reads every source, re-indexes only what changed, removes
 * what is gone. A source that cannot be read keeps its articles (an outage must not empty the index) and
 * the run reports it.
 */
import type { AuditedReads } from "../workflows/audited-reads.js";
import type { ChunkVectors, VectorRefresh } from "./chunk-vectors.js";
import type { KbIndex } from "./kb-index.js";
import { KbRemovals } from "./removals.js";
import { type OnPage, readExternalPages, readHelpCenterArticles, readInternalArticles } from "./sources.js";
import type { KbSource, SourceArticle } from "./types.js";

/** The names a person sees for the three sources while they are read. */
export type SourceName = "help-center articles" | "internal articles" | "external pages";

/**
 * Pure data for whoever shows progress. Reading: once when a source starts (0 pages) and again as each page of
 * it arrives, the slow part with a large help center. Indexing: every 25 articles and at the end.
 */
export type SyncProgress =
  | { phase: "reading"; source: SourceName; pages: number; totalPages?: number; articles: number }
  | { phase: "indexing"; done: number; total: number };

export interface SyncOptions {
  reads: AuditedReads;
  index: KbIndex;
  /** Unix seconds. */
  now: number;
  /** Re-index every article even when unchanged. */
  full?: boolean;
  onProgress?: (progress: SyncProgress) => void;
  /** With embeddings configured: the chunk vectors, refreshed for the changed chunks after indexing. */
  vectors?: ChunkVectors;
}

export interface SyncReport {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Articles an article notification re-read or removed while this run read the pages: left as it wrote them. */
  superseded: number;
  /** Sources that could not be read, with why. */
  errors: string[];
  /** Chunk vectors computed and reused, with embeddings configured. */
  vectors?: VectorRefresh;
}

const READERS: readonly [KbSource, SourceName, (reads: AuditedReads, onPage?: OnPage) => Promise<SourceArticle[]>][] = [
  ["article", "help-center articles", readHelpCenterArticles],
  ["internal", "internal articles", readInternalArticles],
  ["external", "external pages", readExternalPages],
];

/** How an embedding failure is told apart from a source that could not be read. */
const EMBEDDINGS_ERROR = "embeddings: ";

export async function syncKb(options: SyncOptions): Promise<SyncReport> {
  const { index, now } = options;
  const report: SyncReport = { added: 0, changed: 0, removed: 0, unchanged: 0, superseded: 0, errors: [] };
  const removals = new KbRemovals(index.db);
  const runId = Number(index.db.prepare("INSERT INTO kb_sync_runs (started_at, full) VALUES (?, ?)").run(now, options.full ? 1 : 0).lastInsertRowid);
  const fetched: { source: KbSource; articles: SourceArticle[] }[] = [];
  for (const [source, name, read] of READERS) {
    const onProgress = options.onProgress;
    onProgress?.({ phase: "reading", source: name, pages: 0, articles: 0 });
    const onPage: OnPage | undefined =
      onProgress && ((p) => onProgress({ phase: "reading", source: name, pages: p.pages, totalPages: p.totalPages, articles: p.items }));
    try {
      fetched.push({ source, articles: await read(options.reads, onPage) });
    } catch (error) {
      report.errors.push((error as Error).message);
    }
  }
  const total = fetched.reduce((n, f) => n + f.articles.length, 0);
  let done = 0;
  for (const { source, articles } of fetched) {
    const seen = new Set<string>();
    for (const article of articles) {
      seen.add(article.id);
      done += 1;
      if (done % 25 === 0 || done === total) options.onProgress?.({ phase: "indexing", done, total });
      // Reading every page takes a while; an article notification may have re-read or removed this one since.
      // Writing this run's older copy would put the old text (or a deleted article) back until the next sync.
      const stored = index.storedVersion(article.id);
      if (writtenSinceWithNewer(stored, article, now) || removals.removedAfter(article.id, now)) {
        report.superseded += 1;
        continue;
      }
      if (options.full) index.remove(article.id);
      const result = index.upsert(article, now);
      // A full run removes then re-adds: an article that was indexed before counts as changed, a new one as new.
      if (result === "added" && options.full && stored) report.changed += 1;
      else report[result] += 1;
    }
    for (const id of index.idsOfSource(source)) {
      // Written after this run began (an article created while the pages were read): not ours to remove.
      if (seen.has(id) || (index.storedVersion(id)?.syncedAt ?? 0) > now) continue;
      index.remove(id);
      report.removed += 1;
    }
  }
  removals.pruneUpTo(now);
  // Searches weigh words by how common they are: read the new vocabulary once now, not on the next question.
  if (report.added + report.changed + report.removed > 0) index.stats.refresh();
  if (options.vectors) {
    try {
      report.vectors = await options.vectors.refresh(now);
    } catch (error) {
      // The lexical index is up to date either way; the chunks without a vector are embedded next time.
      report.errors.push(`${EMBEDDINGS_ERROR}${(error as Error).message}`);
    }
  }
  index.db
    .prepare("UPDATE kb_sync_runs SET finished_at = ?, added = ?, changed = ?, removed = ?, unchanged = ?, error = ? WHERE id = ?")
    .run(now, report.added, report.changed, report.removed, report.unchanged, report.errors.length ? report.errors.join("; ") : null, runId);
  return report;
}

/**
 * Pure: was the indexed copy written after this run began, from a newer version than the one this run read?
 * Both must hold, so an ordinary sync always writes what Intercom sent (even if its clock went backwards).
 */
export function writtenSinceWithNewer(
  stored: { updatedAt: number; syncedAt: number } | undefined,
  read: Pick<SourceArticle, "updatedAt">,
  runStart: number,
): boolean {
  return stored !== undefined && stored.syncedAt > runStart && stored.updatedAt > read.updatedAt;
}

export function syncSummary(report: SyncReport): string {
  const articles = report.added + report.changed + report.unchanged;
  const parts = [`synced ${articles} articles (${report.added} new, ${report.changed} changed, ${report.removed} removed)`];
  if (report.superseded) parts.push(`${report.superseded} left as a newer article notification wrote them`);
  if (report.vectors) parts.push(`embedded ${report.vectors.embedded} chunks (${report.vectors.reused} unchanged)`);
  const embedding = report.errors.filter((e) => e.startsWith(EMBEDDINGS_ERROR));
  const reading = report.errors.filter((e) => !e.startsWith(EMBEDDINGS_ERROR));
  if (reading.length) parts.push(`could not read: ${reading.join("; ")}`);
  if (embedding.length) parts.push(`could not embed: ${embedding.map((e) => e.slice(EMBEDDINGS_ERROR.length)).join("; ")}`);
  return parts.join("; ");
}
