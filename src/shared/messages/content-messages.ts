import * as v from 'valibot';
import { CHANNEL } from './wire';

/** Messages the worker sends to a tab's content script (top frame only). */
export const contentMessages = {
  'content/toggle-sidebar': v.strictObject({}),
  'content/close-sidebar': v.strictObject({}),
  /** The sidebar (through the worker) asks for the page's markup: src/shared/messages/live-messages.ts. */
  'content/live-page': v.strictObject({}),
  /** Which article this page's sidebar shows now (answer: ./content-replies.ts): the worker asks before it reports or acts on the tab's session. */
  'content/shown-article': v.strictObject({}),
} as const satisfies Record<string, v.GenericSchema>;

export type ContentMessageType = keyof typeof contentMessages;
export type ContentRequest<K extends ContentMessageType> = v.InferOutput<(typeof contentMessages)[K]>;

const CONTENT_MESSAGE_TYPES = Object.keys(contentMessages) as ContentMessageType[];

/** A worker message as the content script receives it: one of the types above, never a token. */
export const ContentEnvelope = v.strictObject({
  channel: v.literal(CHANNEL),
  type: v.picklist(CONTENT_MESSAGE_TYPES),
  payload: v.unknown(),
});
