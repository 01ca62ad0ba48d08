/**
 * The sidebar's draft port: what it carries, apart from the notes messages so the sidebar
 * bundles only these schemas.
 */
import * as v from 'valibot';
import { ArticleId, MAX_NOTE_LENGTH, Tags } from '../notes-schema';

/** A note write: the text and tags, and the revision and text the editor started from. */
export const NOTE_WRITE = {
  text: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)),
  tags: Tags,
  baseRevision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  baseText: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)),
};

/**
 * The sidebar's long-lived port to the worker (`runtime.connect({ name })`), which carries
 * what the editor holds that is not saved yet, on every change. When the port closes (the
 * tab closed or navigated, the sidebar went away) the worker saves the last draft it was
 * sent, as a `notes/save-note` on the draft's base: a frame being torn down cannot be
 * trusted to finish sending a message, but its port's disconnect always reaches the worker.
 */
export const NOTES_DRAFT_PORT = 'backstory/notes-draft';
/** A note write: also what a draft is (it is saved as a write on its base). */
export const NoteWrite = v.strictObject(NOTE_WRITE);
export type NoteWrite = v.InferOutput<typeof NoteWrite>;
/** One message on the draft port: the frame's token, its article, and the draft (null: nothing unsaved). */
export const DraftMessage = v.strictObject({
  token: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
  articleId: ArticleId,
  draft: v.nullable(NoteWrite),
});
export type DraftMessage = v.InferOutput<typeof DraftMessage>;
