/**
 * Handlers of the damaged-record messages (src/shared/messages/damaged-messages.ts):
 * records the notes store could not read stay aside until the user deletes them here.
 */
import type { damagedMessages } from '../../shared/messages/damaged-messages';
import { deleteQuarantined, readQuarantined, restoreQuarantined } from './store';
import type { FeatureHandlers } from '../router';

export const DAMAGED_EXPORT_FORMAT = 'backstory-damaged-records';

export const damagedHandlers: FeatureHandlers<keyof typeof damagedMessages> = {
  async 'notes/export-damaged'() {
    const now = new Date();
    const content = { format: DAMAGED_EXPORT_FORMAT, exportedAt: now.toISOString(), records: await readQuarantined() };
    return { filename: `backstory-damaged-records-${now.toISOString().slice(0, 10)}.json`, mimeType: 'application/json', content: JSON.stringify(content, null, 2) };
  },

  async 'notes/delete-damaged'({ id }) {
    return deleteQuarantined(id);
  },

  async 'notes/restore-damaged'({ record }) {
    await restoreQuarantined(record);
    return null;
  },
};
