/**
 * The Intercom HTTP client. One place decides what is safe to repeat: reads and idempotent writes are retried
 * on 429, 5xx and network failures; a POST only on 429 or a refused connection, because a reply or a close
 * must never go out twice. Rate-limit headers are honoured before Intercom has to say 429.
 */
import type { Logger } from "../logger.js";
import { REDACTED, redactString } from "../redact.js";
import { backoffDelay, readRateLimit, readRetryAfter, waitUntil } from "./backoff.js";
import { IntercomApiError, type NetworkFailure, networkError } from "./errors.js";
import { type PaginateOptions, paginate } from "./paginate.js";
import type { IntercomRequest, IntercomResponse, IntercomTransport, QueryValue } from "./types.js";

export interface IntercomClientOptions {
  /** Region host or override, from config.intercom.baseUrl. */
  baseUrl: string;
  token: string;
  apiVersion?: string;
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Epoch milliseconds. */
  now?: () => number;
  random?: () => number;
  logger?: Pick<Logger, "debug" | "warn">;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** The longest the client will wait for a rate-limit window, whatever the headers say. */
  maxRateLimitWaitMs?: number;
}

const IDEMPOTENT = new Set(["GET", "PUT", "DELETE"]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The innermost message of a fetch failure ("bad port", "getaddrinfo ENOTFOUND ..."), for when there is no code. */
function rootMessage(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  const e = error as { message?: unknown; cause?: unknown };
  return rootMessage(e.cause, depth + 1) ?? (typeof e.message === "string" && e.message !== "fetch failed" ? e.message : undefined);
}

function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 5) return [];
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === "string" ? [e.code] : [];
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((inner) => errorCodes(inner, depth + 1)) : [];
  return [...own, ...nested, ...errorCodes(e.cause, depth + 1)];
}

