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

/**
 * How far the bot got with answering one incoming request (a mention, a question), so a replay after a crash
 * neither answers twice nor leaves a stale working message: asked (the question is in the thread copy), the
 * working message it posted, and the message that holds its answer once that was posted.
 */
export interface ReplyProgress {
  asked: boolean;
  workingTs?: string;
  answeredTs?: string;
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
  private readonly markTx: (marks: string[], channelId: string, threadTs: string, message: ThreadMessage | undefined, at: number) => void;
  private readonly marker: { insert: Database.Statement; range: Database.Statement<[string, string]> };

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
    // Reply marks are rows of processed_events (Slack's delivery memory, pruned after a day like the rest):
    // a replay comes within Slack's retry hour or at the next start, and no table of their own is needed.
    this.marker = {
      insert: db.prepare("INSERT INTO processed_events (key, created_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING"),
      range: db.prepare("SELECT key FROM processed_events WHERE key > ? AND key < ? ORDER BY key"),
    };
    const mark = db.transaction((marks: string[], channelId: string, threadTs: string, message: ThreadMessage | undefined, at: number) => {
      if (message && this.statements.get.get(channelId, threadTs)) {
        this.statements.insertMessage.run(channelId, threadTs, message.role, message.text, message.userId ?? null, at);
        this.statements.touch.run(at, channelId, threadTs);
      }
      for (const key of marks) this.marker.insert.run(key, at);
    });
    this.markTx = (marks, channelId, threadTs, message, at) => mark.immediate(marks, channelId, threadTs, message, at);
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

  /** What a previous attempt at answering `replyKey` (e.g. the incoming message's key) got done. */
  replyProgress(replyKey: string): ReplyProgress {
    const prefix = `reply:${replyKey}:`;
    const keys = (this.marker.range.all(prefix, `${prefix}\uffff`) as { key: string }[]).map((r) => r.key.slice(prefix.length));
    const ts = (kind: string) => keys.find((k) => k.startsWith(`${kind}:`))?.slice(kind.length + 1);
    return { asked: keys.includes("asked"), workingTs: ts("working"), answeredTs: ts("answered") };
  }

  /** Appends the asker's message to the thread copy and records, in the same transaction, that it was asked. */
  recordAsked(channelId: string, threadTs: string, message: ThreadMessage, replyKey: string): void {
    this.markTx([`reply:${replyKey}:asked`], channelId, threadTs, message, this.now());
  }

  /** Records the working message posted for `replyKey`, so a replay reuses it instead of leaving it stale. */
  recordWorking(replyKey: string, messageTs: string): void {
    this.markTx([`reply:${replyKey}:working:${messageTs}`], "", "", undefined, this.now());
  }

  /**
   * Records that the answer to `replyKey` was posted (in message `messageTs`), together with the bot's copy of
   * what it said when there is one, in one transaction: a replay finds either both or neither.
   */
  recordAnswered(channelId: string, threadTs: string, message: ThreadMessage | undefined, replyKey: string, messageTs: string): void {
    this.markTx([`reply:${replyKey}:answered:${messageTs}`], channelId, threadTs, message, this.now());
  }

  /** The most recent `limit` messages, oldest first. */
  history(channelId: string, threadTs: string, limit = 40): ThreadMessage[] {
    const rows = this.statements.history.all(channelId, threadTs, limit) as { role: "user" | "assistant"; text: string; user_id: string | null }[];
    return rows.reverse().map((r) => ({ role: r.role, text: r.text, userId: r.user_id ?? undefined }));
  }
}
