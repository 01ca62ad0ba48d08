import { describe, expect, it } from 'vitest';
import { InvalidUrlError, siteHost, siteOfPattern, sitePattern, tryUrlKey, urlKey } from '../../../src/shared/url-key';
import { SEED_URL } from '../helpers/repo';

const KEY = 'sputnikglobe.com/20240208/iraqi-militias-vow-steadfast-holy-war-against-us-occupation-after-commanders-killing-1116665114.html';
const PATH = '/20240208/iraqi-militias-vow-steadfast-holy-war-against-us-occupation-after-commanders-killing-1116665114';

describe('urlKey', () => {
  it('maps the seed URL to host/path without scheme', () => {
    expect(urlKey(SEED_URL)).toBe(KEY);
  });

  it.each([
    ['http', `http://sputnikglobe.com${PATH}.html`],
    ['www.', `https://www.sputnikglobe.com${PATH}.html`],
    ['www2.', `https://www2.sputnikglobe.com${PATH}.html`],
    ['m.', `https://m.sputnikglobe.com${PATH}.html`],
    ['mobile.', `https://mobile.sputnikglobe.com${PATH}.html`],
    ['amp.', `https://amp.sputnikglobe.com${PATH}.html`],
    ['http and www.', `http://www.sputnikglobe.com${PATH}.html`],
    ['AMP path prefix /amp/', `https://sputnikglobe.com/amp${PATH}.html`],
    ['AMP path suffix /amp', `https://sputnikglobe.com${PATH}.html/amp`],
    ['AMP path suffix /amp/', `https://sputnikglobe.com${PATH}.html/amp/`],
    ['AMP extension .amp.html', `https://sputnikglobe.com${PATH}.amp.html`],
    ['trailing slash', `https://sputnikglobe.com${PATH}.html/`],
    ['fragment', `https://sputnikglobe.com${PATH}.html#comments`],
    ['text fragment', `https://sputnikglobe.com${PATH}.html#:~:text=Kirby`],
    ['default port :443', `https://sputnikglobe.com:443${PATH}.html`],
    ['default port :80', `http://sputnikglobe.com:80${PATH}.html`],
    ['host case', `https://SputnikGlobe.COM${PATH}.html`],
    ['trailing dot on the host', `https://sputnikglobe.com.${PATH}.html`],
    ['utm_source and utm_medium', `https://sputnikglobe.com${PATH}.html?utm_source=telegram&utm_medium=social`],
    ['fbclid', `https://sputnikglobe.com${PATH}.html?fbclid=IwAR0abc`],
    ['gclid', `https://sputnikglobe.com${PATH}.html?gclid=Cj0KCQ`],
    ['mc_cid', `https://sputnikglobe.com${PATH}.html?mc_cid=1a2b3c`],
    ['ref', `https://sputnikglobe.com${PATH}.html?ref=homepage`],
    ['upper-case tracking parameter', `https://sputnikglobe.com${PATH}.html?UTM_Campaign=x`],
    ['?amp=1', `https://sputnikglobe.com${PATH}.html?amp=1`],
    ['tracking parameters and fragment', `https://sputnikglobe.com${PATH}.html?utm_campaign=x&gclid=y#top`],
    ['percent-encoded unreserved letter', `https://sputnikglobe.com${PATH.replace('iraqi', 'iraq%69')}.html`],
    ['percent-encoded unreserved dash (%2D)', `https://sputnikglobe.com${PATH.replace('-militias', '%2Dmilitias')}.html`],
    ['percent-encoded digits', `https://sputnikglobe.com/%32%30240208${PATH.slice('/20240208'.length)}.html`],
    ['surrounding spaces', `  ${SEED_URL}\n`],
    ['user and password', `https://reader:secret@sputnikglobe.com${PATH}.html`],
  ])('maps the %s variant to the same key', (_variant, url) => {
    expect(urlKey(url)).toBe(KEY);
  });

  it.each([
    ['a different path', 'https://sputnikglobe.com/20240208/another-article-1116665115.html'],
    ['a different path case', `https://sputnikglobe.com${PATH.toUpperCase()}.html`],
    ['the path without .html', `https://sputnikglobe.com${PATH}`],
    ['a meaningful query parameter', `https://sputnikglobe.com${PATH}.html?page=2`],
    ['a different host', `https://sputniknews.com${PATH}.html`],
    ['a subdomain that is not a variant', `https://news.sputnikglobe.com${PATH}.html`],
    ['a look-alike host', `https://sputnikglobe.com.evil.net${PATH}.html`],
    ['a host ending in the same letters', `https://notsputnikglobe.com${PATH}.html`],
    ['a non-default port', `https://sputnikglobe.com:8443${PATH}.html`],
  ])('maps %s to another key', (_difference, url) => {
    expect(urlKey(url)).not.toBe(KEY);
  });

  it('keeps meaningful query parameters apart', () => {
    expect(urlKey('https://example.com/article?id=2')).toBe('example.com/article?id=2');
    expect(urlKey('https://example.com/article?id=3')).toBe('example.com/article?id=3');
    expect(urlKey('https://example.com/article/?id=2&utm_source=x#c')).toBe('example.com/article?id=2');
  });

  it('ignores query parameter order', () => {
    const key = 'example.com/article?id=2&page=3&section=world';
    expect(urlKey('https://example.com/article?section=world&page=3&id=2')).toBe(key);
    expect(urlKey('https://example.com/article?page=3&id=2&section=world')).toBe(key);
    expect(urlKey('https://example.com/article?id=2&utm_medium=x&page=3&section=world')).toBe(key);
  });

  it.each([
    ['https://example.com/%7Euser', 'https://example.com/~user'],
    ['https://example.com/%7euser', 'https://example.com/~user'],
    ['https://example.com/a%5Fb', 'https://example.com/a_b'],
    ['https://example.com/caf%c3%a9', 'https://example.com/café'],
    ['https://example.com/a b', 'https://example.com/a%20b'],
  ])('treats %s and %s alike', (a, b) => {
    expect(urlKey(a)).toBe(urlKey(b));
  });

  it('keeps an encoded slash apart from a real one', () => {
    expect(urlKey('https://example.com/a%2Fb')).not.toBe(urlKey('https://example.com/a/b'));
  });

  it('reduces a site root to its host', () => {
    expect(urlKey('https://www.example.com/')).toBe('example.com');
    expect(urlKey('http://example.com')).toBe('example.com');
  });

  it.each([
    ['not-a-url', 'not an absolute URL: "not-a-url"'],
    ['', 'not an absolute URL: ""'],
    ['/20240208/relative.html', 'not an absolute URL: "/20240208/relative.html"'],
    ['sputnikglobe.com/20240208/no-scheme.html', 'not an absolute URL: "sputnikglobe.com/20240208/no-scheme.html"'],
    ['ftp://x.com/a', 'not an http(s) URL: "ftp://x.com/a"'],
    ['about:blank', 'not an http(s) URL: "about:blank"'],
    ['data:text/html,<p>hi</p>', 'not an http(s) URL: "data:text/html,<p>hi</p>"'],
    ['javascript:alert(1)', 'not an http(s) URL: "javascript:alert(1)"'],
    ['file:///etc/passwd', 'not an http(s) URL: "file:///etc/passwd"'],
    ['chrome-extension://abc/sidebar.html', 'not an http(s) URL: "chrome-extension://abc/sidebar.html"'],
    ['https://localhost/a', 'host has no domain: "https://localhost/a"'],
    ['http://intranet/page', 'host has no domain: "http://intranet/page"'],
  ])('rejects %j', (input, message) => {
    expect(() => urlKey(input)).toThrow(InvalidUrlError);
    expect(() => urlKey(input)).toThrow(message);
    expect(tryUrlKey(input)).toBeNull();
  });

  it('tryUrlKey returns the key of a valid URL', () => {
    expect(tryUrlKey(`${SEED_URL}?utm_source=x`)).toBe(KEY);
  });
});

