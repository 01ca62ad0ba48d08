/**
 * Every runtime message between the extension's contexts, declared once.
 *
 * Each entry names who may send it (checked by the receiver from the browser-provided
 * `sender`, never from the payload) and the schema its payload must pass on receipt.
 * Request types are inferred from the schemas and response types are declared beside
 * them, so callers (src/shared/messenger.ts) and handlers (src/background/router.ts)
 * are checked against the same declaration.
 */
import * as v from 'valibot';
import { damagedMessages, type DamagedResponses } from './messages/damaged-messages';
import { liveMessages, type LiveResponses } from './messages/live-messages';
import { notesMessages, type NotesResponses } from './messages/notes-messages';
import { pageMessages, type PageResponses } from './messages/page-messages';

export type { SenderRole, MessageSpec } from './messages/spec';
export type { PageMatch, SidebarContext } from './messages/page-messages';

/**
 * Messages handled by the background worker: one map, composed of each feature's
 * declarations (src/shared/messages/*-messages.ts).
 */
export const workerMessages = {
  ...pageMessages,
  ...notesMessages,
  ...damagedMessages,
  ...liveMessages,
};

export interface WorkerResponses extends PageResponses, NotesResponses, DamagedResponses, LiveResponses {}

export type WorkerMessageType = keyof typeof workerMessages;
export type WorkerRequest<K extends WorkerMessageType> = v.InferOutput<(typeof workerMessages)[K]['request']>;
export type WorkerResponse<K extends WorkerMessageType> = WorkerResponses[K];

export { contentMessages, type ContentMessageType, type ContentRequest } from './messages/content-messages';
export { CHANNEL, Envelope, envelope } from './messages/envelope';
