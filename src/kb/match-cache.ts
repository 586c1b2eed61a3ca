/**
 * FTS5 results for expressions that make it score many rows (a question made only of common words such as
 * "booking" or "hotel"), kept until the index changes. Such words recur in question after question, and
 * scoring their thousand-odd rows again each time was the slow end of search; rare words are cheap to score
 * and are not kept. Bounded: the least recently used expression goes first.
 */
export class MatchCache<V> {
  private readonly entries = new Map<string, V>();
  private generation = -1;

  constructor(private readonly capacity = 500) {}

  /** The cached value for key at this index generation, or what compute returns (then kept). */
  get(key: string, generation: number, compute: () => V): V {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-inserting moves the key to the end: Map order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
