/**
 * The schemas the worker checks the content script's answers with (./content-messages.ts
 * declares their types), as the content script runs in the page's process. A file of its
 * own so the content script, which needs only the types, does not bundle these schemas.
 */
import * as v from 'valibot';
import type { ContentMessageType, ContentResponse } from './content-messages';
import { LivePageReply } from './live-messages';

/** Typed per message, so a schema that does not give its declared answer is a type error. */
type ContentReplies = { [K in ContentMessageType]: v.GenericSchema<unknown, ContentResponse<K>> };

export const contentReplies: ContentReplies = {
  // A listener that does not reply resolves the sender's promise with undefined (both browsers).
  'content/toggle-sidebar': v.undefined(),
  'content/close-sidebar': v.undefined(),
  'content/live-page': LivePageReply,
  'content/shown-article': v.strictObject({ articleId: v.nullable(v.string()) }),
};
