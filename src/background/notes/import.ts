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
import type { ImportAction, ImportItem, ImportReport } from '../../shared/messages/notes-messages';
import { NOTES_SCHEMA_VERSION, type NotesRecord } from '../../shared/notes-schema';
import { CodedError } from '../../shared/result';
import type { Placement } from './catalog-check';
import { BACKUP_FORMAT } from './export';
import { mergeImported } from './merge';
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
  captured: v.optional(v.array(v.unknown()), []),
});

/** The backup's records, migrated to the current schema; throws an ImportError naming the problem. */
export function parseBackup(content: string): NotesRecord[] {
  return parseBackupFile(content).records;
}

/** The backup's notes records (migrated) and its captured articles (still to check: capture/backup.ts). */
export function parseBackupFile(content: string): { records: NotesRecord[]; captured: unknown[] } {
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
  const records = shape.output.records.map((raw, index) => {
    const outcome = migrateRecord(raw);
    if (outcome.status === 'unreadable') throw new ImportError(`record ${index + 1} cannot be imported: ${outcome.reason}`);
    if (seen.has(outcome.record.articleId)) throw new ImportError(`record ${index + 1} repeats article ${outcome.record.articleId}`);
    seen.add(outcome.record.articleId);
    return outcome.record;
  });
  return { records, captured: shape.output.captured };
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

/** The counts of a plan; `applied` is the handler's to say. */
export function summarize(items: ImportItem[]): Omit<ImportReport, 'applied' | 'captured'> {
  const count = (action: ImportAction): number => items.filter((item) => item.action === action).length;
  return { add: count('add'), update: count('update'), skip: count('skip'), notInArchive: items.filter((item) => !item.inArchive).length, items };
}
