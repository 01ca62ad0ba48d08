/**
 * The notes store: one record per article under `notes:<articleId>` in storage.local,
 * through src/background/storage.ts only. Records are migrated when read; one that cannot
 * be read is quarantined (kept aside, reported), never deleted and never trusted. Writes
 * to one article are serialized, and each resolves only once the browser stored it.
 */
import * as v from 'valibot';
import type { DamagedRecord } from '../../shared/messages/damaged-messages';
import { NOTES_PREFIX, notesKey, type NotesRecord } from '../../shared/notes-schema';
import {
  QUARANTINE_PREFIX,
  QuarantinedRecord,
  lockOf,
  quarantine,
  readPrefixed,
  readPrefixedKnown,
  readRaw,
  removeRaw,
  serializedByKey,
  writeRaw,
} from '../storage';
import { migrateRecord } from './migrations';

/**
 * The key's record, read fresh and settled: migrated and written back, or quarantined.
 * Runs only under the key's lock, so nothing written to the key in between is lost.
 */
async function readSettled(key: string): Promise<NotesRecord | null> {
  const raw = await readRaw('local', key);
  if (raw === undefined) return null;
  const outcome = migrateRecord(raw);
  if (outcome.status === 'unreadable') {
    await quarantine('local', key, raw, outcome.reason);
    return null;
  }
  if (outcome.status === 'migrated') await writeRaw('local', { [key]: outcome.record });
  return outcome.record;
}

/**
 * A record read without the lock: a current one is returned as it is; anything else
 * (old, unreadable) is settled under the key's lock on a fresh read, never from `raw`,
 * which a save may have replaced since.
 */
async function fromUnlockedRead(key: string, raw: unknown): Promise<NotesRecord | null> {
  if (raw === undefined) return null;
  const outcome = migrateRecord(raw);
  if (outcome.status === 'current') return outcome.record;
  return serializedByKey(lockOf('local', key), () => readSettled(key));
}

export async function readRecord(articleId: string): Promise<NotesRecord | null> {
  const key = notesKey(articleId);
  return fromUnlockedRead(key, await readRaw('local', key));
}

/**
 * Every article's record, most recently changed first. `knownKeys`: of the keys this worker
 * knows (storage.ts), not a listing of storage.local's every key, which costs the popup's
 * notes search, run on each query, tens of ms with thousands of captured articles.
 */
export async function readAllRecords(options: { knownKeys?: boolean } = {}): Promise<NotesRecord[]> {
  const stored = options.knownKeys ? await readPrefixedKnown('local', NOTES_PREFIX) : await readPrefixed('local', NOTES_PREFIX);
  const records = await Promise.all(Object.entries(stored).map(([key, raw]) => fromUnlockedRead(key, raw)));
  return records.filter((record): record is NotesRecord => record !== null).sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * Reads an article's record fresh under its lock (or `create`s it), applies `change` and
 * stores the result. Rejects with the browser's error when the write fails; nothing is
 * kept in memory.
 */
export function updateRecord<R>(
  articleId: string,
  create: () => Promise<NotesRecord>,
  change: (record: NotesRecord) => { record: NotesRecord; result: R },
): Promise<{ record: NotesRecord; result: R; changed: boolean }> {
  const key = notesKey(articleId);
  return serializedByKey(lockOf('local', key), async () => {
    const current = (await readSettled(key)) ?? (await create());
    const { record, result } = change(current);
    const changed = JSON.stringify(record) !== JSON.stringify(current);
    if (changed) await writeRaw('local', { [key]: record });
    return { record, result, changed };
  });
}

/** Records moved aside because they could not be read, for the options page, newest first. */
export async function readQuarantined(): Promise<DamagedRecord[]> {
  const stored = await readPrefixed('local', QUARANTINE_PREFIX);
  return Object.entries(stored)
    .filter((entry): entry is [string, QuarantinedRecord] => v.is(QuarantinedRecord, entry[1]))
    .map(([id, { key, reason, at, value }]) => ({ id, key, reason, at, value }))
    .sort((a, b) => b.at - a.at);
}

/** Deletes a damaged record at the user's request, and returns it (for Undo). */
export function deleteQuarantined(id: string): Promise<DamagedRecord> {
  return serializedByKey(lockOf('local', id), async () => {
    const stored = await readRaw('local', id);
    if (!id.startsWith(QUARANTINE_PREFIX) || !v.is(QuarantinedRecord, stored)) throw new Error('that damaged record is no longer there');
    await removeRaw('local', [id]);
    return { id, key: stored.key, reason: stored.reason, at: stored.at, value: stored.value };
  });
}

/** Undo of a delete: the damaged record goes back under its id, as it was. */
export function restoreQuarantined({ id, key, reason, at, value }: DamagedRecord): Promise<void> {
  if (!id.startsWith(QUARANTINE_PREFIX)) return Promise.reject(new Error(`${id} is not a damaged record's id`));
  const record: QuarantinedRecord = { key, reason, at, value };
  return serializedByKey(lockOf('local', id), () => writeRaw('local', { [id]: record }));
}
