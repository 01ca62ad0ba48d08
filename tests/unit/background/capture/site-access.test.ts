/** The content script follows the sites the user granted at capture: registered on them, on nothing else. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ origins: [] as string[], registered: [] as Array<{ id: string; matches: string[] }>, requested: [] as unknown[] }));
vi.mock('../../../../src/shared/browser', () => ({
  browser: {
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ['*://*.sputnikglobe.com/*'] }] }) },
    permissions: {
      getAll: async () => ({ origins: state.origins }),
      contains: async () => false,
      request: (asked: unknown) => {
        state.requested.push(asked);
        return Promise.resolve(true);
      },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => state.registered.filter((s) => ids.includes(s.id)),
      registerContentScripts: async (scripts: Array<{ id: string; matches: string[] }>) => {
        // As the browsers do: an id can be registered once.
        if (scripts.some((s) => state.registered.some((r) => r.id === s.id))) throw new Error(`Duplicate script ID '${scripts[0]?.id}'`);
        state.registered.push(...scripts);
      },
      updateContentScripts: async (scripts: Array<{ id: string; matches: string[] }>) => {
        state.registered = state.registered.map((s) => scripts.find((n) => n.id === s.id) ?? s);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.registered = state.registered.filter((s) => !ids.includes(s.id));
      },
    },
  },
}));

const { requestSiteAccess, siteOrigins, syncSiteScripts } = await import('../../../../src/background/capture/site-access');

beforeEach(() => {
  state.origins = [];
  state.registered = [];
  state.requested = [];
});

describe('site access', () => {
  it('asks for the page’s site and its subdomains, nothing wider', async () => {
    expect(siteOrigins('https://www.ledger.example/news/a.html')).toEqual({ site: 'ledger.example', origins: ['*://*.ledger.example/*'] });
    expect(siteOrigins('https://m.bbc.co.uk/news')).toEqual({ site: 'bbc.co.uk', origins: ['*://*.bbc.co.uk/*'] });
    for (const url of ['chrome://settings', 'file:///tmp/a.html', 'http://localhost:8080/', 'http://192.168.1.1/a', 'not a url']) expect(siteOrigins(url), url).toBeNull();
    expect(await requestSiteAccess('https://www.ledger.example/a')).toBe(true);
    expect(await requestSiteAccess(undefined)).toBe(false);
    expect(state.requested).toEqual([{ origins: ['*://*.ledger.example/*'] }]);
  });

  it('registers the content script on exactly the granted sites, not the manifest’s own, and removes it with the last', async () => {
    state.origins = ['*://*.sputnikglobe.com/*', '*://*.ledger.example/*', '*://*.harbour.example/*', '<all_urls>'];
    await syncSiteScripts();
    expect(state.registered).toEqual([expect.objectContaining({ id: 'backstory-captured-sites', js: ['content.js'], matches: ['*://*.harbour.example/*', '*://*.ledger.example/*'], runAt: 'document_start' })]);
    state.origins = ['*://*.ledger.example/*'];
    await syncSiteScripts();
    expect(state.registered.map((s) => s.matches)).toEqual([['*://*.ledger.example/*']]);
    state.origins = [];
    await syncSiteScripts();
    expect(state.registered).toEqual([]);
  });

  it('takes a grant reported as its http and https halves for the site asked for', async () => {
    state.origins = ['http://*.ledger.example/*', 'https://*.ledger.example/*', 'https://*.sputnikglobe.com/*'];
    await syncSiteScripts();
    expect(state.registered.map((s) => s.matches)).toEqual([['*://*.ledger.example/*']]);
  });

  it('registers once when two grants arrive together (each sync sees what the other did)', async () => {
    state.origins = ['*://*.ledger.example/*'];
    const first = syncSiteScripts();
    state.origins = ['*://*.ledger.example/*', '*://*.harbour.example/*'];
    await Promise.all([first, syncSiteScripts()]);
    expect(state.registered.map((s) => s.matches)).toEqual([['*://*.harbour.example/*', '*://*.ledger.example/*']]);
  });
});
