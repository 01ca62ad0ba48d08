import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/browser';
import type { WorkerResponse } from '../shared/messages';
import { failureCode, failureMessage } from '../shared/failures';
import { sendToWorker } from '../shared/messages/to-worker';
import { CapturePage } from './CapturePage';

type ActiveArticle = WorkerResponse<'popup/active-article'>;
type Status = { kind: 'loading' } | { kind: 'ready'; active: ActiveArticle } | { kind: 'failed'; message: string };

/** What the popup says when asking about or toggling the active tab failed: chosen from the error's code. */
export function toggleFailureText(error: unknown): string {
  switch (failureCode(error)) {
    case 'tab-unreachable':
      return t('popupTabUnreachable');
    case 'not-archived':
      return t('popupPageNotArchived');
    default:
      return t('popupStatusFailed', failureMessage(error));
  }
}

/** Tells whether the active tab is an archived article, with a button to show or hide the sidebar. */
export function SidebarToggle() {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [toggleError, setToggleError] = useState<string | null>(null);
  useEffect(() => {
    sendToWorker('popup/active-article', {}).then(
      (active) => setStatus({ kind: 'ready', active }),
      (error: unknown) => setStatus({ kind: 'failed', message: toggleFailureText(error) }),
    );
  }, []);
  // After "Archive this page" the tab shows an archived article: say so, as a popup opened now would.
  const [archivedSaid, setArchivedSaid] = useState<string | null>(null);
  const showCaptured = (said: string): void => {
    sendToWorker('popup/active-article', {}).then(
      (active) => {
        if (!active) return;
        setArchivedSaid(said);
        setStatus({ kind: 'ready', active });
      },
      () => undefined, // The capture's own outcome line stays; the next popup asks again.
    );
  };
  if (status.kind === 'loading') return null;
  if (status.kind === 'failed') return <p class="page-status error" role="alert">{status.message}</p>;
  if (status.active === null) {
    return (
      <>
        <p class="page-status muted">{t('popupPageNotArchived')}</p>
        <CapturePage onArchived={showCaptured} />
      </>
    );
  }
  return (
    <div class="page-status">
      <p>
        {t('popupPageArchived')} <strong>{status.active.title}</strong>
      </p>
      <button
        type="button"
        class="toggle-sidebar"
        onClick={() => {
          setToggleError(null);
          sendToWorker('popup/toggle-sidebar', {}).then(
            () => window.close(),
            (error: unknown) => setToggleError(toggleFailureText(error)),
          );
        }}
      >
        {t('popupToggleSidebar')}
      </button>
      {archivedSaid && (
        <p class="capture-outcome" role="status">
          {archivedSaid}
        </p>
      )}
      {toggleError && (
        <p class="toggle-error error" role="alert">
          {toggleError}
        </p>
      )}
    </div>
  );
}
