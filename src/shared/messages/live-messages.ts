/**
 * Messages of the live-page comparison (docs/live-diff.md): the sidebar asks the worker for
 * the page beside it, the worker asks that tab's content script, and the page's markup
 * travels back only along that chain of responses. Nothing stores it.
 */
import * as v from 'valibot';
import { MAX_LIVE_PAGE_CHARS } from '../live-limits';
import { answers, type MessageSpec } from './spec';

export const liveMessages = {
  /** The sidebar frame asks for its tab's page, to compare it with the archived text. */
  'sidebar/live-page': { from: ['sidebar'], request: v.strictObject({}), response: answers<LivePage>() },
} as const satisfies Record<string, MessageSpec>;

/**
 * What the content script answers to `content/live-page`: the page's markup, or why not.
 * `closed`: the sidebar is closed on this tab, so nothing is read (it is read only while open).
 */
export const LivePageReply = v.variant('ok', [
  v.strictObject({ ok: v.literal(true), html: v.pipe(v.string(), v.maxLength(MAX_LIVE_PAGE_CHARS)) }),
  v.strictObject({ ok: v.literal(false), reason: v.picklist(['closed', 'too-large']) }),
]);
export type LivePageReply = v.InferOutput<typeof LivePageReply>;

/** `unavailable`: no content script answered (the page is gone, or navigated away). */
export type LivePage = LivePageReply | { ok: false; reason: 'unavailable' };
