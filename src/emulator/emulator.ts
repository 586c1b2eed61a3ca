/**
 * Builds a complete emulator without a socket: state (generated, or restored from a --db file), rate limiter,
 * fault injector, webhook dispatcher and the request handler. server.ts puts it behind node:http.
 */
import { adminRoutes } from "./admin-routes.js";
import { generateDemoWorkspace } from "./demo/generate.js";
import type { DemoOptions, DemoWorkspace } from "./demo/types.js";
import { FaultInjector, type FaultSettings } from "./faults.js";
import { createRequestHandler, type RequestHandler } from "./handler.js";
import { RateLimiter } from "./rate-limit.js";
import { ROUTES } from "./resources/index.js";
import { type SimulateKind, type SimulateOptions, simulate } from "./simulate.js";
import { SqlitePersistence } from "./sqlite-persistence.js";
import type { EmulatorState } from "./state.js";
import { type Clock, type Doc, systemClock, type WebhookSink } from "./types.js";
import { noWebhooks, WebhookDispatcher } from "./webhooks.js";
import { stateFromWorkspace } from "./workspace-loader.js";

export const DEFAULT_TOKEN = "emulator-token";
export const DEFAULT_SEED = 42;
export const DEFAULT_CONVERSATIONS = 2000;
export const MAX_CONVERSATIONS = 50_000;
/** Intercom's documented default for a private app: 10,000 a minute, enforced per 10 s window. */
export const DEFAULT_RATE_LIMIT = 1667;

export interface EmulatorOptions {
  token?: string;
  seed?: number;
  conversations?: number;
  /** The workspace's "now" in Unix seconds (default: the clock's now). Same seed + now = same data. */
  now?: number;
  dbFile?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  faults?: FaultSettings;
  /** Requests allowed per 10-second window. */
  rateLimit?: number;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** A ready workspace (tests); otherwise `generate` (default: the demo generator) builds one from seed/conversations/now. */
  workspace?: DemoWorkspace;
  generate?: (options: DemoOptions) => DemoWorkspace;
  onWebhookError?: (error: unknown, topic: string) => void;
}

export interface Emulator {
  handle: RequestHandler;
  token: string;
  state: EmulatorState;
  setFaults(settings: FaultSettings): FaultSettings;
  resetFaults(): void;
  setRateLimit(limit: number): void;
  simulate(kind: SimulateKind, options?: SimulateOptions): Doc;
  /** Waits for webhook deliveries in flight. */
  drainWebhooks(): Promise<void>;
  webhookDeliveries(): readonly { topic: string; status: number | "failed"; id: string }[];
  close(): Promise<void>;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = options.clock ?? systemClock;
  const token = options.token ?? DEFAULT_TOKEN;
  const seed = options.seed ?? DEFAULT_SEED;
  const conversations = options.conversations ?? DEFAULT_CONVERSATIONS;
  if (!Number.isInteger(conversations) || conversations < 0 || conversations > MAX_CONVERSATIONS) {
    throw new Error(`conversations must be an integer between 0 and ${MAX_CONVERSATIONS}`);
  }

  const persistence = options.dbFile ? new SqlitePersistence(options.dbFile) : undefined;
  let state: EmulatorState;
  if (persistence?.isSeeded()) state = persistence.readAll();
  else {
    const workspace = options.workspace ?? generateWith(options, seed, conversations, Math.floor(clock.now() / 1000));
    state = stateFromWorkspace(workspace);
    persistence?.writeAll(state);
  }
  state.persistence = persistence;

  const rateLimiter = new RateLimiter(clock, options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const faults = new FaultInjector(seed, options.faults);
  const dispatcher = options.webhookUrl
    ? new WebhookDispatcher({ url: options.webhookUrl, secret: options.webhookSecret ?? "", appId: state.workspace.id, clock, onError: options.onWebhookError })
    : undefined;
  const webhooks: WebhookSink = dispatcher ?? noWebhooks;
  const handle = createRequestHandler({
    state: () => state,
    routes: ROUTES,
    adminRoutes: adminRoutes({ faults, rateLimiter }),
    token,
    clock,
    rateLimiter,
    faults,
    webhooks,
    sleep: options.sleep,
  });

  return {
    handle,
    token,
    state,
    setFaults: (settings) => faults.set(settings),
    resetFaults: () => faults.reset(),
    setRateLimit: (limit) => {
      rateLimiter.limit = limit;
    },
    simulate: (kind, simulateOptions = {}) => simulate(state, webhooks, kind, simulateOptions, Math.floor(clock.now() / 1000)),
    drainWebhooks: async () => dispatcher?.drain(),
    webhookDeliveries: () => dispatcher?.deliveries ?? [],
    close: async () => {
      await dispatcher?.drain();
      persistence?.close();
    },
  };
}

function generateWith(options: EmulatorOptions, seed: number, conversations: number, nowSeconds: number): DemoWorkspace {
  const generate = options.generate ?? generateDemoWorkspace;
  return generate({ seed, conversations, now: options.now ?? nowSeconds });
}
