/**
 * The draft port (issue 15, hole 5): the sidebar posts what is unsaved on every change;
 * the worker saves the last draft a sidebar sent when its port closes, and only for the
 * sidebar's own article, verified by its token.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../../src/shared/browser';

vi.mock('../../../../src/shared/browser', () => ({ browser: { runtime: { id: 'ext-id' } }, t: (key: string) => key }));

const { followDraftPort } = await import('../../../../src/background/notes/drafts');
const { openDraftChannel } = await import('../../../../src/sidebar/notes/draft-channel');
const { useSidebarToken } = await import('../../../../src/shared/messenger');
const { NOTES_DRAFT_PORT } = await import('../../../../src/shared/messages/notes-messages');

const TOKEN = 'a'.repeat(32);
const ARTICLE = '31f14c63a51e4b00';
const OTHER_ARTICLE = '0123456789abcdef';
const sidebarSender: Runtime.MessageSender = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/sidebar.html',
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  frameId: 3,
};
const draft = (text: string) => ({ text, tags: [], baseRevision: 2, baseText: 'base' });

/** A port as both ends see it: messages and disconnects are delivered by the test. */
function fakePort(name: string, sender?: Runtime.MessageSender) {
  const onMessage: Array<(message: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  const posted: unknown[] = [];
  const port = {
    name,
    sender,
    disconnect: vi.fn(),
    postMessage: (message: unknown) => void posted.push(structuredClone(message)),
    onMessage: { addListener: (listener: (message: unknown) => void) => void onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => void onDisconnect.push(listener) },
  };
  return {
    port: port as unknown as Runtime.Port,
    posted,
    disconnect: port.disconnect,
    deliver: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    close: () => onDisconnect.forEach((listener) => listener()),
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('the worker’s end of the draft port', () => {
  const verify = vi.fn(async (tabId: number | undefined, token: string) => {
    if (tabId !== 7 || token !== TOKEN) throw new Error('this sidebar was not opened by Backstory in this tab');
    return { articleId: ARTICLE, pageUrl: 'https://sputnikglobe.com/a.html' };
  });

  function follow(sender: Runtime.MessageSender | null = sidebarSender, name = NOTES_DRAFT_PORT) {
    const save = vi.fn(async () => undefined);
    const port = fakePort(name, sender ?? undefined);
    followDraftPort(port.port, 'ext-id', verify, save);
    return { ...port, save };
  }

  it('saves the last draft it was sent when the port closes', async () => {
    const port = follow();
    port.deliver({ token: TOKEN, articleId: ARTICLE, draft: draft('C') });
    port.deliver({ token: TOKEN, articleId: ARTICLE, draft: draft('Closing') });
    expect(port.save).not.toHaveBeenCalled();
    port.close();
    await settle();
    expect(port.save).toHaveBeenCalledExactlyOnceWith(ARTICLE, draft('Closing'));
  });

  it('saves nothing when the last message said everything was saved', async () => {
    const port = follow();
    port.deliver({ token: TOKEN, articleId: ARTICLE, draft: draft('Closing') });
    port.deliver({ token: TOKEN, articleId: ARTICLE, draft: null });
    port.close();
    await settle();
    expect(port.save).not.toHaveBeenCalled();
  });

  it.each<[string, Runtime.MessageSender | null]>([
    ['a content script', { ...sidebarSender, url: 'https://sputnikglobe.com/a.html', frameId: 0 }],
    ['another extension', { ...sidebarSender, id: 'other-id' }],
    ['an extension page that is not the sidebar', { ...sidebarSender, url: 'chrome-extension://ext-id/options.html' }],
    ['no sender', null],
  ])('refuses a port from %s', async (_name, sender) => {
    const port = follow(sender);
    expect(port.disconnect).toHaveBeenCalled();
    port.deliver({ token: TOKEN, articleId: ARTICLE, draft: draft('x') });
    port.close();
    await settle();
    expect(port.save).not.toHaveBeenCalled();
  });

  it('leaves other ports alone', () => {
    const port = follow(sidebarSender, 'something-else');
    expect(port.disconnect).not.toHaveBeenCalled();
  });

  it('saves nothing for a token that is not the tab’s, or a draft for another article', async () => {
    const forged = follow();
    forged.deliver({ token: 'b'.repeat(32), articleId: ARTICLE, draft: draft('forged') });
    await settle();
    expect(forged.disconnect).toHaveBeenCalled();
    forged.close();

    const wrongArticle = follow();
    wrongArticle.deliver({ token: TOKEN, articleId: OTHER_ARTICLE, draft: draft('elsewhere') });
    wrongArticle.close();
    await settle();
    expect(forged.save).not.toHaveBeenCalled();
    expect(wrongArticle.save).not.toHaveBeenCalled();
  });

  it('ignores invalid messages and a second token on the same port', async () => {
    const port = follow();
    port.deliver({ token: TOKEN, articleId: ARTICLE, draft: draft('kept') });
    port.deliver({ token: TOKEN, articleId: ARTICLE, draft: { text: 5 } });
    port.deliver('not even an object');
    port.deliver({ token: 'c'.repeat(32), articleId: ARTICLE, draft: draft('from another token') });
    port.close();
    await settle();
    expect(port.save).toHaveBeenCalledExactlyOnceWith(ARTICLE, draft('kept'));
  });
});

describe('the sidebar’s end of the draft port', () => {
  function channel() {
    const ports: Array<ReturnType<typeof fakePort>> = [];
    const connect = vi.fn((name: string) => {
      const port = fakePort(name);
      ports.push(port);
      return port.port;
    });
    useSidebarToken(TOKEN);
    return { ports, connect, drafts: openDraftChannel(ARTICLE, connect) };
  }

  it('does not wake the worker while nothing is unsaved', () => {
    const { connect, drafts } = channel();
    drafts.post(null);
    expect(connect).not.toHaveBeenCalled();
  });

  it('posts every change at once, with the frame’s token, on one port', () => {
    const { ports, connect, drafts } = channel();
    drafts.post(draft('C'));
    drafts.post(draft('Cl'));
    drafts.post(null);
    expect(connect).toHaveBeenCalledOnce();
    expect(connect).toHaveBeenCalledWith(NOTES_DRAFT_PORT);
    expect(ports[0]?.posted).toEqual([
      { token: TOKEN, articleId: ARTICLE, draft: draft('C') },
      { token: TOKEN, articleId: ARTICLE, draft: draft('Cl') },
      { token: TOKEN, articleId: ARTICLE, draft: null },
    ]);
  });

  it('gives an unsaved draft to the next worker when the worker stops, a few times at most', () => {
    const { ports, drafts } = channel();
    drafts.post(draft('typed'));
    ports[0]?.close(); // the worker stopped
    expect(ports[1]?.posted).toEqual([{ token: TOKEN, articleId: ARTICLE, draft: draft('typed') }]);
    for (let i = 1; i < 10; i++) ports[i]?.close();
    expect(ports.length).toBe(4);
  });

  it('does not reconnect when nothing is unsaved, nor after it was closed', () => {
    const { ports, drafts } = channel();
    drafts.post(draft('typed'));
    drafts.post(null);
    ports[0]?.close();
    expect(ports).toHaveLength(1);
    drafts.post(draft('again'));
    expect(ports).toHaveLength(2);
    drafts.close();
    expect(ports[1]?.disconnect).toHaveBeenCalled();
    ports[1]?.close();
    drafts.post(draft('after close'));
    expect(ports).toHaveLength(2);
  });
});
