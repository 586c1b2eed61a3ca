import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { registerInboxCommands } from "../../src/cli/inbox-commands.js";
import { registerJobsCommands } from "../../src/cli/jobs-commands.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/store/database.js";
import { SqliteInboxQueue } from "../../src/store/inbox-repo.js";
import { makeTempDir } from "../helpers/temp-dir.js";

let temp: ReturnType<typeof makeTempDir>;
let output: string[];
let env: Record<string, string>;

beforeEach(() => {
  temp = makeTempDir();
  env = {
    SWITCHBOARD_DB_PATH: join(temp.dir, "switchboard.db"),
    SWITCHBOARD_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
    SWITCHBOARD_LOG_LEVEL: "silent",
    SWITCHBOARD_INBOX_MAX_ATTEMPTS: "2",
  };
  output = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    output.push(args.join(" "));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  temp.cleanup();
});

async function run(...argv: string[]): Promise<string> {
  const program = new Command("switchboard").exitOverride();
  const context = { loadConfig: () => loadConfig({ env, envFile: false }) };
  registerInboxCommands(program, context);
  registerJobsCommands(program, context);
  output.length = 0;
  await program.parseAsync(argv, { from: "user" });
  return output.join("\n");
}

async function seed(): Promise<void> {
  const db = openDatabase(env.SWITCHBOARD_DB_PATH as string);
  const queue = new SqliteInboxQueue(db, 2);
  await queue.accept({ source: "intercom", topic: "conversation.user.created", payload: { id: "1" } }, [], 1_764_000_000_000);
  await queue.accept({ source: "slack", topic: "slack.command", payload: {} }, [], 1_764_000_001_000);
  const [first] = await queue.claimDue(1_764_000_002_000, 1);
  await queue.fail(first?.record.id as string, "Slack answered channel_not_found", 1_764_000_003_000, undefined);
  db.close();
}

describe("switchboard inbox", () => {
  it("lists what arrived and what happened, filters by status, and says which Intercom intake is on", async () => {
    await seed();
    const all = await run("inbox");
    expect(all).toContain(
      "Intercom: no webhooks (INTERCOM_CLIENT_SECRET is not set, so none can be verified); polling every minute (SWITCHBOARD_INTERCOM_POLLING=auto).",
    );
    expect(all).toContain("Inbox: pending 1, running 0, done 0, failed 1.");
    expect(all).toMatch(/^1 +2025-11-24 16:00:00 intercom +conversation\.user\.created +failed +1 {2}error: Slack answered channel_not_found$/m);
    expect(all).toMatch(/^2 +2025-11-24 16:00:01 slack +slack\.command +pending +0 {2}waiting for the worker$/m);
    const failed = await run("inbox", "--status", "FAILED", "--limit", "5");
    expect(failed.split("\n").filter((l) => /^\d/.test(l))).toHaveLength(1);
  });

  it("puts a failed item back, and refuses ids that are not failed or do not exist, in plain words", async () => {
    await seed();
    expect(await run("inbox", "retry", "1")).toBe(
      "Inbox item 1 (conversation.user.created) is back in line: a running Switchboard picks it up within seconds, otherwise it runs at the next start.",
    );
    expect(await run("inbox", "--status", "pending")).toMatch(/^1 .* pending +0 {2}retry now; last error: Slack answered channel_not_found$/m);
    await expect(run("inbox", "retry", "1")).rejects.toThrow("Inbox item 1 is pending, not failed; only failed items can be retried.");
    await expect(run("inbox", "retry", "42")).rejects.toThrow("There is no inbox item 42.");
    await expect(run("inbox", "retry", "abc")).rejects.toThrow(/expects an item id/);
    await expect(run("inbox", "--limit", "0")).rejects.toThrow('--limit expects a whole number above 0; got "0".');
  });
});

describe("switchboard jobs", () => {
  it("lists the jobs with schedule in words and cron, runs one on demand, and shows that run", async () => {
    env.INTERCOM_CLIENT_SECRET = "secret";
    const before = await run("jobs", "list");
    expect(before).toContain("inbox-prune: every day at 03:17 (UTC) 17 3 * * *");
    expect(before).toContain("  last run: never");
    expect(before).not.toContain("intercom-poll");
    expect(await run("jobs", "run", "inbox-prune")).toMatch(/^inbox-prune: ok in \d+ ms: deleted 0 finished items$/);
    expect(await run("jobs")).toMatch(/last run: \d{4}-\d\d-\d\d \d\d:\d\d UTC \(manual\): ok, took \d+ ms: deleted 0 finished items/);
    await expect(run("jobs", "run", "nope")).rejects.toThrow('There is no job called "nope". Jobs: inbox-prune.');
  });
});
