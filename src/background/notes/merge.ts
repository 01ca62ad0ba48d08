/**
 * Every merge of a notes record with another version of it, in one place: a note write
 * from an editor (`applyNoteWrite`), an imported record (`mergeImported`) and a record from
 * another browser (`mergeSynced`). None loses anything: text edits of disjoint places merge
 * (src/shared/notes-merge.ts, shared with the sidebar's editor), other differing text is
 * kept as a conflict copy the user sees, tags and conflict copies are united.
 * What differs is what each source can be trusted with: a write names the revision and
 * text it was based on; an import knows no base, so differing text is a copy and an edited
 * highlight is kept beside the stored one; a sync names the text last exchanged, and the
 * newer edit of a highlight wins.
 */
import type { NoteWrite } from '../../shared/messages/draft-port';
import type { SaveStatus } from '../../shared/messages/notes-messages';
import { mergeText } from '../../shared/notes-merge';
import type { Highlight, NotesRecord } from '../../shared/notes-schema';

export type { NoteWrite };

/** A copy of the record whose note, highlights and conflicts can be changed in place. */
function editable(record: NotesRecord): NotesRecord {
  return { ...record, note: { ...record.note }, highlights: [...record.highlights], conflicts: [...record.conflicts] };
}

/** Adds the tags `record` lacks; returns them. */
function uniteTags(record: NotesRecord, tags: readonly string[]): string[] {
  const added = tags.filter((tag) => !record.note.tags.includes(tag));
  if (added.length > 0) record.note.tags = [...record.note.tags, ...added];
  return added;
}

/** Adds the conflict copies `record` does not hold yet (by id or text); returns how many. */
function uniteConflicts(record: NotesRecord, conflicts: NotesRecord['conflicts']): number {
  let added = 0;
  for (const conflict of conflicts) {
    if (record.conflicts.some((known) => known.id === conflict.id || known.text === conflict.text)) continue;
    record.conflicts.push(conflict);
    added++;
  }
  return added;
}

/**
 * Applies a note write to the stored record. A write on the current revision and text
 * applies; a write on an older one is merged with what was stored since, or, when both
 * changed the same place, stored as a conflict copy.
 */
export function applyNoteWrite(
  record: NotesRecord,
  write: NoteWrite,
  now: number,
  newId: () => string,
): { record: NotesRecord; status: SaveStatus } {
  const stored = record.note;
  const bump = (text: string, tags: string[]): NotesRecord => ({
    ...record,
    note: { text, tags, revision: stored.revision + 1, updatedAt: now, createdAt: stored.createdAt ?? now },
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
  const record = editable(existing);

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
  const newTags = uniteTags(record, incoming.note.tags);
  if (newTags.length > 0) details.push(`tags added: ${newTags.join(', ')}`);
  for (let copies = uniteConflicts(record, incoming.conflicts); copies > 0; copies--) details.push('a conflict copy added');
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
    const created = [existing.note.createdAt, incoming.note.createdAt].filter((time): time is number => time !== undefined);
    if (created.length > 0) record.note.createdAt = Math.min(...created);
    record.note.revision = existing.note.revision + 1;
    record.note.updatedAt = Math.max(existing.note.updatedAt, incoming.note.updatedAt);
    record.updatedAt = now;
  }
  return { record, details };
}

/**
 * Merges a record from another browser into the local one, losing nothing: the note is
 * merged three ways against the text last exchanged (or kept as a conflict copy), tags and
 * highlights are united (a highlight edited elsewhere takes the newer edit).
 */
export function mergeSynced(local: NotesRecord, remote: NotesRecord, base: string | undefined, now: number, newId: () => string): NotesRecord {
  const record = editable(local);
  let changed = false;
  if (remote.note.text !== local.note.text) {
    // Without a base (never exchanged before) only an empty local note merges.
    const merged = base === undefined ? (local.note.text === '' ? remote.note.text : null) : mergeText(base, local.note.text, remote.note.text);
    if (merged !== null) {
      changed = merged !== local.note.text;
      record.note.text = merged;
    } else if (!record.conflicts.some((c) => c.text === remote.note.text)) {
      record.conflicts.push({ id: newId(), text: remote.note.text, savedAt: now, origin: 'sync' });
      changed = true;
    }
  }
  if (uniteTags(record, remote.note.tags).length > 0) changed = true;
  for (const highlight of remote.highlights) {
    const index = record.highlights.findIndex((h) => h.id === highlight.id);
    const known = record.highlights[index];
    if (!known) record.highlights.push(highlight);
    else if (highlight.updatedAt > known.updatedAt) record.highlights[index] = highlight;
    else continue;
    changed = true;
  }
  if (uniteConflicts(record, remote.conflicts) > 0) changed = true;
  if (!changed) return local;
  record.note.revision = local.note.revision + 1;
  record.note.updatedAt = now;
  record.updatedAt = now;
  return record;
}
