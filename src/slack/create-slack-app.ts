/**
 * Builds the Bolt app: Socket Mode when an app-level token is configured (no public URL needed), otherwise the
 * HTTP receiver on PORT at /slack/events for commands, events and interactivity alike. Deliveries are
 * deduplicated by event id in SQLite before any listener runs, so a Slack retry or a restart never starts a
 * second run.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type CustomRoute } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import { registerListeners } from "../../listeners/index.js";
import type { Config } from "../config.js";
import { IntercomConnection } from "../connections/intercom-connection.js";
import { intercomOAuthRoutes } from "../connections/oauth-routes.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { SecretStore } from "../secrets/secret-store.js";
import { ChannelSettingsRepo } from "../store/channel-settings-repo.js";
import type { Db } from "../store/database.js";
import { OAuthStatesRepo } from "../store/oauth-states-repo.js";
import { eventKey, ProcessedEventsRepo } from "../store/processed-events-repo.js";
import { SlackThreadsRepo } from "../store/slack-threads-repo.js";
import { ApprovalCardsRepo } from "./approval-cards-repo.js";
import { BackgroundWork } from "./background-work.js";
import { boltLogger } from "./bolt-logger.js";
import { type Sweeper, startExpirySweeper, sweepExpiredApprovals } from "./expiry-sweeper.js";
import { KeyedLock } from "./keyed-lock.js";
import { ChannelPostQueue, type PostQueueOptions } from "./post-queue.js";
import { summarizeRequest } from "./request-summary.js";
import type { SlackAppContext } from "./slack-app-context.js";
import { SlackPoster } from "./slack-poster.js";
import type { SlackServices } from "./slack-services.js";

export interface CreateSlackAppOptions {
  config: Readonly<Config>;
  db: Db;
  secrets: SecretStore;
  services: SlackServices;
  logger: Logger;
  /** Extra WebClient options (tests: retry policy); slackApiUrl comes from SLACK_API_URL. */
  clientOptions?: WebClientOptions;
  postQueue?: PostQueueOptions;
  /** Other HTTP routes to serve on the same port (e.g. Intercom webhooks). */
  customRoutes?: CustomRoute[];
  /** The Intercom connection (token source and OAuth flow); built here when not given. */
  intercom?: IntercomConnection;
  /** Used by the Intercom OAuth exchange when the connection is built here. */
  fetch?: typeof fetch;
  /** How many runs may work at once after their acks (default 16). */
  backgroundConcurrency?: number;
  /** How often to expire stale approvals and update their cards while running (default 60 s; 0 turns it off). */
  approvalSweepMs?: number;
  now?: () => number;
}

export interface SlackApp {
  app: App;
  context: SlackAppContext;
  /** Starts listening. Returns the HTTP port (HTTP mode, or the custom-routes port in Socket Mode). */
  start(port?: number): Promise<{ port?: number }>;
  /** Stops taking requests, then waits (bounded) for work already started. */
  stop(timeoutMs?: number): Promise<void>;
  /** Resolves once every run that requests started has finished (tests). */
  idle(timeoutMs?: number): Promise<boolean>;
  /** One expiry pass now (the timer runs the same); returns how many cards were updated. */
  sweepExpiredApprovals(): Promise<number>;
}

export function createSlackApp(options: CreateSlackAppOptions): SlackApp {
  const { config, logger, db } = options;
  const { botToken, appToken, signingSecret, apiUrl } = config.slack;
  if (!botToken || (!appToken && !signingSecret)) {
    throw new AppError("CONFIG_INVALID", "Slack needs SLACK_BOT_TOKEN and either SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP).");
  }
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const socketMode = Boolean(appToken);
  const intercom = options.intercom ?? new IntercomConnection({ config, secrets: options.secrets, states: new OAuthStatesRepo(db, now), fetch: options.fetch });
  const customRoutes = [...intercomOAuthRoutes(intercom, logger), ...(options.customRoutes ?? [])];
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
    events: new ProcessedEventsRepo(db, now),
    channels: new ChannelSettingsRepo(db, now),
    threads: new SlackThreadsRepo(db, now),
    cards: new ApprovalCardsRepo(db),
    intercom,
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
  registerListeners(app, context);

  const sweepMs = options.approvalSweepMs ?? 60_000;
  let sweeper: Sweeper | undefined;
  const startSweeper = () => {
    if (sweepMs > 0 && !sweeper) sweeper = startExpirySweeper(context, sweepMs);
  };

  return {
    app,
    context,
    async start(port = config.port) {
      if (socketMode) {
        await app.start();
        startSweeper();
        logger.info({ port: config.port }, "Slack app connected through Socket Mode");
        return { port: config.port };
      }
      const server = (await app.start(port)) as Server;
      startSweeper();
      const address = server.address() as AddressInfo | null;
      logger.info({ port: address?.port }, "Slack app listening for HTTP requests at /slack/events");
      return { port: address?.port };
    },
    async stop(timeoutMs = 10_000) {
      sweeper?.stop();
      sweeper = undefined;
      await app.stop();
      const finished = await work.idle(timeoutMs);
      if (!finished) logger.warn({ running: work.size }, "Stopped while Slack work was still running");
    },
    idle: (timeoutMs) => work.idle(timeoutMs),
    sweepExpiredApprovals: () => sweepExpiredApprovals(context),
  };
}
