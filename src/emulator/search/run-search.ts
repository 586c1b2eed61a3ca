/** Runs a search request body (query + pagination, and sort where the endpoint has one) over one collection. */

import { cursorPage, type PageLimits, type PageResult, type PositionOf, parsePerPage } from "../pagination.js";
import type { Doc } from "../types.js";
import { compileQuery, type SearchSchema } from "./query-dsl.js";
import { sortMatches } from "./sort.js";

export interface SearchOptions {
  /** Stored order of a document, for cursors that survive deletions (see cursorPage). */
  positionOf?: PositionOf<Doc>;
  /** Honour the body's `sort` (only the contacts search has one in the spec). */
  sortable?: boolean;
}

export function runSearch(docs: Iterable<Doc>, body: Doc, schema: SearchSchema, limits: PageLimits, options: SearchOptions = {}): PageResult<Doc> {
  const predicate = compileQuery(body.query, schema);
  const pagination = (body.pagination ?? {}) as Doc;
  const perPage = parsePerPage(pagination.per_page, limits);
  const matches: Doc[] = [];
  for (const doc of docs) if (predicate(doc)) matches.push(doc);
  if (options.sortable && body.sort !== undefined && body.sort !== null) {
    // A sorted list is no longer in stored order, so its cursors fall back to offsets.
    return cursorPage(sortMatches(matches, body.sort, schema), perPage, pagination.starting_after);
  }
  return cursorPage(matches, perPage, pagination.starting_after, options.positionOf);
}
