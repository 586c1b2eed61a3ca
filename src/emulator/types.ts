/** Shared types of the Intercom emulator: documents, routes, and the context a route handler receives. */
import type { EmulatorState } from "./state.js";

/** A stored Intercom object, kept in its 2.16 wire shape. */
// biome-ignore lint/suspicious/noExplicitAny: documents are free-form JSON, checked against the spec by tests
export type Doc = Record<string, any>;

/** Milliseconds since the epoch; injectable so tests control rate-limit windows, scroll expiry and timestamps. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface RouteResult {
  status?: number;
  /** JSON body (default) */
  body?: unknown;
  /** Raw body with its own content type (text transcript, gzipped export). */
  raw?: { data: string | Uint8Array; contentType: string };
  headers?: Record<string, string>;
}

export interface WebhookSink {
  emit(topic: string, item: Doc): void;
}

export interface RouteContext {
  state: EmulatorState;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Doc;
  /** The Intercom-Version the caller asked for (default 2.16). */
  version: string;
  /** Seconds since the epoch, from the injected clock. */
  nowSeconds: number;
  webhooks: WebhookSink;
}

export type RouteHandler = (context: RouteContext) => RouteResult | Promise<RouteResult>;

export interface RouteDef {
  method: HttpMethod;
  /** Path pattern with {name} placeholders, as in the OpenAPI file. */
  path: string;
  handler: RouteHandler;
  /** Only served when the request's Intercom-Version is at most this (legacy endpoints). */
  maxVersion?: string;
}

export function ok(body: unknown, status = 200): RouteResult {
  return { status, body };
}
