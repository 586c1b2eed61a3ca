/** The contract between the Intercom HTTP client and its callers (tool executor, workflows, CLI). */

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined | null;

export interface IntercomRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path with placeholders already filled and URL-encoded, e.g. /contacts/abc%2F1. */
  path: string;
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  /** Overrides the client's default Intercom-Version header for this call. */
  apiVersion?: string;
  /** "binary" returns the raw bytes in `data` (a Buffer). */
  responseType?: "json" | "binary";
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The path before filling, e.g. /contacts/{contact_id}; lets an error name the resource ("contact 123"). */
  pathTemplate?: string;
  /** Overrides the client's retry budget for this call (0 = a single attempt). */
  maxRetries?: number;
  /**
   * false stops retries after a 5xx even for GET/PUT/DELETE, for callers with their own recovery (the
   * companies scroll restarts from scratch instead). 429s are still waited out.
   */
  retryServerErrors?: boolean;
}

export interface IntercomResponse<T = unknown> {
  status: number;
  data: T;
  headers: Headers;
  requestId?: string;
  /** How many attempts it took (1 = no retry). */
  attempts: number;
}

export interface IntercomErrorItem {
  code: string;
  message?: string | null;
  field?: string | null;
}

/** Anything that can send an Intercom request: the real client, or a recorder in tests. */
export interface IntercomTransport {
  request<T = unknown>(request: IntercomRequest): Promise<IntercomResponse<T>>;
}
