/**
 * The searcher's FTS5 queries, answered from the posting lists in memory: the same rows and the same bm25 as
 * `MATCH '"a" OR ("b" OR "c")' ORDER BY bm25(...) LIMIT n` (and its `AND title : "x"` form), without FTS5
 * walking and decoding each word's rows again for every question. Each concept member is one phrase, as in
 * the FTS5 expression, so a word and its synonym with the same stem still count twice.
 */
import { addBm25, type Phrase, type ScoreBoard } from "./bm25.js";
import type { PostingStore } from "./postings.js";
import type { Concept } from "./query-plan.js";

export const TITLE_COLUMN = 0;
/** The columns a chunk's own words are in (heading and body), as opposed to its article's title and collection. */
export const CHUNK_TEXT_COLUMNS: readonly number[] = [1, 3];

/**
 * The index term of every concept member, in expression order; undefined when a member is more than one
 * token ("two-factor"), which only FTS5 can match as a phrase.
 */
export function memberStems(concepts: readonly Concept[], stemOf: (word: string) => string): string[] | undefined {
  const out: string[] = [];
  for (const concept of concepts) {
    for (const member of concept.members) {
      const word = member.replace(/"/g, "");
      if (!word) continue;
      if (!/^[\p{L}\p{N}]+$/u.test(word)) return undefined;
      out.push(stemOf(word));
    }
  }
  return out;
}

export interface MemoryMatch {
  store: PostingStore;
  weights: readonly number[];
  /** Rows that may be returned at all (public only, when asked). */
  keep?: (rowId: number) => boolean;
  /** Scratch scores, reused by every question (the entity query keeps its terms' share apart, and marks its rows). */
  boards: readonly [ScoreBoard, ScoreBoard, ScoreBoard];
}

const phrasesOf = (terms: readonly string[], m: MemoryMatch, weights?: readonly number[]): Phrase[] =>
  terms.map((t, i) => ({ list: m.store.list(t), weight: weights?.[i] }));

/**
 * Rows matching any of the terms, best bm25 first, as [row, FTS5 rank] (negative: lower is better). Each term's
 * share is multiplied by its weight (same order as the terms) when weights are given.
 */
export function matchTerms(terms: readonly string[], limit: number, m: MemoryMatch, weights?: readonly number[]): [number, number][] {
  const [scores] = m.boards;
  scores.clear();
  const phrases = phrasesOf(terms, m, weights);
  addBm25(phrases, m.weights, m.store.rowSizes(), scores, m.keep);
  return scores.top(limit).map(([row, score]) => [row, -score]);
}

/**
 * Rows matching any of the terms and carrying `titleTerm` in their title, ordered as FTS5 orders
 * `(terms) AND title : "word"` (the title phrase's share included), but ranked by the terms' share alone:
 * the phrase only says which entity's rows these are.
 */
export function matchTermsInTitle(terms: readonly string[], titleTerm: string, limit: number, m: MemoryMatch, weights?: readonly number[]): [number, number][] {
  const sizes = m.store.rowSizes();
  const columns = m.weights.length;
  const title = m.store.list(titleTerm);
  const [own, combined, entityRows] = m.boards;
  own.clear();
  combined.clear();
  // The entity's rows marked once: testing each of the words' rows against the title's list showed in profiles.
  entityRows.clear();
  for (let i = 0; i < title.rows.length; i++) if ((title.tf[i * columns + TITLE_COLUMN] as number) > 0) entityRows.add(title.rows[i] as number, 1);
  const keep = m.keep;
  addBm25(phrasesOf(terms, m, weights), m.weights, sizes, own, (row) => entityRows.has(row) && (!keep || keep(row)));
  for (const row of own.rows()) combined.add(row, own.get(row));
  addBm25([{ list: title, onlyColumns: [TITLE_COLUMN] }], m.weights, sizes, combined, (row) => own.has(row));
  return combined.top(limit).map(([row]) => [row, -own.get(row)]);
}
