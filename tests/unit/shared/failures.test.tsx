// @vitest-environment happy-dom
/**
 * Typed errors through the message layer (issue 15, hole 6): the worker's failures carry a
 * code, the messenger passes it on, and the popup and sidebar choose their words from the
 * code, never from the message text.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useDomRoot } from '../helpers/dom-root';

const sendMessage = vi.fn();
const sendTabMessage = vi.fn();
const sessions = new Map<number, { articleId: string; title: string }>();
vi.mock('../../../src/shared/browser', () => ({
  browser: {
    runtime: { id: 'ext-id', getURL: (path: string) => `chrome-extension://ext-id/${path}`, sendMessage: (...args: unknown[]) => sendMessage(...args) },
    tabs: { sendMessage: (...args: unknown[]) => sendTabMessage(...args) },
  },
  t: (key: string, sub?: string | string[]) => (sub === undefined ? key : `${key}:${String(sub)}`),
}));
vi.mock('../../../src/background/tab-sessions', () => ({
  tabSession: async (tabId: number) => sessions.get(tabId) ?? null,
  startTabSession: vi.fn(),
  endTabSession: vi.fn(),
}));

const { MessageError, sendToWorker } = await import('../../../src/shared/messages/to-worker');
const { failureCode, failureMessage } = await import('../../../src/shared/failures');
const { toggleFailureText, SidebarToggle } = await import('../../../src/popup/SidebarToggle');
const { saveFailure } = await import('../../../src/sidebar/notes/save-failure');
const { toggleSidebar } = await import('../../../src/background/page-handlers');
const { SearchView } = await import('../../../src/popup/SearchView');
const { CodedError } = await import('../../../src/shared/result');

const flush = () => act(async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
});

describe('the messenger', () => {
  beforeEach(() => sendMessage.mockReset());

  it('throws the worker’s code with its message', async () => {
    sendMessage.mockResolvedValue({ ok: false, code: 'storage-full', error: 'QUOTA_BYTES quota exceeded' });
    const error = await sendToWorker('notes/list', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MessageError);
    expect(failureCode(error)).toBe('storage-full');
    expect(failureMessage(error)).toBe('QUOTA_BYTES quota exceeded');
  });

  it.each<[string, () => unknown, string]>([
    ['a code it does not know', () => Promise.resolve({ ok: false, code: 'made-up', error: 'x' }), 'internal'],
    ['no code at all', () => Promise.resolve({ ok: false, error: 'x' }), 'internal'],
    ['no answer', () => Promise.resolve(undefined), 'worker-unreachable'],
    ['a code that is not a string', () => Promise.resolve({ ok: false, code: { toString: 'x' }, error: 'x' }), 'internal'],
  ])('codes %s', async (_name, reply, code) => {
    sendMessage.mockImplementation(reply);
    const error = await sendToWorker('notes/list', {}).catch((caught: unknown) => caught);
    expect(failureCode(error)).toBe(code);
  });
});

describe('the messenger when the worker cannot be reached', () => {
  it('says worker-unreachable', async () => {
    sendMessage.mockReset();
    sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    const error = await sendToWorker('notes/list', {}).catch((caught: unknown) => caught);
    expect(failureCode(error)).toBe('worker-unreachable');
  });
});

describe('what the popup and sidebar say', () => {
  it.each<[string, unknown, string]>([
    ['a tab whose content script does not answer', new MessageError('tab-unreachable', 'popup/toggle-sidebar: the page does not answer Backstory'), 'popupTabUnreachable'],
    ['a page that is not archived', new MessageError('not-archived', 'popup/toggle-sidebar: this page is not in the archive'), 'popupPageNotArchived'],
    ['any other failure, with its message', new MessageError('internal', 'popup/active-article: storage.session is not available'), 'popupStatusFailed:storage.session is not available'],
    ['a failure whose text merely mentions the archive', new MessageError('internal', 'popup/active-article: not in the archive'), 'popupStatusFailed:not in the archive'],
  ])('the toggle names %s', (_name, error, text) => {
    expect(toggleFailureText(error)).toBe(text);
  });

  it('the editor calls storage full only what the code says is full', () => {
    expect(saveFailure(new MessageError('storage-full', 'notes/save-note: QUOTA_BYTES quota exceeded'))).toBe('notesStorageFull:QUOTA_BYTES quota exceeded');
    // The text is not read for meaning: a quota word in another failure is just its message.
    expect(saveFailure(new MessageError('internal', 'notes/save-note: quota of something else'))).toBe('quota of something else');
  });
});

describe('the worker’s sidebar toggle', () => {
  beforeEach(() => {
    sessions.clear();
    sendTabMessage.mockReset();
  });

  it('fails not-archived when the tab shows no article', async () => {
    await expect(toggleSidebar(3)).rejects.toMatchObject({ code: 'not-archived' });
    await expect(toggleSidebar(null)).rejects.toMatchObject({ code: 'not-archived' });
  });

  it('fails tab-unreachable when the tab shows an article but its content script does not answer', async () => {
    sessions.set(3, { articleId: '31f14c63a51e4b00', title: 'T' });
    sendTabMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(toggleSidebar(3)).rejects.toMatchObject({ code: 'tab-unreachable' });
    // The tab answers: it shows that article, and takes the toggle.
    sendTabMessage.mockImplementation(async (_tabId: number, message: { type: string }) =>
      message.type === 'content/shown-article' ? { articleId: '31f14c63a51e4b00' } : undefined,
    );
    await expect(toggleSidebar(3)).resolves.toBeUndefined();
  });

  it('throws coded errors the router passes on', () => {
    expect(new CodedError('tab-unreachable', 'x').code).toBe('tab-unreachable');
  });
});

describe('the popup’s views of failures', () => {
  const domRoot = useDomRoot();
  beforeEach(() => sendMessage.mockReset());

  const reply = (byType: Record<string, unknown>) =>
    sendMessage.mockImplementation(async (message?: { type: string }) => (message ? byType[message.type] : undefined));

  it('shows why it cannot tell about the page, not "not archived"', async () => {
    reply({ 'popup/active-article': { ok: false, code: 'internal', error: 'storage.session failed' } });
    const root = domRoot();
    await act(() => render(<SidebarToggle />, root));
    await flush();
    expect(root.textContent).toBe('popupStatusFailed:storage.session failed');
  });

  it('says "not archived" only when the worker says so', async () => {
    reply({ 'popup/active-article': { ok: true, value: null } });
    const root = domRoot();
    await act(() => render(<SidebarToggle />, root));
    await flush();
    expect(root.textContent).toBe('popupPageNotArchived');
  });

  it('keeps the popup open and says to reload when the tab cannot be reached', async () => {
    reply({
      'popup/active-article': { ok: true, value: { articleId: '31f14c63a51e4b00', title: 'An article' } },
      'popup/toggle-sidebar': { ok: false, code: 'tab-unreachable', error: 'the page does not answer Backstory' },
    });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const root = domRoot();
    await act(() => render(<SidebarToggle />, root));
    await flush();
    await act(() => root.querySelector<HTMLButtonElement>('.toggle-sidebar')?.click());
    await flush();
    expect(root.querySelector('.toggle-error')?.textContent).toBe('popupTabUnreachable');
    expect(close).not.toHaveBeenCalled();
  });

  it('says the notes could not be read, and still shows the archive results', async () => {
    const none = { search: async () => ({ hits: [], total: 0 }), details: async () => ({ snippet: [], entities: [] }) };
    const engine = { ...none, bundled: none, captured: none };
    const notes = { searchNotes: () => Promise.reject(new MessageError('internal', 'notes/search: storage.local is not available')) };
    const root = domRoot();
    await act(() => render(<SearchView engine={engine} notes={notes} initialQuery="" open={() => undefined} />, root));
    await flush();
    expect(root.querySelector('.notes-error')?.textContent).toBe('popupNotesFailed:storage.local is not available');
  });
});
