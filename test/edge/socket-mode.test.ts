/**
 * Socket Mode against a Slack that cannot be reached or refuses a token: the start says which (token or
 * network), backs off between attempts, and a stop (Ctrl+C) ends it cleanly with a non-zero exit.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { closeDeps, createDeps } from "../../src/app.js";
import { buildConfig, envSchema } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createSlackApp } from "../../src/slack/create-slack-app.js";
import type { SlackServices } from "../../src/slack/slack-services.js";
import { type FakeSlackServer, startFakeSlack } from "../fakes/fake-slack-server.js";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const root = join(import.meta.dirname, "../..");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const baseEnv = (apiUrl: string, dir: string) => ({
  SLACK_BOT_TOKEN: "xoxb-test-token",
  SLACK_APP_TOKEN: "xapp-test-token",
  SLACK_API_URL: apiUrl,
  SWITCHBOARD_DB_PATH: join(dir, "switchboard.db"),
  SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
  PORT: "0",
});

function socketApp(apiUrl: string) {
  const temp = makeTempDir("switchboard-socket-");
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      callback();
    },
  });
  const config = buildConfig(envSchema.parse({ ...baseEnv(apiUrl, temp.dir), SWITCHBOARD_LOG_LEVEL: "info" }), temp.dir);
  const deps = createDeps(config, { logger: createLogger({ level: "info", format: "json", destination: sink }) });
  const slack = createSlackApp({
    config,
    logger: deps.logger,
    services: {} as SlackServices,
    stores: deps.stores,
    intercom: deps.intercom,
    socketRetryDelayMs: 20,
    now: () => Math.floor(Date.now() / 1000),
  });
  cleanups.push(
    () => temp.cleanup(),
    () => closeDeps(deps),
    () => slack.stop(),
  );
  return { slack, lines };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("Socket Mode start", () => {
  let fake: FakeSlackServer | LocalServer | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it("names the app token when Slack refuses it, and stops the start at once", async () => {
    fake = await startLocalServer((req, res) => {
      if (req.path.endsWith("/auth.test")) sendJson(res, 200, { ok: true, user_id: "UBOT", team_id: "T1" });
      else sendJson(res, 200, { ok: false, error: "invalid_auth" });
    });
    const { slack } = socketApp(`${fake.baseUrl}/api/`);
    await expect(slack.start()).rejects.toThrow(/Slack refused SLACK_APP_TOKEN \(invalid_auth\).*connections:write/);
  });

  it("names the bot token when auth.test refuses it", async () => {
    fake = await startLocalServer((_req, res) => sendJson(res, 200, { ok: false, error: "invalid_auth" }));
    const { slack } = socketApp(`${fake.baseUrl}/api/`);
    await expect(slack.start()).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it("an answer without a Socket Mode URL is a plain error, not a loop on '[object Object]'", async () => {
    fake = await startFakeSlack();
    const { slack, lines } = socketApp(fake.apiUrl);
    await expect(slack.start()).rejects.toThrow(/gave no Socket Mode address; turn on Socket Mode/);
    expect(lines.join("\n")).not.toContain("[object Object]");
  });

  it("an unreachable Slack is retried with growing pauses, one readable line each, until stopped", async () => {
    const port = await closedPort();
    const { slack, lines } = socketApp(`http://127.0.0.1:${port}/api/`);
    const started = slack.start();
    const outcome = started.then(
      () => "connected",
      (error: Error) => error.message,
    );
    await until(() => lines.filter((l) => l.includes("Cannot connect to Slack")).length >= 3);
    const retries = lines.filter((l) => l.includes("Cannot connect to Slack")).map((l) => JSON.parse(l) as { msg: string; retryInMs: number });
    expect(retries[0].msg).toContain(`network: ECONNREFUSED reaching 127.0.0.1:${port}`);
    expect(retries[1].retryInMs).toBeGreaterThan(retries[0].retryInMs);
    await slack.stop();
    expect(await outcome).toBe("Stopped before Slack was connected; nothing was started.");
  });

  it("`switchboard start` exits non-zero, cleanly, on SIGINT while Slack is unreachable", async () => {
    const temp = makeTempDir("switchboard-socket-cli-");
    cleanups.push(() => temp.cleanup());
    const port = await closedPort();
    const child = spawn(process.execPath, ["bin/run-ts.js", "test/edge/fixtures/start-child.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, ...baseEnv(`http://127.0.0.1:${port}/api/`, temp.dir), SWITCHBOARD_LOG_FORMAT: "json" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await until(() => stderr.includes("Cannot connect to Slack (network: ECONNREFUSED"));
    child.kill("SIGINT");
    expect(await exited).toBe(1);
    expect(stderr).toContain("switchboard: Stopped before Slack was connected; nothing was started.");
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
