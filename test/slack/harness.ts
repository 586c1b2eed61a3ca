/**
 * One Switchboard app for a test, built the way `npm start` builds it (createApp, the composition root): a temp SQLite
 * file, the real run engine, the Intercom emulator on port 0, the real Bolt HTTP receiver on port 0 and its
 * Web API client pointed at the fake Slack server. `restart()` builds a new app, engine and model on the same
 * database file, as after a process restart.
 */
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Persona } from "../../src/agent/personas.js";
import { createApp, type Deps, type SwitchboardApp } from "../../src/app.js";
import { buildConfig, envSchema } from "../../src/config.js";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { createSilentLogger, type Logger } from "../../src/logger.js";
import { type FakeSlackServer, startFakeSlack } from "../fakes/fake-slack-server.js";
import { type SignOptions, type SlackRequest, sendSigned } from "../fakes/signed-request.js";
import { makeTempDir } from "../helpers/temp-dir.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99aaaaaa85a5";

export interface HarnessOptions {
  env?: Record<string, string>;
  /** The chat model for each boot (0 = first start, 1 = after the first restart, ...). */
  model?: (boot: number) => BaseChatModel | undefined;
  personas?: Persona[];
  /** false: no emulator and no Intercom token in the environment (tests of the connect flow). */
  emulator?: boolean;
  fakeSlack?: Parameters<typeof startFakeSlack>[0];
  /** The app's clock for each boot (milliseconds), to reach approval expiry without waiting. */
  engineClock?: (boot: number) => (() => number) | undefined;
  /** How often the app sweeps expired approvals (default: the app's own, 60 s). */
  approvalSweepMs?: number;
  /** Where the app logs (default: nowhere). */
  logger?: Logger;
  /** Let the app sync an empty knowledge base at start, as a fresh install does (default: off). */
  syncEmptyKnowledgeBase?: boolean;
}

export interface Harness {
  slack: FakeSlackServer;
  emulator?: RunningEmulator;
  app: SwitchboardApp;
  deps: Deps;
  url: string;
  send(request: SlackRequest, options?: SignOptions): Promise<Response>;
  /** Waits until every run the requests started has finished. */
  idle(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const temp = makeTempDir("switchboard-slack-");
  const slack = await startFakeSlack(options.fakeSlack);
  const emulator = options.emulator === false ? undefined : await startEmulator({ port: 0, conversations: 30, seed: 7, generate: generateDemoWorkspace });
  const env = envSchema.parse({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SWITCHBOARD_DB_PATH: "switchboard.db",
    SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
    SWITCHBOARD_LOG_LEVEL: "silent",
    PORT: "0",
    SWITCHBOARD_PERSONAS_FILE: join(import.meta.dirname, "../../data/personas.yml"),
    ...(emulator ? { INTERCOM_BASE_URL: emulator.url, INTERCOM_ACCESS_TOKEN: emulator.token } : {}),
    ...options.env,
  });
  const config = buildConfig(env, temp.dir);
  let bootCount = 0;

  const boot = async () => {
    const boot = bootCount++;
    const app = await createApp(config, {
      logger: options.logger ?? createSilentLogger(),
      chatModel: options.model?.(boot),
      clock: options.engineClock?.(boot),
      personas: options.personas,
      slackClientOptions: { retryConfig: { retries: 0 } },
      postQueue: { sleep: async () => {} },
      approvalSweepMs: options.approvalSweepMs,
      // Tests sync the knowledge base themselves when they need it; a background sync would race them.
      syncEmptyKnowledgeBase: options.syncEmptyKnowledgeBase ?? false,
    });
    const { port } = await app.start(0);
    return { app, url: `http://127.0.0.1:${port}/slack/events` };
  };

  let current = await boot();
  return {
    slack,
    emulator,
    get app() {
      return current.app;
    },
    get deps() {
      return current.app.deps;
    },
    get url() {
      return current.url;
    },
    send: (request, signOptions) => sendSigned(current.url, SIGNING_SECRET, request, signOptions),
    async idle() {
      if (!(await current.app.idle(15_000))) throw new Error("Slack work did not finish");
    },
    async restart() {
      await current.app.stop();
      current = await boot();
    },
    async close() {
      await current.app.stop();
      await slack.close();
      await emulator?.close();
      temp.cleanup();
    },
  };
}
