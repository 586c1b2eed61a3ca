/**
 * How common each word is in the knowledge base, without a query per word: FTS5's own vocabulary (document
 * frequency per stemmed term) read once into memory and re-read after the index changes. Query words are
 * stemmed by the same porter tokenizer through a scratch FTS5 table, so a word and the index agree exactly.
 */
import type Database from "better-sqlite3";
import type { Db } from "../store/database.js";

/** Stems remembered per connection; questions reuse a small vocabulary, so this rarely fills. */
const MAX_STEMS = 50_000;

export interface TermStatsOptions {
  /** Changes whenever the index does (KbIndex.generation). */
  generation: () => number;
  /** While the index keeps changing (a sync in progress), re-read at most this often. */
  minRefreshMs?: number;
  now?: () => number;
}

export class TermStats {
  private readonly docs = new Map<string, number>();
  private readonly stems = new Map<string, string>();
  private total = 0;
  private loadedGeneration = -1;
  private loadedAt = Number.NEGATIVE_INFINITY;
  private readonly readVocab: Database.Statement;
  private readonly countChunks: Database.Statement;
  private readonly putWord: Database.Statement;
  private readonly readStems: Database.Statement;
  private readonly clearWords: Database.Statement;

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
  }

  /** Re-reads the vocabulary now (after a sync), whatever the throttle says. */
  refresh(): void {
    this.docs.clear();
    for (const [term, doc] of this.readVocab.all() as [string, number][]) this.docs.set(term, doc);
    this.total = this.countChunks.get() as number;
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
    const missing = [...new Set(words.filter((w) => !this.stems.has(w)))];
    if (missing.length > 0) {
      if (this.stems.size + missing.length > MAX_STEMS) this.stems.clear();
      const found = new Map<number, string>();
      this.db.transaction(() => {
        for (const [i, word] of missing.entries()) this.putWord.run(i + 1, word);
        for (const [doc, term] of this.readStems.all() as [number, string][]) if (!found.has(doc)) found.set(doc, term);
        this.clearWords.run();
      })();
      for (const [i, word] of missing.entries()) this.stems.set(word, found.get(i + 1) ?? word);
    }
    return words.map((w) => this.stems.get(w) as string);
  }

  /** In how many chunks each word occurs (0 when the index never uses it). */
  documentFrequencies(words: readonly string[]): number[] {
    this.fresh();
    return this.stemsOf(words).map((s) => this.docs.get(s) ?? 0);
  }

  /** Inverse document frequency; a word the index never uses gets an ordinary weight (it may be the key word or chatter). */
  weights(words: readonly string[]): number[] {
    const total = Math.max(1, this.chunkCount());
    return this.documentFrequencies(words).map((df) => (df === 0 ? 1 : Math.log(1 + total / df)));
  }
}
