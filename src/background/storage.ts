/**
 * The only module that touches browser.storage. Every stored value is a typed item with
 * a schema; what fails its schema is never trusted, and the caller gets the default.
 * Keyed records (the notes) are read raw and validated, migrated or quarantined by their store.
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

type Area = typeof browser.storage.local;

function areaOf(item: StorageItem<unknown>): Area {
  return item.area === 'local' ? browser.storage.local : browser.storage.session;
}

/**
 * What this worker last read or wrote of each item, as the JSON it was stored as. The
 * worker is the only writer, so this saves the sidebar's path a storage round trip per
 * item; storage stays the truth: the copy goes with the worker when it stops, and is
 * dropped when storage reports the key changed to anything else. A read or write keeps
 * its copy only if no other change to the key began meanwhile.
 */
interface Copies {
  json: Map<string, string>;
  /** What this worker's writes under way store: storage may report them before they resolve. */
  writing: Map<string, string>;
  /** Changes begun per key (writes, removals, other contexts' changes). */
  changes: Map<string, number>;
}
const copies = new WeakMap<Area, Copies>();

function copiesOf(item: StorageItem<unknown>): Copies {
  const area = areaOf(item);
  let held = copies.get(area);
  if (!held) {
    const fresh: Copies = { json: new Map(), writing: new Map(), changes: new Map() };
    browser.storage.onChanged.addListener((changes, areaName) => {
      if (areaName !== item.area) return;
      for (const [key, change] of Object.entries(changes)) {
        const reported = change.newValue === undefined ? undefined : JSON.stringify(change.newValue);
        const known = reported !== undefined && (reported === fresh.json.get(key) || reported === fresh.writing.get(key));
        if (!known) forget(fresh, key);
      }
    });
    copies.set(area, (held = fresh));
  }
  return held;
}

/** Drops the key's copy and returns the number of the change that begins now. */
function forget(held: Copies, key: string): number {
  held.json.delete(key);
  const change = (held.changes.get(key) ?? 0) + 1;
  held.changes.set(key, change);
  return change;
}

function parseStored<T>(item: StorageItem<T>, stored: unknown): T {
  if (stored === undefined) return item.fallback();
  const parsed = v.safeParse(item.schema, stored);
  if (parsed.success) return parsed.output;
  console.warn(`Backstory: stored ${item.key} is not valid (${v.summarize(parsed.issues)}); using defaults`);
  return item.fallback();
}

export async function readItem<T>(item: StorageItem<T>): Promise<T> {
  const copy = copiesOf(item).json.get(item.key);
  return copy !== undefined ? parseStored(item, JSON.parse(copy)) : readFresh(item);
}

/** Reads the item from storage itself, not from the copy (and keeps what it read as the copy). */
async function readFresh<T>(item: StorageItem<T>): Promise<T> {
  const held = copiesOf(item);
  const changesBefore = held.changes.get(item.key) ?? 0;
  const stored = (await areaOf(item).get(item.key))[item.key];
  if (stored !== undefined && (held.changes.get(item.key) ?? 0) === changesBefore) held.json.set(item.key, JSON.stringify(stored));
  return parseStored(item, stored);
}

export async function writeItem<T>(item: StorageItem<T>, value: T): Promise<void> {
  const held = copiesOf(item);
  const change = forget(held, item.key);
  const json = JSON.stringify(value);
  held.writing.set(item.key, json);
  try {
    await areaOf(item).set({ [item.key]: value });
    if (held.changes.get(item.key) === change) held.json.set(item.key, json);
  } finally {
    if (held.writing.get(item.key) === json) held.writing.delete(item.key);
  }
}

export async function removeItem(item: StorageItem<unknown>): Promise<void> {
  forget(copiesOf(item), item.key);
  await areaOf(item).remove(item.key);
}

/**
 * Reads, changes and writes one item, under the item's lock and on a fresh read from
 * storage (not the copy: a change another context made may not have been reported yet).
 * A change that returns the value it was given writes nothing.
 */
const pendingUpdates = new Map<string, Promise<unknown>>();
export function updateItem<T>(item: StorageItem<T>, change: (value: T) => T): Promise<T> {
  return serializedByKey(lockOf(item.area, item.key), async () => {
    const current = await readFresh(item);
    const value = change(current);
    if (value !== current) await writeItem(item, value);
    return value;
  });
}

