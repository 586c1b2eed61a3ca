/**
 * Escalation alerts in SQLite (migration 8): one row per conversation episode. Every decision is a single
 * conditional UPDATE, so two clicks, a webhook and the sweep racing each other can only win once.
 */
import type { Db } from "../../store/database.js";

export type AlertStatus = "posting" | "open" | "snoozed" | "taken" | "assigned" | "closed" | "ended";

export interface AlertCustomer {
  name?: string;
  company?: string;
  plan?: string;
}

export interface AlertRecord {
  id: number;
  conversationId: string;
  /** Which unanswered stretch of the conversation (EscalationScore.episode): the same stretch is the same episode. */
  episode: number;
  reasons: string[];
  score: number;
  briefing?: string;
  customer: AlertCustomer;
  channel?: string;
  ts?: string;
  status: AlertStatus;
  snoozedUntil?: number;
  takenBy?: string;
  takenAdmin?: string;
  decidedAt?: number;
  note?: string;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  id: number;
  conversation_id: string;
  episode: number;
  reasons: string;
  score: number;
  briefing: string | null;
  customer: string | null;
  channel: string | null;
  ts: string | null;
  status: AlertStatus;
  snoozed_until: number | null;
  taken_by: string | null;
  taken_admin: string | null;
  decided_at: number | null;
  note: string | null;
  created_at: number;
  updated_at: number;
}

