/**
 * The SQLite inbox: one table for every inbound piece of work and one for its dedupe keys. Accepting writes
 * both in one IMMEDIATE transaction, so two deliveries of the same thing (a Slack retry, a webhook and the poll
 * seeing the same change) can never both get in, even from two processes.
 */
import type { AcceptResult, ClaimedItem, InboxListFilter, InboxQueue, InboxRecord, InboxSource, InboxStatus, NewInboxItem } from "../inbox/types.js";
import type { Db } from "./database.js";

interface Row {
  id: number;
  source: InboxSource;
  topic: string;
  payload: string;
  ordering_key: string | null;
  status: InboxStatus;
  attempts: number;
  next_attempt_at: number;
  handlers_done: string;
  last_error: string | null;
  note: string | null;
  received_at: number;
  started_at: number | null;
  finished_at: number | null;
}

function toRecord(row: Row): InboxRecord {
  return {
    id: String(row.id),
    source: row.source,
    topic: row.topic,
    orderingKey: row.ordering_key ?? undefined,
    status: row.status,
    attempts: row.attempts,
    receivedAt: row.received_at,
    nextAttemptAt: row.next_attempt_at,
    startedAt: row.started_at ?? undefined,
    finishedAt: row.finished_at ?? undefined,
    lastError: row.last_error ?? undefined,
    note: row.note ?? undefined,
    payload: JSON.parse(row.payload) as unknown,
    handlersDone: JSON.parse(row.handlers_done) as number[],
  };
}

const toId = (id: string): number => {
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : -1;
};

export class SqliteInboxQueue implements InboxQueue {
  private readonly acceptTx: (item: NewInboxItem, keys: readonly string[], at: number) => AcceptResult;
  private readonly claimTx: (at: number, limit: number) => Row[];

