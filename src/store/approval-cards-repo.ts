/**
 * Where each approval card was posted (channel and message ts), so a card whose approval expires without a
 * click can still be updated to say so. `settled_at` marks cards already brought up to date.
 */
import type { PendingApproval } from "../agent/run-types.js";
import type { Db } from "./database.js";

export interface ExpiredCard {
  channel: string;
  ts: string;
  approval: PendingApproval;
}

interface ExpiredRow {
  channel_id: string;
  message_ts: string;
  id: string;
  run_id: string;
  tool: string;
  title: string;
  risk: PendingApproval["risk"];
  args: string;
  summary: string;
  persona: string;
  expires_at: number;
}

export class ApprovalCardsRepo {
  constructor(private readonly db: Db) {}

  record(approvalId: string, channel: string, ts: string): void {
    this.db
      .prepare(
        "INSERT INTO approval_cards (approval_id, channel_id, message_ts) VALUES (?, ?, ?) ON CONFLICT (approval_id) DO UPDATE SET channel_id = excluded.channel_id, message_ts = excluded.message_ts",
      )
      .run(approvalId, channel, ts);
  }

  /** Where an approval's card was posted, if it was. */
  location(approvalId: string): { channel: string; ts: string } | undefined {
    const row = this.db.prepare("SELECT channel_id, message_ts FROM approval_cards WHERE approval_id = ?").get(approvalId) as
      | { channel_id: string; message_ts: string }
      | undefined;
    return row && { channel: row.channel_id, ts: row.message_ts };
  }

  /** The card no longer needs updating (someone decided, or it already shows the expiry). */
  settle(approvalId: string, at: number): void {
    this.db.prepare("UPDATE approval_cards SET settled_at = ? WHERE approval_id = ? AND settled_at IS NULL").run(at, approvalId);
  }

  /** Cards still showing buttons for approvals that have expired. */
  expiredUnsettled(limit = 100): ExpiredCard[] {
    const rows = this.db
      .prepare(
        `SELECT c.channel_id, c.message_ts, a.id, a.run_id, a.tool, a.title, a.risk, a.args, a.summary, a.persona, a.expires_at
           FROM approval_cards c JOIN approvals a ON a.id = c.approval_id
          WHERE a.status = 'expired' AND c.settled_at IS NULL
          ORDER BY a.expires_at LIMIT ?`,
      )
      .all(limit) as ExpiredRow[];
    return rows.map((r) => ({
      channel: r.channel_id,
      ts: r.message_ts,
      approval: {
        approvalId: r.id,
        runId: r.run_id,
        tool: r.tool,
        title: r.title,
        risk: r.risk,
        args: JSON.parse(r.args) as Record<string, unknown>,
        summary: r.summary,
        persona: r.persona,
        expiresAt: r.expires_at,
      },
    }));
  }
}
