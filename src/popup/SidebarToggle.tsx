import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/browser';
import type { WorkerResponse } from '../shared/messages';
import { sendToWorker } from '../shared/messenger';

/** Tells whether the active tab is an archived article, with a button to show or hide the sidebar. */
export function SidebarToggle() {
  const [active, setActive] = useState<WorkerResponse<'popup/active-article'> | undefined>(undefined);
  useEffect(() => {
    sendToWorker('popup/active-article', {}).then(setActive, () => setActive(null));
  }, []);
  if (active === undefined) return null;
  if (active === null) return <p class="page-status muted">{t('popupPageNotArchived')}</p>;
  return (
    <div class="page-status">
      <p>
        {t('popupPageArchived')} <strong>{active.title}</strong>
      </p>
      <button
        type="button"
        onClick={() => {
          void sendToWorker('popup/toggle-sidebar', {}).then(() => window.close());
        }}
      >
        {t('popupToggleSidebar')}
      </button>
    </div>
  );
}
