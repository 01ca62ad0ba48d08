// @vitest-environment happy-dom
/**
 * After "Archive this page" put the page in the archive, the popup stops offering it: it
 * shows the page as archived (with the sidebar's button), as a popup opened now would,
 * and says what the capture did. A capture that archived nothing keeps the button.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { CaptureOutcome } from '../../../src/shared/messages/capture-messages';
import { useDomRoot } from '../helpers/dom-root';

const worker = vi.hoisted(() => ({ archived: false, outcome: null as unknown }));
vi.mock('../../../src/shared/browser', () => ({
  browser: { permissions: { request: async () => true } },
  t: (key: string, sub?: string) => (sub === undefined ? key : `${key}:${sub}`),
}));
vi.mock('../../../src/shared/messages/to-worker', () => ({
  sendToWorker: async (type: string) => {
    if (type === 'popup/active-article') return worker.archived ? { articleId: 'c1', title: 'Harbour plan approved' } : null;
    if (type === 'popup/capturable') return { page: { site: 'ledger.example', origins: ['*://ledger.example/*'], siteAccess: true }, last: null };
    if (type === 'popup/capture') {
      worker.archived = (worker.outcome as CaptureOutcome).status === 'archived';
      return worker.outcome;
    }
    throw new Error(`unexpected message ${type}`);
  },
}));
const { SidebarToggle } = await import('../../../src/popup/SidebarToggle');

const flush = () => act(async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
});

describe('the popup after "Archive this page"', () => {
  const domRoot = useDomRoot();

  async function archiveWith(outcome: CaptureOutcome): Promise<HTMLElement> {
    worker.archived = false;
    worker.outcome = outcome;
    const root = domRoot();
    await act(() => render(<SidebarToggle />, root));
    await flush(); // the tab's status
    await flush(); // what capture can do there (asked once the view is shown)
    const button = root.querySelector<HTMLButtonElement>('.capture-page');
    if (!button) throw new Error(`no "Archive this page" button in: ${root.innerHTML}`);
    await act(() => button.click());
    await flush();
    await flush();
    return root;
  }

  it('shows the page as archived, with what the capture did, and no second "Archive this page"', async () => {
    const root = await archiveWith({ status: 'archived', title: 'Harbour plan approved' } as CaptureOutcome);
    expect(root.querySelector('.capture-page')).toBeNull();
    expect(root.querySelector('.page-status strong')?.textContent).toBe('Harbour plan approved');
    expect(root.querySelector('.toggle-sidebar')).not.toBeNull();
    expect(root.querySelector('.capture-outcome')?.textContent).toBe('popupCaptured:Harbour plan approved');
    expect(root.textContent).not.toContain('popupPageNotArchived');
  });

  it('keeps the button when nothing was archived', async () => {
    const root = await archiveWith({ status: 'no-article' });
    expect(root.querySelector('.capture-page')).not.toBeNull();
    expect(root.querySelector('.capture-outcome')?.textContent).toBe('popupCaptureNoArticle');
  });
});
