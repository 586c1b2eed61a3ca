/**
 * Everything `npm start` needs when Slack is not configured: the Intercom emulator (demo workspace, webhooks to
 * the playground's relay), the playground's Slack stand-in and page, and the real app in HTTP mode pointed at
 * both, on a fresh database in a temp folder. "Reset the demo" tears the emulator and the app down and builds
 * them again; the page stays where it is.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Persona } from "../agent/personas.js";
import { type AppOverrides, createApp, type SwitchboardApp } from "../app.js";
import type { Config } from "../config.js";
import { demoWorkspaceNow } from "../connections/connected-transport.js";
import { generateDemoWorkspace } from "../emulator/demo/generate.js";
import { type RunningEmulator, startEmulator } from "../emulator/server.js";
import type { Logger } from "../logger.js";
import { type RunningPlayground, startPlayground } from "./start-playground.js";
import type { PlaygroundWorkspace } from "./workspace.js";

export interface LaunchOptions {
  /** The user's configuration: model, personas, log settings. Slack, Intercom and the database are replaced. */
  config: Readonly<Config>;
  logger: Logger;
  /** The page's port (default: the config's PORT). */
  port?: number;
  host?: string;
  /**
   * The port the demo emulator would like (npm start: the one `switchboard emulator simulate` calls by default);
   * when it is taken, any free one. Default 0 (any free port). A reset keeps the port the first start got.
   */
  emulatorPort?: number;
  /** Conversations in the demo workspace (default: the emulator's default). */
  conversations?: number;
  seed?: number;
  /** Tests: a clock, Slack client options, etc., passed to the app's builder. */
  overrides?: AppOverrides;
  /** Tests: a chat model per boot (0 = first start, 1 = after the first reset...). */
  chatModel?: (boot: number) => BaseChatModel | undefined;
}

export interface LaunchedApp {
  app: SwitchboardApp;
  url: string;
  /** The address the app listens on (loopback: the playground is a local demo). */
  host?: string;
}

export interface LaunchedPlayground {
  url: string;
  playground: RunningPlayground;
  emulator(): RunningEmulator;
  app(): LaunchedApp;
  close(): Promise<void>;
}

/**
 * The page has one person, so they must be able to approve, including what they asked for themselves (in Slack
 * a second person would; the page says so), and the personas must answer in the playground's channels.
 */
export function personasForPlayground(personas: readonly Persona[], ws: PlaygroundWorkspace): Persona[] {
  const channels = ws.channels.map((c) => c.id);
  return personas.map((p) => ({
    ...p,
    self_approval: true,
    approvers: p.approvers.users.length > 0 || p.approvers.groups.length > 0 ? { ...p.approvers, users: [...p.approvers.users, ws.person.id] } : p.approvers,
    channels: p.channels.length > 0 ? [...p.channels, ...channels] : p.channels,
  }));
}

/**
 * A fresh demo database has no knowledge base yet and the sync job runs hourly; the first customer question
 * must find the help center, so the sync runs once before the page opens.
 */
async function syncKnowledgeBase(app: SwitchboardApp, logger: Logger): Promise<void> {
  const job = app.jobs.list().find((j) => j.name === "kb-sync");
  if (!job) return;
  try {
    const { summary } = await app.jobs.run(job.name, "manual");
    logger.info({ summary }, "Playground: knowledge base synced");
  } catch (error) {
    logger.warn({ err: error }, "Playground: the knowledge-base sync failed; FAQ drafts will find no articles");
  }
}

export function playgroundAppConfig(
  config: Readonly<Config>,
  input: { playground: RunningPlayground; emulator: RunningEmulator; webhookSecret: string; databasePath: string; secretKey: string },
): Readonly<Config> {
  const { playground, emulator } = input;
  return {
    ...config,
    slack: { botToken: playground.botToken, signingSecret: playground.signingSecret, apiUrl: playground.slackApiUrl },
    intercom: {
      ...config.intercom,
      accessToken: emulator.token,
      baseUrl: emulator.url,
      baseUrlOverridden: true,
      clientId: undefined,
      clientSecret: input.webhookSecret,
    },
    port: 0,
    // The page says it is bound to 127.0.0.1; the app behind it must be too.
    listenHost: "127.0.0.1",
    publicUrl: undefined,
    databasePath: input.databasePath,
    secretKey: input.secretKey,
    keyFilePath: join(input.databasePath, "..", "switchboard.key"),
    support: { channel: playground.workspace.supportChannel },
    digest: { ...config.digest, channel: playground.workspace.productChannel },
    inbox: { ...config.inbox, polling: "off", pollingActive: false },
  };
}

