/**
 * The content script's part of the live-page comparison (docs/live-diff.md): a bounded
 * copy of the page's markup, only while the sidebar is open. Reading the article out of
 * it happens in the sidebar (its own process), so this stays a few lines.
 */
import { MAX_LIVE_PAGE_CHARS, MAX_LIVE_PAGE_ELEMENTS } from '../shared/live-limits';
import type { LivePageReply } from '../shared/messages/live-messages';

export function livePageSnapshot(sidebarOpen: boolean): LivePageReply {
  if (!sidebarOpen) return { ok: false, reason: 'closed' };
  // Counting first is cheap (a live collection's length); serializing a huge page is not.
  if (document.getElementsByTagName('*').length > MAX_LIVE_PAGE_ELEMENTS) return { ok: false, reason: 'too-large' };
  const html = document.documentElement.outerHTML;
  return html.length > MAX_LIVE_PAGE_CHARS ? { ok: false, reason: 'too-large' } : { ok: true, html };
}
