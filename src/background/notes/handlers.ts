/**
 * Handlers of the notes messages (src/shared/messages/notes-messages.ts). The worker is
 * the only writer of the notes store; each change is stored before the answer is sent,
 * then announced to every open extension page (`notes/changed`) and copied to sync if on.
 */
import { broadcast } from '../../shared/messages/broadcasts';
import type { notesMessages } from '../../shared/messages/notes-messages';
import { CodedError } from '../../shared/result';
import { emptyRecord, newRecordId, type NotesRecord } from '../../shared/notes-schema';
import { firstHitsInCatalog, placeAll, placeRecord, splitByCatalog, type CatalogLookup } from './catalog-check';
import { applyNoteWrite, mergeImported, mergeSynced, type NoteWrite } from './merge';
import { exportNotes } from './export-file';
import { readImportFile, planImport, summarize, type ImportFile } from './import';
import { recordsFromAnnotations } from './import-annotations';
import { applyCapturedImport, parseCapturedBackup, planCapturedImport } from '../capture/backup';
import { searchNotes } from './search';
import { readAllRecords, readQuarantined, readRecord, updateRecord } from './store';
import { SYNC_PREFIX, allSyncedValues, pushToSync, readSyncedFromOthers, setSyncEnabled, syncEnabled, syncStatus } from './sync';
import { storageRoom } from '../../shared/storage-room';
import { articleFullText } from '../../shared/archive-format';
import { localUsage, onAreaChanged } from '../storage';
import { workerArchive as archive } from '../archive';
import type { FeatureHandlers } from '../router';

/** The catalog entry of the article, bundled or captured (the worker's combined archive), else null. */
const inCatalog: CatalogLookup = (articleId) => archive.catalogEntry(articleId);

/** A new record for an archived article, with its title and address from the catalog. */
async function newRecordFor(articleId: string, now = Date.now()): Promise<NotesRecord> {
  const entry = await archive.catalogEntry(articleId);
  if (!entry) throw new CodedError('not-archived', `article ${articleId} is not in the archive`);
  return emptyRecord(articleId, entry.title, entry.url, now);
}

async function announce(record: NotesRecord): Promise<void> {
  await broadcast('notes/changed', { articleId: record.articleId, revision: record.note.revision });
  if (await syncEnabled()) await pushToSync();
}

/** The record without its stamp: a change that only moves the stamp changes nothing. */
const unstamped = (record: NotesRecord): string => JSON.stringify({ ...record, updatedAt: 0 });

/**
 * Changes one article's record, stores it, and announces it when it changed. A request that
 * changes nothing (deleting a highlight that is gone) stores and announces nothing, even when
 * the clock moved between making a new record and applying the request to it.
 */
async function change(articleId: string, apply: (record: NotesRecord, now: number) => NotesRecord): Promise<NotesRecord> {
  const { record, changed } = await updateRecord(articleId, () => newRecordFor(articleId), (current) => {
    const next = apply(current, Date.now());
    return { record: unstamped(next) === unstamped(current) ? current : next, result: null };
  });
  if (changed) await announce(record);
  return record;
}

/** Merges records other browsers synced into the local store (local stays the source of truth). */
async function pullFromSync(values: readonly unknown[]): Promise<void> {
  if (!(await syncEnabled())) return;
  for (const { record: synced, base } of await readSyncedFromOthers(values)) {
    // Another browser's record is a claim like an imported one: the catalog says what it is about.
    const { record } = placeRecord(synced, await inCatalog(synced.articleId));
    const { record: stored, changed } = await updateRecord(
      record.articleId,
      async () => emptyRecord(record.articleId, record.articleTitle, record.url, 0),
      (current) => ({ record: mergeSynced(current, record, base, Date.now(), newRecordId), result: null }),
    );
    if (changed) await announce(stored);
  }
}

/**
 * Listens for records other browsers put in storage.sync. Called once at the worker's top
 * level (src/background/main.ts), so a sync change wakes the worker.
 */
export function watchSyncedNotes(): void {
  onAreaChanged('sync', (changes) => {
    const values = Object.entries(changes)
      .filter(([key, change]) => key.startsWith(SYNC_PREFIX) && change.newValue !== undefined)
      .map(([, change]) => change.newValue);
    if (values.length > 0) void pullFromSync(values).catch((error: unknown) => console.warn('Backstory: merging synced notes failed', error));
  });
}

/**
 * Saves the last draft a closed sidebar sent (src/background/notes/drafts.ts), as a note
 * write on the draft's base. A draft that the store already holds (its save arrived
 * first) changes nothing.
 */
export async function saveDraft(articleId: string, draft: NoteWrite): Promise<void> {
  const { record, changed } = await updateRecord(articleId, () => newRecordFor(articleId), (current) => {
    const held = current.note.text === draft.text && current.note.tags.join('\n') === draft.tags.join('\n');
    return { record: held ? current : applyNoteWrite(current, draft, Date.now(), newRecordId).record, result: null };
  });
  if (changed) await announce(record);
}

/** The records an annotation file's annotations make, placed on the archive's articles (import-annotations.ts). */
async function placeAnnotations(file: Extract<ImportFile, { kind: 'annotations' }>, existing: ReadonlyMap<string, NotesRecord>) {
  const { records, tally } = await recordsFromAnnotations(file.annotations, file.format, {
    articleIdForKey: (key) => archive.articleIdForKey(key),
    entry: inCatalog,
    text: async (articleId) => articleFullText(await archive.article(articleId)),
    storedHighlightIds: (articleId) => existing.get(articleId)?.highlights.map((highlight) => highlight.id) ?? [],
  }, file.unreadPages);
  return { records, found: tally };
}

