/**
 * Messages about the user's own archive (captured articles, docs/capture.md) from the
 * extension's pages: the popup searches it beside the bundled archive, the options page
 * lists it and deletes with Undo. Only the worker reads or writes the articles.
 */
import * as v from 'valibot';
import type { CapturedArticle, CapturedSummary } from '../captured-article';
import { ArticleId } from '../notes-schema';
import type { HitDetails, SearchResults } from '../search-engine';
import { answers, type MessageSpec } from './spec';

const FROM_EXTENSION_PAGE = ['extension-page'] as const;
const Query = v.pipe(v.string(), v.maxLength(500));

/** One captured article as the options page lists it: the summary and whether the user wrote notes on it. */
export interface CapturedListItem extends CapturedSummary {
  hasNotes: boolean;
}

/** Captured hits, and the details (snippet, entities) of the first few by id. */
export interface CapturedSearchResults extends SearchResults {
  details: Record<string, HitDetails>;
}

/** A captured article that mentions an entity, as the sidebar lists it. */
export type CapturedMention = Pick<CapturedSummary, 'id' | 'url' | 'title' | 'date' | 'host'>;

export const capturedMessages = {
  /**
   * The popup's search over captured articles (same query language and scores as the
   * bundled index), with the snippet and entities of the first `details` hits: one message
   * answers everything a query shows.
   */
  'capture/search': {
    from: FROM_EXTENSION_PAGE,
    request: v.strictObject({
      query: Query,
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
      details: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20))),
    }),
    response: answers<CapturedSearchResults>(),
  },
  /** The snippet and matched entities of one captured hit. */
  'capture/details': {
    from: FROM_EXTENSION_PAGE,
    request: v.strictObject({ id: ArticleId, query: Query, matched: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(200)) }),
    response: answers<HitDetails>(),
  },
  /** Every captured article, newest capture first. */
  'capture/list': { from: FROM_EXTENSION_PAGE, request: v.strictObject({}), response: answers<CapturedListItem[]>() },
  /** Deletes one captured article (its notes stay); the answer is the record, for Undo. */
  'capture/delete': { from: FROM_EXTENSION_PAGE, request: v.strictObject({ id: ArticleId }), response: answers<CapturedArticle | null>() },
  /** Undo of a delete: the record as `capture/delete` answered it (validated again by the store). */
  'capture/restore': { from: FROM_EXTENSION_PAGE, request: v.strictObject({ article: v.unknown() }), response: answers<null>() },
  /** The sidebar's "other articles mentioning …": the user's captured articles with this entity. */
  'sidebar/captured-mentions': {
    from: ['sidebar'],
    request: v.strictObject({ entityId: v.pipe(v.string(), v.maxLength(300)), name: v.pipe(v.string(), v.maxLength(300)) }),
    response: answers<CapturedMention[]>(),
  },
  /** Whether pages in private windows may be archived (off unless the user turns it on). */
  'capture/private-setting': { from: FROM_EXTENSION_PAGE, request: v.strictObject({}), response: answers<boolean>() },
  'capture/set-private-setting': { from: FROM_EXTENSION_PAGE, request: v.strictObject({ enabled: v.boolean() }), response: answers<boolean>() },
} as const satisfies Record<string, MessageSpec>;
