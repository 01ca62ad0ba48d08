/** The worker's announcements to extension pages: sent on the wire, checked on receipt. */
import { describe, expect, it, vi } from 'vitest';

const listeners = new Set<(message: unknown) => unknown>();
const sendMessage = vi.fn();
vi.mock('../../../../src/shared/browser', () => ({
  browser: {
    runtime: {
      sendMessage: (message: unknown) => sendMessage(message),
      onMessage: { addListener: (l: (m: unknown) => unknown) => listeners.add(l), removeListener: (l: (m: unknown) => unknown) => listeners.delete(l) },
    },
  },
}));
const { broadcast, onBroadcast } = await import('../../../../src/shared/messages/broadcasts');
const { CHANNEL } = await import('../../../../src/shared/messages/wire');

const deliver = (message: unknown) => listeners.forEach((listener) => listener(message));
const ARTICLE_ID = '31f14c63a51e4b00';

describe('broadcasts', () => {
  it('sends a declared announcement in the envelope, and no open page is not an error', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(broadcast('notes/changed', { articleId: ARTICLE_ID, revision: 2 })).resolves.toBeUndefined();
    expect(sendMessage).toHaveBeenCalledWith({ channel: CHANNEL, type: 'notes/changed', payload: { articleId: ARTICLE_ID, revision: 2 } });
  });

  it('hands a listener only its own type with a payload that passes the schema, until it unsubscribes', () => {
    const heard = vi.fn();
    const stop = onBroadcast('notes/changed', heard);
    deliver({ channel: CHANNEL, type: 'notes/changed', payload: { articleId: ARTICLE_ID, revision: 3 } });
    deliver({ channel: CHANNEL, type: 'notes/changed', payload: { articleId: ARTICLE_ID, revision: -1 } });
    deliver({ channel: CHANNEL, type: 'notes/changed', payload: { articleId: ARTICLE_ID, revision: 4, extra: true } });
    deliver({ channel: CHANNEL, type: 'notes/get', payload: { articleId: ARTICLE_ID, revision: 5 } });
    deliver({ channel: 'someone-else', type: 'notes/changed', payload: { articleId: ARTICLE_ID, revision: 6 } });
    deliver('notes/changed');
    expect(heard.mock.calls).toEqual([[{ articleId: ARTICLE_ID, revision: 3 }]]);
    stop();
    deliver({ channel: CHANNEL, type: 'notes/changed', payload: { articleId: ARTICLE_ID, revision: 7 } });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
  });
});
