// @vitest-environment happy-dom
/**
 * The sidebar's view of its record: it follows storage changes of its own key, and a
 * refresh that fails (the worker stopped under it) neither replaces the shown record with
 * an error nor takes the editor away; it is asked again.
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

const ID = '31f14c63a51e4b00';
function Shows() {
  const [state] = useNotes(ID);
  return <p>{state.status === 'ready' ? `ready:${state.record.note.text}` : state.status}</p>;
}
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
});
