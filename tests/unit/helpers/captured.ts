/** Captured articles for tests. */
import { ARCHIVE_FORMAT_VERSION } from '../../../src/shared/archive-format';
import { CAPTURE_SCHEMA_VERSION, type CapturedArticle } from '../../../src/shared/captured-article';

export function capturedArticle(id: string, overrides: Partial<CapturedArticle> = {}): CapturedArticle {
  return {
    schemaVersion: CAPTURE_SCHEMA_VERSION,
    format: ARCHIVE_FORMAT_VERSION,
    id,
    url: `https://news.example.org/2025/${id}.html`,
    key: `news.example.org/2025/${id}.html`,
    host: 'news.example.org',
    date: '2025-03-14',
    title: `Article ${id}`,
    summary: 'A summary of the article.',
    paragraphs: ['The first paragraph.', 'The second paragraph.'],
    entities: [],
    site: 'Example News',
    capturedAt: 1_760_000_000_000,
    dateSource: 'meta',
    refusedDate: null,
    truncated: null,
    entitiesExtracted: false,
    ...overrides,
  };
}
