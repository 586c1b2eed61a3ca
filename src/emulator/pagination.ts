/**
 * The pagination styles Intercom uses: opaque `starting_after` cursors (lists and searches) and page numbers
 * (articles, collections, companies, notes...). Cursors encode the offset of the next item, so they stay
 * valid while the data does not move.
 */
import { badRequest } from "./api-error.js";

export interface PageResult<T> {
  items: T[];
  totalCount: number;
  pages: Record<string, unknown>;
}

export interface PageLimits {
  defaultPerPage: number;
  maxPerPage: number;
}

export function parsePerPage(raw: unknown, limits: PageLimits): number {
  if (raw === undefined || raw === null || raw === "") return limits.defaultPerPage;
  const value = typeof raw === "number" ? raw : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw badRequest("per_page must be a positive integer", "parameter_invalid", "per_page");
  if (value > limits.maxPerPage) throw badRequest(`per_page must be at most ${limits.maxPerPage}`, "parameter_invalid", "per_page");
  return value;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^o:(\d+)$/.exec(text);
  if (!match) throw badRequest("starting_after is not a valid cursor", "parameter_invalid", "starting_after");
  return Number(match[1]);
}

export function cursorPage<T>(all: readonly T[], perPage: number, startingAfter?: string | null): PageResult<T> {
  const offset = startingAfter ? decodeCursor(startingAfter) : 0;
  const items = all.slice(offset, offset + perPage);
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const pages: Record<string, unknown> = { type: "pages", page: Math.floor(offset / perPage) + 1, per_page: perPage, total_pages: totalPages };
  if (offset + perPage < all.length) pages.next = { per_page: perPage, starting_after: encodeCursor(offset + perPage) };
  return { items, totalCount: all.length, pages };
}

export function numberedPage<T>(all: readonly T[], rawPage: unknown, perPage: number): PageResult<T> {
  const page = rawPage === undefined || rawPage === null || rawPage === "" ? 1 : Number(rawPage);
  if (!Number.isInteger(page) || page < 1) throw badRequest("page must be a positive integer", "parameter_invalid", "page");
  const items = all.slice((page - 1) * perPage, page * perPage);
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  return { items, totalCount: all.length, pages: { type: "pages", page, per_page: perPage, total_pages: totalPages } };
}
