/**
 * The build's entity extractor: the shared pure extractor (src/shared/entities/extract.ts)
 * on the knowledge read from the data packages, unless a caller brings its own.
 */
import type { ArticleEntity } from '../../src/shared/archive-format';
import { extractEntities as extractWith } from '../../src/shared/entities/extract';
import type { Knowledge } from '../../src/shared/entities/knowledge';
import { defaultKnowledge } from './knowledge';

export { entityId, slugify } from '../../src/shared/entities/extract';

export function extractEntities(text: string, knowledge: Knowledge = defaultKnowledge()): ArticleEntity[] {
  return extractWith(text, knowledge);
}
