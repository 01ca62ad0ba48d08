/**
 * Importing a JSON backup (see export.ts). A backup is checked whole before anything is
 * written: a malformed file fails with an error naming the problem and changes nothing.
 * Importing never deletes or overwrites: it adds what is missing, keeps differing note
 * text as a conflict copy, keeps both versions of a changed highlight, and reports per
 * article whether it will add, update or skip. Which article a record is about, its title
 * and its address come from the archive's catalog (catalog-check.ts), not from the file;
 * records on articles this archive does not have are kept and reported as such.
 */
import * as v from 'valibot';
import { NOTES_SCHEMA_VERSION, type Highlight, type NotesRecord } from '../../shared/notes-schema';
import { CodedError } from '../../shared/result';
import type { Placement } from './catalog-check';
import { BACKUP_FORMAT } from './export';
import { migrateRecord } from './migrations';

export class ImportError extends CodedError {
  override name = 'ImportError';
  constructor(message: string) {
    super('invalid-import', message);
  }
}

const BackupShape = v.object({
  format: v.literal(BACKUP_FORMAT, `format must be "${BACKUP_FORMAT}"`),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  records: v.array(v.unknown()),
});

/** The backup's records, migrated to the current schema; throws an ImportError naming the problem. */
export function parseBackup(content: string): NotesRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new ImportError(`the file is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const shape = v.safeParse(BackupShape, json);
  if (!shape.success) {
    throw new ImportError(`the file is not a Backstory notes backup: ${v.summarize(shape.issues).replace(/\n/g, '; ')}`);
  }
  if (shape.output.schemaVersion > NOTES_SCHEMA_VERSION) {
    throw new ImportError(`the backup was made by a newer version of Backstory (schema ${shape.output.schemaVersion}); update Backstory to import it`);
  }
  const seen = new Set<string>();
  return shape.output.records.map((raw, index) => {
    const outcome = migrateRecord(raw);
    if (outcome.status === 'unreadable') throw new ImportError(`record ${index + 1} cannot be imported: ${outcome.reason}`);
    if (seen.has(outcome.record.articleId)) throw new ImportError(`record ${index + 1} repeats article ${outcome.record.articleId}`);
    seen.add(outcome.record.articleId);
    return outcome.record;
  });
}

export type ImportAction = 'add' | 'update' | 'skip';

export interface ImportItem {
  articleId: string;
  articleTitle: string;
  action: ImportAction;
  /** False: a note on an article this archive does not have (kept, listed apart; its title is the file's claim). */
  inArchive: boolean;
  /** What changes, for the user to read before confirming. */
  details: string[];
}

function sameHighlight(a: Highlight, b: Highlight): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Merges an imported record into an existing one without losing anything of either. */
export function mergeImported(
  existing: NotesRecord,
  incoming: NotesRecord,
  now: number,
  newId: () => string,
  origin: 'import' | 'sync' = 'import',
): { record: NotesRecord; details: string[] } {
  const details: string[] = [];
  const record: NotesRecord = { ...existing, note: { ...existing.note }, highlights: [...existing.highlights], conflicts: [...existing.conflicts] };

  const text = incoming.note.text;
  const copies = new Set(record.conflicts.map((conflict) => conflict.text));
  if (text !== '' && text !== record.note.text) {
    if (record.note.text === '') {
      record.note.text = text;
      details.push('note added');
    } else if (!copies.has(text)) {
      record.conflicts.push({ id: newId(), text, savedAt: now, origin });
      details.push('the other note text is kept as a conflict copy');
    }
  }
  const newTags = incoming.note.tags.filter((tag) => !record.note.tags.includes(tag));
  if (newTags.length > 0) {
    record.note.tags = [...record.note.tags, ...newTags];
    details.push(`tags added: ${newTags.join(', ')}`);
  }
  for (const conflict of incoming.conflicts) {
    if (record.conflicts.some((known) => known.id === conflict.id || known.text === conflict.text)) continue;
    record.conflicts.push(conflict);
    details.push('a conflict copy added');
  }
  let added = 0;
  let kept = 0;
  for (const highlight of incoming.highlights) {
    const known = record.highlights.find((h) => h.id === highlight.id);
    if (!known) {
      record.highlights.push(highlight);
      added++;
    } else if (!sameHighlight(known, highlight) && !record.highlights.some((h) => sameHighlight({ ...h, id: highlight.id }, highlight))) {
      record.highlights.push({ ...highlight, id: newId() });
      kept++;
    }
  }
  if (added > 0) details.push(`${added} highlight(s) added`);
  if (kept > 0) details.push(`${kept} changed highlight(s) added beside the existing version`);
  if (details.length > 0) {
    record.note.revision = existing.note.revision + 1;
    record.note.updatedAt = Math.max(existing.note.updatedAt, incoming.note.updatedAt);
    record.updatedAt = now;
  }
  return { record, details };
}

/**
 * What importing `incoming` (each record placed against the catalog) would do to the
 * stored records (`existing` by article id).
 */
export function planImport(
  existing: ReadonlyMap<string, NotesRecord>,
  incoming: readonly Placement[],
  now: number,
  newId: () => string,
): ImportItem[] {
  return incoming.map((placement) => {
    const { record, inArchive } = placement;
    const checks = placement.inArchive && placement.wrongUrl !== null ? [`the file's address for it is not this article's and is ignored: ${placement.wrongUrl}`] : [];
    const known = existing.get(record.articleId);
    if (!known) {
      const count = record.highlights.length;
      return { articleId: record.articleId, articleTitle: record.articleTitle, action: 'add', inArchive, details: [`note and ${count} highlight(s)`, ...checks] };
    }
    const { details } = mergeImported(known, record, now, newId);
    const action = details.length > 0 ? 'update' : 'skip';
    return { articleId: record.articleId, articleTitle: inArchive ? record.articleTitle : known.articleTitle, action, inArchive, details: [...details, ...checks] };
  });
}

export interface ImportReport {
  add: number;
  update: number;
  skip: number;
  /** Of those, records on articles this archive does not have. */
  notInArchive: number;
  items: ImportItem[];
}

export function summarize(items: ImportItem[]): ImportReport {
  const count = (action: ImportAction): number => items.filter((item) => item.action === action).length;
  return { add: count('add'), update: count('update'), skip: count('skip'), notInArchive: items.filter((item) => !item.inArchive).length, items };
}
