/**
 * Large indexes (URL → article, entity → articles, article catalog) are split into shards
 * by a hash of their key, so a lookup fetches one small file whatever the archive's size.
 * The compiler and the extension must agree on the hash: this module is used by both.
 */

/** 32-bit FNV-1a over UTF-16 code units: tiny, fast and identical in Node and browsers. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A power of two giving about `perShard` entries a shard (1 to 4096 shards). */
export function shardCountFor(entries: number, perShard: number): number {
  let count = 1;
  while (count < 4096 && entries / count > perShard) count *= 2;
  return count;
}

/** The number of the shard holding `key`. */
export function shardIndex(key: string, shardCount: number): number {
  return fnv1a(key) % shardCount;
}

/** A shard's file name (without extension): hex, fixed width for the count. */
export function shardName(index: number, shardCount: number): string {
  const width = Math.max(1, Math.ceil(Math.log2(shardCount) / 4));
  return index.toString(16).padStart(width, '0');
}

/** The file name of the shard holding `key`. */
export function shardOf(key: string, shardCount: number): string {
  return shardName(shardIndex(key, shardCount), shardCount);
}
