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
import { pageMessages, type PageResponses } from './messages/page-messages';

export type { SenderRole, MessageSpec } from './messages/spec';
export type { PageMatch, SidebarContext } from './messages/page-messages';

/**
 * Messages handled by the background worker: one map, composed of each feature's
 * declarations (src/shared/messages/*-messages.ts).
 */
export const workerMessages = {
  ...pageMessages,
};

export interface WorkerResponses extends PageResponses {}

export type WorkerMessageType = keyof typeof workerMessages;
export type WorkerRequest<K extends WorkerMessageType> = v.InferOutput<(typeof workerMessages)[K]['request']>;
export type WorkerResponse<K extends WorkerMessageType> = WorkerResponses[K];

/** Messages the worker sends to a tab's content script (top frame only). */
export const contentMessages = {
  'content/toggle-sidebar': v.strictObject({}),
  'content/close-sidebar': v.strictObject({}),
} as const satisfies Record<string, v.GenericSchema>;

export type ContentMessageType = keyof typeof contentMessages;
export type ContentRequest<K extends ContentMessageType> = v.InferOutput<(typeof contentMessages)[K]>;

/**
 * The wire format. The channel tag lets receivers ignore messages that are not ours
 * (other extensions' polyfills, devtools) without trying to validate them.
 */
export const CHANNEL = 'backstory/1';

export const Envelope = v.strictObject({
  channel: v.literal(CHANNEL),
  type: v.pipe(v.string(), v.maxLength(64)),
  payload: v.unknown(),
  /** The sidebar frame's token (see SenderRole 'sidebar'); absent from other senders. */
  token: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/))),
});
export type Envelope = v.InferOutput<typeof Envelope>;

export function envelope(type: string, payload: unknown, token?: string): Envelope {
  return token === undefined ? { channel: CHANNEL, type, payload } : { channel: CHANNEL, type, payload, token };
}
