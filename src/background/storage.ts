/**
 * The only module that touches browser.storage. Every stored value is a typed item with
 * a schema; what fails its schema is never trusted, and the caller gets the default.
 * (Quarantine and migrations of user notes arrive with the notes store.)
 */
import * as v from 'valibot';
import { browser } from '../shared/browser';

/** Version of everything this extension keeps in storage.local; bumped with a migration. */
export const STORAGE_SCHEMA_VERSION = 1;

export interface StorageItem<T> {
  area: 'local' | 'session';
  key: string;
  schema: v.GenericSchema<unknown, T>;
  fallback: () => T;
}

export function storageItem<T>(
  area: StorageItem<T>['area'],
  key: string,
  schema: v.GenericSchema<unknown, T>,
  fallback: () => T,
): StorageItem<T> {
  return { area, key, schema, fallback };
}

function areaOf(item: StorageItem<unknown>) {
  return item.area === 'local' ? browser.storage.local : browser.storage.session;
}

export async function readItem<T>(item: StorageItem<T>): Promise<T> {
  const stored = (await areaOf(item).get(item.key))[item.key];
  if (stored === undefined) return item.fallback();
  const parsed = v.safeParse(item.schema, stored);
  if (parsed.success) return parsed.output;
  console.warn(`Backstory: stored ${item.key} is not valid (${v.summarize(parsed.issues)}); using defaults`);
  return item.fallback();
}

export async function writeItem<T>(item: StorageItem<T>, value: T): Promise<void> {
  await areaOf(item).set({ [item.key]: value });
}

export async function removeItem(item: StorageItem<unknown>): Promise<void> {
  await areaOf(item).remove(item.key);
}

/** Reads, changes and writes one item. Serialized per key so concurrent updates do not interleave. */
const pendingUpdates = new Map<string, Promise<unknown>>();
export function updateItem<T>(item: StorageItem<T>, change: (value: T) => T): Promise<T> {
  const id = `${item.area}:${item.key}`;
  const previous = pendingUpdates.get(id) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(async () => {
    const value = change(await readItem(item));
    await writeItem(item, value);
    return value;
  });
  pendingUpdates.set(id, next);
  void next.finally(() => {
    if (pendingUpdates.get(id) === next) pendingUpdates.delete(id);
  });
  return next;
}
