/**
 * The worker's answers about the user's own archive (src/shared/messages/captured-messages.ts):
 * search for the popup, the list, delete and Undo for the options page.
 */
import { readAllRecords } from '../notes/store';
import type { FeatureHandlers } from '../router';
import { captureInPrivateWindows, setCaptureInPrivateWindows } from './private-windows';
import { capturedHitDetails, capturedMentioning, searchCapturedWithDetails } from './search-index';
import { deleteCaptured, listCaptured, restoreCaptured } from './store';

/** A record with anything the user wrote: note text, tags or highlights. */
export function hasUserNotes(record: { note: { text: string; tags: readonly string[] }; highlights: readonly unknown[] }): boolean {
  return record.note.text.trim() !== '' || record.note.tags.length > 0 || record.highlights.length > 0;
}

export const capturedHandlers: FeatureHandlers<
  'capture/search' | 'capture/details' | 'capture/list' | 'capture/delete' | 'capture/restore' | 'capture/private-setting' | 'capture/set-private-setting' | 'sidebar/captured-mentions'
> = {
  'capture/search': ({ query, limit, details }) => searchCapturedWithDetails(query, limit, details ?? 0),

  'capture/details': ({ id, query, matched }) => capturedHitDetails({ id, matched }, query),

  async 'capture/list'() {
    const [articles, records] = await Promise.all([listCaptured(), readAllRecords()]);
    const withNotes = new Set(records.filter(hasUserNotes).map((record) => record.articleId));
    return articles.map((article) => ({ ...article, hasNotes: withNotes.has(article.id) }));
  },

  'capture/delete': ({ id }) => deleteCaptured(id),

  async 'capture/restore'({ article }) {
    await restoreCaptured(article);
    return null;
  },

  'sidebar/captured-mentions': ({ entityId, name }) => capturedMentioning(entityId, name, 12),

  'capture/private-setting': () => captureInPrivateWindows(),

  'capture/set-private-setting': ({ enabled }) => setCaptureInPrivateWindows(enabled),
};
