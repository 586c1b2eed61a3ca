/**
 * The composition root. `createDeps` builds the core every command needs (logger, database, stores, secrets,
 * the Intercom connection and transport); `createApp` builds the whole running app on top of it, once: the
 * checked tool catalog, personas, the tool executor, the run engine (handed its stores), the Slack app and its
 * listeners, the HTTP routes and the jobs. Nothing else constructs a long-lived service, and nothing is a
 * module-level singleton.
 *
 * Static imports stay light (no LangChain, no Bolt) because every CLI command loads this file; the heavy
 * parts are imported inside createApp.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { CustomRoute } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { ToolCatalog } from "../tools/catalog.js";
import type { ToolExecutor } from "../tools/execute.js";
import type { SwitchboardRunEngine } from "./agent/create-run-engine.js";
import type { Persona } from "./agent/personas.js";
import type { Config } from "./config.js";
import { ConnectedIntercomTransport } from "./connections/connected-transport.js";
import { IntercomConnection } from "./connections/intercom-connection.js";
import type { IntercomTransport } from "./intercom/types.js";
import { createLogger, type Logger } from "./logger.js";
import { loadOrCreateKey } from "./secrets/key-file.js";
import { SecretStore } from "./secrets/secret-store.js";
import type { SlackApp } from "./slack/create-slack-app.js";
import type { PostQueueOptions } from "./slack/post-queue.js";
import { type Db, openDatabase } from "./store/database.js";
import { createStores, type Stores } from "./store/stores.js";
import type { InboxHandler, InboxTopics, JobContext, JobDefinition, JobResult } from "./workflows/contracts.js";

export interface Deps {
  config: Readonly<Config>;
  logger: Logger;
  db: Db;
  /** Every repository over `db`; services take these, never the database. */
  stores: Stores;
  secrets: SecretStore;
  /** How Intercom is reached: environment token, OAuth token, or the built-in emulator. */
  intercom: IntercomConnection;
  /** The one Intercom transport everything uses; picks the token per request, starts the emulator when needed. */
  transport: ConnectedIntercomTransport;
  /** Milliseconds since the epoch: the one clock of the process. */
  clock: () => number;
}

export interface CreateDepsOptions {
  logger?: Logger;
  /** fetch for the Intercom OAuth token exchange (tests point it at a fake). */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch (tests move time without waiting). */
  clock?: () => number;
}

