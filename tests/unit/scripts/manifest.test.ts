import { describe, expect, it } from 'vitest';
import { BROWSER_TARGETS, browserManifest, hostMatchPatterns } from '../../../scripts/manifest';
import { readRepoFile } from '../helpers/repo';

type Json = Record<string, unknown>;

const source = JSON.parse(readRepoFile('manifest.json')) as Json;
const HOSTS = ['sputnikglobe.com', 'bbc.co.uk', 'sputnikglobe.com', 'cnn.com'];
const PATTERNS = ['*://*.bbc.co.uk/*', '*://*.cnn.com/*', '*://*.sputnikglobe.com/*'];

function build(target: 'chromium' | 'firefox', hosts: readonly string[] = HOSTS): Json {
  return browserManifest(source, target, { hosts, version: '1.2.3' });
}

function matchesOf(manifest: Json): unknown[] {
  const entries = [
    ...(manifest.content_scripts as Json[]),
    ...(manifest.web_accessible_resources as Json[]),
  ];
  return entries.map((entry) => entry.matches);
}

describe('hostMatchPatterns', () => {
  it('gives one *://*.host/* pattern a host, sorted and without duplicates', () => {
    expect(hostMatchPatterns(HOSTS)).toEqual(PATTERNS);
  });

  it('stays one pattern a host for many hosts', () => {
    const hosts = Array.from({ length: 300 }, (_, i) => `site${String(i).padStart(3, '0')}.example`);
    const patterns = hostMatchPatterns([...hosts].reverse());
    expect(patterns).toHaveLength(300);
    expect(patterns).toEqual(hosts.map((host) => `*://*.${host}/*`));
  });
});

describe.each(BROWSER_TARGETS)('browserManifest for %s', (target) => {
  const manifest = build(target);

  it('matches the content script on the archive hosts only; the sidebar frame may load on any http(s) page (captured sites)', () => {
    expect(matchesOf(manifest)).toEqual([PATTERNS, ['http://*/*', 'https://*/*']]);
    const json = JSON.stringify(manifest);
    expect(json).not.toContain('<all_urls>');
    expect(json).not.toContain('__ARCHIVE_HOSTS__');
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting']);
    // Sites are asked for one at a time, at capture, as *://*.<site>/* (src/background/capture/site-access.ts):
    // Firefox grants only a pattern the optional one subsumes, and its '*' scheme takes in ws and wss too.
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  });

  it('sets the version and keeps the other keys', () => {
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.action).toEqual(source.action);
    expect(manifest.content_security_policy).toEqual(source.content_security_policy);
  });

  it('leaves the source manifest untouched', () => {
    const before = JSON.stringify(source);
    build(target);
    expect(JSON.stringify(source)).toBe(before);
  });

  it('throws when the archive has no hosts', () => {
    expect(() => build(target, [])).toThrow('the archive has no hosts: the content script would match nothing');
  });

  it('throws when a placeholder remains where the build does not replace it', () => {
    const withStray = { ...source, host_permissions: ['__ARCHIVE_HOSTS__'] };
    expect(() => browserManifest(withStray, target, { hosts: HOSTS, version: '1.2.3' })).toThrow(
      'manifest.json still has a __ARCHIVE_HOSTS__ placeholder the build does not know',
    );
  });
});

describe('browserManifest differences between browsers', () => {
  it('gives Chromium a service worker, dynamic sidebar URLs and no Gecko settings', () => {
    const manifest = build('chromium');
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(manifest).not.toHaveProperty('browser_specific_settings');
    expect((manifest.web_accessible_resources as Json[])[0]).toHaveProperty('use_dynamic_url', true);
  });

  it('gives Firefox background scripts, Gecko settings and no use_dynamic_url', () => {
    const manifest = build('firefox');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.browser_specific_settings).toEqual(source.browser_specific_settings);
    for (const entry of manifest.web_accessible_resources as Json[]) expect(entry).not.toHaveProperty('use_dynamic_url');
  });
});

describe('the source manifest’s security settings', () => {
  it('has a Content Security Policy for extension pages with no unsafe-eval or unsafe-inline', () => {
    const csp = (source.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
  });

  it('asks for no host permission and no permission beyond those the README explains', () => {
    expect(source).not.toHaveProperty('host_permissions');
    expect(source).not.toHaveProperty('externally_connectable');
    const explained = readRepoFile('README.md');
    for (const permission of source.permissions as string[]) expect(explained).toContain(`\`${permission}\``);
  });
});
