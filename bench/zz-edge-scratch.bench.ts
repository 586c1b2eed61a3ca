/**
 * Slack ack latency: how fast the HTTP endpoint answers slash commands, button clicks and events at 50
 * concurrent requests, for Switchboard's app (listeners doing their real work after the ack: SQLite dedupe,
 * thread memory, Web API posts to a local fake Slack) beside a bare Bolt app whose handlers do nothing, in the
 * same process. The agent behind it is an instant stand-in, so the figures are about the Slack layer.
 * Loopback only; bounded to a few thousand requests.
 */
import { spawn } from "node:child_process";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import { registerListeners } from "/work/main/listeners/index.js";
import type { PendingApproval, RunEngine } from "/work/main/src/agent/run-types.js";
import { closeDeps, createDeps } from "/work/main/src/app.js";
import { buildConfig, envSchema } from "/work/main/src/config.js";
import { AppError } from "/work/main/src/errors.js";
import { createSilentLogger } from "/work/main/src/logger.js";
import { createSlackApp } from "/work/main/src/slack/create-slack-app.js";
import type { SlackServices } from "/work/main/src/slack/slack-services.js";
import { makeTempDir } from "/work/main/test/helpers/temp-dir.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const CONCURRENCY = 50;
const PER_KIND = Number(process.env.PER_KIND ?? 500);
const ROUNDS = 5;

function instantEngine(): RunEngine {
  return {
    start: async (input) => ({ status: "answered", runId: "bench", text: `You asked: ${input.text}` }),
    decide: async () => {
      throw new AppError("APPROVAL_NOT_FOUND", "There is no such approval.");
    },
    pendingApprovals: (): PendingApproval[] => [],
  };
}

function services(): SlackServices {
  const persona = { name: "support", scope: "reads", approvers: [] };
  return {
    engine: instantEngine(),
    personas: { defaultPersona: "support", list: () => [persona], get: (n) => (n === "support" ? persona : undefined) },
    tools: { forPersona: () => ({ tools: [], total: 0 }) },
    audit: { latest: () => [] },
    modelStatus: () => ({ configured: false, detail: "bench" }),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A child process that sends the requests (see slack-ack-load.ts); `load` runs one batch and returns latencies. */
function startLoadProcess() {
  const child = spawn(process.execPath, ["bin/run-ts.js", "bench/slack-ack-load.ts"], { stdio: ["pipe", "pipe", "inherit"] });
  let buffer = "";
  const waiting: ((line: string) => void)[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let at = buffer.indexOf("\n");
    while (at >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      waiting.shift()?.(line);
      at = buffer.indexOf("\n");
    }
  });
  let offset = 0;
  return {
    load(url: string, kind: string, count: number, responseBase: string): Promise<number[]> {
      const job = { url, kind, count, offset, concurrency: CONCURRENCY, secret: SECRET, responseBase };
      offset += count;
      return new Promise((resolve) => {
        waiting.push((line) => resolve(JSON.parse(line) as number[]));
        child.stdin.write(`${JSON.stringify(job)}\n`);
      });
    },
    stop: () => child.stdin.end(),
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The fake Slack Web API in a child process, so its work does not land on the event loop being measured. */
async function startFakeSlackProcess(): Promise<{ baseUrl: string; apiUrl: string; stop: () => void }> {
  const child = spawn(process.execPath, ["bin/run-ts.js", "test/fakes/fake-slack-process.ts"], { stdio: ["pipe", "pipe", "inherit"] });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0].trim());
    });
    child.once("exit", (code) => reject(new Error(`fake Slack exited with ${code}`)));
  });
  return { baseUrl, apiUrl: `${baseUrl}/api/`, stop: () => child.stdin.end() };
}

