import { useEffect, useState } from 'preact/hooks';
import { browser, t } from '../shared/browser';
import { failureMessage } from '../shared/failures';
import { sendToWorker } from '../shared/messages/to-worker';

/** Whether the browser lets Backstory run in private windows at all (the user's choice in the browser's own settings). */
async function browserAllowsPrivate(): Promise<boolean | null> {
  try {
    return await browser.extension.isAllowedIncognitoAccess();
  } catch {
    return null;
  }
}

/** Archiving in private windows: off unless turned on here (and allowed by the browser). */
export function PrivateWindows() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sendToWorker('capture/private-setting', {}).then(setEnabled, (failure: unknown) => setError(failureMessage(failure)));
    void browserAllowsPrivate().then(setAllowed);
  }, []);
  const change = (value: boolean) =>
    sendToWorker('capture/set-private-setting', { enabled: value }).then(setEnabled, (failure: unknown) => setError(failureMessage(failure)));

  return (
    <section aria-labelledby="private-heading" class="panel private-windows">
      <h2 id="private-heading">{t('optionsPrivateHeading')}</h2>
      <label>
        <input type="checkbox" class="capture-private" checked={enabled === true} disabled={enabled === null} onChange={(event) => void change(event.currentTarget.checked)} />{' '}
        {t('optionsPrivateCapture')}
      </label>
      <p class="muted private-browser-status">{t(allowed === true ? 'optionsPrivateAllowed' : 'optionsPrivateNotAllowed')}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
