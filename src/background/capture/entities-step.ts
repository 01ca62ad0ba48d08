/**
 * The entities of a captured article, by the build's extractor run in the worker
 * (./entities.ts). A capture never fails for them: when the extractor cannot load or
 * throws, the article is stored without entities and marked so (`entitiesExtracted:
 * false`), and the reason is logged.
 */
import type { ArticleEntity } from '../../shared/archive-format';
import { extractCapturedEntities } from './entities';

/** The entities of `text` (the article's full text), or null when they could not be extracted. */
export async function capturedEntities(text: string, extract: (text: string) => Promise<ArticleEntity[]> = extractCapturedEntities): Promise<ArticleEntity[] | null> {
  try {
    return await extract(text);
  } catch (error) {
    console.warn('Backstory: the captured article is kept without entities:', error);
    return null;
  }
}