const toRecord = (row: Row): AlertRecord => ({
  id: row.id,
  conversationId: row.conversation_id,
  episode: row.episode,
  reasons: JSON.parse(row.reasons) as string[],
  score: row.score,
  briefing: row.briefing ?? undefined,
  customer: row.customer ? (JSON.parse(row.customer) as AlertCustomer) : {},
  channel: row.channel ?? undefined,
  ts: row.ts ?? undefined,
  status: row.status,
  snoozedUntil: row.snoozed_until ?? undefined,
  takenBy: row.taken_by ?? undefined,
  takenAdmin: row.taken_admin ?? undefined,
  decidedAt: row.decided_at ?? undefined,
  note: row.note ?? undefined,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Statuses a person can still act on. */
export const LIVE_STATUSES: readonly AlertStatus[] = ["open", "snoozed"];

export class EscalationAlertsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: number): AlertRecord | undefined {
    const row = this.db.prepare("SELECT * FROM escalation_alerts WHERE id = ?").get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  forEpisode(conversationId: string, episode: number): AlertRecord | undefined {
    const row = this.db.prepare("SELECT * FROM escalation_alerts WHERE conversation_id = ? AND episode = ?").get(conversationId, episode) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  latestFor(conversationId: string): AlertRecord | undefined {
    const row = this.db.prepare("SELECT * FROM escalation_alerts WHERE conversation_id = ? ORDER BY episode DESC LIMIT 1").get(conversationId) as
      | Row
      | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Claims the right to post this episode's card; undefined when another caller already has it. */
  claim(input: { conversationId: string; episode: number; reasons: string[]; score: number }): AlertRecord | undefined {
    const at = this.now();
    const result = this.db
      .prepare(
        `INSERT INTO escalation_alerts (conversation_id, episode, reasons, score, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'posting', ?, ?) ON CONFLICT (conversation_id, episode) DO NOTHING`,
      )
      .run(input.conversationId, input.episode, JSON.stringify(input.reasons), input.score, at, at);
    return result.changes === 1 ? this.get(Number(result.lastInsertRowid)) : undefined;
  }

  /** A claim whose post never finished (the process died): may be retried after `olderThanMs`. */
  reclaimStale(id: number, olderThanMs: number): boolean {
    const at = this.now();
    return (
      this.db
        .prepare("UPDATE escalation_alerts SET updated_at = ? WHERE id = ? AND status = 'posting' AND ts IS NULL AND updated_at < ?")
        .run(at, id, at - olderThanMs).changes === 1
    );
  }

  posted(id: number, input: { channel: string; ts: string; briefing: string; customer: AlertCustomer }): void {
    this.db
      .prepare("UPDATE escalation_alerts SET status = 'open', channel = ?, ts = ?, briefing = ?, customer = ?, updated_at = ? WHERE id = ?")
      .run(input.channel, input.ts, input.briefing, JSON.stringify(input.customer), this.now(), id);
  }

  /** Drops a claim whose post failed, so the next event or sweep tries again. */
  release(id: number): void {
    this.db.prepare("DELETE FROM escalation_alerts WHERE id = ? AND status = 'posting'").run(id);
  }

  /** Records new reasons on a live alert; false when nothing changed or the alert is no longer live. */
  updateReasons(id: number, reasons: string[], score: number, previous: string[]): boolean {
    return (
      this.db
        .prepare("UPDATE escalation_alerts SET reasons = ?, score = ?, updated_at = ? WHERE id = ? AND reasons = ? AND status IN ('open','snoozed')")
        .run(JSON.stringify(reasons), score, this.now(), id, JSON.stringify(previous)).changes === 1
    );
  }

  /** The first decision wins: moves a live alert to `status`; false when someone decided first. */
  decide(id: number, status: Extract<AlertStatus, "taken" | "assigned" | "closed">, by: string, extra: { takenAdmin?: string; note?: string } = {}): boolean {
    const at = this.now();
    return (
      this.db
        .prepare(
          "UPDATE escalation_alerts SET status = ?, taken_by = ?, taken_admin = ?, note = ?, decided_at = ?, updated_at = ? WHERE id = ? AND status IN ('open','snoozed')",
        )
        .run(status, by, extra.takenAdmin ?? null, extra.note ?? null, Math.floor(at / 1000), at, id).changes === 1
    );
  }

  /** Undoes a decision whose write did not go out, so someone can try again. */
  undoDecision(id: number, status: AlertStatus): void {
    this.db
      .prepare(
        "UPDATE escalation_alerts SET status = 'open', taken_by = NULL, taken_admin = NULL, note = NULL, decided_at = NULL, updated_at = ? WHERE id = ? AND status = ?",
      )
      .run(this.now(), id, status);
  }

  setNote(id: number, note: string): void {
    this.db.prepare("UPDATE escalation_alerts SET note = ?, updated_at = ? WHERE id = ?").run(note, this.now(), id);
  }

  snooze(id: number, until: number, by: string): boolean {
    return (
      this.db
        .prepare(
          "UPDATE escalation_alerts SET status = 'snoozed', snoozed_until = ?, taken_by = ?, updated_at = ? WHERE id = ? AND status IN ('open','snoozed')",
        )
        .run(until, by, this.now(), id).changes === 1
    );
  }

  /** Snoozed alerts whose time is up (Unix seconds). */
  dueSnoozes(nowSeconds: number): AlertRecord[] {
    return (
      this.db.prepare("SELECT * FROM escalation_alerts WHERE status = 'snoozed' AND snoozed_until <= ? ORDER BY snoozed_until").all(nowSeconds) as Row[]
    ).map(toRecord);
  }

  /** Wakes a snoozed alert; false when it was already woken or decided. */
  wake(id: number, ts: string): boolean {
    return (
      this.db
        .prepare("UPDATE escalation_alerts SET status = 'open', snoozed_until = NULL, ts = ?, updated_at = ? WHERE id = ? AND status = 'snoozed'")
        .run(ts, this.now(), id).changes === 1
    );
  }

  /** Ends every live alert of this conversation from an earlier episode (a teammate replied, or it closed). */
  endEpisodesBefore(conversationId: string, episode: number): AlertRecord[] {
    const rows = this.db
      .prepare("SELECT * FROM escalation_alerts WHERE conversation_id = ? AND episode < ? AND status IN ('open','snoozed')")
      .all(conversationId, episode) as Row[];
    this.db
      .prepare("UPDATE escalation_alerts SET status = 'ended', updated_at = ? WHERE conversation_id = ? AND episode < ? AND status IN ('open','snoozed')")
      .run(this.now(), conversationId, episode);
    return rows.map(toRecord);
  }

  endLive(conversationId: string): AlertRecord[] {
    return this.endEpisodesBefore(conversationId, Number.MAX_SAFE_INTEGER);
  }
}
