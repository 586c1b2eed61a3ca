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
import type { Inbox } from "./inbox/types.js";
import type { IntercomTransport } from "./intercom/types.js";
import { createLogger, type Logger } from "./logger.js";
import type { Scheduler } from "./scheduler/scheduler.js";
import { loadOrCreateKey } from "./secrets/key-file.js";
import { SecretStore } from "./secrets/secret-store.js";
import type { SlackApp } from "./slack/create-slack-app.js";
import type { PostQueueOptions } from "./slack/post-queue.js";
import { type Db, openDatabase } from "./store/database.js";
import { createStores, type Stores } from "./store/stores.js";
import type { JobContext, JobDefinition, JobResult, TeammateDirectory } from "./workflows/contracts.js";
import type { WritesService } from "./writes/writes-service.js";

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
  /**
   * Tests only: run the approval-expiry job on a plain timer this often (0 = never on its own). Unset, the
   * scheduler runs it every minute like every other job.
   */
  approvalSweepMs?: number;
  /** false: no cron timers (tests run jobs with `jobs.run`). Default true. */
  scheduleJobs?: boolean;
  /**
   * Sync the knowledge base in the background at start when it is empty (a fresh install), instead of waiting
   * for the hourly job. Default true with scheduled jobs; the playground syncs before its page opens instead.
   */
  syncEmptyKnowledgeBase?: boolean;
}

export interface JobRegistry {
  list(): readonly JobDefinition[];
  /** Runs one job now (on demand), recorded like a scheduled run with trigger "manual". */
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
  /** The durable inbox: every inbound piece of work is persisted here before it is acknowledged. */
  inbox: Inbox;
  jobs: JobRegistry;
  scheduler: Scheduler;
  writes: WritesService;
  teammates: TeammateDirectory;
  /** One line per workflow: on, or off and why (also logged at start). */
  workflowStatus: readonly string[];
  /** Starts Slack (and the HTTP routes) and the interval driver. Returns the HTTP port. */
  start(port?: number): Promise<{ port?: number; host?: string }>;
  /** Stops taking requests, waits (bounded) for work in flight, stops the jobs, the emulator, the database. */
  stop(): Promise<void>;
  /** Resolves once every piece of Slack work started so far has finished (tests). */
  idle(timeoutMs?: number): Promise<boolean>;
}

function jobRegistry(jobs: readonly JobDefinition[], scheduler: Scheduler): JobRegistry {
  return {
    list: () => jobs,
    async run(name) {
      if (!jobs.some((j) => j.name === name)) throw new Error(`There is no job named ${name}. Jobs: ${jobs.map((j) => j.name).join(", ")}.`);
      const outcome = await scheduler.runNow(name);
      if (outcome.status === "failed") throw new Error(outcome.error ?? `The job ${name} failed`);
      return { summary: outcome.summary ?? "" };
    },
  };
}

