/** `switchboard inbox [--status S] [--limit N]` and `switchboard inbox retry ID`: what arrived and what happened. */
import type { Command } from "commander";
import { AppError } from "../errors.js";
import type { CliContext } from "./context.js";

const STATUSES = ["pending", "running", "done", "failed"] as const;
type Status = (typeof STATUSES)[number];

export function parseLimit(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1) throw new AppError("USAGE", `--limit expects a whole number above 0; got "${text}".`);
  return limit;
}

export function parseStatus(text: string | undefined): Status | undefined {
  if (text === undefined) return undefined;
  const lower = text.trim().toLowerCase();
  if (!(STATUSES as readonly string[]).includes(lower)) throw new AppError("USAGE", `--status expects one of ${STATUSES.join(", ")}; got "${text}".`);
  return lower as Status;
}

/** Opens only the database: listing the inbox needs neither Intercom nor Slack. */
async function withQueue<T>(
  context: CliContext,
  work: (queue: import("../store/inbox-repo.js").SqliteInboxQueue, config: ReturnType<CliContext["loadConfig"]>) => Promise<T>,
): Promise<T> {
  const config = context.loadConfig();
  const [{ openDatabase }, { SqliteInboxQueue }] = await Promise.all([import("../store/database.js"), import("../store/inbox-repo.js")]);
  const db = openDatabase(config.databasePath);
  try {
    return await work(new SqliteInboxQueue(db, config.inbox.maxAttempts), config);
  } finally {
    db.close();
  }
}

export function registerInboxCommands(program: Command, context: CliContext): void {
  const inbox = program
    .command("inbox")
    .description("List what arrived in the inbox (Slack requests, Intercom webhooks, polled changes) and what happened to it")
    .option("--status <status>", "only items with this status: pending, running, done or failed")
    .option("--limit <n>", "at most this many items, newest first", "30")
    .option("--json", "print JSON instead of a table")
    .action(async (options: { status?: string; limit: string; json?: boolean }) => {
      const status = parseStatus(options.status);
      const limit = parseLimit(options.limit);
      const { formatInboxRows, formatInboxCounts, describeIntercomIntake } = await import("../inbox/format-inbox.js");
      await withQueue(context, async (queue, config) => {
        const rows = await queue.list({ status, limit });
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        console.log(describeIntercomIntake(config.inbox, Boolean(config.intercom.clientSecret)));
        console.log(`Inbox: ${formatInboxCounts(await queue.counts())}.`);
        console.log(formatInboxRows(rows, Date.now()).join("\n"));
      });
    });

  inbox
    .command("retry <id>")
    .description("Put a failed inbox item back in line, with a fresh set of attempts")
    .action(async (id: string) => {
      if (!/^\d+$/.test(id.trim())) throw new AppError("USAGE", `inbox retry expects an item id (a number from switchboard inbox); got "${id}".`);
      await withQueue(context, async (queue) => {
        const record = await queue.get(id.trim());
        if (!record) throw new AppError("NOT_FOUND", `There is no inbox item ${id}. See the ids with: switchboard inbox --status failed`);
        if (record.status !== "failed") throw new AppError("USAGE", `Inbox item ${id} is ${record.status}, not failed; only failed items can be retried.`);
        await queue.retry(record.id, Date.now());
        console.log(
          `Inbox item ${record.id} (${record.topic}) is back in line: a running Switchboard picks it up within seconds, otherwise it runs at the next start.`,
        );
      });
    });
}