export async function launchPlayground(options: LaunchOptions): Promise<LaunchedPlayground> {
  const { config, logger } = options;
  const webhookSecret = randomBytes(20).toString("hex");
  let emulatorPort = options.emulatorPort ?? 0;
  let boots = 0;
  let current: { emulator: RunningEmulator; app: LaunchedApp; dir: string } | undefined;

  const playground = await startPlayground({
    logger,
    port: options.port ?? config.port,
    host: options.host,
    modelConfigured: config.model.configured || options.chatModel !== undefined,
    emulator: () => {
      if (!current) throw new Error("The demo is starting; try again in a moment.");
      return { url: current.emulator.url, token: current.emulator.token };
    },
    runDigest: async () => {
      // The themes workflow's job, when the app has one; otherwise the page asks with the slash command.
      const job = current?.app.app.jobs.list().find((j) => /digest|themes/i.test(j.name));
      if (!job || !current) return undefined;
      return (await current.app.app.jobs.run(job.name, "manual")).summary;
    },
    reset: async () => {
      await stopCurrent();
      current = await boot();
      playground.attachApp(current.app.url);
    },
  });

  // The page listens first; the agent's modules (LangChain, the checkpointer) load after, while the demo boots.
  let basePersonas: Persona[] | undefined;
  const boot = async () => {
    if (!basePersonas) {
      const { loadCheckedPersonas } = await import("../agent/engine-from-config.js");
      basePersonas = loadCheckedPersonas(config);
    }
    const dir = mkdtempSync(join(tmpdir(), "switchboard-playground-"));
    const emulatorOptions = {
      generate: generateDemoWorkspace,
      now: demoWorkspaceNow(Date.now()),
      seed: options.seed,
      conversations: options.conversations,
      webhookUrl: playground.webhookUrl,
      webhookSecret,
      onWebhookError: (error: unknown, topic: string) => logger.debug({ err: error, topic }, "A demo webhook was not accepted"),
    };
    const emulator = await startEmulator({ ...emulatorOptions, port: emulatorPort }).catch((error: unknown) => {
      if (emulatorPort === 0 || (error as { code?: unknown }).code !== "EADDRINUSE") throw error;
      logger.info({ port: emulatorPort }, "Playground: the emulator's usual port is taken; it listens on another one");
      return startEmulator({ ...emulatorOptions, port: 0 });
    });
    emulatorPort = Number(new URL(emulator.url).port);
    try {
      const admin = emulator.state.get("admins", emulator.state.workspace.meAdminId);
      if (admin) Object.assign(playground.workspace.person, { realName: String(admin.name), email: String(admin.email) });
      const appConfig = playgroundAppConfig(config, {
        playground,
        emulator,
        webhookSecret,
        databasePath: join(dir, "switchboard.db"),
        secretKey: randomBytes(32).toString("base64"),
      });
      const app = await createApp(appConfig, {
        logger,
        personas: personasForPlayground(basePersonas, playground.workspace),
        // The page opens only after its own sync below, so the first question finds the help center.
        syncEmptyKnowledgeBase: false,
        ...options.overrides,
        chatModel: options.chatModel?.(boots) ?? options.overrides?.chatModel,
      });
      boots += 1;
      try {
        const { port, host } = await app.start(0);
        await syncKnowledgeBase(app, logger);
        return { emulator, dir, app: { app, url: `http://127.0.0.1:${port}`, host } };
      } catch (error) {
        await app.stop();
        throw error;
      }
    } catch (error) {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  };

  const stopCurrent = async () => {
    const running = current;
    current = undefined;
    playground.attachApp(undefined);
    if (!running) return;
    try {
      await running.app.app.stop();
      await running.emulator.close();
    } finally {
      rmSync(running.dir, { recursive: true, force: true });
    }
  };

  try {
    current = await boot();
  } catch (error) {
    await playground.close();
    throw error;
  }
  playground.attachApp(current.app.url);

  return {
    url: playground.url,
    playground,
    emulator: () => current!.emulator,
    app: () => current!.app,
    async close() {
      await stopCurrent();
      await playground.close();
    },
  };
}
