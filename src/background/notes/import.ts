/**
 * Importing a file: a JSON backup (see export.ts), W3C Web Annotations (import-w3c.ts) or
 * a Hypothesis export (import-hypothesis.ts), whose annotations import-annotations.ts
 * turns into records. A file is checked whole before anything is
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
import type { Placement } from './catalog-check';
import { ANNOTATION_CONTEXT, BACKUP_FORMAT } from './export';
import { ImportError, parseJsonFile, type ForeignAnnotation } from './import-foreign';
import { hypothesisAnnotations, readHypothesis } from './import-hypothesis';
import { looksLikeWebAnnotations, readWebAnnotations } from './import-w3c';
import { mergeImported } from './merge';
import { migrateRecord } from './migrations';

export { ImportError };

/**
 * What a file to import holds: a Backstory backup's records (and its captured articles, still
 * to check: capture/backup.ts), or annotations of another format.
 */
export type ImportFile =
  | { kind: 'backup'; records: NotesRecord[]; captured: unknown[] }
  | { kind: 'annotations'; format: 'w3c' | 'hypothesis'; annotations: ForeignAnnotation[]; unreadPages: string[] };

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Reads a file of any importable format, checked whole; throws an ImportError naming the problem. */
export function readImportFile(content: string): ImportFile {
  const json = parseJsonFile(content);
  if (isObject(json) && 'format' in json && 'records' in json) return { kind: 'backup', ...backupContent(json) };
  const hypothesis = hypothesisAnnotations(json);
  if (hypothesis !== null) return { kind: 'annotations', format: 'hypothesis', annotations: readHypothesis(hypothesis), unreadPages: [] };
  if (looksLikeWebAnnotations(json)) {
    const unreadPages: string[] = [];
    return { kind: 'annotations', format: 'w3c', annotations: readWebAnnotations(json, unreadPages), unreadPages };
  }
  if (Array.isArray(json) && json.length === 0) throw new ImportError('the file is an empty list: there is nothing to import');
  throw new ImportError(
    `the file is not a Backstory backup (format "${BACKUP_FORMAT}"), W3C Web Annotations (with "@context": "${ANNOTATION_CONTEXT}") or a Hypothesis export (with "annotations")`,
  );
}

const BackupShape = v.object({
  format: v.literal(BACKUP_FORMAT, `format must be "${BACKUP_FORMAT}"`),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  records: v.array(v.unknown()),
  captured: v.optional(v.array(v.unknown()), []),
});

/** The backup's records, migrated to the current schema; throws an ImportError naming the problem. */
export function parseBackup(content: string): NotesRecord[] {
  return backupContent(parseJsonFile(content)).records;
}

function backupContent(json: unknown): { records: NotesRecord[]; captured: unknown[] } {
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
export function summarize(items: ImportItem[], found: ImportReport['found'] = null): Omit<ImportReport, 'applied' | 'captured'> {
  const count = (action: ImportAction): number => items.filter((item) => item.action === action).length;
  return { found, add: count('add'), update: count('update'), skip: count('skip'), notInArchive: items.filter((item) => !item.inArchive).length, items };
}
