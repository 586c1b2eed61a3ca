/** /__emulator/* control routes (need the token; never rate limited or faulted): simulate, faults, info. */
import { badRequest } from "./api-error.js";
import type { FaultInjector } from "./faults.js";
import type { RateLimiter } from "./rate-limit.js";
import { SIMULATE_KINDS, type SimulateKind, simulate } from "./simulate.js";
import { COLLECTIONS } from "./state.js";
import { ok, type RouteDef } from "./types.js";

export function adminRoutes(deps: { faults: FaultInjector; rateLimiter: RateLimiter }): RouteDef[] {
  return [
    {
      method: "POST",
      path: "/__emulator/simulate",
      handler: ({ state, body, webhooks, nowSeconds }) => {
        const kind = body.kind as SimulateKind;
        if (!SIMULATE_KINDS.includes(kind)) throw badRequest(`kind must be one of ${SIMULATE_KINDS.join(", ")}`, "parameter_invalid", "kind");
        const result = simulate(
          state,
          webhooks,
          kind,
          { contact: body.contact, conversationId: body.conversation_id, body: body.body, ticketTypeId: body.ticket_type_id, title: body.title },
          nowSeconds,
        );
        return ok(result);
      },
    },
    { method: "GET", path: "/__emulator/faults", handler: () => ok(deps.faults.current()) },
    {
      method: "PUT",
      path: "/__emulator/faults",
      handler: ({ body }) => {
        const numberOrUndefined = (key: string) => {
          const value = body[key];
          if (value === undefined) return undefined;
          if (typeof value !== "number" || value < 0) throw badRequest(`${key} must be a non-negative number`, "parameter_invalid", key);
          return value;
        };
        const rate = numberOrUndefined("serverErrorRate");
        if (rate !== undefined && rate > 1) throw badRequest("serverErrorRate must be between 0 and 1", "parameter_invalid", "serverErrorRate");
        if (body.rateLimit !== undefined && (!Number.isInteger(body.rateLimit) || body.rateLimit < 1))
          throw badRequest("rateLimit must be a whole number of requests, at least 1", "parameter_invalid", "rateLimit");
        // Everything is checked before anything changes, so a refused request leaves the settings as they were.
        const settings = { rateLimitBurst: numberOrUndefined("rateLimitBurst"), serverErrorRate: rate, latencyMs: numberOrUndefined("latencyMs") };
        if (body.rateLimit !== undefined) deps.rateLimiter.limit = body.rateLimit as number;
        return ok(deps.faults.set(settings));
      },
    },
    {
      method: "DELETE",
      path: "/__emulator/faults",
      handler: () => {
        deps.faults.reset();
        return ok(deps.faults.current());
      },
    },
    {
      method: "GET",
      path: "/__emulator/info",
      handler: ({ state }) =>
        ok({ workspace: state.workspace, rateLimit: deps.rateLimiter.limit, counts: Object.fromEntries(COLLECTIONS.map((name) => [name, state.count(name)])) }),
    },
  ];
}
