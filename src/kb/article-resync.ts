/**
 * One help-center article brought up to date from a change notification, within seconds instead of at the next
 * hourly sync (which stays the safety net). The notification only names the article: a fresh read of it
 * decides what the index holds, so a late, repeated or out-of-order notification can never index stale text.
 *
 * Topic names: Intercom's 2.16 webhook-models page, as far as we could read it, lists no help-center article
 * topics. The names below are our guess, not confirmed by Intercom's docs; every one is handled the same way
 * (read the article, then upsert or remove), so a wrong guess costs nothing but a notification not subscribed.
 */
import type { Logger } from "../logger.js";
import type { AuditedReads } from "../workflows/audited-reads.js";
import type { InboxHandler, InboxItem, InboxTopics } from "../workflows/contracts.js";
import type { ChunkVectors } from "./chunk-vectors.js";
import type { KbIndex } from "./kb-index.js";
import { KbRemovals } from "./removals.js";
import { articleParent, helpCenterVersions, readCollectionPaths } from "./sources.js";
import type { SourceArticle } from "./types.js";

export const ARTICLE_TOPICS = ["article.created", "article.updated", "article.published", "article.unpublished", "article.deleted"] as const;

type Doc = Record<string, unknown>;

/** What the index must do for one article: the versions to upsert and the indexed ids to drop. */
export interface ResyncPlan {
  upserts: SourceArticle[];
  removals: string[];
}

export interface ResyncReport {
  articleId: string;
  /** false: Intercom answered 404 (deleted, or never existed); its indexed versions, if any, were removed. */
  found: boolean;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  /** Embedding refresh failed (the lexical index is up to date regardless). */
  error?: string;
}

export interface ArticleResyncDeps {
  reads: AuditedReads;
  index: KbIndex;
  /** With embeddings configured: refreshed when a chunk changed. */
  vectors?: ChunkVectors;
  /** Unix seconds. */
  now: () => number;
  logger?: Pick<Logger, "info" | "warn">;
}

/** Intercom article ids are numeric strings; anything else in a notification is not something to put in a path. */
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The article id a notification names (`data.item.id`, which the webhook route stores as the payload). */
export function articleIdOf(payload: unknown): string | undefined {
  if (!payload || typeof payload !== "object") return undefined;
  const id = (payload as { id?: unknown }).id;
  if (typeof id !== "string" && typeof id !== "number") return undefined;
  const text = String(id).trim();
  return ARTICLE_ID.test(text) ? text : undefined;
}

/** The index ids one help-center article may occupy: its default locale and each translation. */
export function indexedVersionsOf(articleId: string, indexedIds: readonly string[]): string[] {
  const base = `article:${articleId}`;
  return indexedIds.filter((id) => id === base || id.startsWith(`${base}:`));
}

/**
 * Pure: the article as Intercom has it now (undefined when it is gone) against what the index holds. Only
 * published versions are customer-facing (the same rule as the full sync), so a draft or unpublished
 * version is removed, never kept.
 */
export function planResync(current: Doc | undefined, collection: string, indexed: readonly string[]): ResyncPlan {
  const upserts = current ? helpCenterVersions(current, collection) : [];
  const keep = new Set(upserts.map((a) => a.id));
  return { upserts, removals: indexed.filter((id) => !keep.has(id)) };
}

type ArticleRead = { found: true; article: Doc } | { found: false };

async function readArticle(reads: AuditedReads, articleId: string): Promise<ArticleRead> {
  const result = await reads.read<Doc>("INTERCOM_RETRIEVE_AN_ARTICLE", { article_id: articleId }, "knowledge-base article change");
  if (result.ok) return { found: true, article: result.raw as Doc };
  if (result.status === 404) return { found: false };
  // Anything else (rate limit, outage) is temporary: the inbox tries again later.
  throw new Error(`could not read article ${articleId}: ${result.message}`);
}

export async function resyncArticle(deps: ArticleResyncDeps, articleId: string): Promise<ResyncReport> {
  const read = await readArticle(deps.reads, articleId);
  const current = read.found ? read.article : undefined;
  // The collection path needs the help center's tree; an article with nothing to publish does not.
  const publishable = current ? helpCenterVersions(current, "").length > 0 : false;
  const collection = current && publishable ? (await readCollectionPaths(deps.reads))(articleParent(current)) : "";
  const plan = planResync(current, collection, indexedVersionsOf(articleId, deps.index.idsOfSource("article")));
  const now = deps.now();
  const report: ResyncReport = { articleId, found: read.found, added: 0, changed: 0, unchanged: 0, removed: 0 };
  const removals = new KbRemovals(deps.index.db);
  for (const article of plan.upserts) {
    report[deps.index.upsert(article, now)] += 1;
    removals.forget(article.id);
  }
  for (const id of plan.removals) {
    deps.index.remove(id);
    removals.record(id, now);
    report.removed += 1;
  }
  if (report.added + report.changed + report.removed === 0) return report;
  deps.index.stats.refresh();
  if (deps.vectors) {
    try {
      await deps.vectors.refresh(now);
    } catch (error) {
      report.error = `embeddings: ${(error as Error).message}`;
    }
  }
  return report;
}

export function describeResync(report: ResyncReport): string {
  const what = report.found ? `article ${report.articleId} re-read` : `article ${report.articleId} is gone from Intercom (404)`;
  const counts = `${report.added} new, ${report.changed} changed, ${report.unchanged} unchanged, ${report.removed} removed`;
  return `${what}: ${counts}${report.error ? `; ${report.error}` : ""}`;
}

/**
 * The inbox handler. Notifications for one article run one after another (the webhook route gives article
 * topics no ordering key), so the last read always lands last.
 */
export function createArticleResyncHandler(deps: ArticleResyncDeps): InboxHandler {
  const tails = new Map<string, Promise<unknown>>();
  return async (item: InboxItem) => {
    const articleId = articleIdOf(item.payload);
    if (!articleId) {
      // Retrying cannot give a notification an id it does not have.
      deps.logger?.warn({ inboxId: item.id, topic: item.topic }, "An article notification without a usable article id; nothing to re-sync");
      return { note: "no usable article id in the notification; nothing re-synced" };
    }
    const previous = tails.get(articleId) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(() => resyncArticle(deps, articleId));
    tails.set(articleId, current);
    try {
      const report = await current;
      deps.logger?.info({ inboxId: item.id, topic: item.topic, ...report }, `Knowledge base: ${describeResync(report)}`);
      return { note: describeResync(report) };
    } finally {
      if (tails.get(articleId) === current) tails.delete(articleId);
    }
  };
}

export function registerArticleResync(topics: InboxTopics, deps: ArticleResyncDeps): void {
  const handler = createArticleResyncHandler(deps);
  for (const topic of ARTICLE_TOPICS) topics.on(topic, handler);
}
