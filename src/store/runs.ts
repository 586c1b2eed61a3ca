/** The `runs` table: one row per agent run (a question and everything the agent did for it). */
import type { Db } from "./database.js";

export type RunStatus = "running" | "waiting" | "answered" | "failed" | "expired";

export interface RunRecord {
  id: string;
  threadId: string;
  persona: string;
  requesterUser?: string;
  requesterSource: string;
  teamId?: string;
  channelId?: string;
  prompt: string;
  status: RunStatus;
  answer?: string;
  error?: string;
  createdAt: number;
  updatedAt: number;
}

interface RunRow {
  id: string;
  thread_id: string;
  persona: string;
  requester_user: string | null;
  requester_source: string;
  team_id: string | null;
  channel_id: string | null;
  prompt: string;
  status: RunStatus;
  answer: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
}

const fromRow = (r: RunRow): RunRecord => ({
  id: r.id,
  threadId: r.thread_id,
  persona: r.persona,
  requesterUser: r.requester_user ?? undefined,
  requesterSource: r.requester_source,
  teamId: r.team_id ?? undefined,
  channelId: r.channel_id ?? undefined,
  prompt: r.prompt,
  status: r.status,
  answer: r.answer ?? undefined,
  error: r.error ?? undefined,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class RunStore {
  constructor(private readonly db: Db) {}

  create(run: Omit<RunRecord, "status" | "createdAt" | "updatedAt" | "answer" | "error">, now: number): RunRecord {
    this.db
      .prepare(
        `INSERT INTO runs (id, thread_id, persona, requester_user, requester_source, team_id, channel_id, prompt, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
      )
      .run(run.id, run.threadId, run.persona, run.requesterUser ?? null, run.requesterSource, run.teamId ?? null, run.channelId ?? null, run.prompt, now, now);
    return this.get(run.id) as RunRecord;
  }

  get(id: string): RunRecord | undefined {
    const row = this.db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  finish(id: string, status: "answered" | "failed" | "expired", now: number, text?: string): void {
    this.db
      .prepare("UPDATE runs SET status = ?, answer = ?, error = ?, updated_at = ? WHERE id = ?")
      .run(status, status === "answered" ? (text ?? "") : null, status === "answered" ? null : (text ?? null), now, id);
  }

  /** Moves a run between states only if it is still in the expected one; returns whether it moved. */
  /** Runs in one state, oldest first (start-up recovery reads the runs a dead process left `running`). */
  withStatus(status: RunStatus, limit = 500): RunRecord[] {
    return (this.db.prepare("SELECT * FROM runs WHERE status = ? ORDER BY created_at LIMIT ?").all(status, limit) as RunRow[]).map(fromRow);
  }

  transition(id: string, from: RunStatus, to: RunStatus, now: number): boolean {
    return this.db.prepare("UPDATE runs SET status = ?, updated_at = ? WHERE id = ? AND status = ?").run(to, now, id, from).changes === 1;
  }
}
