// @vitest-environment happy-dom
/**
 * The sidebar's view of its record: it follows storage changes of its own key, and a
 * refresh that fails (the worker stopped under it) neither replaces the shown record with
 * an error nor takes the editor away; it is asked again. Answers arriving out of order
 * never bring back an older state, and a record made anew after its damaged one was set
 * aside (its revisions count from 0 again) is shown, with the highlights made on it.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useDomRoot } from '../../helpers/dom-root';

type Listener = (changes: Record<string, unknown>, area: string) => void;
const listeners = new Set<Listener>();
const sendToWorker = vi.fn();
vi.mock('../../../../src/shared/browser', () => ({
  browser: { storage: { onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) } } },
  t: (key: string) => key,
}));
vi.mock('../../../../src/shared/messages/to-worker', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../src/shared/messages/to-worker')>()),
  sendToWorker: (...args: unknown[]) => sendToWorker(...args),
}));

const { useNotes } = await import('../../../../src/sidebar/notes/use-notes');
const { emptyRecord } = await import('../../../../src/shared/notes-schema');
type NotesRecord = import('../../../../src/shared/notes-schema').NotesRecord;
type NotesActions = import('../../../../src/sidebar/notes/use-notes').NotesActions;

const ID = '31f14c63a51e4b00';
let shownActions: NotesActions | undefined;
function Shows() {
  const [state, actions] = useNotes(ID);
  shownActions = actions;
  const highlights = state.status === 'ready' ? state.record.highlights.map((highlight) => ` [${highlight.quote.exact}]`).join('') : '';
  return <p>{state.status === 'ready' ? `ready:${state.record.note.text}${highlights}` : state.status}</p>;
}
/** The record as stored at `updatedAt` (the worker's clock), with its note at `revision`. */
function storedAt(updatedAt: number, revision: number, text: string, highlights: NotesRecord['highlights'] = []): NotesRecord {
  const record = emptyRecord(ID, 'Title', 'https://sputnikglobe.com/a.html');
  return { ...record, note: { ...record.note, text, revision, updatedAt }, highlights, updatedAt };
}
const QUOTE = { type: 'TextQuoteSelector' as const, exact: 'steadfast', prefix: '', suffix: '' };
const POSITION = { type: 'TextPositionSelector' as const, start: 10, end: 19 };
const highlightAt = (at: number) => ({ id: 'c0a80164-0000-4000-8000-000000000001', createdAt: at, updatedAt: at, note: '', quote: QUOTE, position: POSITION });
const changeKey = async (key: string): Promise<void> => {
  await act(async () => {
    for (const listener of listeners) listener({ [key]: { newValue: {} } }, 'local');
    await Promise.resolve();
  });
};

describe('useNotes', () => {
  const domRoot = useDomRoot();
  beforeEach(() => {
    sendToWorker.mockReset();
    listeners.clear();
  });

  it('asks the worker again when its own record changes in storage, and only then', async () => {
    const root = domRoot();
    const record = emptyRecord(ID, 'Title', 'https://sputnikglobe.com/a.html');
    sendToWorker.mockResolvedValueOnce(record).mockResolvedValueOnce({ ...record, note: { ...record.note, text: 'from another tab', revision: 1 } });
    await act(() => render(<Shows />, root));
    await changeKey('notes:ffffffffffffffff');
    expect(sendToWorker).toHaveBeenCalledTimes(1);
    await changeKey(`notes:${ID}`);
    await vi.waitFor(() => expect(root.textContent).toBe('ready:from another tab'));
  });

  it('keeps the shown record when a refresh fails, and asks again', async () => {
    const root = domRoot();
    const record = emptyRecord(ID, 'Title', 'https://sputnikglobe.com/a.html');
    sendToWorker.mockResolvedValueOnce({ ...record, note: { ...record.note, text: 'typed', revision: 1 } });
    await act(() => render(<Shows />, root));
    await vi.waitFor(() => expect(root.textContent).toBe('ready:typed'));
    sendToWorker.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await changeKey(`notes:${ID}`);
    await vi.waitFor(() => expect(sendToWorker).toHaveBeenCalledTimes(4));
    await act(async () => undefined);
    expect(root.textContent).toBe('ready:typed');
  });

  it('never replaces the shown record with an answer older than it, nor with one of the same moment and an older revision', async () => {
    const root = domRoot();
    sendToWorker.mockResolvedValueOnce(storedAt(3_000, 7, 'newer'));
    await act(() => render(<Shows />, root));
    await vi.waitFor(() => expect(root.textContent).toBe('ready:newer'));
    await act(() => shownActions?.accept(storedAt(2_000, 6, 'older')));
    await act(() => shownActions?.accept(storedAt(3_000, 6, 'older, same moment')));
    expect(root.textContent).toBe('ready:newer');
    await act(() => shownActions?.accept(storedAt(3_000, 8, 'same moment, next revision')));
    expect(root.textContent).toBe('ready:same moment, next revision');
  });

  it('shows a record made anew after its damaged one was set aside, and the highlight made on it, though its revisions start again', async () => {
    const root = domRoot();
    sendToWorker.mockResolvedValueOnce(storedAt(1_000, 30, 'typed'));
    await act(() => render(<Shows />, root));
    await vi.waitFor(() => expect(root.textContent).toBe('ready:typed'));
    // The damaged record was set aside; the next save made it anew (revision 1), then a highlight was added.
    sendToWorker.mockResolvedValueOnce(storedAt(2_500, 1, 'typed', [highlightAt(2_500)]));
    await act(() => shownActions?.addHighlight({ id: highlightAt(0).id, note: '', quote: QUOTE, position: POSITION }));
    expect(root.textContent).toBe('ready:typed [steadfast]');
    // And a refresh after another tab's change to the new record is shown too.
    sendToWorker.mockResolvedValueOnce(storedAt(2_600, 2, 'typed\nin another tab', [highlightAt(2_500)]));
    await changeKey(`notes:${ID}`);
    await vi.waitFor(() => expect(root.textContent).toBe('ready:typed\nin another tab [steadfast]'));
  });
});