/**
 * Tests that want the approval sweep to run by itself, faster than the scheduler's every-minute slot, drive it
 * on a plain timer: never two runs at once, and the timer does not keep the process alive.
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
  const [
    inboxWiring,
    webhookWiring,
    { toNodeRoute },
    { platformJobs },
    { createScheduler },
    { JobRunsRepo },
    { SettingsRepo },
    writesWiring,
    ledgerWiring,
    directoryWiring,
  ] = await Promise.all([
    import("./inbox/sqlite-inbox.js"),
    import("./inbox/intercom-webhook.js"),
    import("./inbox/node-route.js"),
    import("../jobs/index.js"),
    import("./scheduler/scheduler.js"),
    import("./store/job-runs-repo.js"),
    import("./store/settings-repo.js"),
    import("./writes/writes-service.js"),
    import("./store/write-ledger-repo.js"),
    import("./intercom/teammate-directory.js"),
  ]);
  const [{ wireWorkflows }, { wireThemes }, { approverGroupsOf }, { createJobsSubcommand }, chatModelWiring] = await Promise.all([
    import("./wiring/workflows.js"),
    import("./wiring/themes.js"),
    import("./slack/flows/approver-check.js"),
    import("../listeners/commands/subcommands/jobs.js"),
    import("./agent/chat-model.js"),
  ]);

  const deps = createDeps(config, overrides);
  try {
    const { logger, stores, clock } = deps;
    const catalog = createToolCatalog(allTools);
    const personas = overrides.personas ?? engineWiring.loadCheckedPersonas(config, catalog.tools);
    const transport = overrides.transport ?? deps.transport;
    const executor = createToolExecutor({ transport, tools: catalog.tools, logger });
    // The Slack client exists only once the Bolt app does; the directory asks it lazily, at the first lookup.
    let slackClient: SlackApp["context"]["client"] | undefined;
    const teammates = directoryWiring.createTeammateDirectory({
      slack: {
        get users() {
          if (!slackClient) throw new Error("Slack is not started yet");
          return slackClient.users;
        },
      },
      transport,
      defaultAdminId: config.intercom.defaultAdminId,
      now: clock,
      logger,
    });
    const writes = writesWiring.createWritesService({
      ledger: new ledgerWiring.WriteLedgerRepo(deps.db),
      transaction: stores.transaction,
      audit: stores.audit,
      transport,
      tools: catalog.tools,
      executor,
      logger,
      now: clock,
      teammates,
    });
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
      extra: { writes: writes.writeOnce, teammates },
    });
    const { inbox, queue } = inboxWiring.createSqliteInbox(deps.db, config, { logger, now: clock });

    // Bolt serves these on PORT in HTTP mode, and on the same small server as the OAuth callback in Socket Mode.
    const webhook = webhookWiring.createIntercomWebhookHandler({ inbox, clientSecret: config.intercom.clientSecret, logger });
    const routes: CustomRoute[] = [
      ...intercomOAuthRoutes(deps.intercom, logger),
      { path: webhookWiring.INTERCOM_WEBHOOK_PATH, method: ["POST"], handler: toNodeRoute(webhook) },
    ];

    const slack = createSlackApp({
      config,
      logger,
      services: slackServicesFrom({
        engine,
        personas,
        defaultPersona: config.defaultPersona,
        tools: catalog.tools,
        audit: stores.audit,
        model: config.model,
        reader: executor,
        sendsAsApprover: { defaultAdminId: config.intercom.defaultAdminId },
      }),
      stores,
      intercom: deps.intercom,
      clientOptions: overrides.slackClientOptions,
      postQueue: overrides.postQueue,
      customRoutes: routes,
      now: () => Math.floor(clock() / 1000),
      // Persist, then ack: every Slack request goes through the inbox (src/inbox/slack-live.ts).
      inbox,
    });
    slackClient = slack.context.client;

    const chatModel = overrides.chatModel ?? chatModelWiring.createChatModel(config.model);
    const workflows = await wireWorkflows({
      config,
      db: deps.db,
      stores,
      executor,
      personas,
      writes: writes.gated,
      teammates,
      slack: slack.context.client,
      logger,
      clock,
      runAfterAck: (name, work) => {
        void slack.context.work.start(name, work);
      },
      groupsOf: (user, persona) => approverGroupsOf(slack.context, user, persona),
      chatModel,
    });
    const themes = wireThemes({ config, db: deps.db, stores, executor, slack: slack.context.client, chatModel, clock, kb: workflows.kb });
    workflows.registerInbox(inbox);

    const jobDefinitions: JobDefinition[] = [
      approvalExpiryJob({ expireStale: () => engine.expireStale(), settleExpiredCards: () => settleExpiredCards(slack.context) }),
      ...platformJobs({ config, transport, inbox, queue, settings: new SettingsRepo(deps.db, clock), now: clock }),
      ...workflows.jobs,
      themes.job,
    ];
    const scheduler = createScheduler({ jobs: jobDefinitions, claims: new JobRunsRepo(deps.db), timezone: config.jobs.timezone, now: clock, logger });
    const jobs = jobRegistry(jobDefinitions, scheduler);
    registerListeners(slack.app, slack.context, {
      subcommands: { ...workflows.subcommands, themes: themes.subcommand, jobs: createJobsSubcommand(scheduler, clock) },
      register: [workflows.registerListeners],
    });
    let driver: { stop(): void } | undefined;
    let stopped = false;
    let firstSync: Promise<void> | undefined;
    // A fresh install's knowledge base is empty until the hourly sync: every question would read as a gap.
    const syncIfEmpty = async (): Promise<void> => {
      const { articleCount } = await import("./kb/status.js");
      if (articleCount(deps.db) > 0 || !jobs.list().some((j) => j.name === "kb-sync")) return;
      logger.info("The knowledge base is empty: syncing it now (then on its schedule)");
      try {
        const { summary } = await jobs.run("kb-sync", "manual");
        logger.info({ summary }, "Knowledge base synced at start");
      } catch (error) {
        logger.warn({ err: error }, "The knowledge-base sync at start failed; FAQ answers will find no articles until it runs again");
      }
    };

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
      scheduler,
      writes,
      teammates,
      workflowStatus: [...workflows.status, themes.status],
      async start(port) {
        // Before serving: settle what a dead process left half-done, then the inbox replays its unfinished items.
        const { recoverAtStart } = await import("./recovery/recover-at-start.js");
        await recoverAtStart({ writes, engine, runs: stores.runs, approvals: stores.approvals, slack: slack.context, inbox, logger, now: clock });
        await workflows.recover();
        if (stopped) return {};
        await inbox.start();
        const started = await slack.start(port);
        // A stop that came while Slack was starting (Ctrl+C, SIGTERM) must not leave timers behind it.
        if (stopped) {
          await slack.stop().catch(() => undefined);
          await inbox.stop();
          return started;
        }
        if (overrides.approvalSweepMs !== undefined) {
          driver = startIntervalDriver(jobs, [APPROVAL_EXPIRY_JOB], overrides.approvalSweepMs, logger);
        }
        if (overrides.scheduleJobs ?? true) scheduler.start();
        if ((overrides.scheduleJobs ?? true) && (overrides.syncEmptyKnowledgeBase ?? true)) firstSync = syncIfEmpty();
        for (const line of [...workflows.status, themes.status]) logger.info(line);
        return started;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        driver?.stop();
        try {
          await slack.stop();
          await scheduler.stop();
          await firstSync;
          await inbox.stop();
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
