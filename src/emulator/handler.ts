/**
 * The emulator as a web-standard function (Request → Response): auth, Intercom-Version, rate limit, faults,
 * routing, JSON in and out, error.list on every failure. Works in-process (tests) or behind node:http.
 */
import { timingSafeEqual } from "node:crypto";
import { ApiError, errorBody } from "./api-error.js";
import type { FaultInjector } from "./faults.js";
import type { RateLimiter } from "./rate-limit.js";
import { Router } from "./router.js";
import { wakeExpiredSnoozes } from "./snooze-wake.js";
import type { EmulatorState } from "./state.js";
import type { Clock, Doc, RouteDef, RouteResult, WebhookSink } from "./types.js";
import { CURRENT_VERSION, compareVersions, isKnownVersion } from "./version.js";

export type RequestHandler = (request: Request) => Promise<Response>;

export interface HandlerDeps {
  state: () => EmulatorState;
  routes: readonly RouteDef[];
  /** Served under /__emulator/, need the token, skip rate limits and faults. */
  adminRoutes?: readonly RouteDef[];
  token: string;
  clock: Clock;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  webhooks: WebhookSink;
  sleep?: (ms: number) => Promise<void>;
}

export function createRequestHandler(deps: HandlerDeps): RequestHandler {
  const router = new Router(deps.routes);
  const adminRouter = new Router(deps.adminRoutes ?? []);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  return async (request) => {
    const url = new URL(request.url);
    if (!isAuthorized(request.headers.get("authorization"), deps.token)) {
      return json(401, errorBody("unauthorized", "Access Token Invalid"));
    }
    const version = request.headers.get("intercom-version")?.trim() || CURRENT_VERSION;
    const isAdmin = url.pathname.startsWith("/__emulator/");
    if (isAdmin) return dispatch(adminRouter, request, url, version, {});

    const decision = deps.rateLimiter.take();
    if (!decision.allowed) return rateLimited(decision.limit, decision.headers);
    if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);
    const fault = deps.faults.draw();
    if (fault.kind === "rate_limited") return rateLimited(decision.limit, { ...decision.headers, "X-RateLimit-Remaining": "0" });
    if (fault.kind === "server_error") {
      return json(
        fault.status,
        errorBody(fault.status === 503 ? "service_unavailable" : "server_error", "The emulator injected a server error"),
        decision.headers,
      );
    }
    if (!isKnownVersion(version)) {
      return json(400, errorBody("intercom_version_invalid", `Intercom-Version ${version} is not a valid version`), decision.headers);
    }
    wakeExpiredSnoozes(deps.state(), Math.floor(deps.clock.now() / 1000));
    return dispatch(router, request, url, version, decision.headers);
  };

  async function dispatch(router: Router, request: Request, url: URL, version: string, headers: Record<string, string>): Promise<Response> {
    const match = router.match(request.method, url.pathname);
    if (!match || match === "method_not_allowed") {
      // Intercom answers 404 either way; naming the methods that do exist saves a trip to the source.
      const hint = match ? ` (it takes ${router.methodsFor(url.pathname).join(", ")})` : "";
      return json(404, errorBody("not_found", `No route for ${request.method} ${url.pathname}${hint}`), headers);
    }
    if (match.def.maxVersion && compareVersions(version, match.def.maxVersion) > 0) {
      const message = `${request.method} ${match.def.path} was removed from the API after version ${match.def.maxVersion}; it is not available in Intercom-Version ${version}`;
      return json(404, errorBody("not_found", message), headers);
    }
    let body: Doc = {};
    if (request.method === "POST" || request.method === "PUT" || request.method === "DELETE") {
      const text = await request.text();
      if (text.trim()) {
        try {
          const parsed = JSON.parse(text) as unknown;
          body = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Doc) : {};
        } catch {
          return json(400, errorBody("parameter_invalid", "The request body is not valid JSON"), headers);
        }
      }
    }
    try {
      const result = await match.def.handler({
        state: deps.state(),
        params: match.params,
        query: url.searchParams,
        body,
        version,
        nowSeconds: Math.floor(deps.clock.now() / 1000),
        webhooks: deps.webhooks,
      });
      return toResponse(result, headers);
    } catch (error) {
      if (error instanceof ApiError) return json(error.status, errorBody(error.code, error.message, error.field), headers);
      return json(500, errorBody("server_error", `Emulator failure: ${(error as Error)?.message ?? String(error)}`), headers);
    }
  }
}

function isAuthorized(header: string | null, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (!match) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function rateLimited(limit: number, headers: Record<string, string>): Response {
  return json(429, errorBody("rate_limit_exceeded", `Exceeded rate limit of ${limit} in 10_seconds`), headers);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
}

function toResponse(result: RouteResult, headers: Record<string, string>): Response {
  const status = result.status ?? 200;
  const merged = { ...headers, ...(result.headers ?? {}) };
  if (result.raw) return new Response(result.raw.data, { status, headers: { "Content-Type": result.raw.contentType, ...merged } });
  if (result.body === undefined || status === 204) return new Response(null, { status, headers: merged });
  return json(status, result.body, merged);
}
