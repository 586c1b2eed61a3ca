/**
 * Intercom failures as coded errors. The message is for logs (method, path, status, codes, request id); the
 * userMessage is for a person or a model: what went wrong in plain words, and never the access token.
 */
import { AppError } from "../errors.js";
import { redactString } from "../redact.js";
import { describeResources } from "./resource-names.js";
import type { IntercomErrorItem } from "./types.js";

export interface HttpErrorInit {
  status: number;
  method: string;
  path: string;
  pathTemplate?: string;
  body: unknown;
  headerRequestId?: string | null;
  attempts: number;
  /** When a 429 ran out of retries: how long until Intercom's window resets. */
  retryAfterMs?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The errors of an `error.list` body (or of the odd single `error` object some endpoints return). */
export function parseErrorItems(body: unknown): IntercomErrorItem[] {
  if (!isObject(body)) return [];
  const list = Array.isArray(body.errors) ? body.errors : isObject(body.error) ? [body.error] : [];
  return list.filter(isObject).map((item) => ({
    code: typeof item.code === "string" ? item.code : "unknown",
    message: typeof item.message === "string" ? item.message : null,
    field: typeof item.field === "string" ? item.field : null,
  }));
}

function itemWords(errors: IntercomErrorItem[]): string {
  return errors
    .map((e) => {
      const text = e.message?.trim() || e.code.replace(/_/g, " ");
      return e.field ? `${e.field}: ${text}` : text;
    })
    .join("; ");
}

function plainWords(init: HttpErrorInit, errors: IntercomErrorItem[]): string {
  const said = itemWords(errors);
  const saidSuffix = said ? ` Intercom said: ${said}.` : "";
  const resource = describeResources(init.path, init.pathTemplate);
  const { status } = init;
  if (status === 401) return "Intercom refused the access token (401). Check INTERCOM_ACCESS_TOKEN and that the app is still installed in the workspace.";
  if (status === 403) return `Intercom refused this action (403): the access token lacks the permission it needs.${saidSuffix}`;
  if (status === 404)
    return `${resource ? `${capitalize(resource)} was not found` : `Intercom found nothing at ${init.path.split("?")[0]}`} (404).${saidSuffix}`;
  if (status === 429) {
    const wait = init.retryAfterMs !== undefined ? ` Try again in about ${Math.max(1, Math.ceil(init.retryAfterMs / 1000))} s.` : "";
    return `Intercom rate limited these requests (429) and still did after ${init.attempts} attempt(s).${wait}`;
  }
  if (status === 400 || status === 422) return `Intercom rejected the request as invalid (${status}).${saidSuffix || " It gave no reason."}`;
  if (status === 409) return `Intercom reported a conflict (409).${saidSuffix}`;
  if (status >= 500) {
    const notRetried =
      init.method === "POST" ? " The request was not retried because it may already have been applied; check in Intercom before trying again." : "";
    return `Intercom had a server error (${status}).${saidSuffix}${notRetried}`;
  }
  return `Intercom answered with HTTP ${status}.${saidSuffix}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class IntercomApiError extends AppError {
  readonly status: number;
  readonly errors: IntercomErrorItem[];
  readonly requestId?: string;
  readonly body: unknown;

  constructor(init: HttpErrorInit, scrub: (text: string) => string = redactString) {
    const errors = parseErrorItems(init.body).map((e) => ({ ...e, message: e.message === null || e.message === undefined ? e.message : scrub(e.message) }));
    const requestId = (isObject(init.body) && typeof init.body.request_id === "string" ? init.body.request_id : undefined) ?? init.headerRequestId ?? undefined;
    const codes = errors.map((e) => e.code).join(",") || "no error body";
    const message = scrub(
      `${init.method} ${init.path.split("?")[0]} failed with ${init.status} (${codes}: ${itemWords(errors) || "-"})${requestId ? ` request ${requestId}` : ""}`,
    );
    super("INTERCOM_HTTP", message, {
      userMessage: scrub(plainWords(init, errors)),
      details: { status: init.status, errors, requestId, attempts: init.attempts },
    });
    this.name = "IntercomApiError";
    this.status = init.status;
    this.errors = errors;
    this.requestId = requestId;
    this.body = scrubDeep(init.body, scrub);
  }
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function scrubDeep(body: unknown, scrub: (text: string) => string): unknown {
  if (body === null || body === undefined) return body;
  try {
    return JSON.parse(scrub(JSON.stringify(body)));
  } catch {
    return body;
  }
}

export type NetworkFailure = "timeout" | "refused" | "network" | "aborted";

export interface NetworkErrorInit {
  failure: NetworkFailure;
  method: string;
  path: string;
  host: string;
  timeoutMs: number;
  attempts: number;
  cause: unknown;
  detail?: string;
}

/** A request that got no HTTP answer: timeout, refused connection, reset, DNS, or cancelled by the caller. */
export function networkError(init: NetworkErrorInit, scrub: (text: string) => string = redactString): AppError {
  const maybeApplied = init.method === "POST" ? " It may or may not have been applied, so it was not retried; check in Intercom before trying again." : "";
  const after = init.attempts > 1 ? ` after ${init.attempts} attempts` : "";
  let userMessage: string;
  if (init.failure === "timeout") userMessage = `Intercom did not answer within ${formatDuration(init.timeoutMs)}${after}.${maybeApplied}`;
  else if (init.failure === "refused") userMessage = `Could not connect to Intercom at ${init.host} (connection refused${after}). Nothing was sent.`;
  else if (init.failure === "aborted") userMessage = "The Intercom request was cancelled before it finished.";
  else userMessage = `Could not reach Intercom at ${init.host}${init.detail ? ` (${init.detail})` : ""}${after}.${maybeApplied}`;
  const code = init.failure === "timeout" ? "INTERCOM_TIMEOUT" : "INTERCOM_NETWORK";
  return new AppError(code, scrub(`${init.method} ${init.path.split("?")[0]}: ${init.failure}${init.detail ? ` (${init.detail})` : ""}${after}`), {
    cause: init.cause,
    userMessage: scrub(userMessage),
    details: { failure: init.failure, attempts: init.attempts },
  });
}
