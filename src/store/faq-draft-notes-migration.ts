/**
 * Migration 12: the internal-article notes a draft card shows, kept with the draft so that every refresh of the
 * card (a decision, a newer message, a restart) shows the ones it was first posted with. JSON, null for drafts
 * written before this column existed (they show none, as their refreshed cards already did).
 */
import type { Migration } from "./migrations.js";

export const FAQ_DRAFT_NOTES_MIGRATION: Migration = {
  version: 12,
  name: "FAQ drafts keep their internal-article notes, so a refreshed card shows the same ones",
  sql: `
    ALTER TABLE faq_drafts ADD COLUMN internal_notes TEXT CHECK (internal_notes IS NULL OR json_valid(internal_notes));
  `,
};
