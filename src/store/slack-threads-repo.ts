/**
 * The bot's own copy of the Slack threads it started, so a follow-up continues from what was said without a
 * conversations.replies call (that API is heavily rate-limited for most apps).
 */
import type Database from "better-sqlite3";
import type { Db } from "./database.js";

export interface SlackThread {
  channelId: string;
  threadTs: string;
  teamId?: string;
  persona: string;
  startedBy?: string;
  /**
   * True when the bot started the thread (its own post, or a mention at the top level). Plain follow-ups are
   * answered only there; in someone else's thread the bot answers mentions only.
   */
  owned: boolean;
}

export interface ThreadMessage {
  role: "user" | "assistant";
  text: string;
  userId?: string;
}

interface ThreadRow {
  channel_id: string;
  thread_ts: string;
  team_id: string | null;
  persona: string;
  started_by: string | null;
  owned: number;
}

export class SlackThreadsRepo {
  // Prepared once: every message and answer goes through these.
  private readonly statements: {
    open: Database.Statement;
    get: Database.Statement<[string, string]>;
    insertMessage: Database.Statement;
    touch: Database.Statement;
    history: Database.Statement<[string, string, number]>;
  };
  private readonly appendTx: (channelId: string, threadTs: string, message: ThreadMessage, at: number) => void;

  constructor(
    db: Db,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.statements = {
      open: db.prepare(
        `INSERT INTO slack_threads (channel_id, thread_ts, team_id, persona, started_by, owned, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(channel_id, thread_ts) DO NOTHING`,
      ),
      get: db.prepare("SELECT * FROM slack_threads WHERE channel_id = ? AND thread_ts = ?"),
      insertMessage: db.prepare("INSERT INTO thread_messages (channel_id, thread_ts, role, text, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
      touch: db.prepare("UPDATE slack_threads SET updated_at = ? WHERE channel_id = ? AND thread_ts = ?"),
      history: db.prepare("SELECT role, text, user_id FROM thread_messages WHERE channel_id = ? AND thread_ts = ? ORDER BY id DESC LIMIT ?"),
    };
    const append = db.transaction((channelId: string, threadTs: string, message: ThreadMessage, at: number) => {
      this.statements.insertMessage.run(channelId, threadTs, message.role, message.text, message.userId ?? null, at);
      this.statements.touch.run(at, channelId, threadTs);
    });
    this.appendTx = (channelId, threadTs, message, at) => append.immediate(channelId, threadTs, message, at);
  }

  /** Records that the bot owns this thread; an existing thread keeps its persona. */
  open(thread: SlackThread): void {
    const at = this.now();
    this.statements.open.run(thread.channelId, thread.threadTs, thread.teamId ?? null, thread.persona, thread.startedBy ?? null, thread.owned ? 1 : 0, at, at);
  }

  get(channelId: string, threadTs: string): SlackThread | undefined {
    const row = this.statements.get.get(channelId, threadTs) as ThreadRow | undefined;
    if (!row) return undefined;
    return {
      channelId: row.channel_id,
      threadTs: row.thread_ts,
      teamId: row.team_id ?? undefined,
      persona: row.persona,
      startedBy: row.started_by ?? undefined,
      owned: row.owned === 1,
    };
  }

  append(channelId: string, threadTs: string, message: ThreadMessage): void {
    this.appendTx(channelId, threadTs, message, this.now());
  }

  /** The most recent `limit` messages, oldest first. */
  history(channelId: string, threadTs: string, limit = 40): ThreadMessage[] {
    const rows = this.statements.history.all(channelId, threadTs, limit) as { role: "user" | "assistant"; text: string; user_id: string | null }[];
    return rows.reverse().map((r) => ({ role: r.role, text: r.text, userId: r.user_id ?? undefined }));
  }
}
