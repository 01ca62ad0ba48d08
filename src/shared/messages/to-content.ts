/**
 * The worker's calls to a tab's content script (top frame only), typed from
 * ./content-messages.ts; the answer is checked (./content-replies.ts), as the content
 * script runs in the page's process.
 */
import * as v from 'valibot';
import { browser } from '../browser';
import { CodedError } from '../result';
import type { ContentMessageType, ContentRequest, ContentResponse } from './content-messages';
import { contentReplies } from './content-replies';
import { envelope } from './wire';

/**
 * Sends `type` to the tab's content script and resolves with its checked answer, or null
 * when no content script of ours listens there (the tab shows another site, or is gone).
 * An answer that fails its schema throws tab-unreachable.
 */
export async function callContentScript<K extends ContentMessageType>(
  tabId: number,
  type: K,
  payload: ContentRequest<K>,
): Promise<{ reply: ContentResponse<K> } | null> {
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, envelope(type, payload), { frameId: 0 });
  } catch {
    return null;
  }
  const parsed = v.safeParse(contentReplies[type], answer);
  if (!parsed.success) throw new CodedError('tab-unreachable', `${type}: the content script answered ${JSON.stringify(answer)}`);
  return { reply: parsed.output };
}
