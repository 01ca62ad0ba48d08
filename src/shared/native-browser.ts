/**
 * Stands in for webextension-polyfill in the content script bundle only (scripts/build.ts
 * aliases it there), to keep the script every archive-host page loads small: the content
 * script uses runtime.sendMessage, runtime.onMessage (answering only with sendResponse), runtime.getURL,
 * runtime.id and i18n.getMessage, which both browsers offer natively with promises
 * (`browser` in Firefox; `chrome` in Chromium's Manifest V3). Everything else in the
 * extension goes through the real polyfill.
 */
const native = (globalThis as { browser?: unknown; chrome?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome;
export default native;
