/**
 * Posting lists of the FTS5 index, read per term and kept in typed arrays, with every row's size: what bm25.ts
 * needs to score in memory. FTS5 stays the store and the source of truth; this only remembers what it said,
 * and forgets everything when the index changes. A term's list is read through an fts5vocab `instance` table
 * (one row per occurrence, so a word in 3,000 chunks costs about a millisecond once); row sizes come from
 * FTS5's own docsize table, the numbers bm25() reads per row.
 */
import type Database from "better-sqlite3";
import type { Db } from "../store/database.js";
import type { PostingList, RowSizes } from "./bm25.js";

export interface PostingStoreOptions {
  /** Changes whenever the index does (KbIndex.generation). */
  generation: () => number;
  /** The FTS5 table's columns, in order. */
  columns: readonly string[];
  /** Postings (row, term) kept before the least recently used lists are dropped. */
  maxPostings?: number;
  /** While the index keeps changing (a sync in progress), rebuild at most this often and let FTS5 answer meanwhile. */
  minRebuildMs?: number;
  now?: () => number;
}

const DEFAULT_MAX_POSTINGS = 1_500_000;
const EMPTY: PostingList = { rows: new Int32Array(0), tf: new Uint16Array(0) };

class DenseSizes implements RowSizes {
  constructor(
    private readonly sizes: Uint32Array,
    readonly count: number,
    readonly average: number,
  ) {}

  size(rowId: number): number {
    return this.sizes[rowId] ?? 0;
  }

  get bytes(): number {
    return this.sizes.byteLength;
  }
}

/** SQLite's varint (the docsize blob's format): big-endian groups of 7 bits, the ninth byte whole. */
export function readVarints(blob: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < blob.length) {
    let value = 0;
    let n = 0;
    for (;;) {
      const byte = blob[i++] as number;
      if (n === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      n++;
      if ((byte & 0x80) === 0 || i >= blob.length) break;
    }
    out.push(value);
  }
  return out;
}

/**
 * "12,40,41" to [12, 40, 41]. A list comes from SQLite as one comma-separated string: one value per occurrence
 * handed to JavaScript cost a quarter more than building and parsing the string.
 */
export function parseIntegers(text: string): number[] {
  const out: number[] = [];
  if (text.length === 0) return out;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44) {
      out.push(value);
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  out.push(value);
  return out;
}

export class PostingStore {
  private readonly lists = new Map<string, PostingList>();
  private held = 0;
  private sizes?: DenseSizes;
  private builtGeneration = -1;
  private builtAt = Number.NEGATIVE_INFINITY;
  private readonly readTerm: Database.Statement<[string]>;
  private readonly readSizes: Database.Statement;

  constructor(
    db: Db,
    private readonly options: PostingStoreOptions,
  ) {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_instances USING fts5vocab(main, kb_fts, instance)");
    // One integer per occurrence (row and column packed): arrays per row were half the cost of reading a list.
    const column = options.columns.map((name, i) => `WHEN '${name}' THEN ${i}`).join(" ");
    this.readTerm = db
      .prepare<[string]>(`SELECT group_concat(doc * ${options.columns.length} + CASE col ${column} END) FROM temp.kb_instances WHERE term = ?`)
      .pluck();
    this.readSizes = db.prepare("SELECT id, sz FROM kb_fts_docsize").raw();
  }

  /**
   * Whether the lists may be used now: after a change they are rebuilt (on first use), unless the index is
   * changing continuously, when FTS5 answers until it settles.
   */
  ready(): boolean {
    const generation = this.options.generation();
    if (generation === this.builtGeneration) return true;
    const now = (this.options.now ?? Date.now)();
    if (this.builtGeneration >= 0 && now - this.builtAt < (this.options.minRebuildMs ?? 2000)) return false;
    this.forget();
    this.sizes = undefined;
    this.builtGeneration = generation;
    this.builtAt = now;
    return true;
  }

  rowSizes(): RowSizes {
    if (this.sizes) return this.sizes;
    const columns = this.options.columns.length;
    const rows = this.readSizes.all() as [number, Uint8Array][];
    let max = 0;
    for (const [id] of rows) if (id > max) max = id;
    const sizes = new Uint32Array(max + 1);
    let total = 0;
    for (const [id, blob] of rows) {
      const perColumn = readVarints(blob);
      let size = 0;
      for (let c = 0; c < columns; c++) size += perColumn[c] ?? 0;
      sizes[id] = size;
      total += size;
    }
    this.sizes = new DenseSizes(sizes, rows.length, rows.length > 0 ? total / rows.length : 0);
    return this.sizes;
  }

  /** The rows of an index term (a stem as FTS5 stores it), read once and remembered. */
  list(term: string): PostingList {
    const cached = this.lists.get(term);
    if (cached) {
      // Map order is the eviction order: a list in use moves to the back.
      this.lists.delete(term);
      this.lists.set(term, cached);
      return cached;
    }
    const list = term ? this.read(term) : EMPTY;
    const max = this.options.maxPostings ?? DEFAULT_MAX_POSTINGS;
    for (const [oldest, old] of this.lists) {
      if (this.held + list.rows.length <= max) break;
      this.lists.delete(oldest);
      this.held -= old.rows.length;
    }
    this.lists.set(term, list);
    this.held += list.rows.length;
    return list;
  }

  /** Postings held now (for the memory figure and tests). */
  size(): number {
    return this.held;
  }

  /** Bytes held in typed arrays: the lists and the row sizes. */
  bytes(): number {
    let total = this.sizes?.bytes ?? 0;
    for (const list of this.lists.values()) total += list.rows.byteLength + list.tf.byteLength;
    return total;
  }

  /** Drops every list (not the row sizes): the next question reads its words' lists again, as after a change. */
  forget(): void {
    this.lists.clear();
    this.held = 0;
  }

  private read(term: string): PostingList {
    const columns = this.options.columns.length;
    const packed = parseIntegers((this.readTerm.get(term) as string | null) ?? "");
    if (packed.length === 0) return EMPTY;
    // FTS5 walks a term's rows in rowid order; sorted here anyway if it ever does not, since lookups bisect.
    for (let k = 1; k < packed.length; k++) {
      if ((packed[k] as number) < (packed[k - 1] as number)) {
        packed.sort((a, b) => a - b);
        break;
      }
    }
    // Occurrences come ordered by row, so each row's occurrences are together.
    let distinct = 0;
    let last = -1;
    for (const p of packed) {
      const row = Math.floor(p / columns);
      if (row !== last) distinct++;
      last = row;
    }
    const rows = new Int32Array(distinct);
    const tf = new Uint16Array(distinct * columns);
    let i = -1;
    last = -1;
    for (const p of packed) {
      const row = Math.floor(p / columns);
      if (row !== last) {
        i++;
        rows[i] = row;
        last = row;
      }
      const slot = i * columns + (p - row * columns);
      if ((tf[slot] as number) < 0xffff) tf[slot] = (tf[slot] as number) + 1;
    }
    return { rows, tf };
  }
}
