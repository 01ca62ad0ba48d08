/**
 * Handler of the live-page comparison's message (src/shared/messages/live-messages.ts):
 * relays the sidebar's request to its own tab's content script and hands the answer back.
 * The page's markup is only ever in this response chain; nothing here keeps or logs it.
 */
import type { liveMessages } from '../shared/messages/live-messages';
import { callContentScript } from '../shared/messages/to-content';
import type { FeatureHandlers } from './router';

export const liveHandlers: FeatureHandlers<keyof typeof liveMessages> = {
  async 'sidebar/live-page'(_request, sender) {
    // The router verified the token against this very tab, so the sidebar reads only the
    // page it sits beside.
    if (!sender.sidebar || sender.tabId === undefined) throw new Error('only the sidebar frame may ask this');
    // The content script is ours, but it runs in the page's process: its answer is checked.
    const answer = await callContentScript(sender.tabId, 'content/live-page', {}).catch(() => null);
    return answer?.reply ?? { ok: false, reason: 'unavailable' };
  },
};
