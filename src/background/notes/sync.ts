/**
 * Opt-in sync of notes between the user's own browsers through storage.sync (the
 * browser's sync service). storage.local stays the source of truth: sync holds a copy of
 * each article's record that fits its quotas (about 8 KB an item, 100 KB in all), newest
 * first; the rest stays local and is listed, with why, on the options page. Records that
 * arrive from another browser are merged in as an import is (nothing overwritten).
 */
import * as v from 'valibot';
import type { SyncStatus } from '../../shared/messages/notes-messages';
import type { NotesRecord } from '../../shared/notes-schema';
import { lockOf, readItem, readPrefixed, removeRaw, serializedByKey, storageItem, updateItem, writeRaw } from '../storage';
import { migrateRecord } from './migrations';
import { readAllRecords } from './store';

/** chrome.storage.sync.QUOTA_BYTES_PER_ITEM and QUOTA_BYTES (Firefox uses the same). */
export const SYNC_ITEM_QUOTA = 8192;
export const SYNC_TOTAL_QUOTA = 102_400;
/** Room left in the total for the sync setting and bookkeeping. */
const TOTAL_RESERVE = 2048;
export const SYNC_PREFIX = 'n:';

const SyncSettings = v.object({
  schemaVersion: v.literal(1),
  enabled: v.boolean(),
  error: v.nullable(v.string()),
  /** This browser's id, so it can tell its own sync items from other browsers'. */
  deviceId: v.optional(v.string()),
});
type SyncSettings = v.InferOutput<typeof SyncSettings>;
const syncSettingsItem = storageItem<SyncSettings>('local', 'notesSync', SyncSettings, () => ({ schemaVersion: 1, enabled: false, error: null }));

/** Per article, the note text as last exchanged with sync: the base of the three-way merge. */
const syncBaseItem = storageItem<Record<string, string>>('local', 'notesSyncBase', v.record(v.string(), v.string()), () => ({}));

/**
 * What one sync item holds: the record, which browser wrote it, and the digest of the
 * note text that browser last exchanged (`base`): the receiver merges three ways only
 * against that same text, since a browser that never saw our last text did not edit it.
 */
const SyncItem = v.object({ deviceId: v.string(), record: v.unknown(), base: v.optional(v.string()) });
type SyncItem = { deviceId: string; record: NotesRecord; base?: string };

/**
 * A short digest of a note text, to tell whether two browsers exchanged the same text
 * (cyrb53: two 32-bit multiply-xor lanes; a mix-up needs a 1 in 2^53 coincidence between
 * the user's own texts, and would only merge against the wrong base).
 */
export function textDigest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length.toString(36)}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

async function deviceId(): Promise<string> {
  const settings = await updateItem(syncSettingsItem, (current) => (current.deviceId ? current : { ...current, deviceId: crypto.randomUUID() }));
  return settings.deviceId ?? '';
}

const encoder = new TextEncoder();
/** Bytes an item counts against the quota: its key plus its JSON, as Chromium counts. */
export function syncBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

export interface SyncPlan {
  items: Record<string, SyncItem>;
  notSynced: SyncStatus['notSynced'];
}

/** Which records fit in sync: newest first, each under the item quota, all under the total. */
export function planSync(records: readonly NotesRecord[], device = '', baseDigests: Readonly<Record<string, string>> = {}): SyncPlan {
  const items: SyncPlan['items'] = {};
  const notSynced: SyncStatus['notSynced'] = [];
  let total = 0;
  for (const record of [...records].sort((a, b) => b.updatedAt - a.updatedAt)) {
    const key = `${SYNC_PREFIX}${record.articleId}`;
    const digest = baseDigests[record.articleId];
    const item: SyncItem = digest === undefined ? { deviceId: device, record } : { deviceId: device, record, base: digest };
    const bytes = syncBytes(key, item);
    const base = { articleId: record.articleId, articleTitle: record.articleTitle, bytes };
    if (bytes > SYNC_ITEM_QUOTA) notSynced.push({ ...base, reason: 'too-large' });
    else if (total + bytes > SYNC_TOTAL_QUOTA - TOTAL_RESERVE) notSynced.push({ ...base, reason: 'total-quota' });
    else {
      items[key] = item;
      total += bytes;
    }
  }
  return { items, notSynced };
}

