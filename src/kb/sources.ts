/**
 * Reads the three kinds of knowledge from Intercom through the audited read tools: help-center articles
 * (published only, every published translation), internal articles, and Fin content-library external pages.
 */
import type { AuditedReads } from "../workflows/audited-reads.js";
import type { SourceArticle } from "./types.js";

type Doc = Record<string, unknown>;

export class SourceReadError extends Error {
  constructor(
    message: string,
    /** Intercom's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

const PER_PAGE = 150;

/** How far one list has been read: told after each page, so a person can see a slow read move. */
export interface PageProgress {
  pages: number;
  /** What Intercom said the list holds, in pages, when it said so. */
  totalPages?: number;
  /** Items read so far. */
  items: number;
}

export type OnPage = (progress: PageProgress) => void;

/**
 * The 2.16 spec lists no query parameters for GET /articles, /internal_articles or /help_center/collections;
 * their answers carry `pages` with `page`, `per_page` and `total_pages`, so they are read by page number. An Intercom that ignored `page` would send page 1 again
 * and again: a later page made only of items already read is a failed read, not a short list, because a partial
 * list would make the sync remove every article it did not get.
 */
async function readPaged(reads: AuditedReads, tool: string, args: Record<string, unknown> = {}, onPage?: OnPage): Promise<Doc[]> {
  const out: Doc[] = [];
  const seen = new Set<string>();
  for (let page = 1; page <= 1000; page++) {
    const result = await reads.read<Doc>(tool, { ...args, page, per_page: PER_PAGE }, "knowledge-base sync");
    if (!result.ok) throw new SourceReadError(`${tool} failed: ${result.message}`, result.status);
    const data = result.data.data;
    const items = Array.isArray(data) ? (data as Doc[]) : [];
    // An edit while the list is read re-sorts it (newest first), so an item can come again on the next page.
    const fresh = items.filter((item) => !text(item.id) || !seen.has(text(item.id)));
    if (page > 1 && items.length > 0 && fresh.length === 0)
      throw new SourceReadError(`${tool} sent page ${page} with only items it had already sent (paging ignored); kept the indexed ones`);
    for (const item of fresh) seen.add(text(item.id));
    out.push(...fresh);
    const pages = result.data.pages as Doc | undefined;
    const total = Number(pages?.total_pages ?? 1);
    onPage?.({ pages: page, totalPages: Number.isFinite(total) ? total : undefined, items: out.length });
    if (items.length === 0 || page >= total) break;
  }
  return out;
}

/**
 * A list whose tool takes no paging arguments. When Intercom says there is more than this one page, the rest
 * cannot be read: a partial list would make the sync remove every page it did not get, so it is a failed read.
 */
async function readOnce(reads: AuditedReads, tool: string, onPage?: OnPage): Promise<Doc[]> {
  const result = await reads.read<Doc>(tool, {}, "knowledge-base sync");
  if (!result.ok) throw new SourceReadError(`${tool} failed: ${result.message}`, result.status);
  const data = result.data.data;
  const items = Array.isArray(data) ? (data as Doc[]) : [];
  const pages = result.data.pages as Doc | undefined;
  const total = Number(result.data.total_count ?? items.length);
  if (Number(pages?.total_pages ?? 1) > 1 || total > items.length)
    throw new SourceReadError(`${tool} returned ${items.length} of ${total} items (one page only); kept the indexed ones`);
  onPage?.({ pages: 1, totalPages: 1, items: items.length });
  return items;
}

const text = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
const seconds = (v: unknown) => (typeof v === "number" ? v : Number.parseInt(text(v), 10) || 0);

/**
 * "Cards › Security" from an article's parent: a section inside a collection, or a collection, where a
 * collection may sit inside another (`parent_id`), so the path names every level from the top.
 */
function pathNames(collections: Doc[], sections: Doc[]): (parentId: unknown) => string {
  const collection = new Map(collections.map((c) => [text(c.id), c]));
  const section = new Map(sections.map((s) => [text(s.id), s]));
  const collectionPath = (id: string): string[] => {
    const names: string[] = [];
    const seen = new Set<string>();
    // `seen` stops a parent loop in bad data from running forever.
    for (let c = collection.get(id); c && !seen.has(text(c.id)); c = collection.get(text(c.parent_id))) {
      seen.add(text(c.id));
      names.unshift(text(c.name));
    }
    return names;
  };
  return (parentId) => {
    const id = text(parentId);
    const s = section.get(id);
    const names = s ? [...collectionPath(text(s.parent_id)), text(s.name)] : collectionPath(id);
    return names.filter(Boolean).join(" › ");
  };
}

/** A status that says the workspace has no sections endpoint, as opposed to a read that failed for now. */
const noSections = (error: unknown) =>
  error instanceof SourceReadError && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 429;

/** The collection path of an article's parent, from the help center's collections and sections. */
export async function readCollectionPaths(reads: AuditedReads): Promise<(parentId: unknown) => string> {
  const collections = await readPaged(reads, "INTERCOM_LIST_ALL_COLLECTIONS");
  // Sections are a 2.9 feature some workspaces do not have; without them the path is just the collection. A
  // rate limit or outage is a failed read instead: indexing every article without its section would change
  // every path (and re-index everything twice) because of one bad answer.
  const sections = await readPaged(reads, "INTERCOM_LIST_HELP_CENTER_SECTIONS").catch((error: unknown) => {
    if (noSections(error)) return [] as Doc[];
    throw error;
  });
  return pathNames(collections, sections);
}

/** The parent an article is filed under (the first of `parent_ids`, or the older `parent_id`). */
export function articleParent(article: Doc): unknown {
  const parents = Array.isArray(article.parent_ids) ? article.parent_ids : [article.parent_id];
  return parents[0];
}

/** The customer-facing versions of one help-center article: its published locales, each with a URL to cite. */
export function helpCenterVersions(article: Doc, collection: string): SourceArticle[] {
  const defaultLocale = text(article.default_locale) || "en";
  const translations = (article.translated_content ?? {}) as Record<string, unknown>;
  const versions: [string, Doc][] = [[defaultLocale, article]];
  for (const [locale, content] of Object.entries(translations)) {
    if (locale !== "type" && locale !== defaultLocale && content && typeof content === "object") versions.push([locale, content as Doc]);
  }
  const out: SourceArticle[] = [];
  for (const [locale, version] of versions) {
    // Drafts are never customer-facing, and a draft has no public URL to cite.
    if (text(version.state) !== "published" || !text(version.url)) continue;
    out.push({
      id: locale === defaultLocale ? `article:${text(article.id)}` : `article:${text(article.id)}:${locale}`,
      source: "article",
      sourceId: text(article.id),
      title: text(version.title),
      url: text(version.url),
      collection,
      visibility: "public",
      locale,
      author: text(version.author_id) || undefined,
      updatedAt: seconds(version.updated_at),
      body: text(version.body) || text(version.description),
    });
  }
  return out;
}

export async function readHelpCenterArticles(reads: AuditedReads, onPage?: OnPage): Promise<SourceArticle[]> {
  const articles = await readPaged(reads, "INTERCOM_LIST_ALL_ARTICLES", {}, onPage);
  const pathOf = await readCollectionPaths(reads);
  return articles.flatMap((article) => helpCenterVersions(article, pathOf(articleParent(article))));
}

export async function readInternalArticles(reads: AuditedReads, onPage?: OnPage): Promise<SourceArticle[]> {
  return (await readPaged(reads, "INTERCOM_LIST_INTERNAL_ARTICLES", {}, onPage)).map((a) => ({
    id: `internal:${text(a.id)}`,
    source: "internal",
    sourceId: text(a.id),
    title: text(a.title),
    collection: "Internal",
    visibility: "internal",
    locale: text(a.locale) || "en",
    author: text(a.author_id) || undefined,
    updatedAt: seconds(a.updated_at),
    body: text(a.body) || text(a.body_markdown),
  }));
}

export async function readExternalPages(reads: AuditedReads, onPage?: OnPage): Promise<SourceArticle[]> {
  return (await readOnce(reads, "INTERCOM_LIST_EXTERNAL_PAGES", onPage))
    .filter((p) => p.ai_agent_availability !== false || p.ai_copilot_availability !== false)
    .map((p) => ({
      id: `external:${text(p.id)}`,
      source: "external",
      sourceId: text(p.id),
      title: text(p.title),
      url: text(p.url) || undefined,
      collection: "Content library",
      // Pages Fin may not answer customers from are for teammates only.
      visibility: p.ai_agent_availability === false ? "internal" : "public",
      locale: text(p.locale) || "en",
      updatedAt: seconds(p.updated_at),
      body: text(p.html),
    }));
}
