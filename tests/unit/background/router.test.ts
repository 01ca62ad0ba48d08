import { describe, expect, it, vi } from 'vitest';
import { dispatch as routerDispatch, parseSenderUrl, senderRole, type Handlers, type SidebarVerifier } from '../../../src/background/router';
import type { Runtime, Tabs } from '../../../src/shared/browser';
import { workerMessages } from '../../../src/shared/messages';
import type { Envelope } from '../../../src/shared/messages/envelope';
import { CHANNEL, envelope } from '../../../src/shared/messages/wire';
import { ImportError } from '../../../src/background/notes/import';
import { CodedError } from '../../../src/shared/result';

vi.mock('../../../src/shared/browser', () => ({
  browser: { runtime: { id: 'ext-id', getURL: (p: string) => 'chrome-extension://ext-id/' + p } },
  t: (k: string) => k,
}));

const OWN_ID = 'ext-id';
const PAGE_URL = 'https://sputnikglobe.com/20240208/article.html';

function tab(id: number): Tabs.Tab {
  return { id, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
}

const popup: Runtime.MessageSender = { id: OWN_ID, url: 'chrome-extension://ext-id/popup.html' };
const sidebarFrame: Runtime.MessageSender = { id: OWN_ID, url: 'chrome-extension://ext-id/sidebar.html#t', tab: tab(7), frameId: 4 };
const contentScript: Runtime.MessageSender = { id: OWN_ID, url: PAGE_URL, tab: tab(7), frameId: 0 };

describe('senderRole', () => {
  it.each<[string, Runtime.MessageSender, 'extension-page' | 'sidebar' | 'content-script' | null]>([
    ['our popup (chrome-extension:)', popup, 'extension-page'],
    ['our sidebar frame in a tab', sidebarFrame, 'sidebar'],
    ['our page on Firefox (moz-extension:)', { id: OWN_ID, url: 'moz-extension://0b8a1c2d-uuid/popup.html' }, 'extension-page'],
    [
      'our sidebar from a Chromium dynamic URL (another host)',
      { id: OWN_ID, url: 'chrome-extension://4f0c9e1a-dynamic/sidebar.html', tab: tab(7), frameId: 2 },
      'sidebar',
    ],
    ['our content script in the top frame of an https page', contentScript, 'content-script'],
    ['our content script in the top frame of an http page', { ...contentScript, url: 'http://sputnikglobe.com/a.html' }, 'content-script'],
    ['our content script in a sub-frame', { ...contentScript, frameId: 3 }, null],
    ['a sender with a web URL but no tab', { id: OWN_ID, url: PAGE_URL, frameId: 0 }, null],
    ['our content script on a file: page', { ...contentScript, url: 'file:///home/me/a.html' }, null],
    ['another extension’s page', { id: 'other-id', url: 'chrome-extension://other-id/popup.html' }, null],
    ['another extension’s content script', { ...contentScript, id: 'other-id' }, null],
    ['a sender without an id', { url: PAGE_URL, tab: tab(7), frameId: 0 }, null],
    ['a sender without a URL', { id: OWN_ID, tab: tab(7), frameId: 0 }, null],
    ['a sender with an unparsable URL', { id: OWN_ID, url: 'not a url', tab: tab(7), frameId: 0 }, null],
  ])('%s → %s', (_name, sender, role) => {
    expect(senderRole(sender, OWN_ID)).toBe(role);
  });
});

const ARTICLE_ID = '31f14c63a51e4b00';
const TOKEN = '0123456789abcdef0123456789abcdef';

/** A mock handler for every declared message (answers null unless overridden). */
function handlers(): Handlers {
  const all = Object.fromEntries(Object.keys(workerMessages).map((type) => [type, vi.fn(async () => null)]));
  return {
    ...all,
    'sidebar/context': vi.fn(async () => ({ articleId: ARTICLE_ID, pageUrl: PAGE_URL })),
    'popup/toggle-sidebar': vi.fn(async () => ({ toggled: true })),
    'popup/active-article': vi.fn(async () => ({ articleId: ARTICLE_ID, title: 'Title' })),
  } as unknown as Handlers;
}

/** Tab 7's sidebar holds TOKEN; any other tab or token is refused. */
const verifySidebar: SidebarVerifier = async (tabId, token) => {
  if (tabId !== 7 || token !== TOKEN) throw new Error('this sidebar was not opened by Backstory in this tab');
  return { articleId: ARTICLE_ID, pageUrl: PAGE_URL };
};

function dispatch(all: Handlers, message: Envelope, sender: Runtime.MessageSender) {
  return routerDispatch(all, message, sender, verifySidebar);
}

/** A message as anyone could put it on the wire: any type, any payload (envelope() takes only declared ones). */
function raw(type: string, payload: unknown, token?: string): Envelope {
  return token === undefined ? { channel: CHANNEL, type, payload } : { channel: CHANNEL, type, payload, token };
}

describe('envelope', () => {
  it('wraps only declared messages with their payloads (a type error otherwise)', () => {
    expect(envelope('sidebar/context', {}, TOKEN)).toEqual({ channel: CHANNEL, type: 'sidebar/context', payload: {}, token: TOKEN });
    // @ts-expect-error: no such message
    expect(envelope('page/explode', {}).type).toBe('page/explode');
    // @ts-expect-error: page/match needs its href
    expect(envelope('page/match', { canonical: null, ogUrl: null }).type).toBe('page/match');
  });
});

describe('dispatch', () => {
  it('fails an unknown message type', async () => {
    const all = handlers();
    expect(await dispatch(all, raw('page/explode', {}), contentScript)).toEqual({
      ok: false,
      code: 'unknown-message',
      error: 'unknown message type "page/explode"',
    });
  });

  it.each([
    ['toString', popup],
    ['__proto__', popup],
  ])('does not take the inherited property %j for a message type', async (type, sender) => {
    expect(await dispatch(handlers(), raw(type, {}), sender)).toEqual({
      ok: false,
      code: 'unknown-message',
      error: `unknown message type "${type}"`,
    });
  });

  it('refuses a content-script message from an extension page', async () => {
    const all = handlers();
    const result = await dispatch(all, raw('page/match', { canonical: null, ogUrl: null }), popup);
    expect(result).toEqual({ ok: false, code: 'forbidden', error: 'page/match is not accepted from this sender' });
    expect(all['page/match']).not.toHaveBeenCalled();
  });

  it('refuses a sidebar message from a content script', async () => {
    const all = handlers();
    const result = await dispatch(all, raw('sidebar/context', {}, TOKEN), contentScript);
    expect(result).toEqual({ ok: false, code: 'forbidden', error: 'sidebar/context is not accepted from this sender' });
    expect(all['sidebar/context']).not.toHaveBeenCalled();
  });

  it('refuses a sender it does not answer at all', async () => {
    const result = await dispatch(handlers(), raw('popup/active-article', {}), { ...popup, id: 'other-id' });
    expect(result).toEqual({ ok: false, code: 'forbidden', error: 'popup/active-article is not accepted from this sender' });
  });

  it.each<[string, Runtime.MessageSender, unknown, string]>([
    ['page/sidebar-state', contentScript, { open: 'yes' }, 'open'],
    ['page/sidebar-state', contentScript, { open: true, width: 100 }, 'width'],
    ['page/sidebar-state', contentScript, { open: true, extra: 1 }, 'extra'],
    ['sidebar/context', sidebarFrame, { token: TOKEN }, 'token'],
    ['sidebar/context', sidebarFrame, null, 'Object'],
  ])('refuses an invalid %s payload (%#), naming the problem', async (type, sender, payload, problem) => {
    const all = handlers();
    const result = await dispatch(all, raw(type, payload, TOKEN), sender);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid-request');
    expect(result.error).toMatch(new RegExp(`^invalid ${type} payload: `));
    expect(result.error).toContain(problem);
    expect(result.error).not.toContain('\n');
    for (const handler of Object.values(all)) expect(handler).not.toHaveBeenCalled();
  });

  it('passes a valid content-script message to its handler, with the page URL from sender.url', async () => {
    const all = handlers();
    const payload = { open: false, width: 360 };
    const result = await dispatch(all, raw('page/sidebar-state', payload), contentScript);
    expect(result).toEqual({ ok: true, value: null });
    expect(all['page/sidebar-state']).toHaveBeenCalledExactlyOnceWith(payload, {
      role: 'content-script',
      tabId: 7,
      pageUrl: PAGE_URL,
      frameId: 0,
      sidebar: undefined,
    });
  });

  it('passes a sidebar message with its tab’s token to its handler, with the verified session', async () => {
    const all = handlers();
    const result = await dispatch(all, raw('sidebar/context', {}, TOKEN), sidebarFrame);
    expect(result).toEqual({ ok: true, value: { articleId: ARTICLE_ID, pageUrl: PAGE_URL } });
    expect(all['sidebar/context']).toHaveBeenCalledExactlyOnceWith(
      {},
      { role: 'sidebar', tabId: 7, pageUrl: undefined, frameId: 4, sidebar: { articleId: ARTICLE_ID, pageUrl: PAGE_URL } },
    );
  });

  it.each<[string, Runtime.MessageSender, string | undefined, string]>([
    ['no token', sidebarFrame, undefined, 'sidebar/context from the sidebar needs its token'],
    ['another tab’s token', sidebarFrame, 'f'.repeat(32), 'this sidebar was not opened by Backstory in this tab'],
    ['a framed sidebar.html in another tab', { ...sidebarFrame, tab: tab(9) }, TOKEN, 'this sidebar was not opened by Backstory in this tab'],
  ])('refuses a sidebar message with %s', async (_name, sender, token, error) => {
    const all = handlers();
    expect(await dispatch(all, raw('sidebar/context', {}, token), sender)).toEqual({ ok: false, code: 'forbidden', error });
    expect(all['sidebar/context']).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['notes/get', { articleId: 'a1b2c3d4e5f60718' }],
    ['notes/save-note', { articleId: 'a1b2c3d4e5f60718', text: 'x', tags: [], baseRevision: 0, baseText: '' }],
    ['notes/delete-highlight', { articleId: 'a1b2c3d4e5f60718', id: 'h1' }],
  ])('refuses %s from a sidebar addressing another article’s notes', async (type, payload) => {
    const all = handlers();
    expect(await dispatch(all, raw(type, payload, TOKEN), sidebarFrame)).toEqual({ ok: false, code: 'forbidden', error: `${type}: this sidebar shows another article` });
    expect(all[type as keyof Handlers]).not.toHaveBeenCalled();
    // Its own article is fine.
    const own = { ...(payload as object), articleId: ARTICLE_ID };
    expect((await dispatch(all, raw(type, own, TOKEN), sidebarFrame)).ok).toBe(true);
  });

  it.each(['notes/list', 'notes/export', 'notes/import', 'notes/search', 'notes/set-sync'])('accepts %s only from extension pages, not the sidebar', async (type) => {
    const all = handlers();
    const result = await dispatch(all, raw(type, {}, TOKEN), sidebarFrame);
    expect(result).toEqual({ ok: false, code: 'forbidden', error: `${type} is not accepted from this sender` });
  });

  it('turns a handler’s error into a failure', async () => {
    const all = handlers();
    all['popup/active-article'] = vi.fn(async () => {
      throw new Error('no active tab');
    });
    expect(await dispatch(all, raw('popup/active-article', {}), popup)).toEqual({ ok: false, code: 'internal', error: 'no active tab' });
  });

  it.each<[string, Error, string]>([
    ['its own code', new CodedError('tab-unreachable', 'the page does not answer Backstory'), 'tab-unreachable'],
    ['Chromium’s quota error', new Error('QUOTA_BYTES quota exceeded'), 'storage-full'],
    ['Firefox’s quota error', Object.assign(new Error('The current transaction exceeded its quota limitations.'), { name: 'QuotaExceededError' }), 'storage-full'],
    ['an import error', new ImportError('the file is not JSON'), 'invalid-import'],
  ])('answers a handler’s error with %s', async (_name, error, code) => {
    const all = handlers();
    all['popup/toggle-sidebar'] = vi.fn(async () => {
      throw error;
    });
    expect(await dispatch(all, raw('popup/toggle-sidebar', {}), popup)).toEqual({ ok: false, code, error: error.message });
  });
});

describe('parseSenderUrl', () => {
  it('parses a URL once while it is asked for again, and gives the scheme and path', () => {
    const first = parseSenderUrl('chrome-extension://ext-id/popup.html?q=x');
    expect(first).toEqual({ protocol: 'chrome-extension:', pathname: '/popup.html' });
    expect(parseSenderUrl('chrome-extension://ext-id/popup.html?q=x')).toBe(first);
  });

  it('keeps a bounded number of URLs (a content script sends from every page it runs in)', () => {
    const first = parseSenderUrl('https://example.org/0');
    for (let i = 1; i <= 64; i++) parseSenderUrl(`https://example.org/${i}`);
    const again = parseSenderUrl('https://example.org/0');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('answers null for a URL that does not parse, every time', () => {
    expect(parseSenderUrl('not a url')).toBeNull();
    expect(parseSenderUrl('not a url')).toBeNull();
  });
});
