/** One-time `state` values for OAuth installs: issued with the install link, consumed once by the callback. */
import { randomBytes } from "node:crypto";
import type { Db } from "./database.js";

export interface OAuthState {
  state: string;
  provider: string;
  userId?: string;
  expiresAt: number;
}

export class OAuthStatesRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  issue(provider: string, userId?: string, ttlSeconds = 600): OAuthState {
    const state = randomBytes(24).toString("base64url");
    const at = this.now();
    this.db.prepare("DELETE FROM oauth_states WHERE expires_at < ?").run(at);
    this.db
      .prepare("INSERT INTO oauth_states (state, provider, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
      .run(state, provider, userId ?? null, at, at + ttlSeconds);
    return { state, provider, userId, expiresAt: at + ttlSeconds };
  }

  /** Deletes and returns the state when it exists, belongs to `provider` and has not expired; otherwise undefined. */
  consume(provider: string, state: string): OAuthState | undefined {
    return this.db
      .transaction(() => {
        const row = this.db.prepare("SELECT * FROM oauth_states WHERE state = ?").get(state) as
          | { state: string; provider: string; user_id: string | null; expires_at: number }
          | undefined;
        if (!row) return undefined;
        this.db.prepare("DELETE FROM oauth_states WHERE state = ?").run(state);
        if (row.provider !== provider || row.expires_at < this.now()) return undefined;
        return { state: row.state, provider: row.provider, userId: row.user_id ?? undefined, expiresAt: row.expires_at };
      })
      .immediate();
  }
}
