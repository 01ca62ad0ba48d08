// @vitest-environment happy-dom
/** Storage that does not run out quietly: the threshold, the sidebar's warning, the options page's figure. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useDomRoot } from '../helpers/dom-root';
import type { NotesActions } from '../../../src/sidebar/notes/use-notes';

const sendToWorker = vi.fn();
vi.mock('../../../src/shared/browser', () => ({ browser: {}, t: (key: string, sub?: string | string[]) => (sub === undefined ? key : `${key}:${[sub].flat().join('|')}`) }));
vi.mock('../../../src/shared/messenger', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/shared/messenger')>()),
  sendToWorker: (...args: unknown[]) => sendToWorker(...args),
}));

const { storageRoom, ROOM_MARGIN_BYTES } = await import('../../../src/shared/storage-room');
const { NotesEditor } = await import('../../../src/sidebar/notes/NotesEditor');
const { StorageUsage, formatBytes } = await import('../../../src/options/StorageUsage');
const { emptyRecord } = await import('../../../src/shared/notes-schema');

const MB = 1024 * 1024;

describe('room for the next write', () => {
  it.each<[string, number, number | null, number, string]>([
    ['no quota (unlimitedStorage), however much is used', 50 * MB, null, MB, 'ok'],
    ['little used', 1 * MB, 10 * MB, 10_000, 'ok'],
    ['the next write would leave less than the margin', 10 * MB - ROOM_MARGIN_BYTES, 10 * MB, 10, 'nearly-full'],
    ['90 % used', 9 * MB, 10 * MB, 0, 'nearly-full'],
    ['the next write would not fit', 10 * MB - 100, 10 * MB, 200, 'full'],
    ['full to the byte', 10 * MB, 10 * MB, 0, 'full'],
  ])('%s', (_name, bytes, quota, next, room) => {
    expect(storageRoom(bytes, quota, next)).toBe(room);
  });
});

describe('the sidebar', () => {
  const domRoot = useDomRoot();

  async function saveWith(room: string): Promise<HTMLElement> {
    vi.useFakeTimers();
    const root = domRoot();
    const record = emptyRecord('31f14c63a51e4b00', 'Title', 'https://sputnikglobe.com/a.html');
    sendToWorker.mockResolvedValue({ status: 'saved', record: { ...record, note: { ...record.note, text: 'typed', revision: 1 } }, room });
    await act(() => render(<NotesEditor record={record} actions={{ accept: vi.fn() } as unknown as NotesActions} />, root));
    const textarea = root.querySelector<HTMLTextAreaElement>('.note-text');
    await act(() => {
      if (!textarea) throw new Error('no editor');
      textarea.value = 'typed';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    vi.useRealTimers();
    return root;
  }

  it.each([
    ['nearly-full', 'notesStorageNearlyFull'],
    ['full', 'notesStorageNoRoom'],
  ])('warns before a write would fail (%s)', async (room, text) => {
    expect((await saveWith(room)).querySelector('.storage-warning')?.textContent).toBe(text);
  });

  it('says nothing while there is room', async () => {
    expect((await saveWith('ok')).querySelector('.storage-warning')).toBeNull();
  });
});

describe('the options page', () => {
  const domRoot = useDomRoot();

  it('shows how much the notes use, with the number of notes and highlights, and the quota if any', () => {
    const root = domRoot();
    render(<StorageUsage usage={{ bytes: 14_540, quota: null, notes: 3, highlights: 7 }} />, root);
    expect(root.querySelector('.usage')?.textContent).toBe('optionsUsage:14.2 KB|3|7');
    render(<StorageUsage usage={{ bytes: 812, quota: 10 * MB, notes: 1, highlights: 0 }} />, root);
    expect(root.querySelector('.usage')?.textContent).toBe('optionsUsage:812 bytes|1|0 optionsUsageQuota:10 MB');
  });

  it('formats sizes', () => {
    expect([formatBytes(0), formatBytes(2048), formatBytes(3.1 * MB)]).toEqual(['0 bytes', '2 KB', '3.1 MB']);
  });
});
