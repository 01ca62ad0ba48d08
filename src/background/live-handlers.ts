/**
 * Handler of the live-page comparison's message (src/shared/messages/live-messages.ts):
 * relays the sidebar's request to its own tab's content script and hands the answer back.
 * The page's markup is only ever in this response chain; nothing here keeps or logs it.
 */
import * as v from 'valibot';
import { browser } from '../shared/browser';
import { envelope } from '../shared/messages/envelope';
import { LivePageReply, type liveMessages } from '../shared/messages/live-messages';
import type { FeatureHandlers } from './router';

export const liveHandlers: FeatureHandlers<keyof typeof liveMessages> = {
  async 'sidebar/live-page'(_request, sender) {
    // The router verified the token against this very tab, so the sidebar reads only the
    // page it sits beside.
    if (!sender.sidebar || sender.tabId === undefined) throw new Error('only the sidebar frame may ask this');
    let reply: unknown;
    try {
      reply = await browser.tabs.sendMessage(sender.tabId, envelope('content/live-page', {}), { frameId: 0 });
    } catch {
      return { ok: false, reason: 'unavailable' };
    }
    // The content script is ours, but it runs in the page's process: check what it sent.
    const parsed = v.safeParse(LivePageReply, reply);
    return parsed.success ? parsed.output : { ok: false, reason: 'unavailable' };
  },
};
