/**
 * The knowledge base's tables. Migration 7 applies this text to the app database, and the evaluation commands
 * apply it to a throwaway in-memory database, so both search exactly the same index. Once shipped, change it
 * only through a new migration.
 */
export const KB_SCHEMA_SQL = `
  CREATE TABLE kb_articles (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL CHECK (source IN ('article','internal','external','file')),
    source_id     TEXT NOT NULL,
    title         TEXT NOT NULL,
    url           TEXT,
    collection    TEXT NOT NULL DEFAULT '',
    visibility    TEXT NOT NULL CHECK (visibility IN ('public','internal')),
    locale        TEXT NOT NULL DEFAULT 'en',
    entity        TEXT NOT NULL DEFAULT '',
    domain        TEXT NOT NULL DEFAULT '',
    author        TEXT,
    updated_at    INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    synced_at     INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX kb_articles_source ON kb_articles (source, source_id);
  CREATE TABLE kb_chunks (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    heading     TEXT NOT NULL DEFAULT '',
    anchor_url  TEXT,
    text        TEXT NOT NULL
  ) STRICT;
  CREATE INDEX kb_chunks_article ON kb_chunks (article_id, position);
  CREATE VIRTUAL TABLE kb_fts USING fts5(
    title, heading, collection, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  CREATE TABLE kb_embeddings (
    model      TEXT NOT NULL,
    text_hash  TEXT NOT NULL,
    vector     BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (model, text_hash)
  ) STRICT;
  CREATE TABLE kb_sync_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    full        INTEGER NOT NULL,
    added       INTEGER NOT NULL DEFAULT 0,
    changed     INTEGER NOT NULL DEFAULT 0,
    removed     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    error       TEXT
  ) STRICT;
`;

/** FAQ drafts and their one decision: the state a Send button needs after a restart. */
export const FAQ_SCHEMA_SQL = `
  CREATE TABLE faq_drafts (
    id               TEXT PRIMARY KEY,
    conversation_id  TEXT NOT NULL,
    message_key      TEXT NOT NULL UNIQUE,
    persona          TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('conversation','ticket')),
    customer_name    TEXT,
    company_name     TEXT,
    question         TEXT NOT NULL,
    answer_html      TEXT NOT NULL,
    answer_text      TEXT NOT NULL,
    citations        TEXT NOT NULL,
    confidence       REAL NOT NULL,
    decision         TEXT NOT NULL CHECK (decision IN ('auto_resolve','draft','abstain')),
    status           TEXT NOT NULL CHECK (status IN ('pending','sending','sent','failed','dismissed','abstained')),
    action           TEXT,
    decided_by       TEXT,
    decided_at       INTEGER,
    outcome          TEXT,
    channel_id       TEXT,
    message_ts       TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX faq_drafts_conversation ON faq_drafts (conversation_id, created_at);
`;

/**
 * When an article notification removed an article (deleted, unpublished). A sync that read its pages before the
 * removal would otherwise write the article back; it checks here first. Migration 11; older rows are pruned by
 * each sync, since a sync that began after a removal cannot have read the removed article.
 */
export const KB_REMOVALS_SQL = `
  CREATE TABLE kb_removed (
    article_id  TEXT PRIMARY KEY,
    removed_at  INTEGER NOT NULL
  ) STRICT;
`;
