/**
 * One async iterator over Intercom's four ways of paging:
 * - cursor: `pages.next.starting_after` goes back as the `starting_after` query parameter;
 * - page numbers: `page`/`per_page` in the query, following `pages.next` or `page < total_pages`;
 * - search: the cursor goes into the POST body as `pagination.starting_after`;
 * - companies scroll: `scroll_param` from each answer, restarted from scratch (a bounded number of times) when
 *   Intercom answers 500 to ask for a restart; items already yielded are not yielded again.
 * Items are found under whatever list key the answer uses; the walk stops at maxItems.
 */
import { IntercomApiError } from "./errors.js";
import type { IntercomRequest, IntercomTransport, QueryValue } from "./types.js";

export type PaginationStyle = "cursor" | "pages" | "search" | "scroll";

export interface PaginateOptions {
  /** Detected from the request and the first answer when omitted. */
  style?: PaginationStyle;
  /** Stop after this many items (default 1000). */
  maxItems?: number;
  perPage?: number;
  /** The answer's list key, when it is not obvious (data, contacts, conversations, ...). */
  itemsKey?: string;
  /** How often a companies scroll may start over (default 3). */
  maxScrollRestarts?: number;
  /** A guard against a server that never stops (default 10,000 pages). */
  maxPages?: number;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The items of one list answer: the given key, else `data`, else the key the `type` names, else the first array. */
export function listItems(data: unknown, itemsKey?: string): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) return [];
  if (itemsKey) return Array.isArray(data[itemsKey]) ? (data[itemsKey] as unknown[]) : [];
  if (Array.isArray(data.data)) return data.data;
  if (typeof data.type === "string" && data.type.endsWith(".list")) {
    const named = `${data.type.slice(0, -".list".length).replace(/y$/, "ie")}s`;
    if (Array.isArray(data[named])) return data[named] as unknown[];
  }
  for (const [key, value] of Object.entries(data)) if (key !== "errors" && Array.isArray(value)) return value;
  return [];
}

function detectStyle(request: IntercomRequest): PaginationStyle | undefined {
  if (/\/scroll$/.test(request.path)) return "scroll";
  if (request.method === "POST" && isObject(request.body) && "query" in request.body) return "search";
  return undefined;
}

function withQuery(request: IntercomRequest, extra: Record<string, QueryValue>): IntercomRequest {
  return { ...request, query: { ...request.query, ...extra } };
}

function withPagination(request: IntercomRequest, extra: Json): IntercomRequest {
  const body = isObject(request.body) ? request.body : {};
  const pagination = isObject(body.pagination) ? body.pagination : {};
  return { ...request, body: { ...body, pagination: { ...pagination, ...extra } } };
}

function nextPageNumber(pages: Json): number | undefined {
  const next = pages.next;
  if (typeof next === "number") return next;
  if (typeof next === "string" && next !== "") {
    const fromUrl = Number(new URL(next, "http://placeholder").searchParams.get("page"));
    if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  }
  const page = Number(pages.page);
  const total = Number(pages.total_pages);
  if (Number.isInteger(page) && Number.isInteger(total) && page < total) return page + 1;
  return undefined;
}

function nextCursor(pages: Json): string | undefined {
  const next = pages.next;
  if (isObject(next) && typeof next.starting_after === "string" && next.starting_after !== "") return next.starting_after;
  return undefined;
}

/** The request for the page after `data`, or undefined at the end. */
function nextRequest(current: IntercomRequest, data: unknown, style: PaginationStyle | undefined): IntercomRequest | undefined {
  const pages = isObject(data) && isObject(data.pages) ? data.pages : undefined;
  if (!pages) return undefined;
  const cursor = nextCursor(pages);
  if (style === "search") return cursor ? withPagination(current, { starting_after: cursor }) : undefined;
  if (style === "cursor" || (style === undefined && cursor)) return cursor ? withQuery(current, { starting_after: cursor }) : undefined;
  const page = nextPageNumber(pages);
  return page === undefined ? undefined : withQuery(current, { page });
}

export async function* paginate<T = unknown>(transport: IntercomTransport, request: IntercomRequest, options: PaginateOptions = {}): AsyncGenerator<T> {
  const maxItems = options.maxItems ?? 1000;
  const maxPages = options.maxPages ?? 10_000;
  const style = options.style ?? detectStyle(request);
  if (maxItems <= 0) return;
  if (style === "scroll") {
    yield* scroll<T>(transport, request, options, maxItems, maxPages);
    return;
  }
  let current = request;
  if (options.perPage !== undefined) {
    current = style === "search" ? withPagination(current, { per_page: options.perPage }) : withQuery(current, { per_page: options.perPage });
  }
  let yielded = 0;
  const seenPages = new Set<string>();
  for (let page = 0; page < maxPages; page++) {
    const response = await transport.request(current);
    const items = listItems(response.data, options.itemsKey);
    for (const item of items) {
      yield item as T;
      if (++yielded >= maxItems) return;
    }
    const next = nextRequest(current, response.data, style);
    if (!next || items.length === 0) return;
    // A server that hands back the same cursor or page again would loop forever.
    const key = JSON.stringify([next.query, isObject(next.body) ? next.body.pagination : undefined]);
    if (seenPages.has(key)) return;
    seenPages.add(key);
    current = next;
  }
}

async function* scroll<T>(
  transport: IntercomTransport,
  request: IntercomRequest,
  options: PaginateOptions,
  maxItems: number,
  maxPages: number,
): AsyncGenerator<T> {
  const maxRestarts = options.maxScrollRestarts ?? 3;
  const seenIds = new Set<string>();
  let restarts = 0;
  let yielded = 0;
  let scrollParam: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    let data: unknown;
    try {
      const query = scrollParam === undefined ? request.query : { ...request.query, scroll_param: scrollParam };
      // A 500 mid-scroll means the scroll is gone: retrying the same scroll_param cannot help, restarting can.
      data = (await transport.request({ ...request, query, retryServerErrors: false })).data;
    } catch (error) {
      if (error instanceof IntercomApiError && error.status === 500 && restarts < maxRestarts) {
        restarts++;
        scrollParam = undefined;
        continue;
      }
      throw error;
    }
    const items = listItems(data, options.itemsKey);
    for (const item of items) {
      const id = isObject(item) && (typeof item.id === "string" || typeof item.id === "number") ? String(item.id) : undefined;
      if (id !== undefined) {
        if (seenIds.has(id)) continue;
        seenIds.add(id);
      }
      yield item as T;
      if (++yielded >= maxItems) return;
    }
    const next = isObject(data) && typeof data.scroll_param === "string" && data.scroll_param !== "" ? data.scroll_param : undefined;
    if (items.length === 0 || next === undefined) return;
    scrollParam = next;
  }
}
