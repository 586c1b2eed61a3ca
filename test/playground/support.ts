/**
 * Shared pieces of the playground tests: the whole demo started the way `npm start` starts it with no Slack
 * credentials (emulator, Slack stand-in, the real app in HTTP mode), on a temp folder, and Debian's Chromium
 * driven by playwright-core. Nothing is mocked: the page talks HTTP to the stand-in, the stand-in signs
 * requests to the app, the app calls the stand-in's Web API and the emulator.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { buildConfig, envSchema } from "../../src/config.js";
import { createSilentLogger } from "../../src/logger.js";
import { type LaunchedPlayground, launchPlayground } from "../../src/playground/launch-playground.js";
import { makeTempDir } from "../helpers/temp-dir.js";

export const CHROMIUM = "/usr/bin/chromium";
export const DOCS = join(import.meta.dirname, "../../docs");

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Debian's Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface TestPlayground extends LaunchedPlayground {
  cleanup(): Promise<void>;
}

export interface TestPlaygroundOptions {
  chatModel?: (boot: number) => BaseChatModel | undefined;
  env?: Record<string, string>;
  /** Conversations in the demo workspace (default 40, which is fast; the digest needs a real week of them). */
  conversations?: number;
}

export async function startTestPlayground(options: TestPlaygroundOptions = {}): Promise<TestPlayground> {
  const temp = makeTempDir("switchboard-playground-test-");
  const env = envSchema.parse({
    SWITCHBOARD_LOG_LEVEL: "silent",
    SWITCHBOARD_PERSONAS_FILE: join(import.meta.dirname, "../../data/personas.yml"),
    SWITCHBOARD_DB_PATH: "switchboard.db",
    PORT: "0",
    ...options.env,
  });
  const config = buildConfig(env, temp.dir);
  const launched = await launchPlayground({
    config,
    logger: createSilentLogger(),
    port: 0,
    conversations: options.conversations ?? 40,
    seed: 7,
    chatModel: options.chatModel,
    overrides: { slackClientOptions: { retryConfig: { retries: 0 } }, postQueue: { sleep: async () => {} }, approvalSweepMs: 0 },
  });
  return {
    ...launched,
    async cleanup() {
      await launched.close();
      temp.cleanup();
    },
  };
}

/** Screenshots for the README go in docs/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: join(DOCS, name) });
}

/** Types into the channel's composer and sends, as a person would. */
export async function typeInComposer(page: Page, text: string): Promise<void> {
  await page.locator("#composer-input").fill(text);
  await page.locator("#composer-input").press("Enter");
}

export async function openChannel(page: Page, name: "support" | "product" | "app"): Promise<void> {
  await page.locator(`.sidebar-item[data-channel="${name}"]`).click();
}

export interface BrowserSession {
  /** A fresh playground, cleaned up after the test. */
  start(options?: TestPlaygroundOptions): Promise<TestPlayground>;
  /** A page on it, closed after the test, once the sidebar is there. */
  open(playground: TestPlayground): Promise<Page>;
}

/** One Chromium for the file, and per test a playground and a page that are always cleaned up. */
export function browserSession(viewport: { width: number; height: number }, defaultTimeoutMs?: number): BrowserSession {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let playground: TestPlayground | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
    await playground?.cleanup();
    playground = undefined;
  });
  return {
    async start(options) {
      playground = await startTestPlayground(options);
      return playground;
    },
    async open(target) {
      if (!browser) throw new Error("the browser did not start");
      page = await browser.newPage({ viewport });
      // Inside the test's own timeout, so a missing element is reported by name rather than as a test timeout.
      if (defaultTimeoutMs !== undefined) page.setDefaultTimeout(defaultTimeoutMs);
      await page.goto(target.url);
      await page.locator('.sidebar-item[data-channel="support"]').waitFor();
      return page;
    },
  };
}
