/**
 * The storage module's copy of what the worker last read or wrote: it saves round trips
 * and never hides a change storage reports, nor a write that failed.
 */
import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from '../helpers/fake-browser';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));

const { keysPrefixed, readItem, readPrefixed, removeItem, storageItem, updateItem, writeItem } = await import('../../../src/background/storage');

const counter = storageItem('local', 'counter', v.object({ n: v.number() }), () => ({ n: 0 }));

beforeEach(() => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const reads = () => vi.spyOn(fake.browser.storage.local, 'get');

describe('the storage copy', () => {
  it('reads an item from storage once, then from the copy', async () => {
    await fake.browser.storage.local.set({ counter: { n: 3 } });
    const get = reads();
    expect(await readItem(counter)).toEqual({ n: 3 });
    expect(await readItem(counter)).toEqual({ n: 3 });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('hands out a fresh object each time, so a caller cannot change the copy', async () => {
    await writeItem(counter, { n: 1 });
    const first = await readItem(counter);
    first.n = 99;
    expect(await readItem(counter)).toEqual({ n: 1 });
  });

  it('knows what it wrote without reading it back', async () => {
    await writeItem(counter, { n: 5 });
    const get = reads();
    expect(await readItem(counter)).toEqual({ n: 5 });
    expect(get).not.toHaveBeenCalled();
    expect(fake.browser.storage.local.data.get('counter')).toEqual({ n: 5 });
  });

  it('drops the copy when storage reports another value (another context wrote it)', async () => {
    await writeItem(counter, { n: 1 });
    await fake.browser.storage.local.set({ counter: { n: 2 } });
    expect(await readItem(counter)).toEqual({ n: 2 });
  });

  it('drops the copy when the item is removed, by the worker or elsewhere', async () => {
    await writeItem(counter, { n: 1 });
    await fake.browser.storage.local.remove('counter');
    expect(await readItem(counter)).toEqual({ n: 0 });
    await writeItem(counter, { n: 4 });
    await removeItem(counter);
    expect(await readItem(counter)).toEqual({ n: 0 });
  });

  it('keeps no copy of a write that failed', async () => {
    await writeItem(counter, { n: 1 });
    fake.browser.storage.local.failWith = new Error('QUOTA_BYTES quota exceeded');
    await expect(writeItem(counter, { n: 2 })).rejects.toThrow(/quota/);
    expect(await readItem(counter)).toEqual({ n: 1 });
  });

  it('keeps no copy of a read that a write overtook', async () => {
    await fake.browser.storage.local.set({ counter: { n: 1 } });
    const area = fake.browser.storage.local;
    const read = area.get.bind(area);
    // The first read answers late, with what storage held when it was asked.
    vi.spyOn(area, 'get').mockImplementationOnce(async (keys) => {
      const before = await read(keys);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return before;
    });
    const slowRead = readItem(counter);
    await writeItem(counter, { n: 2 });
    expect(await slowRead).toEqual({ n: 1 });
    expect(await readItem(counter)).toEqual({ n: 2 });
  });

  it('validates the copy as it validates storage: a bad stored value gives the default', async () => {
    await fake.browser.storage.local.set({ counter: { n: 'three' } });
    expect(await readItem(counter)).toEqual({ n: 0 });
    expect(await readItem(counter)).toEqual({ n: 0 });
  });

  it('keeps one copy per storage area object, so a new browser (a new worker) starts empty', async () => {
    await writeItem(counter, { n: 7 });
    fake.browser = fakeBrowser();
    expect(await readItem(counter)).toEqual({ n: 0 });
  });
});

describe('updateItem', () => {
  it('writes nothing when the change returns the value it was given', async () => {
    await writeItem(counter, { n: 1 });
    const set = vi.spyOn(fake.browser.storage.local, 'set');
    expect(await updateItem(counter, (value) => value)).toEqual({ n: 1 });
    expect(set).not.toHaveBeenCalled();
    await updateItem(counter, ({ n }) => ({ n: n + 1 }));
    expect(set).toHaveBeenCalledTimes(1);
    expect(await readItem(counter)).toEqual({ n: 2 });
  });
});

describe('readPrefixed', () => {
  it('reads only the keys with the prefix where the browser can list keys, and everything otherwise', async () => {
    await fake.browser.storage.local.set({ 'notes:a': 1, 'notes:b': 2, 'captured:x': 'a long article' });
    const get = reads();
    expect(await readPrefixed('local', 'notes:')).toEqual({ 'notes:a': 1, 'notes:b': 2 });
    expect(get).toHaveBeenLastCalledWith(null);
    const area = fake.browser.storage.local as typeof fake.browser.storage.local & { getKeys?: () => Promise<string[]> };
    area.getKeys = async () => [...area.data.keys()];
    expect(await readPrefixed('local', 'notes:')).toEqual({ 'notes:a': 1, 'notes:b': 2 });
    expect(get).toHaveBeenLastCalledWith(['notes:a', 'notes:b']);
    expect(await readPrefixed('local', 'none:')).toEqual({});
  });
});

describe('keysPrefixed', () => {
  it('lists the keys with the prefix where the browser can, reads everything only when told to, else answers null', async () => {
    await fake.browser.storage.local.set({ 'notes:a': 1, 'notes:b': 2, 'captured:x': 'a long article' });
    const get = reads();
    expect(await keysPrefixed('local', 'notes:')).toBeNull();
    expect(get).not.toHaveBeenCalled();
    expect(await keysPrefixed('local', 'notes:', { readAll: true })).toEqual(['notes:a', 'notes:b']);
    expect(get).toHaveBeenLastCalledWith(null);
    const area = fake.browser.storage.local as typeof fake.browser.storage.local & { getKeys?: () => Promise<string[]> };
    area.getKeys = async () => [...area.data.keys()];
    get.mockClear();
    expect(await keysPrefixed('local', 'notes:')).toEqual(['notes:a', 'notes:b']);
    expect(await keysPrefixed('local', 'none:', { readAll: true })).toEqual([]);
    expect(get).not.toHaveBeenCalled();
  });
});
