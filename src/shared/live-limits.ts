/**
 * Bounds of the live-page comparison (docs/live-diff.md), in a module of their own so the
 * content script can import them without any schema.
 */

/** A page whose markup is longer is not serialized: "page too large". */
export const MAX_LIVE_PAGE_CHARS = 3_000_000;
/** A page with more elements is not serialized either (counted before serializing). */
export const MAX_LIVE_PAGE_ELEMENTS = 30_000;
