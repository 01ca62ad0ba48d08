import * as v from 'valibot';

/** Messages the worker sends to a tab's content script (top frame only). */
export const contentMessages = {
  'content/toggle-sidebar': v.strictObject({}),
  'content/close-sidebar': v.strictObject({}),
  /** The sidebar (through the worker) asks for the page's markup: src/shared/messages/live-messages.ts. */
  'content/live-page': v.strictObject({}),
} as const satisfies Record<string, v.GenericSchema>;

export type ContentMessageType = keyof typeof contentMessages;
export type ContentRequest<K extends ContentMessageType> = v.InferOutput<(typeof contentMessages)[K]>;
