import { t } from '../../shared/browser';
import { failureCode, failureMessage } from '../../shared/failures';

/** Why a save failed, in words for the user, chosen by the error's code (the browser's own message kept for the details). */
export function saveFailure(error: unknown): string {
  const message = failureMessage(error);
  return failureCode(error) === 'storage-full' ? t('notesStorageFull', message) : message;
}
