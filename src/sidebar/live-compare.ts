/** The archived article compared with the live page's markup (docs/live-diff.md); no extension API. */
import { articleBlocks, type Article } from '../shared/archive-format';
import { diffTexts, sharedShare, type LiveDiff } from '../shared/live-diff';
import { extractLiveArticle } from './live-extract';

/** Why the live article could not be compared (each has a message: liveReason_<reason>). */
export type LiveFailure = 'too-large' | 'unavailable' | 'no-article' | 'not-this-article' | 'too-different' | 'error';

export type LiveResult =
  | { status: 'failed'; reason: LiveFailure }
  | { status: 'compared'; diff: LiveDiff; archived: string[]; live: string[] };

/** Below this share of the archived words found on the live page, it is not this article. */
export const MIN_SHARED_SHARE = 0.3;

export function compareWithLive(article: Article, html: string): LiveResult {
  const archived = articleBlocks(article);
  const extraction = extractLiveArticle(html, article.title);
  if (!extraction.ok) return { status: 'failed', reason: extraction.reason };
  const diff = diffTexts(archived, extraction.blocks);
  if (!diff) return { status: 'failed', reason: 'too-different' };
  if (sharedShare(diff) < MIN_SHARED_SHARE) return { status: 'failed', reason: 'not-this-article' };
  return { status: 'compared', diff, archived, live: extraction.blocks };
}
