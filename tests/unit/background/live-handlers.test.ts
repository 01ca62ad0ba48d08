/**
 * The worker's side of the live-page comparison (src/background/live-handlers.ts): only the
 * sidebar, through the router, gets its own tab's page; the content script's reply is checked.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { liveHandlers } from '../../../src/background/live-handlers';
import { dispatch, type Handlers } from '../../../src/background/router';
import type { Runtime, Tabs } from '../../../src/shared/browser';
import { MAX_LIVE_PAGE_CHARS } from '../../../src/shared/live-limits';
import { envelope } from '../../../src/shared/messages';

const sendMessage = vi.fn();
vi.mock('../../../src/shared/browser', () => ({
  browser: { runtime: { id: 'ext-id' }, tabs: { sendMessage: (...args: unknown[]) => sendMessage(...args) } },
  t: (k: string) => k,
}));

const TOKEN = '0123456789abcdef0123456789abcdef';
const tab = (id: number): Tabs.Tab => ({ id, index: 0, highlighted: false, active: true, pinned: false, incognito: false });
const sidebarFrame: Runtime.MessageSender = { id: 'ext-id', url: 'chrome-extension://ext-id/sidebar.html', tab: tab(7), frameId: 4 };
const contentScript: Runtime.MessageSender = { id: 'ext-id', url: 'https://sputnikglobe.com/a.html', tab: tab(7), frameId: 0 };
const verify = vi.fn(async () => ({ articleId: '31f14c63a51e4b00', pageUrl: 'https://sputnikglobe.com/a.html' }));

const ask = (sender: Runtime.MessageSender, token?: string) =>
  dispatch(liveHandlers as Handlers, envelope('sidebar/live-page', {}, token), sender, verify);

describe('sidebar/live-page', () => {
  beforeEach(() => sendMessage.mockReset());

  it('asks the sidebar’s own tab’s top frame and hands back its markup', async () => {
    sendMessage.mockResolvedValue({ ok: true, html: '<html></html>' });
    expect(await ask(sidebarFrame, TOKEN)).toEqual({ ok: true, value: { ok: true, html: '<html></html>' } });
    expect(sendMessage).toHaveBeenCalledWith(7, expect.objectContaining({ type: 'content/live-page', payload: {} }), { frameId: 0 });
  });

  it('is refused to a sidebar without its token and to other senders', async () => {
    expect((await ask(sidebarFrame)).ok).toBe(false);
    expect((await ask(contentScript)).ok).toBe(false);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('passes on the content script’s refusals and drops malformed or oversized replies', async () => {
    sendMessage.mockResolvedValueOnce({ ok: false, reason: 'closed' });
    expect(await ask(sidebarFrame, TOKEN)).toEqual({ ok: true, value: { ok: false, reason: 'closed' } });
    sendMessage.mockResolvedValueOnce({ ok: true, html: 'x'.repeat(MAX_LIVE_PAGE_CHARS + 1) });
    expect(await ask(sidebarFrame, TOKEN)).toEqual({ ok: true, value: { ok: false, reason: 'unavailable' } });
    sendMessage.mockResolvedValueOnce({ ok: true, html: 1, extra: true });
    expect(await ask(sidebarFrame, TOKEN)).toEqual({ ok: true, value: { ok: false, reason: 'unavailable' } });
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await ask(sidebarFrame, TOKEN)).toEqual({ ok: true, value: { ok: false, reason: 'unavailable' } });
  });
});