export async function run(): Promise<void> {
  const slack = await startFakeSlackProcess();
  const temp = makeTempDir("switchboard-bench-");
  const config = buildConfig(
    envSchema.parse({
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SWITCHBOARD_DB_PATH: "bench.db",
      SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 1).toString("base64"),
      SWITCHBOARD_LOG_LEVEL: "silent",
    }),
    temp.dir,
  );
  const deps = createDeps(config, { logger: createSilentLogger() });
  const ours = createSlackApp({
    config,
    logger: deps.logger,
    services: services(),
    stores: deps.stores,
    intercom: deps.intercom,
    clientOptions: { retryConfig: { retries: 0 } },
    now: () => Math.floor(Date.now() / 1000), ackPressure: { quietBatch: Number(process.env.BATCH ?? 4), tickMs: Number(process.env.TICK ?? 10) }, backgroundConcurrency: Number(process.env.CONC ?? 16),
  });
  registerListeners(ours.app, ours.context);
  const oursUrl = `http://127.0.0.1:${(await ours.start(0)).port}/slack/events`;

  const bare = new App({ token: "xoxb-bench", signingSecret: SECRET, clientOptions: { slackApiUrl: slack.apiUrl }, logger: undefined, logLevel: undefined });
  bare.command("/switchboard", async ({ ack }) => ack());
  bare.action(/.*/, async ({ ack }) => ack());
  bare.event("app_mention", async () => {});
  const bareServer = (await bare.start(0)) as Server;
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/slack/events`;

  const respondTo = `${slack.baseUrl}/response`;
  const kinds = ["command", "button", "event"];
  const loader = startLoadProcess();

  const before = process.memoryUsage();
  // Warm both apps (JIT, auth.test, SQLite statements) so the first requests do not skew p99.
  for (const kind of kinds) {
    await loader.load(bareUrl, kind, 100, respondTo);
    await loader.load(oursUrl, kind, 100, respondTo);
  }
  await ours.idle(30_000);

  console.log(
    `concurrency ${CONCURRENCY}, ${PER_KIND} requests per kind per app in ${ROUNDS} alternating rounds, sent from a separate process; latency = request sent → HTTP response (ack)`,
  );
  console.log("kind      bare p50   bare p99   ours p50   ours p99   ratio p50  ratio p99");
  let total = 0;
  for (const kind of kinds) {
    // Alternate short rounds so that load from elsewhere on the machine falls on both apps alike.
    const bareLat: number[] = [];
    const oursLat: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareLat.push(...(await loader.load(bareUrl, kind, PER_KIND / ROUNDS, respondTo)));
      oursLat.push(...(await loader.load(oursUrl, kind, PER_KIND / ROUNDS, respondTo)));
      await ours.idle(30_000);
    }
    bareLat.sort((a, b) => a - b);
    oursLat.sort((a, b) => a - b);
    total += PER_KIND;
    const [b50, b99, o50, o99] = [percentile(bareLat, 50), percentile(bareLat, 99), percentile(oursLat, 50), percentile(oursLat, 99)];
    console.log(
      `${kind.padEnd(9)} ${`${b50.toFixed(2)} ms`.padEnd(10)} ${`${b99.toFixed(2)} ms`.padEnd(10)} ${`${o50.toFixed(2)} ms`.padEnd(10)} ${`${o99.toFixed(2)} ms`.padEnd(10)} ${`${(o50 / b50).toFixed(2)}x`.padEnd(10)} ${(o99 / b99).toFixed(2)}x`,
    );
    if (total === PER_KIND) {
      const m = process.memoryUsage();
      console.log(`  memory after the first ${PER_KIND} requests to Switchboard's app: rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)}`);
    }
  }
  loader.stop();
  const after = process.memoryUsage();
  console.log(
    `memory after ${total} requests to Switchboard's app (plus as many to the bare app): rss ${mb(after.rss)} (was ${mb(before.rss)}), heap used ${mb(after.heapUsed)} (was ${mb(before.heapUsed)})`,
  );

  await ours.stop();
  await bare.stop();
  closeDeps(deps);
  slack.stop();
  temp.cleanup();
}
