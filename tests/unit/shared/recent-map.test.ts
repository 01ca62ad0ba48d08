import { describe, expect, it } from 'vitest';
import { RecentMap } from '../../../src/shared/recent-map';

describe('RecentMap', () => {
  it('drops the least recently used entry past its capacity', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now newer than b
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
    expect(map.size).toBe(2);
  });

  it('makes a value once while it is kept, and again once dropped', () => {
    const map = new RecentMap<string, { n: number }>(1);
    let made = 0;
    const make = (): { n: number } => ({ n: ++made });
    const first = map.getOrSet('a', make);
    expect(map.getOrSet('a', make)).toBe(first);
    map.getOrSet('b', make);
    expect(map.getOrSet('a', make)).toEqual({ n: 3 });
  });

  it('keeps a falsy value as a value', () => {
    const map = new RecentMap<string, null>(4);
    let made = 0;
    map.getOrSet('x', () => (made++, null));
    map.getOrSet('x', () => (made++, null));
    expect(made).toBe(1);
  });

  it('keeps nothing with no capacity', () => {
    const map = new RecentMap<string, number>(0);
    map.set('a', 1);
    expect(map.get('a')).toBeUndefined();
    expect(map.size).toBe(0);
  });
});
