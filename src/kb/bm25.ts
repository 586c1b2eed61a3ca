/**
 * FTS5's bm25, computed in JavaScript from posting lists held in memory. The formula, constants and idf are
 * FTS5's own (fts5_aux.c): each phrase's column frequencies are weighted and summed, the row's length is its
 * token count over all columns, and a phrase found in more than half the rows keeps a tiny positive idf. So
 * the ranking is the index's, without FTS5 decoding position lists and reading every row's size per query.
 * Pure: posting lists and row sizes in, scores out.
 */

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** One term's rows, ascending, with the term's frequency in each column of each row (`columns` per row). */
export interface PostingList {
  rows: Int32Array;
  /** tf[i * columns + c]: occurrences in column c of rows[i]. */
  tf: Uint16Array;
}

export interface RowSizes {
  /** Tokens in the row over all columns (0 for an unknown row). */
  size(rowId: number): number;
  /** Rows in the index. */
  count: number;
  /** Mean tokens per row over all columns. */
  average: number;
}

export interface Phrase {
  list: PostingList;
  /** Only these columns count (an FTS5 column filter such as `title : "x"`); all when absent. */
  onlyColumns?: readonly number[];
  /**
   * What the phrase's share counts (1 when absent): what a two-word phrase means, or a word of the earlier conversation, says less
   * about what the customer asks than the customer's own word. FTS5 has no such weight; see search.ts.
   */
  weight?: number;
}

/** Rows holding the phrase: FTS5 counts them for the idf, with the column filter applied. */
function matchingRows(phrase: Phrase, columns: number): number {
  const { list, onlyColumns } = phrase;
  if (!onlyColumns) return list.rows.length;
  let n = 0;
  for (let i = 0; i < list.rows.length; i++) if (onlyColumns.some((c) => (list.tf[i * columns + c] as number) > 0)) n++;
  return n;
}

export function bm25Idf(rowsWithPhrase: number, rowCount: number): number {
  const idf = Math.log((rowCount - rowsWithPhrase + 0.5) / (rowsWithPhrase + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/**
 * Scores per row id in dense arrays reused from one question to the next: a Map and an entry array per query
 * cost as much as the scoring. Only the rows touched are cleared again.
 */
export class ScoreBoard {
  private scores = new Float64Array(1024);
  private seen = new Uint8Array(1024);
  private touched = new Int32Array(1024);
  private count = 0;
  /** Scratch for finding the cut-off score, reused like the rest. */
  private sorting = new Float64Array(1024);

  clear(): void {
    for (let i = 0; i < this.count; i++) {
      const row = this.touched[i] as number;
      this.scores[row] = 0;
      this.seen[row] = 0;
    }
    this.count = 0;
  }

  add(row: number, value: number): void {
    if (row >= this.scores.length) this.grow(row);
    if (this.seen[row] === 0) {
      this.seen[row] = 1;
      if (this.count === this.touched.length) {
        const more = new Int32Array(this.touched.length * 2);
        more.set(this.touched);
        this.touched = more;
      }
      this.touched[this.count++] = row;
    }
    this.scores[row] = (this.scores[row] as number) + value;
  }

  has(row: number): boolean {
    return row < this.seen.length && this.seen[row] === 1;
  }

  get(row: number): number {
    return this.has(row) ? (this.scores[row] as number) : 0;
  }

  /** The rows with a score, in the order they were first scored. */
  rows(): Int32Array {
    return this.touched.subarray(0, this.count);
  }

  /** The best `limit` rows as [row, score], best first; equal scores by row id, so the order is always the same. */
  top(limit: number): [number, number][] {
    let threshold = Number.NEGATIVE_INFINITY;
    if (this.count > limit) {
      if (this.sorting.length < this.count) this.sorting = new Float64Array(this.touched.length);
      const values = this.sorting.subarray(0, this.count);
      for (let i = 0; i < this.count; i++) values[i] = this.scores[this.touched[i] as number] as number;
      values.sort();
      threshold = values[this.count - limit] as number;
    }
    const out: [number, number][] = [];
    for (let i = 0; i < this.count; i++) {
      const row = this.touched[i] as number;
      const score = this.scores[row] as number;
      if (score >= threshold) out.push([row, score]);
    }
    out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return out.length > limit ? out.slice(0, limit) : out;
  }

  private grow(row: number): void {
    const size = Math.max(row + 1, this.scores.length * 2);
    const scores = new Float64Array(size);
    scores.set(this.scores);
    const seen = new Uint8Array(size);
    seen.set(this.seen);
    this.scores = scores;
    this.seen = seen;
  }
}

/**
 * Adds each phrase's bm25 share to the board (higher is better; FTS5 reports the negative). Only rows
 * accepted by `keep` are scored. Phrases are added in order, as FTS5 does; the sums agree with FTS5's to
 * within 1e-9 (about one score in seven differs in its last bits; only exact ties can come out in another order).
 */
export function addBm25(phrases: readonly Phrase[], weights: readonly number[], sizes: RowSizes, into: ScoreBoard, keep?: (rowId: number) => boolean): void {
  const columns = weights.length;
  const lengthNorm = BM25_B / (sizes.average || 1);
  for (const phrase of phrases) {
    const { list, onlyColumns } = phrase;
    const idf = bm25Idf(matchingRows(phrase, columns), sizes.count) * (phrase.weight ?? 1);
    for (let i = 0; i < list.rows.length; i++) {
      const row = list.rows[i] as number;
      if (keep && !keep(row)) continue;
      let freq = 0;
      for (let c = 0; c < columns; c++) {
        const tf = list.tf[i * columns + c] as number;
        if (tf > 0 && (!onlyColumns || onlyColumns.includes(c))) freq += tf * (weights[c] as number);
      }
      if (freq === 0) continue;
      into.add(row, idf * ((freq * (BM25_K1 + 1)) / (freq + BM25_K1 * (1 - BM25_B + lengthNorm * sizes.size(row)))));
    }
  }
}

/** Whether a posting list has the row, in any of the given columns. */
export function hasRow(list: PostingList, row: number, columns: number, inColumns: readonly number[]): boolean {
  let lo = 0;
  let hi = list.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = list.rows[mid] as number;
    if (value === row) return inColumns.some((c) => (list.tf[mid * columns + c] as number) > 0);
    if (value < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
