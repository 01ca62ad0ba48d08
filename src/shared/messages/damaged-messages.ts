/**
 * Messages about damaged notes records (quarantined: kept aside because they could not
 * be read). The options page lists them (`notes/list`), downloads them, and deletes one
 * only when the user asks, with an Undo that puts it back as it was.
 */
import * as v from 'valibot';
import type { ExportedFile } from './notes-messages';
import { answers, type MessageSpec } from './spec';

const FROM_EXTENSION_PAGE = ['extension-page'] as const;
const QuarantineId = v.pipe(v.string(), v.startsWith('quarantine:'), v.maxLength(512));

/** A damaged record as kept aside: its storage id, the key it was under, why it could not be read, when. */
export interface DamagedRecord {
  id: string;
  key: string;
  reason: string;
  at: number;
  value: unknown;
}

export const damagedMessages = {
  /** Every damaged record, as a JSON file to keep or to send for help. */
  'notes/export-damaged': { from: FROM_EXTENSION_PAGE, request: v.strictObject({}), response: answers<ExportedFile>() },
  /** Deletes one damaged record; the answer is the record, for Undo. */
  'notes/delete-damaged': { from: FROM_EXTENSION_PAGE, request: v.strictObject({ id: QuarantineId }), response: answers<DamagedRecord>() },
  /** Undo of a delete: puts the record back under its id. */
  'notes/restore-damaged': {
    from: FROM_EXTENSION_PAGE,
    request: v.strictObject({
      record: v.strictObject({ id: QuarantineId, key: v.string(), reason: v.string(), at: v.number(), value: v.unknown() }),
    }),
    response: answers<null>(),
  },
} as const satisfies Record<string, MessageSpec>;
