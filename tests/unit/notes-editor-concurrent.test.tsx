// @vitest-environment happy-dom
/**
 * Two tabs save the same note at once. The other tab's save can reach this sidebar (as the
 * record it shows) while its own save is still under way, and the answer to its own save
 * is then the older of the two: the editor must still end on the newer, merged text.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDomRoot } from './dom-root';
import type { NotesActions } from '../../src/sidebar/use-notes';
import type { NotesRecord } from '../../src/shared/notes-schema';

const sendToWorker = vi.fn();
vi.mock('../../src/shared/browser', () => ({ browser: {}, t: (key: string, sub?: string) => (sub ? `${key}:${sub}` : key) }));
vi.mock('../../src/shared/messenger', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/shared/messenger')>()),
  sendToWorker: (...args: unknown[]) => sendToWorker(...args),
}));

const { NotesEditor } = await import('../../src/sidebar/NotesEditor');
const { emptyRecord } = await import('../../src/shared/notes-schema');

const at = (record: NotesRecord, text: string, revision: number): NotesRecord => ({ ...record, note: { ...record.note, text, revision } });

describe('the notes editor when another tab saves at the same time', () => {
  const domRoot = useDomRoot();
  beforeEach(() => {
    vi.useFakeTimers();
    sendToWorker.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('shows the merged note that arrived while its own save was under way', async () => {
    const root = domRoot();
    const base = at(emptyRecord('31f14c63a51e4b00', 'Title', 'https://sputnikglobe.com/a.html'), 'Line one.\nLine two.', 1);
    const actions = { accept: vi.fn() } as unknown as NotesActions;
    await act(() => render(<NotesEditor record={base} actions={actions} />, root));
    const textarea = root.querySelector<HTMLTextAreaElement>('.note-text');
    if (!textarea) throw new Error('no editor');

    let answer: (value: unknown) => void = () => undefined;
    sendToWorker.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    await act(async () => {
      textarea.value = 'Line one, from A.\nLine two.';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(600);
    });
    expect(sendToWorker).toHaveBeenCalledTimes(1);

    // Our save was stored first (revision 2), the other tab's was merged on top (revision 3),
    // and the sidebar is shown revision 3 before the answer to its own save comes in.
    const merged = at(base, 'Line one, from A.\nLine two, from B.', 3);
    await act(() => render(<NotesEditor record={merged} actions={actions} />, root));
    await act(async () => {
      answer({ status: 'saved', record: at(base, 'Line one, from A.\nLine two.', 2), room: 'ok' });
      await vi.advanceTimersByTimeAsync(0);
    });

    expect(textarea.value).toBe('Line one, from A.\nLine two, from B.');
    expect(root.querySelector('.save-state')?.textContent).toBe('notesSaved');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    // Nothing left to save: the merged text is the stored one.
    expect(sendToWorker).toHaveBeenCalledTimes(1);
  });
});
