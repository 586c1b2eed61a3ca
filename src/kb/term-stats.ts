/**
 * How common each word is in the knowledge base, without a query per word: FTS5's own vocabulary (document
 * frequency per stemmed term) read once into memory and re-read after the index changes. Query words are
 * stemmed by the same porter tokenizer through a scratch FTS5 table, so a word and the index agree exactly.
 */
import type Database from "better-sqlite3";
import type { Db } from "../store/database.js";

const ONE_TOKEN = /^[\p{L}\p{N}]+$/u;

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
  private readonly readOffsets: Database.Statement;
  private readonly clearWords: Database.Statement;

  constructor(
    private readonly db: Db,
    private readonly options: TermStatsOptions,
  ) {
    // Temp objects live in this connection only: nothing is added to the app's schema.
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_vocab USING fts5vocab(main, kb_fts, row);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_stemmer_words USING fts5(word, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_stemmer_terms USING fts5vocab(temp, kb_stemmer_words, instance);
    `);
    this.readVocab = db.prepare("SELECT term, doc FROM temp.kb_vocab").raw();
    this.countChunks = db.prepare("SELECT COUNT(*) FROM kb_chunks").pluck();
    this.putWord = db.prepare("INSERT INTO temp.kb_stemmer_words (rowid, word) VALUES (?, ?)");
    this.readStems = db.prepare("SELECT doc, term FROM temp.kb_stemmer_terms").raw();
    this.readOffsets = db.prepare("SELECT term, offset FROM temp.kb_stemmer_terms").raw();
    // Contentless, so emptying it is FTS5's 'delete-all' and needs no second pass of the tokenizer over the words.
    this.clearWords = db.prepare("INSERT INTO temp.kb_stemmer_words (kb_stemmer_words) VALUES ('delete-all')");
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
      // Plain words together; a word of several tokens ("two-factor") on its own row, where its first token wins.
      const plain = missing.filter((w) => ONE_TOKEN.test(w));
      const other = missing.filter((w) => !ONE_TOKEN.test(w));
      for (const group of [plain, other]) {
        if (group.length === 0) continue;
        const found = (group === plain ? this.stemTogether(group) : undefined) ?? this.stemOneByOne(group);
        for (const [i, word] of group.entries()) this.stems.set(word, found[i] ?? word);
      }
    }
    return words.map((w) => this.stems.get(w) as string);
  }

  /**
   * All the words as one row: one insert instead of one per word, which was most of a never-seen question's
   * cost here. Only when every word is exactly one token, so the nth token is the nth word's stem.
   */
  private stemTogether(words: readonly string[]): (string | undefined)[] | undefined {
    const byOffset: (string | undefined)[] = new Array(words.length);
    let tokens = 0;
    this.db.transaction(() => {
      this.putWord.run(1, words.join(" "));
      for (const [term, offset] of this.readOffsets.all() as [string, number][]) {
        tokens++;
        byOffset[offset] = term;
      }
      this.clearWords.run();
    })();
    return tokens === words.length && byOffset.every((t) => t !== undefined) ? byOffset : undefined;
  }

  private stemOneByOne(words: readonly string[]): (string | undefined)[] {
    const found = new Map<number, string>();
    this.db.transaction(() => {
      for (const [i, word] of words.entries()) this.putWord.run(i + 1, word);
      for (const [doc, term] of this.readStems.all() as [number, string][]) if (!found.has(doc)) found.set(doc, term);
      this.clearWords.run();
    })();
    return words.map((_, i) => found.get(i + 1));
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
