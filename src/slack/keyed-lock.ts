/**
 * Runs tasks one after another per key (an Intercom conversation id), so a reply and a close on the same
 * conversation never race; different keys run in parallel.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)].sort();
    if (unique.length === 0) return task();
    const previous = unique.map((key) => this.tails.get(key) ?? Promise.resolve());
    const current = Promise.allSettled(previous).then(() => task());
    const settled = current.catch(() => undefined);
    for (const key of unique) this.tails.set(key, settled);
    try {
      return await current;
    } finally {
      for (const key of unique) if (this.tails.get(key) === settled) this.tails.delete(key);
    }
  }

  isBusy(key: string): boolean {
    return this.tails.has(key);
  }
}
