// @vitest-environment happy-dom
/** A failed save keeps the text and waits for the user: no automatic retry loop against a full storage. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDomRoot } from '../../helpers/dom-root';
import type { NotesActions } from '../../../../src/sidebar/notes/use-notes';

const sendToWorker = vi.fn();
vi.mock('../../../../src/shared/browser', () => ({ browser: {}, t: (key: string, sub?: string) => (sub ? `${key}:${sub}` : key) }));
vi.mock('../../../../src/shared/messenger', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../src/shared/messenger')>()),
  sendToWorker: (...args: unknown[]) => sendToWorker(...args),
}));

const { NotesEditor } = await import('../../../../src/sidebar/notes/NotesEditor');
const { emptyRecord } = await import('../../../../src/shared/notes-schema');
const { MessageError } = await import('../../../../src/shared/messenger');

describe('the notes editor when storage refuses a write', () => {
  const domRoot = useDomRoot();
  beforeEach(() => {
    vi.useFakeTimers();
    sendToWorker.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('shows the error once, keeps the text, and saves only when the user retries', async () => {

    const root = domRoot();
    const record = emptyRecord('31f14c63a51e4b00', 'Title', 'https://sputnikglobe.com/a.html');
    const actions = { accept: vi.fn() } as unknown as NotesActions;
    sendToWorker.mockRejectedValue(new MessageError('storage-full', 'notes/save-note: QUOTA_BYTES quota exceeded'));
    await act(() => render(<NotesEditor record={record} actions={actions} />, root));

    const textarea = root.querySelector<HTMLTextAreaElement>('.note-text');
    if (!textarea) throw new Error('no editor');
    await act(() => {
      textarea.value = 'Typed while storage is full';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(sendToWorker).toHaveBeenCalledTimes(1);
    expect(root.querySelector('.save-error')?.textContent).toContain('notesStorageFull:QUOTA_BYTES quota exceeded');
    expect(textarea.value).toBe('Typed while storage is full');

    sendToWorker.mockResolvedValue({ status: 'saved', record: { ...record, note: { ...record.note, text: 'Typed while storage is full', revision: 1 } } });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.save-error button')?.click();
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(sendToWorker).toHaveBeenCalledTimes(2);
    expect(root.querySelector('.save-error')).toBeNull();
  });
});
