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
import type { InboxLogger } from "../inbox/inbox.js";
import { installDurableIntake, mentionsSomeone, rawRequestExtractor, SLACK_TOPICS, SlackWorkScopes } from "../inbox/slack-live.js";
import type { Inbox, LiveInbox } from "../inbox/types.js";
import type { Logger } from "../logger.js";
import { eventKey, type ProcessedEventsRepo } from "../store/processed-events-repo.js";
import type { Stores } from "../store/stores.js";
import { AckPressure, type AckPressureOptions } from "./ack-pressure.js";
import { acknowledgeUnclaimed } from "./ack-unclaimed.js";
import { BackgroundWork } from "./background-work.js";
import { boltLogger } from "./bolt-logger.js";
import { createGuardedReceiver } from "./guarded-receiver.js";
import { KeyedLock } from "./keyed-lock.js";
import { ChannelPostQueue, type PostQueueOptions } from "./post-queue.js";
import { summarizeRequest } from "./request-summary.js";
import type { SlackAppContext } from "./slack-app-context.js";
import { SlackPoster } from "./slack-poster.js";
import type { SlackServices } from "./slack-services.js";
import { checkSocketMode, DEFAULT_SLACK_API_URL } from "./socket-preflight.js";

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
  /** How work after an ack gives way to requests still being acknowledged (defaults in AckPressure). */
  ackPressure?: AckPressureOptions;
  /** Socket Mode: the first pause after Slack could not be reached (default 1 s; it doubles up to 30 s). */
  socketRetryDelayMs?: number;
  /** Seconds since the epoch. */
  now: () => number;
  /**
   * The durable inbox. When given, every request is persisted and claimed before it is acknowledged, its work is
   * tracked until it finished, and the worker replays what a dead process left unfinished (src/inbox/slack-live.ts).
   */
  inbox?: Inbox & LiveInbox;
}

export interface SlackApp {
  app: App;
  /** What the listeners receive: the root hands it to registerListeners (listeners/index.ts). */
  context: SlackAppContext;
  /** Starts listening. Returns the HTTP port (HTTP mode, or the custom-routes port in Socket Mode). */
  start(port?: number): Promise<{ port?: number; host?: string }>;
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
  const pressure = new AckPressure(options.ackPressure);
  const app = socketMode
    ? new App({
        token: botToken,
        appToken,
        socketMode: true,
        // No auth.test until start() has checked that Slack is reachable: Bolt's own call would retry for half
        // an hour in the background and keep a stopped process alive.
        deferInitialization: true,
        convoStore: false,
        logger: boltLogger(logger),
        clientOptions,
        customRoutes,
        installerOptions: { port: config.port },
      })
    : new App({
        token: botToken,
        // Thread memory lives in SQLite (slack_threads); Bolt's in-memory conversation store is not used.
        convoStore: false,
        logger: boltLogger(logger),
        clientOptions,
        // Bolt's HTTP receiver behind a guard: what Slack never sends is answered 4xx before Bolt parses it.
        receiver: createGuardedReceiver({
          signingSecret: signingSecret!,
          endpoint: "/slack/events",
          customRoutes,
          logger,
          boltLogger: boltLogger(logger),
          pressure,
          customPropertiesExtractor: options.inbox ? (request) => rawRequestExtractor(request) : undefined,
        }),
      });
  acknowledgeUnclaimed(app, logger);
  const { inbox } = options;
  const scopes = new SlackWorkScopes();
  if (inbox) {
    const { replay } = installDurableIntake(app, { inbox, scopes, logger: logger as InboxLogger });
    for (const topic of SLACK_TOPICS) inbox.on(topic, replay);
  }

  const work = new BackgroundWork(
    logger,
    options.backgroundConcurrency,
    () => pressure.turn(),
    (task) => scopes.track(task),
  );
  const queue = new ChannelPostQueue({ logger, ...options.postQueue });
  const context: SlackAppContext = {
    services: options.services,
    poster: new SlackPoster(app.client, queue),
    client: app.client,
    events: inbox ? inboxScopedClaims(stores.processedEvents, scopes) : stores.processedEvents,
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
    const event = (body as { event?: Record<string, unknown> }).event;
    // The same message also came as app_mention, which handles it (src/inbox/slack-live.ts mentionsSomeone).
    if (inbox && event && mentionsSomeone(event) && bolt.botUserId && String(event.text).includes(`<@${bolt.botUserId}>`)) return;
    // With the inbox, deliveries were deduplicated before this ran (and a replay must get through).
    if (!inbox && typeof eventId === "string" && !context.events.claim(eventKey(eventId))) {
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
    // The inbox item this request belongs to goes back in line instead of being marked done.
    scopes.fail(error);
    logger.error({ err: error }, "Slack listener error");
  });
  let listening = false;
  let connecting: AbortController | undefined;
  return {
    app,
    context,
    async start(port = config.port) {
      if (socketMode) {
        // Bolt's own retries name neither the token nor the network; this check does, and a stop ends it.
        connecting = new AbortController();
        try {
          await checkSocketMode({
            appToken: appToken!,
            botToken,
            apiUrl: clientOptions.slackApiUrl ?? DEFAULT_SLACK_API_URL,
            logger,
            signal: connecting.signal,
            initialDelayMs: options.socketRetryDelayMs,
          });
        } finally {
          connecting = undefined;
        }
        await app.init();
        listening = true;
        await app.start();
        logger.info({ port: config.port }, "Slack app connected through Socket Mode");
        return { port: config.port };
      }
      listening = true;
      const server = (await (config.listenHost ? app.start({ port, host: config.listenHost }) : app.start(port))) as Server;
      const address = server.address() as AddressInfo | null;
      logger.info({ port: address?.port, host: address?.address }, "Slack app listening for HTTP requests at /slack/events");
      return { port: address?.port, host: address?.address };
    },
    async stop(timeoutMs = 10_000) {
      connecting?.abort();
      // An app built but never started (a failed start, a test of the wiring) has no receiver to stop.
      if (listening) await app.stop();
      listening = false;
      const finished = await work.idle(timeoutMs);
      if (!finished) logger.warn({ running: work.size }, "Stopped while Slack work was still running");
    },
    idle: (timeoutMs) => work.idle(timeoutMs),
  };
}

/**
 * Listener-level claims (an @-mention seen as app_mention and as message) while the inbox is in use: the inbox
 * already let exactly one delivery through for the item being worked on, so inside its scope a claim is
 * recorded but always granted; a replay after a crash would otherwise find its own earlier claim and drop the work.
 */
function inboxScopedClaims(repo: ProcessedEventsRepo, scopes: SlackWorkScopes): SlackAppContext["events"] {
  return {
    claim: (...keys: string[]) => {
      const fresh = repo.claim(...keys);
      return scopes.current() ? true : fresh;
    },
    has: (key: string) => repo.has(key),
  };
}