function findHighlight(record: NotesRecord, id: string) {
  const highlight = record.highlights.find((h) => h.id === id);
  if (!highlight) throw new CodedError('not-found', 'that highlight no longer exists');
  return highlight;
}

export const notesHandlers: FeatureHandlers<keyof typeof notesMessages> = {
  async 'notes/get'({ articleId }) {
    // Nothing stored yet: stamped 0, older than any stored change, so a sidebar never takes
    // it over a record stored while this answer was on its way (see isNewer in use-notes.ts).
    return (await readRecord(articleId)) ?? (await newRecordFor(articleId, 0));
  },

  async 'notes/save-note'({ articleId, ...write }) {
    const { record, result, changed } = await updateRecord(articleId, () => newRecordFor(articleId), (current) => {
      const applied = applyNoteWrite(current, write, Date.now(), newRecordId);
      return { record: applied.record, result: applied.status };
    });
    if (changed) await announce(record);
    const { bytes, quota } = await localUsage();
    return { status: result, record, room: storageRoom(bytes, quota, JSON.stringify(record).length) };
  },

  async 'notes/dismiss-conflict'({ articleId, conflictId }) {
    return change(articleId, (record, now) => ({
      ...record,
      conflicts: record.conflicts.filter((conflict) => conflict.id !== conflictId),
      updatedAt: now,
    }));
  },

  async 'notes/add-highlight'({ articleId, highlight }) {
    return change(articleId, (record, now) => {
      if (record.highlights.some((h) => h.id === highlight.id)) return record; // a retried add
      const added = { ...highlight, createdAt: highlight.createdAt ?? now, updatedAt: now };
      const highlights = [...record.highlights, added].sort((a, b) => a.position.start - b.position.start);
      return { ...record, highlights, updatedAt: now };
    });
  },

  async 'notes/update-highlight'({ articleId, id, note }) {
    return change(articleId, (record, now) => {
      findHighlight(record, id);
      const highlights = record.highlights.map((h) => (h.id === id ? { ...h, note, updatedAt: now } : h));
      return { ...record, highlights, updatedAt: now };
    });
  },

  async 'notes/delete-highlight'({ articleId, id }) {
    return change(articleId, (record, now) => ({
      ...record,
      highlights: record.highlights.filter((h) => h.id !== id),
      updatedAt: now,
    }));
  },

  async 'notes/search'({ query, limit }) {
    // The popup opens a result's address: only the catalog's, checked for the hits it shows.
    return firstHitsInCatalog(searchNotes(await readAllRecords({ knownKeys: true }), query, Number.POSITIVE_INFINITY), limit, inCatalog);
  },

  async 'notes/list'() {
    const all = await readAllRecords();
    const { inArchive, notInArchive } = await splitByCatalog(all, inCatalog);
    const quarantined = (await readQuarantined()).map(({ id, key, reason, at }) => ({ id, key, reason, at }));
    const { bytes, quota } = await localUsage();
    const usage = {
      bytes,
      quota,
      notes: all.filter((record) => record.note.text !== '' || record.note.tags.length > 0).length,
      highlights: all.reduce((sum, record) => sum + record.highlights.length, 0),
    };
    return { records: inArchive, notInArchive, quarantined, sync: await syncStatus(all), usage };
  },

  async 'notes/export'({ format }) {
    const { inArchive, notInArchive } = await splitByCatalog(await readAllRecords(), inCatalog);
    return exportNotes(format, inArchive, notInArchive, new Date());
  },

  async 'notes/import'({ content, apply }) {
    // Throws, naming the problem, before anything is written; then the catalog (bundled, the
    // user's captured articles, and those a backup brings) says what each record is about.
    const file = readImportFile(content);
    const captured = await planCapturedImport(parseCapturedBackup(file.kind === 'backup' ? file.captured : []));
    const brought = new Map(captured.add.map((article) => [article.id, { title: article.title, url: article.url }]));
    const catalog: CatalogLookup = async (articleId) => (await inCatalog(articleId)) ?? brought.get(articleId) ?? null;
    const existing = new Map((await readAllRecords()).map((record) => [record.articleId, record]));
    const { records, found } = file.kind === 'backup' ? { records: file.records, found: null } : await placeAnnotations(file, existing);
    const incoming = await placeAll(records, catalog);
    const items = planImport(existing, incoming, Date.now(), newRecordId);
    if (apply) {
      // The articles first: the notes imported next are on them.
      await applyCapturedImport(captured);
      for (const { record } of incoming) {
        const { record: stored, changed } = await updateRecord(record.articleId, async () => ({ ...record, highlights: [], conflicts: [], note: { ...record.note, text: '', tags: [] } }), (current) => ({
          record: mergeImported(current, record, Date.now(), newRecordId).record,
          result: null,
        }));
        if (changed) await announce(stored);
      }
    }
    return { ...summarize(items, found), captured: { add: captured.add.length, skip: captured.skip.length }, applied: apply };
  },

  async 'notes/set-sync'({ enabled }) {
    await setSyncEnabled(enabled);
    if (!enabled) return syncStatus(await readAllRecords());
    await pullFromSync(await allSyncedValues());
    return pushToSync();
  },
};