describe('siteHost', () => {
  it.each([
    ['sputnikglobe.com', 'sputnikglobe.com'],
    ['www.sputnikglobe.com', 'sputnikglobe.com'],
    ['WWW.SputnikGlobe.COM', 'sputnikglobe.com'],
    ['www2.example.com', 'example.com'],
    ['www123.example.com', 'example.com'],
    ['m.example.com', 'example.com'],
    ['mobile.example.com', 'example.com'],
    ['amp.example.com', 'example.com'],
    ['www.m.example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['m.co', 'm.co'],
    ['www.co', 'www.co'],
    ['news.sputnikglobe.com', 'news.sputnikglobe.com'],
    ['edition.cnn.com', 'edition.cnn.com'],
    ['wwwx.example.com', 'wwwx.example.com'],
    ['mm.example.com', 'mm.example.com'],
  ])('%s → %s', (host, site) => {
    expect(siteHost(host)).toBe(site);
  });
});

describe('sitePattern / siteOfPattern', () => {
  it('names a site and its subdomains over http and https, and reads the site back', () => {
    expect(sitePattern('ledger.example')).toBe('*://*.ledger.example/*');
    expect(siteOfPattern(sitePattern('ledger.example'))).toBe('ledger.example');
  });

  it('reads the http and https halves Chromium reports a grant as', () => {
    expect(siteOfPattern('http://*.ledger.example/*')).toBe('ledger.example');
    expect(siteOfPattern('https://*.ledger.example/*')).toBe('ledger.example');
  });

  it('is not a site pattern: every host, one host without its subdomains, a path, another scheme', () => {
    for (const pattern of ['*://*/*', '<all_urls>', '*://ledger.example/*', '*://*.ledger.example/news/*', 'ftp://*.ledger.example/*']) {
      expect(siteOfPattern(pattern)).toBeNull();
    }
  });
});
