/**
 * Whether storage.local has room for a write: the sidebar warns before a write would fail
 * rather than after. Only a browser that sets a quota (unlimitedStorage not granted) can
 * run out this way; with no quota there is nothing to foresee, and a refused write is
 * still reported with the text kept (save-failure.ts).
 */

/** Warn when a write of this many bytes more would pass the quota: a long note with highlights. */
export const ROOM_MARGIN_BYTES = 256 * 1024;
/** Or when this share of the quota is used. */
export const NEARLY_FULL_SHARE = 0.9;

export type StorageRoom = 'ok' | 'nearly-full' | 'full';

/** `bytes` in use of `quota` (null: no quota), and the size of the write about to be made. */
export function storageRoom(bytes: number, quota: number | null, nextWrite = 0): StorageRoom {
  if (quota === null) return 'ok';
  if (bytes + nextWrite >= quota) return 'full';
  if (bytes + nextWrite + ROOM_MARGIN_BYTES > quota || bytes >= quota * NEARLY_FULL_SHARE) return 'nearly-full';
  return 'ok';
}