export function buildQueryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export class IntercomClient implements IntercomTransport {
  private readonly baseUrl: string;
  private readonly host: string;
  private readonly token: string;
  private readonly apiVersion: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly logger?: Pick<Logger, "debug" | "warn">;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly maxRateLimitWaitMs: number;
  /** Epoch ms before which no request is sent: the rate-limit window is spent. 0 when free. */
  private resumeAt = 0;

  constructor(options: IntercomClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.host = new URL(this.baseUrl).host;
    this.token = options.token;
    this.apiVersion = options.apiVersion ?? "2.16";
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.logger = options.logger;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.backoffCapMs = options.backoffCapMs ?? 20_000;
    this.maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 60_000;
  }

  /** Every item of a list endpoint, across pages; see paginate.ts for the four styles. */
  paginate<T = unknown>(request: IntercomRequest, options?: PaginateOptions): AsyncGenerator<T> {
    return paginate<T>(this, request, options);
  }

  async request<T = unknown>(request: IntercomRequest): Promise<IntercomResponse<T>> {
    const url = `${this.baseUrl}${request.path}${buildQueryString(request.query)}`;
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const maxRetries = request.maxRetries ?? this.maxRetries;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.token}`,
      "Intercom-Version": request.apiVersion ?? this.apiVersion,
      Accept: request.responseType === "binary" ? "application/octet-stream, application/json" : "application/json",
    };
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const idempotent = IDEMPOTENT.has(request.method);
    // Set once a DELETE is retried after an attempt that may have reached Intercom (a 5xx, a timeout, a reset).
    let deleteMayHaveLanded = false;

    for (let attempt = 1; ; attempt++) {
      await this.waitForWindow();
      const started = this.now();
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
      let status: number;
      let responseHeaders: Headers;
      let data: unknown;
      try {
        const response = await this.fetchImpl(url, { method: request.method, headers, body, signal });
        status = response.status;
        responseHeaders = response.headers;
        data = await readBody(response, request.responseType);
      } catch (error) {
        const failure: NetworkFailure = request.signal?.aborted
          ? "aborted"
          : timeout.aborted
            ? "timeout"
            : errorCodes(error).includes("ECONNREFUSED")
              ? "refused"
              : "network";
        const retryable = failure !== "aborted" && (idempotent || failure === "refused");
        if (retryable && attempt <= maxRetries) {
          if (failure !== "refused") deleteMayHaveLanded ||= request.method === "DELETE";
          const waitMs = backoffDelay(attempt, this.backoffOptions());
          this.logger?.warn({ method: request.method, path: request.path, failure, attempt, waitMs }, "Intercom request failed; retrying");
          await this.sleep(waitMs);
          continue;
        }
        throw networkError(
          {
            failure,
            method: request.method,
            path: request.path,
            host: this.host,
            timeoutMs,
            attempts: attempt,
            cause: error,
            detail: errorCodes(error)[0] ?? rootMessage(error),
          },
          this.scrub,
        );
      }

      this.noteRateLimit(responseHeaders, status);
      const requestId = responseHeaders.get("x-request-id") ?? undefined;
      if (status < 400) {
        this.logger?.debug({ method: request.method, path: request.path, status, attempt, ms: this.now() - started }, "Intercom request");
        return { status, data: data as T, headers: responseHeaders, requestId: bodyRequestId(data) ?? requestId, attempts: attempt };
      }

      if (status === 404 && deleteMayHaveLanded) return alreadyRemoved(request, status, responseHeaders, requestId, attempt, this.logger);

      const canRetry = attempt <= maxRetries;
      if (status === 429 && canRetry) {
        // With a reset header, noteRateLimit has closed the window and waitForWindow sleeps until it opens.
        const untilReset = this.resumeAt === 0 ? 0 : waitUntil(this.resumeAt, this.now(), this.maxRateLimitWaitMs);
        const waitMs = untilReset > 0 ? untilReset : backoffDelay(attempt, { ...this.backoffOptions(), baseMs: Math.max(this.backoffBaseMs, 1000) });
        this.logger?.warn({ method: request.method, path: request.path, status, attempt, waitMs }, "Intercom rate limit; waiting");
        if (untilReset === 0) await this.sleep(waitMs);
        continue;
      }
      if (status >= 500 && idempotent && request.retryServerErrors !== false && canRetry) {
        deleteMayHaveLanded ||= request.method === "DELETE";
        const waitMs = backoffDelay(attempt, this.backoffOptions());
        this.logger?.warn({ method: request.method, path: request.path, status, attempt, waitMs }, "Intercom server error; retrying");
        await this.sleep(waitMs);
        continue;
      }
      const resetAtMs = rateLimitResumeAt(responseHeaders, status, this.now());
      throw new IntercomApiError(
        {
          status,
          method: request.method,
          path: request.path,
          pathTemplate: request.pathTemplate,
          body: data,
          headerRequestId: requestId,
          attempts: attempt,
          retryAfterMs: status === 429 && resetAtMs !== undefined ? waitUntil(resetAtMs, this.now(), this.maxRateLimitWaitMs) : undefined,
        },
        this.scrub,
      );
    }
  }

  /** Our own token by value, plus anything shaped like a secret. */
  private readonly scrub = (text: string): string => redactString(this.token ? text.split(this.token).join(REDACTED) : text);

  private backoffOptions() {
    return { baseMs: this.backoffBaseMs, capMs: this.backoffCapMs, random: this.random };
  }

  private noteRateLimit(headers: Headers, status: number): void {
    const { remaining } = readRateLimit(headers);
    const resetAtMs = rateLimitResumeAt(headers, status, this.now());
    if (resetAtMs !== undefined && (remaining === 0 || status === 429)) this.resumeAt = Math.max(this.resumeAt, resetAtMs);
    else if (remaining !== undefined && remaining > 0) this.resumeAt = 0;
  }

  private async waitForWindow(): Promise<void> {
    const target = this.resumeAt;
    if (target === 0) return;
    const waitMs = waitUntil(target, this.now(), this.maxRateLimitWaitMs);
    if (waitMs > 0) {
      this.logger?.debug({ waitMs }, "Intercom rate-limit window spent; waiting for the reset");
      await this.sleep(waitMs);
    }
    // Once the wait is over the window has reset; a newer response may already have moved the target.
    if (this.resumeAt === target) this.resumeAt = 0;
  }
}

/**
 * A DELETE retried after an attempt that may have been applied, then answered 404: the object is gone, most
 * likely removed by that earlier attempt. That is the outcome the caller asked for, so it is reported as done.
 */
function alreadyRemoved<T>(
  request: IntercomRequest,
  status: number,
  headers: Headers,
  requestId: string | undefined,
  attempts: number,
  logger: Pick<Logger, "debug" | "warn"> | undefined,
): IntercomResponse<T> {
  logger?.warn(
    { method: request.method, path: request.path, status, attempt: attempts },
    "DELETE retried after an unclear failure found nothing: already removed",
  );
  const data = {
    type: "already_removed",
    message: `Already removed: an earlier attempt got no clear answer from Intercom, and the retry found nothing left to delete at ${request.path.split("?")[0]} (${status}).`,
  };
  return { status: 200, data: data as T, headers, requestId, attempts };
}

/** When a 429 says the window reopens: the later of X-RateLimit-Reset and Retry-After, if either is given. */
function rateLimitResumeAt(headers: Headers, status: number, nowMs: number): number | undefined {
  const { resetAtMs } = readRateLimit(headers);
  const retryAt = status === 429 ? readRetryAfter(headers, nowMs) : undefined;
  if (resetAtMs === undefined) return retryAt;
  return retryAt === undefined ? resetAtMs : Math.max(resetAtMs, retryAt);
}

async function readBody(response: Response, responseType: IntercomRequest["responseType"]): Promise<unknown> {
  if (responseType === "binary" && response.ok) return Buffer.from(await response.arrayBuffer());
  const text = await response.text();
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function bodyRequestId(data: unknown): string | undefined {
  if (data && typeof data === "object" && "request_id" in data && typeof data.request_id === "string") return data.request_id;
  return undefined;
}