export async function syncEnabled(): Promise<boolean> {
  return (await readItem(syncSettingsItem)).enabled;
}

/**
 * Writes the plan to storage.sync, and removes our items that no longer fit or exist.
 * One push at a time, each planned from the records as they are when it starts: a push
 * planned from older records could otherwise overwrite a newer one's items and bases.
 */
export function pushToSync(): Promise<SyncStatus> {
  return serializedByKey(lockOf('sync', SYNC_PREFIX), async () => pushRecords(await readAllRecords()));
}

async function pushRecords(records: readonly NotesRecord[]): Promise<SyncStatus> {
  const [device, bases] = [await deviceId(), await readItem(syncBaseItem)];
  const digests = Object.fromEntries(Object.entries(bases).map(([articleId, text]) => [articleId, textDigest(text)]));
  const plan = planSync(records, device, digests);
  let error: string | null = null;
  try {
    const stored = await readPrefixed('sync', SYNC_PREFIX);
    const stale = Object.keys(stored).filter((key) => !(key in plan.items));
    await removeRaw('sync', stale);
    // Only what changed (the sync service limits writes per minute); our own item of the
    // same record stays as it is, with the base it was pushed with.
    const same = (key: string, item: SyncItem): boolean => {
      const known = stored[key];
      return v.is(SyncItem, known) && known.deviceId === device && JSON.stringify(known.record) === JSON.stringify(item.record);
    };
    const changed = Object.fromEntries(Object.entries(plan.items).filter(([key, item]) => !same(key, item)));
    if (Object.keys(changed).length > 0) await writeRaw('sync', changed);
    await updateItem(syncBaseItem, (bases) => {
      const next = { ...bases };
      for (const { record } of Object.values(plan.items)) next[record.articleId] = record.note.text;
      return next;
    });
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  await updateItem(syncSettingsItem, (settings) => ({ ...settings, error }));
  return { enabled: true, notSynced: plan.notSynced, syncedCount: Object.keys(plan.items).length, error };
}

/**
 * Records other browsers synced, migrated to the current schema, each with the base text
 * to merge against: the text last exchanged, if the other browser says it had it too
 * (else none, and a differing note is kept as a conflict copy). This browser's own items
 * and unreadable ones are left out.
 */
export async function readSyncedFromOthers(values: readonly unknown[]): Promise<Array<{ record: NotesRecord; base: string | undefined }>> {
  const [mine, bases] = [await deviceId(), await readItem(syncBaseItem)];
  const out: Array<{ record: NotesRecord; base: string | undefined }> = [];
  for (const value of values) {
    if (!v.is(SyncItem, value) || value.deviceId === mine) continue;
    const outcome = migrateRecord(value.record);
    if (outcome.status === 'unreadable') {
      console.warn(`Backstory: a synced notes record was not merged: ${outcome.reason}`);
      continue;
    }
    const known = bases[outcome.record.articleId];
    const sameBase = known !== undefined && value.base !== undefined && value.base === textDigest(known);
    out.push({ record: outcome.record, base: sameBase ? known : undefined });
  }
  return out;
}

export async function allSyncedValues(): Promise<unknown[]> {
  return Object.values(await readPrefixed('sync', SYNC_PREFIX));
}

export async function setSyncEnabled(enabled: boolean): Promise<void> {
  await updateItem(syncSettingsItem, (settings) => ({ ...settings, enabled, error: null }));
}

export async function syncStatus(records: readonly NotesRecord[]): Promise<SyncStatus> {
  const settings = await readItem(syncSettingsItem);
  if (!settings.enabled) return { enabled: false, notSynced: [], syncedCount: 0, error: null };
  const plan = planSync(records);
  return { enabled: true, notSynced: plan.notSynced, syncedCount: Object.keys(plan.items).length, error: settings.error };
}
