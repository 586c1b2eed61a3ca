/**
 * The pagination styles Intercom uses: opaque `starting_after` cursors (lists and searches) and page numbers
 * (articles, collections, companies, notes...). A cursor names the last item it handed out by its place in
 * the collection's order (when the caller can tell it), so a walk resumes at the next unseen item even if items
 * were deleted or added meanwhile; otherwise it holds a plain offset, valid while the data does not move.
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

/** Where an item stands in its collection's order; rises along the list cursorPage is given. */
export type PositionOf<T> = (item: T) => number | undefined;

type Cursor = { kind: "offset"; offset: number } | { kind: "after"; position: number; page: number };

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

function encodeAfterCursor(position: number, page: number): string {
  return Buffer.from(`a:${position}:${page}`).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const offset = /^o:(\d+)$/.exec(text);
  if (offset) return { kind: "offset", offset: Number(offset[1]) };
  const after = /^a:(\d+):(\d+)$/.exec(text);
  if (after) return { kind: "after", position: Number(after[1]), page: Number(after[2]) };
  throw badRequest("starting_after is not a valid cursor", "parameter_invalid", "starting_after");
}

/** Index of the first item standing after `position` (items are in rising position order). */
function firstAfter<T>(all: readonly T[], positionOf: PositionOf<T>, position: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((positionOf(all[mid]) ?? -1) > position) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cursorPage<T>(all: readonly T[], perPage: number, startingAfter?: string | null, positionOf?: PositionOf<T>): PageResult<T> {
  const cursor: Cursor = startingAfter ? decodeCursor(startingAfter) : { kind: "offset", offset: 0 };
  let offset: number;
  let page: number;
  if (cursor.kind === "after" && positionOf) {
    offset = firstAfter(all, positionOf, cursor.position);
    page = cursor.page;
  } else {
    if (cursor.kind === "after") throw badRequest("starting_after is not a valid cursor for this list", "parameter_invalid", "starting_after");
    offset = cursor.offset;
    page = Math.floor(offset / perPage) + 1;
  }
  const items = all.slice(offset, offset + perPage);
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const pages: Record<string, unknown> = { type: "pages", page, per_page: perPage, total_pages: totalPages };
  if (offset + perPage < all.length) {
    const lastPosition = positionOf && items.length > 0 ? positionOf(items[items.length - 1]) : undefined;
    const next = lastPosition !== undefined ? encodeAfterCursor(lastPosition, page + 1) : encodeCursor(offset + perPage);
    pages.next = { per_page: perPage, starting_after: next };
  }
  return { items, totalCount: all.length, pages };
}

export function numberedPage<T>(all: readonly T[], rawPage: unknown, perPage: number): PageResult<T> {
  const page = rawPage === undefined || rawPage === null || rawPage === "" ? 1 : Number(rawPage);
  if (!Number.isInteger(page) || page < 1) throw badRequest("page must be a positive integer", "parameter_invalid", "page");
  const items = all.slice((page - 1) * perPage, page * perPage);
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  return { items, totalCount: all.length, pages: { type: "pages", page, per_page: perPage, total_pages: totalPages } };
}