export function createDeps(config: Readonly<Config>, options: CreateDepsOptions = {}): Deps {
  const logger = options.logger ?? createLogger(config.log);
  const clock = options.clock ?? Date.now;
  const db = openDatabase(config.databasePath);
  try {
    const { cipher } = loadOrCreateKey({ envKey: config.secretKey, keyFilePath: config.keyFilePath, logger });
    const stores = createStores(db, clock);
    const secrets = new SecretStore(db, cipher);
    const intercom = new IntercomConnection({ config, secrets, states: stores.oauthStates, fetch: options.fetch });
    const transport = new ConnectedIntercomTransport({ connection: intercom, baseUrl: config.intercom.baseUrl, timeoutMs: config.intercom.timeoutMs, logger });
    return { config, logger, db, stores, secrets, intercom, transport, clock };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Stops the emulator if one was started, then closes the database. */
export async function closeDeps(deps: Deps): Promise<void> {
  try {
    await deps.transport.close();
  } finally {
    if (deps.db.open) deps.db.close();
  }
}

/** What tests (and only tests) replace. Everything else comes from the config. */
export interface AppOverrides extends CreateDepsOptions {
  /** Where tool calls go instead of the connected Intercom transport. */
  transport?: IntercomTransport;
  /** Instead of the model from the config (undefined there: runs say how to configure one). */
  chatModel?: BaseChatModel;
  /** Instead of the personas file. */
  personas?: readonly Persona[];
  /** Extra Slack WebClient options (tests: no retries). */
  slackClientOptions?: WebClientOptions;
  postQueue?: PostQueueOptions;
  /** How often the interval driver runs the approval-expiry job (default 60 s; 0 turns it off). */
  approvalSweepMs?: number;
}

/** The inbox's registration point: workflows add their handlers by topic; the inbox worker reads them. */
export interface TopicRegistry extends InboxTopics {
  handlersFor(topic: string): readonly InboxHandler[];
  topics(): string[];
}

export interface JobRegistry {
  list(): readonly JobDefinition[];
  /** Runs one job now (on demand), e.g. `switchboard jobs run NAME` until the scheduler records runs itself. */
  run(name: string, trigger?: JobContext["trigger"]): Promise<JobResult>;
}

export interface SwitchboardApp {
  deps: Deps;
  catalog: ToolCatalog;
  personas: readonly Persona[];
  executor: ToolExecutor;
  engine: SwitchboardRunEngine;
  slack: SlackApp;
  /** Every HTTP route on the app's port besides /slack/events: the OAuth callback, and what the lead adds. */
  routes: readonly CustomRoute[];
  inbox: TopicRegistry;
  jobs: JobRegistry;
  /** Starts Slack (and the HTTP routes) and the interval driver. Returns the HTTP port. */
  start(port?: number): Promise<{ port?: number }>;
  /** Stops taking requests, waits (bounded) for work in flight, stops the jobs, the emulator, the database. */
  stop(): Promise<void>;
  /** Resolves once every piece of Slack work started so far has finished (tests). */
  idle(timeoutMs?: number): Promise<boolean>;
}

function createTopicRegistry(): TopicRegistry {
  const handlers = new Map<string, InboxHandler[]>();
  return {
    on(topic, handler) {
      handlers.set(topic, [...(handlers.get(topic) ?? []), handler]);
    },
    handlersFor: (topic) => handlers.get(topic) ?? [],
    topics: () => [...handlers.keys()],
  };
}

function createJobRegistry(jobs: readonly JobDefinition[], clock: () => number): JobRegistry {
  return {
    list: () => jobs,
    async run(name, trigger = "manual") {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`There is no job named ${name}. Jobs: ${jobs.map((j) => j.name).join(", ")}.`);
      return job.run({ slot: clock(), trigger, signal: new AbortController().signal });
    },
  };
}

/**
 * Until a scheduler exists (src/scheduler, node-cron, one run per slot), the approval sweep keeps running on
 * a plain timer: never two runs at once, and the timer does not keep the process alive.
 */
function startIntervalDriver(jobs: JobRegistry, names: readonly string[], intervalMs: number, logger: Logger): { stop(): void } {
  if (intervalMs <= 0) return { stop() {} };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    (async () => {
      for (const name of names) {
        try {
          const { summary } = await jobs.run(name, "schedule");
          logger.debug({ job: name, summary }, "Job ran");
        } catch (error) {
          logger.error({ err: error, job: name }, "A job failed");
        }
      }
    })().finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export async function createApp(config: Readonly<Config>, overrides: AppOverrides = {}): Promise<SwitchboardApp> {
  const [{ allTools }, { createToolCatalog }, { createToolExecutor }, engineWiring, { createSlackApp }, { slackServicesFrom }, { settleExpiredCards }] =
    await Promise.all([
      import("../tools/index.js"),
      import("../tools/catalog.js"),
      import("../tools/execute.js"),
      import("./agent/engine-from-config.js"),
      import("./slack/create-slack-app.js"),
      import("./slack/services-from-agent.js"),
      import("./slack/flows/expired-cards.js"),
    ]);
  const [{ registerListeners }, { approvalExpiryJob, APPROVAL_EXPIRY_JOB }, { intercomOAuthRoutes }] = await Promise.all([
    import("../listeners/index.js"),
    import("../jobs/approval-expiry.js"),
    import("./connections/oauth-routes.js"),
  ]);

  const deps = createDeps(config, overrides);
  try {
    const { logger, stores, clock } = deps;
    const catalog = createToolCatalog(allTools);
    const personas = overrides.personas ?? engineWiring.loadCheckedPersonas(config, catalog.tools);
    const transport = overrides.transport ?? deps.transport;
    const executor = createToolExecutor({ transport, tools: catalog.tools, logger });
    const engine = engineWiring.createRunEngineFromConfig({
      config,
      db: deps.db,
      transport,
      stores,
      executor,
      logger,
      tools: catalog.tools,
      personas,
      chatModel: overrides.chatModel,
      now: clock,
    });

    // Seam: Intercom webhooks (POST /intercom/webhooks) and any other route go in this list; Bolt serves it
    // on PORT in HTTP mode, and on the same small server as the OAuth callback in Socket Mode.
    const routes: CustomRoute[] = [...intercomOAuthRoutes(deps.intercom, logger)];

    const slack = createSlackApp({
      config,
      logger,
      services: slackServicesFrom({ engine, personas, defaultPersona: config.defaultPersona, tools: catalog.tools, audit: stores.audit, model: config.model }),
      stores,
      intercom: deps.intercom,
      clientOptions: overrides.slackClientOptions,
      postQueue: overrides.postQueue,
      customRoutes: routes,
      now: () => Math.floor(clock() / 1000),
    });
    registerListeners(slack.app, slack.context);

    // Seam: the inbox worker (src/inbox) reads this registry; workflows call inbox.on(topic, handler).
    const inbox = createTopicRegistry();

    // Seam: the scheduler (src/scheduler) takes this list; workflows append their JobDefinitions here.
    const jobDefinitions: JobDefinition[] = [
      approvalExpiryJob({ expireStale: () => engine.expireStale(), settleExpiredCards: () => settleExpiredCards(slack.context) }),
    ];
    const jobs = createJobRegistry(jobDefinitions, clock);
    let driver: { stop(): void } | undefined;
    let stopped = false;

    return {
      deps,
      catalog,
      personas,
      executor,
      engine,
      slack,
      routes,
      inbox,
      jobs,
      async start(port) {
        const started = await slack.start(port);
        driver = startIntervalDriver(jobs, [APPROVAL_EXPIRY_JOB], overrides.approvalSweepMs ?? 60_000, logger);
        return started;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        driver?.stop();
        try {
          await slack.stop();
        } finally {
          await closeDeps(deps);
        }
      },
      idle: (timeoutMs) => slack.idle(timeoutMs),
    };
  } catch (error) {
    await closeDeps(deps);
    throw error;
  }
}