  constructor(
    private readonly db: Db,
    /** Attempts after which an item a dead process left running is parked instead of tried again. */
    private readonly maxAttempts = 5,
  ) {
    const findKey = db.prepare<[string], { item_id: number }>("SELECT item_id FROM inbox_dedupe WHERE key = ?");
    const insertItem = db.prepare(
      `INSERT INTO inbox_items (source, topic, payload, ordering_key, status, attempts, next_attempt_at, received_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
    );
    const insertKey = db.prepare("INSERT INTO inbox_dedupe (key, item_id, created_at) VALUES (?, ?, ?)");
    const accept = db.transaction((item: NewInboxItem, keys: readonly string[], at: number): AcceptResult => {
      for (const key of keys) {
        const seen = findKey.get(key);
        if (seen) return { accepted: false, duplicateOf: String(seen.item_id) };
      }
      const id = Number(insertItem.run(item.source, item.topic, JSON.stringify(item.payload ?? null), item.orderingKey ?? null, at, at).lastInsertRowid);
      for (const key of new Set(keys)) insertKey.run(key, id, at);
      return { accepted: true, id: String(id) };
    });
    // IMMEDIATE: the write lock is taken before the dedupe check, so a second process waits instead of racing.
    this.acceptTx = (item, keys, at) => accept.immediate(item, keys, at);

    const due = db.prepare<[number, number], Row>(
      // The unary + keeps the planner on (status, id), walking the line in order, instead of sorting every due row.
      `SELECT * FROM inbox_items i
       WHERE i.status = 'pending' AND +i.next_attempt_at <= ?
         AND (i.ordering_key IS NULL OR NOT EXISTS (
           SELECT 1 FROM inbox_items p
           WHERE p.ordering_key = i.ordering_key AND p.id < i.id AND p.status IN ('pending', 'running')))
       ORDER BY i.id LIMIT ?`,
    );
    const markRunning = db.prepare("UPDATE inbox_items SET status = 'running', attempts = attempts + 1, started_at = ? WHERE id = ? AND status = 'pending'");
    const claim = db.transaction((at: number, limit: number): Row[] => {
      const rows = due.all(at, limit);
      const claimed: Row[] = [];
      for (const row of rows) {
        if (markRunning.run(at, row.id).changes !== 1) continue;
        claimed.push({ ...row, status: "running", attempts: row.attempts + 1, started_at: at });
      }
      return claimed;
    });
    this.claimTx = (at, limit) => claim.immediate(at, limit);
  }

  async accept(item: NewInboxItem, dedupeKeys: readonly string[], at: number): Promise<AcceptResult> {
    return this.acceptTx(item, dedupeKeys, at);
  }

  async claimDue(at: number, limit: number): Promise<ClaimedItem[]> {
    return this.claimTx(at, limit).map((row) => {
      const record = toRecord(row);
      return {
        record,
        item: {
          id: record.id,
          source: record.source,
          topic: record.topic,
          payload: record.payload,
          orderingKey: record.orderingKey,
          receivedAt: record.receivedAt,
          attempt: record.attempts,
        },
      };
    });
  }

  async recordHandlerDone(id: string, handlerIndex: number): Promise<void> {
    this.db
      .prepare(
        `UPDATE inbox_items SET handlers_done = (
           SELECT json_group_array(value) FROM (SELECT DISTINCT value FROM json_each(json_insert(handlers_done, '$[#]', ?)) ORDER BY value))
         WHERE id = ?`,
      )
      .run(handlerIndex, toId(id));
  }

  async complete(id: string, at: number, note?: string): Promise<void> {
    this.db.prepare("UPDATE inbox_items SET status = 'done', finished_at = ?, note = ?, last_error = NULL WHERE id = ?").run(at, note ?? null, toId(id));
  }

  async fail(id: string, error: string, at: number, retryAt: number | undefined): Promise<void> {
    if (retryAt === undefined) {
      this.db.prepare("UPDATE inbox_items SET status = 'failed', finished_at = ?, last_error = ? WHERE id = ?").run(at, error, toId(id));
      return;
    }
    this.db.prepare("UPDATE inbox_items SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?").run(retryAt, error, toId(id));
  }

  async recoverAbandoned(at: number): Promise<number> {
    const interrupted = "interrupted: Switchboard stopped while this was running";
    return this.db.transaction(() => {
      const parked = this.db
        .prepare(
          `UPDATE inbox_items SET status = 'failed', finished_at = ?, last_error = ?
           WHERE status = 'running' AND attempts >= ?`,
        )
        .run(at, `${interrupted} (${this.maxAttempts} attempts)`, this.maxAttempts).changes;
      const resumed = this.db
        .prepare("UPDATE inbox_items SET status = 'pending', next_attempt_at = ?, last_error = COALESCE(last_error, ?) WHERE status = 'running'")
        .run(at, interrupted).changes;
      return parked + resumed;
    })();
  }

  /** The live Slack path's claim of one item (see LiveInbox): pending → running, counted as an attempt. */
  async claim(id: string, at: number): Promise<boolean> {
    return (
      this.db
        .prepare("UPDATE inbox_items SET status = 'running', attempts = attempts + 1, started_at = ?, finished_at = NULL WHERE id = ? AND status = 'pending'")
        .run(at, toId(id)).changes === 1
    );
  }

  async nextDueAt(): Promise<number | undefined> {
    const row = this.db.prepare("SELECT MIN(next_attempt_at) AS at FROM inbox_items WHERE status = 'pending'").get() as { at: number | null };
    return row.at ?? undefined;
  }

  async list(filter: InboxListFilter): Promise<InboxRecord[]> {
    const limit = filter.limit ?? 50;
    const rows = filter.status
      ? this.db.prepare<[string, number], Row>("SELECT * FROM inbox_items WHERE status = ? ORDER BY id DESC LIMIT ?").all(filter.status, limit)
      : this.db.prepare<[number], Row>("SELECT * FROM inbox_items ORDER BY id DESC LIMIT ?").all(limit);
    return rows.map(toRecord);
  }

  async get(id: string): Promise<InboxRecord | undefined> {
    const row = this.db.prepare<[number], Row>("SELECT * FROM inbox_items WHERE id = ?").get(toId(id));
    return row && toRecord(row);
  }

  async retry(id: string, at: number): Promise<boolean> {
    const changes = this.db
      .prepare("UPDATE inbox_items SET status = 'pending', attempts = 0, next_attempt_at = ?, finished_at = NULL WHERE id = ? AND status = 'failed'")
      .run(at, toId(id)).changes;
    return changes === 1;
  }

  async counts(): Promise<Record<InboxStatus, number>> {
    const counts: Record<InboxStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
    for (const row of this.db.prepare("SELECT status, COUNT(*) AS n FROM inbox_items GROUP BY status").all() as { status: InboxStatus; n: number }[])
      counts[row.status] = row.n;
    return counts;
  }

  async prune(before: number): Promise<number> {
    return this.db.prepare("DELETE FROM inbox_items WHERE status IN ('done', 'failed') AND received_at < ?").run(before).changes;
  }
}
