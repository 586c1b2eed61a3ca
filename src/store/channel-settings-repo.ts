/** Which persona answers in each Slack channel (set with `/switchboard persona NAME`). */
import type Database from "better-sqlite3";
import type { Db } from "./database.js";

export interface ChannelSetting {
  channelId: string;
  persona: string;
  updatedBy?: string;
  updatedAt: number;
}

interface Row {
  channel_id: string;
  persona: string;
  updated_by: string | null;
  updated_at: number;
}

export class ChannelSettingsRepo {
  // Read on every command and message, so prepared once.
  private readonly select: Database.Statement<[string]>;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.select = db.prepare("SELECT * FROM channel_settings WHERE channel_id = ?");
  }

  get(channelId: string): ChannelSetting | undefined {
    const row = this.select.get(channelId) as Row | undefined;
    return row && { channelId: row.channel_id, persona: row.persona, updatedBy: row.updated_by ?? undefined, updatedAt: row.updated_at };
  }

  setPersona(channelId: string, persona: string, updatedBy?: string): void {
    this.db
      .prepare(
        `INSERT INTO channel_settings (channel_id, persona, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(channel_id) DO UPDATE SET persona = excluded.persona, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(channelId, persona, updatedBy ?? null, this.now());
  }
}