/** The lock of one stored key: every read-modify-write of the key runs under it. */
export function lockOf(area: AreaName, key: string): string {
  return `${area}:${key}`;
}

/**
 * Runs `task` after every earlier task queued under `id` settled (a failed one does not
 * block the next). Only orders work inside this worker's life: nothing waits in memory.
 */
export function serializedByKey<T>(id: string, task: () => Promise<T>): Promise<T> {
  const previous = pendingUpdates.get(id) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  pendingUpdates.set(id, next);
  void next.finally(() => {
    if (pendingUpdates.get(id) === next) pendingUpdates.delete(id);
  }).catch(() => undefined);
  return next;
}

/*
 * Keyed records (the notes store: one record per article under `<prefix><id>`). These
 * return stored values unvalidated: the caller validates, migrates or quarantines them.
 */
export type AreaName = 'local' | 'session' | 'sync';

function namedArea(name: AreaName) {
  return name === 'local' ? browser.storage.local : name === 'session' ? browser.storage.session : browser.storage.sync;
}

export async function readRaw(area: AreaName, key: string): Promise<unknown> {
  return (await namedArea(area).get(key))[key];
}

/** Several keys in one storage call: the stored ones, raw. */
export async function readManyRaw(area: AreaName, keys: readonly string[]): Promise<Record<string, unknown>> {
  return keys.length === 0 ? {} : namedArea(area).get([...keys]);
}

/** The stored keys that start with `prefix`, where the browser can list keys (`getKeys`: Chromium 130, Firefox 143); else null. */
async function listedKeys(area: AreaName, prefix: string): Promise<string[] | null> {
  const storage = namedArea(area) as ReturnType<typeof namedArea> & { getKeys?: () => Promise<string[]> };
  return typeof storage.getKeys === 'function' ? (await storage.getKeys()).filter((key) => key.startsWith(prefix)) : null;
}

/** Where keys cannot be listed: the whole area is read to find them. */
async function readAllPrefixed(area: AreaName, prefix: string): Promise<Record<string, unknown>> {
  const all = await namedArea(area).get(null);
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(prefix)));
}

/**
 * Every stored key that starts with `prefix`, with its raw value. Only those values are
 * read where the browser can list keys: captured articles and their search index are tens
 * of MB beside a few notes records.
 */
export async function readPrefixed(area: AreaName, prefix: string): Promise<Record<string, unknown>> {
  const keys = await listedKeys(area, prefix);
  if (keys === null) return readAllPrefixed(area, prefix);
  return keys.length === 0 ? {} : namedArea(area).get(keys);
}

/**
 * The stored keys that start with `prefix`, without their values: where the browser can list
 * keys, or, only with `readAll`, by reading everything; else null.
 */
export async function keysPrefixed(area: AreaName, prefix: string, options: { readAll?: boolean } = {}): Promise<string[] | null> {
  const keys = await listedKeys(area, prefix);
  if (keys !== null || !options.readAll) return keys;
  return Object.keys(await readAllPrefixed(area, prefix));
}

/**
 * The keys under one prefix, known to this worker: listed once per worker life (the whole
 * area read where the browser cannot list keys), then kept by this module's writes and by
 * storage.onChanged for keys written elsewhere. A key is only ever added: one removed stays
 * listed until the worker stops, which costs a get of a missing key, where dropping it could
 * hide a record written again meanwhile.
 */
interface KnownKeys {
  prefix: string;
  /** Null while the listing is under way: keys written meanwhile wait in `added`. */
  listed: Set<string> | null;
  added: Set<string>;
  ready: Promise<Set<string>>;
}
const knownKeys = new WeakMap<object, Map<string, KnownKeys>>();

function knownOf(area: AreaName): Map<string, KnownKeys> {
  const storage = namedArea(area);
  let byPrefix = knownKeys.get(storage);
  if (!byPrefix) knownKeys.set(storage, (byPrefix = new Map()));
  return byPrefix;
}

/** A key stored under a known prefix: listed, or kept for the listing under way. */
function addKnown(known: KnownKeys, key: string): void {
  if (key.startsWith(known.prefix)) (known.listed ?? known.added).add(key);
}

function noteWritten(area: AreaName, keys: readonly string[]): void {
  for (const known of knownOf(area).values()) for (const key of keys) addKnown(known, key);
}

