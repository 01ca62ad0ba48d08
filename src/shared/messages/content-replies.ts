/**
 * Answers of the content script to the worker's messages (./content-messages.ts), checked by
 * the worker, as the content script runs in the page's process. A file of its own so the
 * content script, which needs only the types, does not bundle these schemas.
 */
import * as v from 'valibot';

/** content/shown-article: the article the page's sidebar shows, or null. */
export const ShownArticleReply = v.strictObject({ articleId: v.nullable(v.string()) });
export type ShownArticleReply = v.InferOutput<typeof ShownArticleReply>;
