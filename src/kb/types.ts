/** The knowledge base's own shapes: what a source gives, what the index keeps, what a search returns. */

export type KbSource = "article" | "internal" | "external" | "file";
export type Visibility = "public" | "internal";

/** One article as any source hands it over, before chunking. */
export interface SourceArticle {
  /** Unique across sources, e.g. "article:9800001", "internal:310001", "external:7301", or the file's id. */
  id: string;
  source: KbSource;
  sourceId: string;
  title: string;
  url?: string;
  /** "Cards › Security": collection and section names, or the file's collection/section/domain. */
  collection: string;
  visibility: Visibility;
  locale: string;
  /** The product, plan, place or feature this article is about, when it is about one (a hotel, a plan). */
  entity?: string;
  /** A wider grouping the entity belongs to ("hotel", "billing"); articles with no entity apply to the whole domain. */
  domain?: string;
  author?: string;
  /** Unix seconds. */
  updatedAt: number;
  /** HTML or plain text. */
  body: string;
}

export interface Chunk {
  position: number;
  heading: string;
  anchorUrl?: string;
  text: string;
}

export interface KbArticleRow {
  id: string;
  source: KbSource;
  sourceId: string;
  title: string;
  url?: string;
  collection: string;
  visibility: Visibility;
  locale: string;
  entity: string;
  domain: string;
  author?: string;
  updatedAt: number;
}

/** One retrieved article with the chunk that matched best (the one to quote and cite). */
export interface SearchHit {
  articleId: string;
  title: string;
  url?: string;
  visibility: Visibility;
  collection: string;
  entity: string;
  score: number;
  chunk: { id: number; heading: string; anchorUrl?: string; text: string };
}

export interface SearchQuery {
  text: string;
  /** The earlier conversation, oldest first (customer turns, the subject, agent turns). */
  context?: string[];
  k?: number;
  /** Leave internal articles out (anything a customer will read). */
  publicOnly?: boolean;
}
