import type * as v from 'valibot';

/** Who sent a message to the worker, as the worker established it from `sender`. */
export type SenderRole =
  /** A content script in a web page tab (sender.tab set, sender.url not ours). */
  | 'content-script'
  /** One of our own pages that no web page can embed: popup, options page. */
  | 'extension-page'
  /**
   * The sidebar frame (sidebar.html). It is web-accessible, so every message from it must
   * carry its tab's token, and it may only address the article its tab shows.
   */
  | 'sidebar';

/** One message to the worker: who may send it, the schema its payload must pass, and what it answers. */
export interface MessageSpec<Response = unknown> {
  from: readonly SenderRole[];
  request: v.GenericSchema;
  /** The handler's answer, in the type only (see `answers`); nothing reads the value. */
  response: Response;
}

/**
 * Declares what a message answers, beside its request: `response: answers<PageMatch | null>()`.
 * Only the type matters; the router types each handler's result with it and sendToWorker
 * its callers'.
 */
export const answers = <Response>(): Response => undefined as Response;