function keysKnown(area: AreaName, prefix: string): Promise<Set<string>> {
  const byPrefix = knownOf(area);
  const held = byPrefix.get(prefix);
  if (held) return held.ready;
  const known: KnownKeys = { prefix, listed: null, added: new Set(), ready: undefined as unknown as Promise<Set<string>> };
  // Listening before the listing starts: a key written while it runs is either listed or reported.
  const stop = onAreaChanged(area, (changes) => {
    for (const [key, change] of Object.entries(changes)) if (change.newValue !== undefined) addKnown(known, key);
  });
  known.ready = keysPrefixed(area, prefix, { readAll: true }).then(
    (keys) => (known.listed = new Set([...(keys ?? []), ...known.added])),
    (error: unknown) => {
      stop();
      if (byPrefix.get(prefix) === known) byPrefix.delete(prefix);
      throw error;
    },
  );
  byPrefix.set(prefix, known);
  return known.ready;
}

/**
 * Every stored key that starts with `prefix`, with its raw value, without listing the area's
 * keys on each call (`readPrefixed` does: tens of thousands of captured-article keys beside a
 * few notes records). For read-only use: a read-modify-write reads its key fresh under its lock.
 */
export async function readPrefixedKnown(area: AreaName, prefix: string): Promise<Record<string, unknown>> {
  return readManyRaw(area, [...(await keysKnown(area, prefix))]);
}

/** Writes several keys at once; rejects (quota exceeded, write refused) with the browser's error. */
export async function writeRaw(area: AreaName, entries: Record<string, unknown>): Promise<void> {
  // Known before the write begins: a read that starts while it runs may already find it.
  noteWritten(area, Object.keys(entries));
  await namedArea(area).set(entries);
}

export async function removeRaw(area: AreaName, keys: string[]): Promise<void> {
  if (keys.length > 0) await namedArea(area).remove(keys);
}

export const QUARANTINE_PREFIX = 'quarantine:';

/** A stored record that could not be read, kept aside as it was, with why. */
export const QuarantinedRecord = v.object({
  key: v.string(),
  reason: v.string(),
  at: v.number(),
  value: v.unknown(),
});
export type QuarantinedRecord = v.InferOutput<typeof QuarantinedRecord>;

/**
 * Moves an unreadable record aside (never deletes it): it is copied under
 * `quarantine:<key>:<time>-<random>` (unique, so two in one millisecond keep both), and
 * `key` is removed only once the copy is stored and only if it still holds `value`. The
 * caller holds the key's lock and read `value` fresh under it; the second read is so a
 * repaired record is never removed even when that is not so.
 */
export async function quarantine(area: AreaName, key: string, value: unknown, reason: string): Promise<string> {
  const at = Date.now();
  const quarantineKey = `${QUARANTINE_PREFIX}${key}:${at}-${crypto.randomUUID().slice(0, 8)}`;
  const record: QuarantinedRecord = { key, reason, at, value };
  await namedArea(area).set({ [quarantineKey]: record });
  if (JSON.stringify(await readRaw(area, key)) === JSON.stringify(value)) await namedArea(area).remove(key);
  console.warn(`Backstory: quarantined ${key} as ${quarantineKey}: ${reason}`);
  return quarantineKey;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** Calls `listener` with each change to `area` (from any context); returns the unsubscribe. */
export function onAreaChanged(area: AreaName, listener: (changes: Record<string, StorageChange>) => void): () => void {
  const wrapped = (changes: Record<string, StorageChange>, areaName: string): void => {
    if (areaName === area) listener(changes);
  };
  browser.storage.onChanged.addListener(wrapped);
  return () => browser.storage.onChanged.removeListener(wrapped);
}

/**
 * How much storage.local holds, in bytes (key plus JSON of the value, as Chromium counts),
 * and its quota: null when the browser sets none (unlimitedStorage granted, or Firefox,
 * whose storage.local is bounded only by the disk).
 */
export async function localUsage(): Promise<{ bytes: number; quota: number | null }> {
  const local = browser.storage.local as typeof browser.storage.local & { getBytesInUse?: (keys: null) => Promise<number>; QUOTA_BYTES?: number };
  const unlimited = await browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false);
  const quota = unlimited || typeof local.QUOTA_BYTES !== 'number' ? null : local.QUOTA_BYTES;
  if (typeof local.getBytesInUse === 'function') return { bytes: await local.getBytesInUse(null), quota };
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const [key, value] of Object.entries(await local.get(null))) bytes += encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
  return { bytes, quota };
}
