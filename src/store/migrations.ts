/**
 * Numbered schema migrations. The database's `PRAGMA user_version` records the last one applied; each
 * migration runs in its own transaction together with the version bump, so a failure leaves the previous
 * version intact. Append new migrations at the end; never edit one that has shipped.
 */
import { FAQ_SCHEMA_SQL, KB_REMOVALS_SQL, KB_SCHEMA_SQL } from "../kb/schema.js";
import { FAQ_DRAFT_NOTES_MIGRATION } from "./faq-draft-notes-migration.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "secrets at rest",
    sql: `
      CREATE TABLE secrets (
        name        TEXT PRIMARY KEY,
        ciphertext  BLOB NOT NULL,
        key_id      TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE settings (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: "agent runs, approvals, audit log, tool embeddings",
    sql: `
      CREATE TABLE runs (
        id              TEXT PRIMARY KEY,
        thread_id       TEXT NOT NULL,
        persona         TEXT NOT NULL,
        requester_user  TEXT,
        requester_source TEXT NOT NULL,
        team_id         TEXT,
        channel_id      TEXT,
        prompt          TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('running','waiting','answered','failed','expired')),
        answer          TEXT,
        error           TEXT,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX runs_thread ON runs (thread_id, created_at);
      CREATE INDEX runs_status ON runs (status, updated_at);
      CREATE TABLE approvals (
        id            TEXT PRIMARY KEY,
        run_id        TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        batch         TEXT NOT NULL,
        position      INTEGER NOT NULL,
        tool_call_id  TEXT NOT NULL,
        tool          TEXT NOT NULL,
        title         TEXT NOT NULL,
        risk          TEXT NOT NULL,
        args          TEXT NOT NULL,
        summary       TEXT NOT NULL,
        persona       TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('pending','approved','edited','rejected','expired')),
        final_args    TEXT,
        reason        TEXT,
        decided_by    TEXT,
        decided_at    INTEGER,
        executed_at   INTEGER,
        created_at    INTEGER NOT NULL,
        expires_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX approvals_run ON approvals (run_id, position);
      CREATE INDEX approvals_pending ON approvals (status, expires_at);
      CREATE UNIQUE INDEX approvals_call ON approvals (run_id, tool_call_id);
      CREATE TABLE audit_log (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        at              INTEGER NOT NULL,
        requester_user  TEXT,
        requester_source TEXT NOT NULL,
        persona         TEXT NOT NULL,
        run_id          TEXT,
        prompt          TEXT,
        tool            TEXT NOT NULL,
        args            TEXT NOT NULL,
        decision        TEXT NOT NULL,
        approver        TEXT,
        result          TEXT,
        status          TEXT NOT NULL,
        latency_ms      INTEGER,
        approval_id     TEXT
      ) STRICT;
      CREATE INDEX audit_at ON audit_log (at);
      CREATE INDEX audit_persona ON audit_log (persona, at);
      CREATE INDEX audit_tool ON audit_log (tool, at);
      CREATE INDEX audit_run ON audit_log (run_id);
      CREATE TABLE tool_embeddings (
        model       TEXT NOT NULL,
        text_hash   TEXT NOT NULL,
        vector      BLOB NOT NULL,
        created_at  INTEGER NOT NULL,
        PRIMARY KEY (model, text_hash)
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: "slack: event dedupe, channel personas, thread memory, oauth states",
    sql: `
      CREATE TABLE processed_events (
        key         TEXT PRIMARY KEY,
        created_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX processed_events_age ON processed_events (created_at);
      CREATE TABLE channel_settings (
        channel_id  TEXT PRIMARY KEY,
        persona     TEXT NOT NULL,
        updated_by  TEXT,
        updated_at  INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE slack_threads (
        channel_id  TEXT NOT NULL,
        thread_ts   TEXT NOT NULL,
        team_id     TEXT,
        persona     TEXT NOT NULL,
        started_by  TEXT,
        owned       INTEGER NOT NULL DEFAULT 1,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (channel_id, thread_ts)
      ) STRICT;
      CREATE TABLE thread_messages (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id  TEXT NOT NULL,
        thread_ts   TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('user','assistant')),
        text        TEXT NOT NULL,
        user_id     TEXT,
        created_at  INTEGER NOT NULL,
        FOREIGN KEY (channel_id, thread_ts) REFERENCES slack_threads (channel_id, thread_ts) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX thread_messages_thread ON thread_messages (channel_id, thread_ts, id);
      CREATE TABLE oauth_states (
        state       TEXT PRIMARY KEY,
        provider    TEXT NOT NULL,
        user_id     TEXT,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: "slack: where each approval card was posted, so an expired one can be updated",
    sql: `
      CREATE TABLE approval_cards (
        approval_id TEXT PRIMARY KEY REFERENCES approvals(id) ON DELETE CASCADE,
        channel_id  TEXT NOT NULL,
        message_ts  TEXT NOT NULL,
        settled_at  INTEGER
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: "jobs: one row per job run, a unique (job, slot) claims each scheduled time once across processes",
    sql: `
      CREATE TABLE job_runs (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        job         TEXT NOT NULL,
        slot        INTEGER NOT NULL,
        trigger     TEXT NOT NULL CHECK (trigger IN ('schedule','catch-up','manual')),
        status      TEXT NOT NULL CHECK (status IN ('running','ok','failed','skipped')),
        summary     TEXT,
        error       TEXT,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        UNIQUE (job, slot)
      ) STRICT;
      CREATE INDEX job_runs_latest ON job_runs (job, started_at);
    `,
  },
  {
    version: 6,
    name: "inbox: every inbound piece of work, persisted and deduplicated before it is acknowledged",
    sql: `
      CREATE TABLE inbox_items (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        source          TEXT NOT NULL,
        topic           TEXT NOT NULL,
        payload         TEXT NOT NULL,
        ordering_key    TEXT,
        status          TEXT NOT NULL CHECK (status IN ('pending','running','done','failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        handlers_done   TEXT NOT NULL DEFAULT '[]',
        last_error      TEXT,
        note            TEXT,
        received_at     INTEGER NOT NULL,
        started_at      INTEGER,
        finished_at     INTEGER
      ) STRICT;
      CREATE INDEX inbox_line ON inbox_items (status, id);
      CREATE INDEX inbox_due ON inbox_items (status, next_attempt_at);
      CREATE INDEX inbox_order ON inbox_items (ordering_key, id) WHERE status IN ('pending', 'running');
      CREATE INDEX inbox_received ON inbox_items (received_at);
      CREATE TABLE inbox_dedupe (
        key         TEXT PRIMARY KEY,
        item_id     INTEGER NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
        created_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX inbox_dedupe_item ON inbox_dedupe (item_id);
    `,
  },
  {
    version: 7,
    name: "knowledge base (articles, heading chunks, FTS5, embeddings cache, sync runs) and FAQ drafts with their decisions",
    sql: KB_SCHEMA_SQL + FAQ_SCHEMA_SQL,
  },
  {
    version: 8,
    name: "escalation alerts: one per conversation episode, with the Slack card, snooze and who took it",
    sql: `
      CREATE TABLE escalation_alerts (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id  TEXT NOT NULL,
        episode          INTEGER NOT NULL,
        reasons          TEXT NOT NULL,
        score            REAL NOT NULL,
        briefing         TEXT,
        customer         TEXT,
        channel          TEXT,
        ts               TEXT,
        status           TEXT NOT NULL CHECK (status IN ('posting','open','snoozed','taken','assigned','closed','ended')),
        snoozed_until    INTEGER,
        taken_by         TEXT,
        taken_admin      TEXT,
        decided_at       INTEGER,
        note             TEXT,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        UNIQUE (conversation_id, episode)
      ) STRICT;
      CREATE INDEX escalation_alerts_status ON escalation_alerts (status, snoozed_until);
    `,
  },
  {
    version: 9,
    name: "weekly theme snapshots: each week's themes with their keyword centroid and size, for week-over-week change",
    sql: `
      CREATE TABLE theme_snapshots (
        week         TEXT NOT NULL,
        theme        INTEGER NOT NULL,
        name         TEXT NOT NULL,
        keywords     TEXT NOT NULL,
        centroid     TEXT NOT NULL,
        size         INTEGER NOT NULL,
        total        INTEGER NOT NULL,
        created_at   INTEGER NOT NULL,
        PRIMARY KEY (week, theme)
      ) STRICT;
      CREATE TABLE theme_weeks (
        week           TEXT PRIMARY KEY,
        conversations  INTEGER NOT NULL,
        tickets        INTEGER NOT NULL,
        created_at     INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 10,
    name: "write ledger: each gated write recorded before it is sent, so a crash is reconciled and never resent",
    sql: `
      CREATE TABLE write_ledger (
        idempotency_key  TEXT PRIMARY KEY,
        tool             TEXT NOT NULL,
        args             TEXT NOT NULL,
        persona          TEXT NOT NULL,
        requester_user   TEXT,
        requester_source TEXT NOT NULL,
        decision         TEXT NOT NULL,
        approver         TEXT,
        run_id           TEXT,
        approval_id      TEXT,
        prompt           TEXT,
        status           TEXT NOT NULL CHECK (status IN ('executing','sent','failed','uncertain')),
        summary          TEXT,
        result           TEXT,
        error            TEXT,
        http_status      INTEGER,
        started_at       INTEGER NOT NULL,
        finished_at      INTEGER,
        reconciled_at    INTEGER
      ) STRICT;
      CREATE INDEX write_ledger_status ON write_ledger (status, started_at);
      CREATE INDEX write_ledger_run ON write_ledger (run_id, started_at);
    `,
  },
  {
    version: 11,
    name: "knowledge base: removals by article notifications, so a sync that read earlier does not bring an article back",
    sql: KB_REMOVALS_SQL,
  },
  FAQ_DRAFT_NOTES_MIGRATION,
];
