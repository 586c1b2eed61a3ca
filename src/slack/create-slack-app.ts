/**
 * Builds the Bolt app: Socket Mode when an app-level token is configured (no public URL needed), otherwise the
 * HTTP receiver on PORT at /slack/events for commands, events and interactivity alike. Deliveries are
 * deduplicated by event id in SQLite before any listener runs, so a Slack retry or a restart never starts a
 * second run. It builds no store and no service: the composition root (src/app.ts) hands them in, and registers
 * the listeners on the returned app.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type CustomRoute } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { Config } from "../config.js";
import type { IntercomConnection } from "../connections/intercom-connection.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import { eventKey } from "../store/processed-events-repo.js";
import type { Stores } from "../store/stores.js";
import { BackgroundWork } from "./background-work.js";
import { boltLogger } from "./bolt-logger.js";
import { KeyedLock } from "./keyed-lock.js";
import { ChannelPostQueue, type PostQueueOptions } from "./post-queue.js";
import { summarizeRequest } from "./request-summary.js";
import type { SlackAppContext } from "./slack-app-context.js";
import { SlackPoster } from "./slack-poster.js";
import type { SlackServices } from "./slack-services.js";

export interface CreateSlackAppOptions {
  config: Readonly<Config>;
  logger: Logger;
  services: SlackServices;
  /** The repositories the listeners use, built by the composition root. */
  stores: Pick<Stores, "processedEvents" | "channels" | "threads" | "approvalCards">;
  /** The one Intercom connection (token source and OAuth flow), built by the composition root. */
  intercom: IntercomConnection;
  /** Extra WebClient options (tests: retry policy); slackApiUrl comes from SLACK_API_URL. */
  clientOptions?: WebClientOptions;
  postQueue?: PostQueueOptions;
  /** HTTP routes served on the same port: the OAuth callback, Intercom webhooks. */
  customRoutes?: CustomRoute[];
  /** How many runs may work at once after their acks (default 16). */
  backgroundConcurrency?: number;
  /** Seconds since the epoch. */
  now: () => number;
}

export interface SlackApp {
  app: App;
  /** What the listeners receive: the root hands it to registerListeners (listeners/index.ts). */
  context: SlackAppContext;
  /** Starts listening. Returns the HTTP port (HTTP mode, or the custom-routes port in Socket Mode). */
  start(port?: number): Promise<{ port?: number }>;
  /** Stops taking requests, then waits (bounded) for work already started. */
  stop(timeoutMs?: number): Promise<void>;
  /** Resolves once every run that requests started has finished (tests). */
  idle(timeoutMs?: number): Promise<boolean>;
}

export function createSlackApp(options: CreateSlackAppOptions): SlackApp {
  const { config, logger } = options;
  const { botToken, appToken, signingSecret, apiUrl } = config.slack;
  if (!botToken || (!appToken && !signingSecret)) {
    throw new AppError("CONFIG_INVALID", "Slack needs SLACK_BOT_TOKEN and either SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP).");
  }
  const { now, stores } = options;
  const socketMode = Boolean(appToken);
  const customRoutes = options.customRoutes ?? [];
  const clientOptions: WebClientOptions = {
    // 429s are handled by the per-channel post queue, which honours Retry-After without blocking other channels.
    rejectRateLimitedCalls: true,
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {}),
    ...options.clientOptions,
  };
  const app = socketMode
    ? new App({
        token: botToken,
        appToken,
        socketMode: true,
        convoStore: false,
        logger: boltLogger(logger),
        clientOptions,
        customRoutes,
        installerOptions: { port: config.port },
      })
    : new App({
        token: botToken,
        signingSecret: signingSecret!,
        // Thread memory lives in SQLite (slack_threads); Bolt's in-memory conversation store is not used.
        convoStore: false,
        logger: boltLogger(logger),
        clientOptions,
        customRoutes,
        endpoints: "/slack/events",
      });

  const work = new BackgroundWork(logger, options.backgroundConcurrency);
  const queue = new ChannelPostQueue({ logger, ...options.postQueue });
  const context: SlackAppContext = {
    services: options.services,
    poster: new SlackPoster(app.client, queue),
    client: app.client,
    events: stores.processedEvents,
    channels: stores.channels,
    threads: stores.threads,
    cards: stores.approvalCards,
    intercom: options.intercom,
    conversationLock: new KeyedLock(),
    work,
    logger,
    mode: socketMode ? "socket" : "http",
    now,
  };

  app.use(async ({ body, next, context: bolt }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !context.events.claim(eventKey(eventId))) {
      logger.info({ eventId, retryNum: bolt.retryNum, retryReason: bolt.retryReason }, "Skipping a Slack event that was already handled");
      return;
    }
    const started = performance.now();
    try {
      await next();
    } finally {
      // Plain channel messages arrive for every message the bot can see, so they log at debug only.
      const request = summarizeRequest(body);
      const level = request.kind === "event" && request.what?.startsWith("message") ? "debug" : "info";
      logger[level]({ ...request, eventId, handledMs: Math.round(performance.now() - started) }, "Slack request");
    }
  });
  app.error(async (error) => {
    logger.error({ err: error }, "Slack listener error");
  });
  let listening = false;
  return {
    app,
    context,
    async start(port = config.port) {
      listening = true;
      if (socketMode) {
        await app.start();
        logger.info({ port: config.port }, "Slack app connected through Socket Mode");
        return { port: config.port };
      }
      const server = (await app.start(port)) as Server;
      const address = server.address() as AddressInfo | null;
      logger.info({ port: address?.port }, "Slack app listening for HTTP requests at /slack/events");
      return { port: address?.port };
    },
    async stop(timeoutMs = 10_000) {
      // An app built but never started (a failed start, a test of the wiring) has no receiver to stop.
      if (listening) await app.stop();
      listening = false;
      const finished = await work.idle(timeoutMs);
      if (!finished) logger.warn({ running: work.size }, "Stopped while Slack work was still running");
    },
    idle: (timeoutMs) => work.idle(timeoutMs),
  };
}
