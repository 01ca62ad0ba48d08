import { t } from '../shared/browser';

/** "Deleted …" with its Undo button, and the error of the last action: the options page's delete-with-Undo lists share them. */
export function UndoLine({ message, buttonClass, onUndo, error }: { message: string | null; buttonClass: string; onUndo: () => void; error: string | null }) {
  return (
    <>
      {message !== null && (
        <p class="undo" role="status">
          {message}{' '}
          <button type="button" class={buttonClass} onClick={onUndo}>
            {t('undo')}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}
