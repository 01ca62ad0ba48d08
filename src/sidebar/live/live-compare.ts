/** The archived article compared with the live page's markup (docs/live-diff.md); no extension API. */
import { articleBlocks, type Article } from '../../shared/archive-format';
import { diffTexts, sharedShare, type LiveDiff } from '../../shared/live-diff';
import { cutShort, describeChanges, shownPart, type LiveChanges, type PartShown } from '../../shared/live-verdict';
import { extractLiveArticle } from './live-extract';
import { sortLiveBlocks, type Sorted } from './live-extras';

/** Why the live article could not be compared (each has a message: liveReason_<reason>). */
export type LiveFailure = 'too-large' | 'unavailable' | 'no-article' | 'not-this-article' | 'too-different' | 'error';

export type LiveResult =
  | { status: 'failed'; reason: LiveFailure }
  | {
      status: 'compared';
      diff: LiveDiff;
      changes: LiveChanges;
      archived: string[];
      /** The live article's text: headline, then the blocks counted. */
      live: string[];
      /** Page extras, not counted (shown in Compare so a reader can check the call). */
      extras: Sorted['extras'];
    };

/** Below this share of the archived words found on the live page, it is not this article. */
export const MIN_SHARED_SHARE = 0.3;

export function compareWithLive(article: Article, html: string): LiveResult {
  const archived = articleBlocks(article);
  const extraction = extractLiveArticle(html, article);
  if (!extraction.ok) return { status: 'failed', reason: extraction.reason };
  const sorted = sortLiveBlocks(archived, extraction.headline, extraction.blocks, { name: extraction.siteName, host: article.host });
  if (!sorted) return { status: 'failed', reason: 'too-different' };
  const whole = diffTexts(archived, sorted.counted);
  if (!whole) return { status: 'failed', reason: 'too-different' };
  // Behind a subscriber gate the page may stop short: what it withholds was not removed. So may
  // a page that marks no gate but shows only the start of the story (a preview).
  const prefix = shownPart(whole);
  const partial: PartShown = prefix === null ? null : extraction.gated ? 'gate' : cutShort(whole, prefix) ? 'cut' : null;
  const diff = partial && prefix ? prefix : whole;
  if (sharedShare(diff) < MIN_SHARED_SHARE) return { status: 'failed', reason: 'not-this-article' };
  const changes = describeChanges(diff, sorted.corrections, partial);
  return { status: 'compared', diff, changes, archived, live: sorted.counted, extras: sorted.extras };
}
