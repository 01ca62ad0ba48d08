import { t } from '../shared/browser';

/** Why a save failed, in words for the user (the browser's own message kept for the details). */
export function saveFailure(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^notes\/[a-z-]+: /, '');
  return /quota/i.test(message) ? t('notesStorageFull', message) : message;
}
