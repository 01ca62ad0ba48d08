/**
 * A map that keeps only its `capacity` most recently used entries: for values that are
 * cheap to make again but asked for again soon (a sender's parsed URL, an article's words
 * while the user types), so memory stays bounded for the worker's or the popup's life.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** The value kept for `key`, now the most recently used; undefined when none is kept. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    // Re-inserted last: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.capacity <= 0) return;
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The kept value, or `make()`'s, kept from now on. */
  getOrSet(key: K, make: () => V): V {
    if (this.entries.has(key)) return this.get(key)!;
    const value = make();
    this.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
