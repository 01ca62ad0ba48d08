/**
 * The entities of a captured article, by the build's extractor run in the worker. Until
 * that extractor is in this build (src/background/capture/entities.ts, another change),
 * captured articles are stored without entities and marked so (`entitiesExtracted:
 * false`), to be filled in later; a capture never waits on or fails for them.
 */
import type { ArticleEntity } from '../../shared/archive-format';

/** The entities of `text`, or null when they could not be extracted (the capture is kept without them). */
export async function capturedEntities(_text: string): Promise<ArticleEntity[] | null> {
  return null;
}
