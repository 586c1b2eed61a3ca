/**
 * How common each word is in the knowledge base, without a query per word: FTS5's own vocabulary (document
 * frequency per stemmed term) read once into memory and re-read after the index changes. Words are stemmed by
 * the index's own porter tokenizer through a scratch FTS5 table, so a word and the index agree exactly. The
 * articles' own words are stemmed in one batch when the vocabulary is read, so a question's words are almost
 * always already known and a search makes no round trip through the scratch table.
 */
import type Database from "better-sqlite3";
import type { Db } from "../store/database.js";
import { words as wordsOf } from "./analyze.js";

/** Stems of words no article uses (typos, chatter), remembered per connection up to this many. */
const MAX_EXTRA_STEMS = 50_000;
/** Words per scratch-table batch: one transaction each, so a large help center does not build one huge segment. */
const STEM_BATCH = 5_000;

export interface TermStatsOptions {
  /** Changes whenever the index does (KbIndex.generation). */
  generation: () => number;
  /** While the index keeps changing (a sync in progress), re-read at most this often. */
  minRefreshMs?: number;
  now?: () => number;
}

export class TermStats {
  private readonly docs = new Map<string, number>();
  /** Stems of the words the articles use: a stem never changes, so entries stay after an article goes. */
  private readonly indexStems = new Map<string, string>();
  private readonly extraStems = new Map<string, string>();
  /** Chunks up to this id have had their words stemmed. */
  private stemmedThrough = 0;
  private total = 0;
  private loadedGeneration = -1;
  private loadedAt = Number.NEGATIVE_INFINITY;
  private readonly readVocab: Database.Statement;
  private readonly countChunks: Database.Statement;
  private readonly putWord: Database.Statement;
  private readonly readStems: Database.Statement;
  private readonly clearWords: Database.Statement;
  private readonly newChunkTexts: Database.Statement;

  constructor(
    private readonly db: Db,
    private readonly options: TermStatsOptions,
  ) {
    // Temp objects live in this connection only: nothing is added to the app's schema.
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_vocab USING fts5vocab(main, kb_fts, row);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_stemmer USING fts5(word, tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_stemmer_terms USING fts5vocab(temp, kb_stemmer, instance);
    `);
    this.readVocab = db.prepare("SELECT term, doc FROM temp.kb_vocab").raw();
    this.countChunks = db.prepare("SELECT COUNT(*) FROM kb_chunks").pluck();
    this.putWord = db.prepare("INSERT INTO temp.kb_stemmer (rowid, word) VALUES (?, ?)");
    this.readStems = db.prepare("SELECT doc, term FROM temp.kb_stemmer_terms").raw();
    this.clearWords = db.prepare("DELETE FROM temp.kb_stemmer");
    this.newChunkTexts = db.prepare("SELECT rowid, title, heading, collection, body FROM kb_fts WHERE rowid > ? ORDER BY rowid").raw();
  }

  /** Re-reads the vocabulary now (after a sync), whatever the throttle says. */
  refresh(): void {
    this.docs.clear();
    for (const [term, doc] of this.readVocab.all() as [string, number][]) this.docs.set(term, doc);
    this.total = this.countChunks.get() as number;
    this.learnArticleWords();
    this.loadedGeneration = this.options.generation();
    this.loadedAt = (this.options.now ?? Date.now)();
  }

  private fresh(): void {
    if (this.loadedGeneration === this.options.generation()) return;
    const now = (this.options.now ?? Date.now)();
    if (this.loadedGeneration >= 0 && now - this.loadedAt < (this.options.minRefreshMs ?? 5000)) return;
    this.refresh();
  }

  /** Chunks in the index (at the last read). */
  chunkCount(): number {
    this.fresh();
    return this.total;
  }

  /** The index's stem of each word (same order); a word the tokenizer drops maps to itself. */
  stemsOf(words: readonly string[]): string[] {
    this.fresh();
    const known = (w: string) => this.indexStems.get(w) ?? this.extraStems.get(w);
    const missing = [...new Set(words.filter((w) => known(w) === undefined))];
    if (missing.length > 0) {
      if (this.extraStems.size + missing.length > MAX_EXTRA_STEMS) this.extraStems.clear();
      for (const [word, stem] of this.stemBatch(missing)) this.extraStems.set(word, stem);
    }
    return words.map((w) => known(w) as string);
  }

  /**
   * Stems the words of chunks added since the last read. Chunk ids only grow for new rows (bar the reuse of a
   * deleted last id), and a word missed that way is still stemmed on demand, so this is a cache, never a rule.
   */
  private learnArticleWords(): void {
    const fresh = new Set<string>();
    let last = this.stemmedThrough;
    for (const [rowid, ...texts] of this.newChunkTexts.iterate(this.stemmedThrough) as Iterable<[number, ...(string | null)[]]>) {
      last = rowid;
      for (const text of texts) if (text) for (const w of wordsOf(text)) if (!this.indexStems.has(w)) fresh.add(w);
    }
    this.stemmedThrough = last;
    const list = [...fresh];
    for (let i = 0; i < list.length; i += STEM_BATCH) for (const [word, stem] of this.stemBatch(list.slice(i, i + STEM_BATCH))) this.indexStems.set(word, stem);
  }

  /** One round trip through the scratch table for many words. */
  private stemBatch(words: readonly string[]): Map<string, string> {
    const found = new Map<number, string>();
    this.db.transaction(() => {
      for (const [i, word] of words.entries()) this.putWord.run(i + 1, word);
      for (const [doc, term] of this.readStems.all() as [number, string][]) if (!found.has(doc)) found.set(doc, term);
      this.clearWords.run();
    })();
    return new Map(words.map((word, i) => [word, found.get(i + 1) ?? word]));
  }

  /** In how many chunks each word occurs (0 when the index never uses it). */
  documentFrequencies(words: readonly string[]): number[] {
    return this.stemsOf(words).map((s) => this.docs.get(s) ?? 0);
  }

  /** Inverse document frequency; a word the index never uses gets an ordinary weight (it may be the key word or chatter). */
  weights(words: readonly string[]): number[] {
    const total = Math.max(1, this.chunkCount());
    return this.documentFrequencies(words).map((df) => (df === 0 ? 1 : Math.log(1 + total / df)));
  }
}
