/**
 * "Archive this page", on a page that is not in the archive: the button, what it will
 * ask for and why, and what the capture did. The site is asked for within the click
 * (browsers allow permissions.request only while they handle the user's action), and the
 * capture is sent at once, not after the answer: the worker keeps it either way, and the
 * popup may close while the browser asks.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, t } from '../shared/browser';
import { failureCode, failureMessage } from '../shared/failures';
import type { CaptureOutcome, CaptureStatus, LastCapture } from '../shared/messages/capture-messages';
import { sendToWorker } from '../shared/messages/to-worker';

type Said = { text: string; error: boolean };

export function outcomeText(outcome: CaptureOutcome): Said {
  switch (outcome.status) {
    case 'archived':
      return { text: t('popupCaptured', outcome.title), error: false };
    case 'already-archived':
      return { text: t('popupCaptureAlready', outcome.title), error: false };
    case 'no-article':
      return { text: t('popupCaptureNoArticle'), error: true };
    case 'too-large':
      return { text: t('popupCaptureTooLarge'), error: true };
    case 'not-a-page':
      return { text: t('popupCaptureNotAPage'), error: true };
    case 'private-window':
      return { text: t('popupCapturePrivateWindow'), error: true };
  }
}

function failureText(code: string, message: string): Said {
  if (code === 'storage-full') return { text: t('popupCaptureStorageFull'), error: true };
  if (code === 'tab-unreachable') return { text: `${t('popupCaptureUnreachable')} (${message})`, error: true };
  return { text: t('popupCaptureFailed', message), error: true };
}

/** The page is in the user's archive now: the button has done its job. */
const archivedNow = (outcome: CaptureOutcome): boolean => outcome.status === 'archived' || outcome.status === 'already-archived';

const lastText = (last: LastCapture): Said => ('outcome' in last ? outcomeText(last.outcome) : failureText(last.code, last.failed));

/** `onArchived`: the capture put the page in the archive, with what was said (the popup then shows it as archived). */
export function CapturePage({ onArchived }: { onArchived?: (said: string) => void } = {}) {
  const [status, setStatus] = useState<CaptureStatus | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    sendToWorker('popup/capturable', {}).then(
      (answer) => {
        setStatus(answer);
        if (answer.last) setSaid(lastText(answer.last));
      },
      () => setStatus({ page: null, last: null }),
    );
  }, []);
  const page = status?.page;
  // Once archived, offering "Archive this page" again (and saying what it would ask) misleads.
  if (!page || done) return said && <p class={`capture-outcome${said.error ? ' error' : ''}`} role="status">{said.text}</p>;

  const archive = (): void => {
    if (!page.siteAccess) void browser.permissions.request({ origins: page.origins }).catch(() => false);
    setBusy(true);
    setSaid(null);
    sendToWorker('popup/capture', {}).then(
      (outcome) => {
        const text = outcomeText(outcome);
        setSaid(text);
        if (!archivedNow(outcome)) return;
        setDone(true);
        onArchived?.(text.text);
      },
      (error: unknown) => setSaid(failureText(failureCode(error), failureMessage(error))),
    ).finally(() => setBusy(false));
  };
  return (
    <div class="capture">
      <button type="button" class="capture-page" disabled={busy} onClick={archive}>
        {busy ? t('popupCaptureBusy') : t('popupCapture')}
      </button>
      <p class="capture-why muted">{page.siteAccess ? t('popupCaptureWhyGranted') : t('popupCaptureWhy', page.site)}</p>
      {said && (
        <p class={`capture-outcome${said.error ? ' error' : ''}`} role="status">
          {said.text}
        </p>
      )}
    </div>
  );
}
