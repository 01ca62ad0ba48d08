/** The worker's typed call to a tab's content script: the answer is checked, a silent tab is null. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('../../../../src/shared/browser', () => ({
  browser: { tabs: { sendMessage: (...args: unknown[]) => sendMessage(...args) } },
}));
const { callContentScript } = await import('../../../../src/shared/messages/to-content');
const { CHANNEL } = await import('../../../../src/shared/messages/wire');

describe('callContentScript', () => {
  beforeEach(() => sendMessage.mockReset());

  it('asks the top frame and resolves with the checked answer', async () => {
    sendMessage.mockResolvedValue({ articleId: '31f14c63a51e4b00' });
    expect(await callContentScript(7, 'content/shown-article', {})).toEqual({ reply: { articleId: '31f14c63a51e4b00' } });
    expect(sendMessage).toHaveBeenCalledWith(7, { channel: CHANNEL, type: 'content/shown-article', payload: {} }, { frameId: 0 });
  });

  it('takes no answer as the reply of a message that is not answered', async () => {
    sendMessage.mockResolvedValue(undefined);
    expect(await callContentScript(7, 'content/toggle-sidebar', {})).toEqual({ reply: undefined });
  });

  it('is null when no content script of ours listens in the tab', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await callContentScript(7, 'content/shown-article', {})).toBeNull();
  });

  it('refuses an answer of another shape with tab-unreachable', async () => {
    sendMessage.mockResolvedValue({ articleId: 42 });
    await expect(callContentScript(7, 'content/shown-article', {})).rejects.toMatchObject({ code: 'tab-unreachable' });
    sendMessage.mockResolvedValue({ ok: true });
    await expect(callContentScript(7, 'content/toggle-sidebar', {})).rejects.toMatchObject({ code: 'tab-unreachable' });
  });
});
