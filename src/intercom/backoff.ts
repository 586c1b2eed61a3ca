/** Waiting rules shared by the client: jittered exponential backoff and Intercom's rate-limit headers. */

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random: () => number;
}

/** Attempt 1 waits about baseMs, doubling each time up to capMs; jitter keeps parallel callers apart. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + options.random() * 0.5));
}

export interface RateLimitHeaders {
  remaining?: number;
  /** Epoch milliseconds when the window resets. */
  resetAtMs?: number;
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** X-RateLimit-Reset is a UNIX time in seconds; anything implausibly large is taken as milliseconds. */
export function readRateLimit(headers: Headers): RateLimitHeaders {
  const remaining = headerNumber(headers, "x-ratelimit-remaining");
  const reset = headerNumber(headers, "x-ratelimit-reset");
  return { remaining, resetAtMs: reset === undefined ? undefined : reset > 1e11 ? reset : reset * 1000 };
}

/**
 * Retry-After, as proxies and gateways in front of Intercom may send it on a 429 or 503: delay seconds or an
 * HTTP date. Returns the epoch milliseconds it names, or undefined when absent or unreadable.
 */
export function readRetryAfter(headers: Headers, nowMs: number): number | undefined {
  const raw = headers.get("retry-after")?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return nowMs + Math.ceil(Number(raw) * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? date : undefined;
}

/** How long to wait before a request may be sent, given when the window resets; never negative, capped. */
export function waitUntil(resetAtMs: number, nowMs: number, capMs: number): number {
  return Math.min(capMs, Math.max(0, Math.ceil(resetAtMs - nowMs)));
}
