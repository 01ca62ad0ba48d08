import { describe, expect, it } from 'vitest';
import { fnv1a, shardCountFor, shardIndex, shardName, shardOf } from '../../../src/shared/shards';

describe('fnv1a', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the published FNV-1a 32-bit value', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });

  it('gives an unsigned 32-bit integer', () => {
    for (const text of ['', 'sputnikglobe.com/x', 'ключ', '😀']) {
      const hash = fnv1a(text);
      expect(Number.isInteger(hash)).toBe(true);
      expect(hash).toBeGreaterThanOrEqual(0);
      expect(hash).toBeLessThan(2 ** 32);
    }
  });
});

describe('shardCountFor', () => {
  it.each([
    [0, 64, 1],
    [1, 64, 1],
    [64, 64, 1],
    [65, 64, 2],
    [128, 64, 2],
    [129, 64, 4],
    [256, 64, 4],
    [257, 64, 8],
    [50_000, 64, 1024],
    [50_000, 128, 512],
    [1e9, 64, 4096],
  ])('%i entries at %i a shard → %i shards', (entries, perShard, count) => {
    expect(shardCountFor(entries, perShard)).toBe(count);
  });

  it('grows as a power of two, never past 4096', () => {
    let previous = 1;
    for (let entries = 0; entries <= 1_000_000; entries += 997) {
      const count = shardCountFor(entries, 64);
      expect(Math.log2(count) % 1).toBe(0);
      expect(count).toBeGreaterThanOrEqual(previous);
      expect(count).toBeLessThanOrEqual(4096);
      if (count < 4096) expect(entries / count).toBeLessThanOrEqual(64);
      previous = count;
    }
  });
});

describe('shardOf', () => {
  // Pinned: the compiler and every installed extension must keep agreeing on these.
  it.each([
    ['', 16, '5'],
    ['', 4096, 'dc5'],
    ['a', 16, 'c'],
    ['a', 256, '2c'],
    ['sputnikglobe.com/x', 32, '08'],
    ['sputnikglobe.com/x', 4096, 'a68'],
    ['org:kataib-hezbollah', 256, '89'],
    ['ключ', 4096, 'ab9'],
  ])('puts %j in shard %i as %j', (key, count, name) => {
    expect(shardOf(key, count)).toBe(name);
  });

  it('puts everything in shard 0 when there is one shard', () => {
    for (const key of ['', 'a', 'sputnikglobe.com/x']) expect(shardOf(key, 1)).toBe('0');
  });

  it('names a shard that exists', () => {
    for (let i = 0; i < 500; i++) {
      const index = shardIndex(`example.com/story-${i}`, 64);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(64);
    }
  });
});

describe('shardName', () => {
  it.each([
    [0, 1, '0'],
    [1, 2, '1'],
    [15, 16, 'f'],
    [1, 32, '01'],
    [31, 32, '1f'],
    [255, 256, 'ff'],
    [0, 512, '000'],
    [511, 512, '1ff'],
    [0, 4096, '000'],
    [4095, 4096, 'fff'],
  ])('shard %i of %i is %j', (index, count, name) => {
    expect(shardName(index, count)).toBe(name);
  });

  it.each([1, 2, 16, 32, 256, 4096])('gives all %i shards distinct names of one width', (count) => {
    const names = Array.from({ length: count }, (_, index) => shardName(index, count));
    expect(new Set(names).size).toBe(count);
    expect(new Set(names.map((name) => name.length)).size).toBe(1);
  });
});
