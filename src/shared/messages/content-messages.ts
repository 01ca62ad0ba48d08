/**
 * Messages the worker sends to a tab's content script (top frame only): each request's
 * schema, which the content script checks, and, in its type only, what the content script
 * answers. The worker checks those answers with ./content-replies.ts, which the content
 * script does not bundle: it stays within its 10 KB.
 */
import * as v from 'valibot';
import type { LivePageReply } from './live-messages';
import { CHANNEL } from './wire';

/** A request schema that also names the content script's answer, in the type only (no code). */
type Answering<Reply> = v.StrictObjectSchema<{}, undefined> & { readonly '~reply'?: (reply: Reply) => void };

/** content/shown-article: the article the page's sidebar shows, or null. */
export interface ShownArticle {
  articleId: string | null;
}

export const contentMessages = {
  /** Answered with nothing: the content script acts and does not reply. */
  'content/toggle-sidebar': v.strictObject({}) as Answering<undefined>,
  'content/close-sidebar': v.strictObject({}) as Answering<undefined>,
  /** The sidebar (through the worker) asks for the page's markup: src/shared/messages/live-messages.ts. */
  'content/live-page': v.strictObject({}) as Answering<LivePageReply>,
  /** Which article this page's sidebar shows now: the worker asks before it reports or acts on the tab's session. */
  'content/shown-article': v.strictObject({}) as Answering<ShownArticle>,
};

export type ContentMessageType = keyof typeof contentMessages;
export type ContentRequest<K extends ContentMessageType> = v.InferOutput<(typeof contentMessages)[K]>;
export type ContentResponse<K extends ContentMessageType> =
  NonNullable<(typeof contentMessages)[K]['~reply']> extends (reply: infer Reply) => void ? Reply : never;

const CONTENT_MESSAGE_TYPES = Object.keys(contentMessages) as ContentMessageType[];

/** A worker message as the content script receives it: one of the types above, never a token. */
export const ContentEnvelope = v.strictObject({
  channel: v.literal(CHANNEL),
  type: v.picklist(CONTENT_MESSAGE_TYPES),
  payload: v.unknown(),
});
