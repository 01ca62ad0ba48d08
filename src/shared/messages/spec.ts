import type * as v from 'valibot';

/** Who sent a message to the worker, as the worker established it from `sender`. */
export type SenderRole =
  /** A content script in a web page tab (sender.tab set, sender.url not ours). */
  | 'content-script'
  /** One of our own pages: popup, options page, or a sidebar frame (sender.url ours). */
  | 'extension-page';

/** One message to the worker: who may send it, and the schema its payload must pass. */
export interface MessageSpec {
  from: readonly SenderRole[];
  request: v.GenericSchema;
}
