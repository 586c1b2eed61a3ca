/** The inbox over the app's SQLite file, as the composition root builds it. */
import type { Config } from "../config.js";
import type { Db } from "../store/database.js";
import { SqliteInboxQueue } from "../store/inbox-repo.js";
import { type CreateInboxOptions, createInbox } from "./inbox.js";
import type { Inbox, LiveInbox } from "./types.js";

export function createSqliteInbox(
  db: Db,
  config: Pick<Config, "inbox">,
  options: Omit<CreateInboxOptions, "queue" | "maxAttempts"> = {},
): { inbox: Inbox & LiveInbox; queue: SqliteInboxQueue } {
  const queue = new SqliteInboxQueue(db, config.inbox.maxAttempts);
  return { inbox: createInbox({ ...options, queue, maxAttempts: config.inbox.maxAttempts }), queue };
}
