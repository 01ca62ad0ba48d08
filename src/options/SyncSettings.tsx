import { useState } from 'preact/hooks';
import { t } from '../shared/browser';
import type { SyncStatus } from '../shared/messages/notes-messages';
import { sendToWorker } from '../shared/messages/to-worker';

interface Props {
  status: SyncStatus;
  onChange(): void;
}

/** Opt-in sync through the browser's sync service, and what stays only in this browser. */
export function SyncSettings({ status, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  const toggle = async (enabled: boolean): Promise<void> => {
    try {
      setError(null);
      await sendToWorker('notes/set-sync', { enabled });
      onChange();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <section aria-labelledby="sync-heading" class="panel">
      <h2 id="sync-heading">{t('optionsSyncHeading')}</h2>
      <label class="checkbox">
        <input type="checkbox" class="sync-toggle" checked={status.enabled} onChange={(event) => void toggle(event.currentTarget.checked)} />
        <span>{t('optionsSyncLabel')}</span>
      </label>
      <p class="muted">{t('optionsSyncExplain')}</p>
      {error && <p role="alert" class="error">{error}</p>}
      {status.error && <p role="alert" class="error">{t('optionsSyncError', status.error)}</p>}
      {status.enabled && (
        <>
          <p class="sync-count">{t('optionsSyncCount', String(status.syncedCount))}</p>
          {status.notSynced.length > 0 && (
            <>
              <p>{t('optionsNotSynced')}</p>
              <ul class="not-synced">
                {status.notSynced.map((item) => (
                  <li key={item.articleId}>
                    {item.articleTitle || item.articleId}{' '}
                    <span class="muted">— {t(item.reason === 'too-large' ? 'syncTooLarge' : 'syncTotalQuota', String(Math.ceil(item.bytes / 1024)))}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
