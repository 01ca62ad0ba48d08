/**
 * The notes store: one record per article under `notes:<articleId>` in storage.local,
 * through src/background/storage.ts only. Records are migrated when read; one that cannot
 * be read is quarantined (kept aside, reported), never deleted and never trusted. Writes
 * to one article are serialized, and each resolves only once the browser stored it.
 */
import * as v from 'valibot';
import type { NotesRecord } from '../../shared/notes-schema';
import {
  QUARANTINE_PREFIX,
  QuarantinedRecord,
  quarantine,
  readPrefixed,
  readRaw,
  serializedByKey,
  writeRaw,
} from '../storage';
import { migrateRecord } from './migrations';

export const NOTES_PREFIX = 'notes:';

export function notesKey(articleId: string): string {
  return `${NOTES_PREFIX}${articleId}`;
}

async function readStored(key: string, raw: unknown): Promise<NotesRecord | null> {
  if (raw === undefined) return null;
  const outcome = migrateRecord(raw);
  if (outcome.status === 'unreadable') {
    await quarantine('local', key, raw, outcome.reason);
    return null;
  }
  if (outcome.status === 'migrated') await writeRaw('local', { [key]: outcome.record });
  return outcome.record;
}

export async function readRecord(articleId: string): Promise<NotesRecord | null> {
  const key = notesKey(articleId);
  return readStored(key, await readRaw('local', key));
}

/** Every article's record, most recently changed first. */
export async function readAllRecords(): Promise<NotesRecord[]> {
  const stored = await readPrefixed('local', NOTES_PREFIX);
  const records: NotesRecord[] = [];
  for (const [key, raw] of Object.entries(stored)) {
    const record = await serializedByKey(`local:${key}`, () => readStored(key, raw));
    if (record) records.push(record);
  }
  return records.sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * Reads an article's record (or `create`s it), applies `change` and stores the result.
 * Rejects with the browser's error when the write fails; nothing is kept in memory.
 */
export function updateRecord<R>(
  articleId: string,
  create: () => Promise<NotesRecord>,
  change: (record: NotesRecord) => { record: NotesRecord; result: R },
): Promise<{ record: NotesRecord; result: R; changed: boolean }> {
  const key = notesKey(articleId);
  return serializedByKey(`local:${key}`, async () => {
    const current = (await readStored(key, await readRaw('local', key))) ?? (await create());
    const { record, result } = change(current);
    const changed = JSON.stringify(record) !== JSON.stringify(current);
    if (changed) await writeRaw('local', { [key]: record });
    return { record, result, changed };
  });
}

/** Records moved aside because they could not be read, for the options page. */
export async function readQuarantined(): Promise<QuarantinedRecord[]> {
  const stored = await readPrefixed('local', QUARANTINE_PREFIX);
  return Object.values(stored)
    .filter((value): value is QuarantinedRecord => v.is(QuarantinedRecord, value))
    .sort((a, b) => b.at - a.at);
}
