/**
 * The composition root builds the running app once, from the config: the checked catalog, one Intercom
 * connection shared by Slack and the OAuth route, every job on one scheduler, the durable inbox, and
 * the HTTP routes on the same port as /slack/events. Nothing under src/ reaches back up into listeners/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createApp, type SwitchboardApp } from "../../src/app.js";
import { buildConfig, envSchema } from "../../src/config.js";
import { INTERCOM_CALLBACK_PATH } from "../../src/connections/intercom-connection.js";
import { createSilentLogger } from "../../src/logger.js";
import { EXPECTED_TOOL_COUNT } from "../../tools/catalog.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const root = join(import.meta.dirname, "../..");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function app(): Promise<SwitchboardApp> {
  const temp = makeTempDir("switchboard-root-");
  cleanups.push(temp.cleanup);
  const config = buildConfig(
    envSchema.parse({
      SLACK_BOT_TOKEN: "xoxb-root-test",
      SLACK_SIGNING_SECRET: "abcdef0123456789abcdef0123456789",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      SWITCHBOARD_DB_PATH: "root.db",
      SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 5).toString("base64"),
      SWITCHBOARD_PERSONAS_FILE: join(root, "data/personas.yml"),
      PORT: "0",
    }),
    temp.dir,
  );
  const built = await createApp(config, { logger: createSilentLogger(), approvalSweepMs: 0 });
  cleanups.push(() => built.stop());
  return built;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("createApp", () => {
  it("builds one of each service: the checked catalog, one Intercom connection, the expiry job, the inbox topics", async () => {
    const a = await app();
    expect(a.catalog.tools).toHaveLength(EXPECTED_TOOL_COUNT);
    expect(a.engine.selector.tools).toBe(a.catalog.tools);
    expect(a.slack.context.intercom).toBe(a.deps.intercom);
    expect(a.personas.map((p) => p.name)).toEqual(expect.arrayContaining(["support", "triage", "analyst"]));
    expect(a.routes.map((r) => r.path)).toContain(INTERCOM_CALLBACK_PATH);

    expect(a.routes.map((r) => r.path)).toContain("/intercom/webhooks");

    // Every job on one list: the platform's and the workflows' (no support channel here, so no escalation sweep).
    expect(a.jobs.list().map((j) => j.name)).toEqual(expect.arrayContaining(["approval-expiry", "intercom-poll", "inbox-prune", "kb-sync", "weekly-digest"]));
    expect((await a.jobs.run("approval-expiry")).summary).toBe("expired 0 approvals, updated 0 cards");
    await expect(a.jobs.run("no-such-job")).rejects.toThrow(/no job named no-such-job/);
    expect(a.scheduler.list().find((j) => j.name === "approval-expiry")?.lastRun?.status).toBe("ok");
    expect(a.workflowStatus.join("\n")).toMatch(/FAQ drafts: off, SWITCHBOARD_SUPPORT_CHANNEL is not set/);

    // The inbox is the durable one: an accepted item reaches the handler a workflow registered for its topic.
    const seen: string[] = [];
    a.inbox.on("test.topic", async (item) => {
      seen.push(item.topic);
    });
    await a.start(0);
    expect(await a.inbox.accept({ source: "intercom", topic: "test.topic", payload: {} }, ["test:1"])).toMatchObject({ accepted: true });
    expect(await a.inbox.accept({ source: "intercom", topic: "test.topic", payload: {} }, ["test:1"])).toMatchObject({ accepted: false });
    a.inbox.poke();
    await a.inbox.idle();
    expect(seen).toEqual(["test.topic"]);
  });

  it("serves its HTTP routes on the port of /slack/events", async () => {
    const a = await app();
    const { port } = await a.start(0);
    const response = await fetch(`http://127.0.0.1:${port}${INTERCOM_CALLBACK_PATH}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("missing its code or state");
  });

  it("is, with its helpers in src/wiring/, the only code under src/ that imports listeners/", () => {
    const offenders = sourceFiles(join(root, "src"))
      .filter((file) => /from "(\.\.\/)+listeners\/|import\("(\.\.\/)+listeners\//.test(readFileSync(file, "utf8")))
      .map((file) => relative(root, file));
    expect(offenders.filter((file) => !file.startsWith("src/wiring/"))).toEqual(["src/app.ts"]);
  });
});
