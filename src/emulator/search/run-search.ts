/** Runs a search request body (query + pagination) over one collection. */

import { cursorPage, type PageLimits, type PageResult, parsePerPage } from "../pagination.js";
import type { Doc } from "../types.js";
import { compileQuery, type SearchSchema } from "./query-dsl.js";

export function runSearch(docs: Iterable<Doc>, body: Doc, schema: SearchSchema, limits: PageLimits): PageResult<Doc> {
  const predicate = compileQuery(body.query, schema);
  const pagination = (body.pagination ?? {}) as Doc;
  const perPage = parsePerPage(pagination.per_page, limits);
  const matches: Doc[] = [];
  for (const doc of docs) if (predicate(doc)) matches.push(doc);
  return cursorPage(matches, perPage, pagination.starting_after);
}
