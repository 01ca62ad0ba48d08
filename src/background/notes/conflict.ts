/**
 * Applying a note write to the stored record. Every write names the revision and text
 * it was based on: a write on the current revision and text applies; a write on an older one is
 * merged with what was stored since, or, when both changed the same place, stored as a
 * conflict copy the user sees. Nothing written is ever dropped.
 */
import { mergeText } from '../../shared/notes-merge';
import type { NotesRecord } from '../../shared/notes-schema';

export interface NoteWrite {
  text: string;
  tags: string[];
  baseRevision: number;
  /** The note text at `baseRevision`, as the writer knew it. */
  baseText: string;
}

export type WriteStatus = 'saved' | 'merged' | 'conflict';

export function applyNoteWrite(
  record: NotesRecord,
  write: NoteWrite,
  now: number,
  newId: () => string,
): { record: NotesRecord; status: WriteStatus } {
  const stored = record.note;
  const bump = (text: string, tags: string[]): NotesRecord => ({
    ...record,
    note: { text, tags, revision: stored.revision + 1, updatedAt: now },
    updatedAt: now,
  });
  // The same revision number is not enough: a record set aside (quarantined) and made
  // anew, or replaced by a sync or import, counts its revisions again from 0.
  if (write.baseRevision === stored.revision && write.baseText === stored.text) return { record: bump(write.text, write.tags), status: 'saved' };

  const tags = [...new Set([...stored.tags, ...write.tags])];
  const merged = mergeText(write.baseText, stored.text, write.text);
  if (merged !== null) return { record: bump(merged, tags), status: 'merged' };
  const conflicted = bump(stored.text, tags);
  conflicted.conflicts = [...record.conflicts, { id: newId(), text: write.text, savedAt: now, origin: 'concurrent-edit' }];
  return { record: conflicted, status: 'conflict' };
}
