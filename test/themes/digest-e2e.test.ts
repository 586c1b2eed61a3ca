import { join } from "node:path";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weeklyDigestJob } from "../../jobs/weekly-digest.js";
import { startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { openDatabase } from "../../src/store/database.js";
import { modelThemeNamer } from "../../src/workflows/themes/theme-namer.js";
import { createThemesWorkflow } from "../../src/workflows/themes/themes-workflow.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { type FakeSlackServer, startFakeSlack } from "../fakes/fake-slack-server.js";
import { ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const temp = makeTempDir();
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let slack: FakeSlackServer;
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, now: Math.floor(NOW / 1000) });
  slack = await startFakeSlack();
});
afterAll(async () => {
  await emulator.close();
  await slack.close();
  temp.cleanup();
});

function workflowOn(dbFile: string, extra: Partial<Parameters<typeof createThemesWorkflow>[0]> = {}, now = NOW) {
  const db = openDatabase(dbFile);
  const executor = createToolExecutor({ transport: new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0 }), tools: allTools });
  const client = new WebClient("xoxb-test", { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  return { db, workflow: createThemesWorkflow({ executor, audit: new AuditLog(db), db, slack: client, now: () => now, ...extra }) };
}

describe("weekly themes digest on the emulator's demo workspace", () => {
  it("posts at least three real themes matching the demo's intents, with examples, and uploads the chart", async () => {
    const { db, workflow } = workflowOn(join(temp.dir, "digest.db"));
    const job = weeklyDigestJob({ cron: "0 9 * * 1", channel: "C0PRODUCT", workflow });
    const result = await job.run({ slot: NOW, trigger: "manual", signal: new AbortController().signal });
    expect(result.summary).toMatch(/^posted \d+ themes from \d+ conversations and \d+ tickets to C0PRODUCT with the chart$/);

    const post = slack.callsTo("chat.postMessage").at(-1)!;
    expect(post.args.channel).toBe("C0PRODUCT");
    const blocks = post.args.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    const themeSections = blocks.filter((b) => b.type === "section" && /— \d+ \(\d+%\)/.test(b.text?.text ?? ""));
    expect(themeSections.length).toBeGreaterThanOrEqual(3);
    for (const section of themeSections.slice(0, 3))
      expect(section.text!.text).toMatch(/<https:\/\/app\.intercom\.com\/a\/inbox\/_\/inbox\/(conversation|ticket)\/\d+\|/);

    // Purity against the demo's ground truth (custom_attributes.topic), from the stored snapshot's run.
    const rows = db.prepare("SELECT theme, size FROM theme_snapshots ORDER BY theme").all() as { theme: number; size: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(3);

    // The chart: the external upload's three steps, and real PNG bytes at the upload URL.
    expect(slack.callsTo("files.getUploadURLExternal")).toHaveLength(1);
    const complete = slack.callsTo("files.completeUploadExternal");
    expect(complete).toHaveLength(1);
    expect(complete[0].args.channel_id).toBe("C0PRODUCT");
    expect(complete[0].args.thread_ts).toBe(post.result?.ts);
    expect(slack.uploads).toHaveLength(1);
    expect(slack.uploads[0].bytes.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);

    // Every read went through the audit log as the workflow.
    const audited = db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE requester_source = 'job:weekly-digest'").get() as { n: number };
    expect(audited.n).toBeGreaterThan(2);
    db.close();
  });

  it("themes are pure enough to be real: at least three match one demo intent by a majority", async () => {
    const { db, workflow } = workflowOn(join(temp.dir, "dry.db"));
    const { computed, posted } = await workflow.run({ days: 7, dryRun: true });
    expect(posted).toBeUndefined();
    const pure = computed.set.themes.filter((theme) => {
      const counts = new Map<string, number>();
      for (const m of theme.members) counts.set(m.topic ?? "?", (counts.get(m.topic ?? "?") ?? 0) + 1);
      return Math.max(...counts.values()) / theme.size >= 0.6 && theme.examples.length === 3;
    });
    expect(pure.length).toBeGreaterThanOrEqual(3);
    // A dry run stores nothing.
    expect((db.prepare("SELECT COUNT(*) AS n FROM theme_weeks").get() as { n: number }).n).toBe(0);
    db.close();
  });

  it("a week later compares with the stored week, names themes with a model and flags KB gaps", async () => {
    const file = join(temp.dir, "weeks.db");
    const first = workflowOn(file);
    await first.workflow.run({ days: 7, channel: "C0PRODUCT" });
    first.db.close();
    const model = new ScriptedChatModel([], { fallback: () => say('{"name": "Card questions", "summary": "Customers ask about their cards."}') });
    const second = workflowOn(file, { namer: modelThemeNamer(model), kbMatch: async (text) => (/card/i.test(text) ? 0.9 : undefined) }, NOW + 7 * 86_400_000);
    const { computed } = await second.workflow.run({ days: 14, channel: "C0PRODUCT", threadTs: "1700000000.000100" });
    expect(computed.digest.previous).toBeDefined();
    expect(computed.digest.naming).toBe("model");
    expect(computed.digest.themes.some((t) => t.previousSize > 0)).toBe(true);
    expect(computed.digest.themes[0].summary).toBe("Customers ask about their cards.");
    expect(computed.digest.kbGaps.length).toBeGreaterThan(0);
    expect(model.calls.length).toBe(computed.set.themes.length);
    const threaded = slack.callsTo("chat.postMessage").at(-1)!;
    expect(threaded.args.thread_ts).toBe("1700000000.000100");
    second.db.close();
  });
});
