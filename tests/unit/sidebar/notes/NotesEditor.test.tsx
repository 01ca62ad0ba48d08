// @vitest-environment happy-dom
/**
 * A failed save keeps the text and waits for the user: no automatic retry loop against a
 * full storage. Two tabs saving at once: the other tab's save can reach this sidebar (as
 * the record it shows) while its own save is still under way, and the answer to its own
 * save is then the older of the two: the editor must still end on the newer, merged text.
 * Typing that cannot be merged into its save's merged answer is never saved over the other
 * tab's words (the chaos test's lost saves); a record made anew after its damaged one was
 * set aside is shown although its revisions count from 0; a merge keeps the user's caret.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDomRoot } from '../../helpers/dom-root';
import type { NotesActions } from '../../../../src/sidebar/notes/use-notes';
import type { NotesRecord } from '../../../../src/shared/notes-schema';

const sendToWorker = vi.fn();
vi.mock('../../../../src/shared/browser', () => ({ browser: {}, t: (key: string, sub?: string) => (sub ? `${key}:${sub}` : key) }));
vi.mock('../../../../src/shared/messages/to-worker', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../src/shared/messages/to-worker')>()),
  sendToWorker: (...args: unknown[]) => sendToWorker(...args),
}));

const { NotesEditor } = await import('../../../../src/sidebar/notes/NotesEditor');
const { emptyRecord } = await import('../../../../src/shared/notes-schema');
const { MessageError } = await import('../../../../src/shared/messages/to-worker');
const { applyNoteWrite } = await import('../../../../src/background/notes/merge');
type NoteWrite = import('../../../../src/background/notes/merge').NoteWrite;

/** A DOM root for each test, with fake timers (the autosave's pause) and the worker's mock reset. */
function useEditorRoot(): () => HTMLElement {
  const domRoot = useDomRoot();
  beforeEach(() => {
    vi.useFakeTimers();
    sendToWorker.mockReset();
  });
  afterEach(() => vi.useRealTimers());
  return domRoot;
}

describe('the notes editor when storage refuses a write', () => {
  const domRoot = useEditorRoot();

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

const at = (record: NotesRecord, text: string, revision: number): NotesRecord => ({ ...record, note: { ...record.note, text, revision } });

describe('the notes editor when another tab saves at the same time', () => {
  const domRoot = useEditorRoot();

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

describe('the notes editor when the user types on while its save is merged with another tab', () => {
  const domRoot = useEditorRoot();

  /** The worker's part, with its real merge: each write is applied to `stored` when it arrives. */
  function fakeWorker(start: NotesRecord): { stored: () => NotesRecord; arrive: (write: NoteWrite) => NotesRecord } {
    let stored = start;
    let ids = 0;
    return {
      stored: () => stored,
      arrive: (write) => (stored = applyNoteWrite(stored, write, stored.updatedAt + 1, () => `copy-${++ids}`).record),
    };
  }

  it('loses no word of the merged answer when its typing cannot be merged into it', async () => {
    // Three words saved by three tabs ("From C." by another tab, merged by the worker into this
    // tab's save), while this tab types at both ends of its note: its typing is one edit that
    // overlaps the other tab's, so the editor cannot merge it into the answer. The answer's
    // words must stay stored: in the note or in a conflict copy, never written over.
    const root = domRoot();
    const worker = fakeWorker(at(emptyRecord('31f14c63a51e4b00', 'Title', 'https://sputnikglobe.com/a.html'), 'Line one.\n', 1));
    const actions = { accept: vi.fn() } as unknown as NotesActions;
    await act(() => render(<NotesEditor record={worker.stored()} actions={actions} />, root));
    const textarea = root.querySelector<HTMLTextAreaElement>('.note-text');
    if (!textarea) throw new Error('no editor');
    const type = (value: string) =>
      act(() => {
        textarea.value = value;
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
      });

    let answer: () => void = () => undefined;
    sendToWorker.mockImplementation((_type: string, { articleId: _id, ...write }: NoteWrite & { articleId: string }) =>
      new Promise((resolve) => (answer = () => resolve({ status: 'saved', record: worker.arrive(write), room: 'ok' }))),
    );
    await type('Line one.\nFrom A.\n');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(600);
    });
    expect(sendToWorker).toHaveBeenCalledTimes(1);

    // The other tab's save arrives first; then this tab types at the start and at the end.
    worker.arrive({ text: 'From C.\nLine one.\n', tags: [], baseRevision: 1, baseText: 'Line one.\n' });
    await type('Start.\nLine one.\nFrom A.\nEnd.\n');
    await act(async () => {
      answer();
      await vi.advanceTimersByTimeAsync(0);
    });
    // The next autosave, and every one after it, answered at once.
    sendToWorker.mockImplementation(async (_type: string, { articleId: _id, ...write }: NoteWrite & { articleId: string }) => ({
      status: 'saved',
      record: worker.arrive(write),
      room: 'ok',
    }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(sendToWorker.mock.calls.length).toBeGreaterThan(1);

    const { note, conflicts } = worker.stored();
    const kept = [note.text, ...conflicts.map((conflict) => conflict.text)].join('\n');
    for (const words of ['From C.', 'From A.', 'Start.', 'End.']) expect(kept, words).toContain(words);
  });
});

describe('the notes editor when its record was set aside and made anew', () => {
  const domRoot = useEditorRoot();

  it('shows the new record, whose revisions count from 0 again, once another tab saved on it', async () => {
    const root = domRoot();
    const actions = { accept: vi.fn() } as unknown as NotesActions;
    const record = emptyRecord('31f14c63a51e4b00', 'Title', 'https://sputnikglobe.com/a.html');
    const old = { ...at(record, 'Old text.\n', 14), updatedAt: 100 };
    await act(() => render(<NotesEditor record={old} actions={actions} />, root));
    // The old record was damaged and set aside; another tab saved on the one made anew.
    const anew = { ...at(record, 'Made anew.\n', 1), updatedAt: 200 };
    await act(() => render(<NotesEditor record={anew} actions={actions} />, root));
    expect(root.querySelector<HTMLTextAreaElement>('.note-text')?.value).toBe('Made anew.\n');
    // And an older state of it shown again (an answer overtaken) does not bring the old text back.
    await act(() => render(<NotesEditor record={old} actions={actions} />, root));
    expect(root.querySelector<HTMLTextAreaElement>('.note-text')?.value).toBe('Made anew.\n');
    expect(sendToWorker).not.toHaveBeenCalled();
  });
});

describe('the notes editor when another tab’s words are merged in while the user types', () => {
  const domRoot = useEditorRoot();

  it('keeps the caret where the user was typing, not at the end of the note', async () => {
    const root = domRoot();
    const actions = { accept: vi.fn() } as unknown as NotesActions;
    const record = at(emptyRecord('31f14c63a51e4b00', 'Title', 'https://sputnikglobe.com/a.html'), 'Line one.\n', 1);
    await act(() => render(<NotesEditor record={record} actions={actions} />, root));
    const textarea = root.querySelector<HTMLTextAreaElement>('.note-text');
    if (!textarea) throw new Error('no editor');
    textarea.focus();
    // The user types "Start " at the beginning of the note.
    await act(() => {
      textarea.value = 'Start Line one.\n';
      textarea.setSelectionRange(6, 6);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Another tab's line, stored meanwhile, is shown: merged below what the user types.
    await act(() => render(<NotesEditor record={at(record, 'Line one.\nFrom B.\n', 2)} actions={actions} />, root));
    expect(textarea.value).toBe('Start Line one.\nFrom B.\n');
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([6, 6]);
  });
});
