import { describe, expect, it } from 'vitest';
import { candidateKeys, sameSite, type PageClaims } from '../../../src/background/matcher';
import { urlKey } from '../../../src/shared/url-key';
import { SEED_URL } from '../helpers/repo';

const PAGE = `${SEED_URL}?utm_source=telegram`;
const PAGE_KEY = urlKey(SEED_URL);
const OTHER = 'https://sputnikglobe.com/20240203/us-strikes-iraq-syria-kirby-1116600000.html';
const OTHER_KEY = urlKey(OTHER);

function claims(canonical: string | null, ogUrl: string | null = null, pageUrl = PAGE): PageClaims {
  return { pageUrl, canonical, ogUrl };
}

describe('candidateKeys', () => {
  it.each<[string, PageClaims, string[]]>([
    ['the page URL alone', claims(null), [PAGE_KEY]],
    ['a canonical URL on the same site, after the page URL', claims(OTHER), [PAGE_KEY, OTHER_KEY]],
    ['an og:url on the same site', claims(null, OTHER), [PAGE_KEY, OTHER_KEY]],
    ['canonical before og:url', claims(OTHER, 'https://sputnikglobe.com/a.html'), [PAGE_KEY, OTHER_KEY, 'sputnikglobe.com/a.html']],
    ['a relative canonical URL, resolved against the page', claims('/20240203/us-strikes-iraq-syria-kirby-1116600000.html'), [PAGE_KEY, OTHER_KEY]],
    ['a canonical URL on a variant host (www.)', claims(OTHER.replace('https://', 'https://www.')), [PAGE_KEY, OTHER_KEY]],
    ['a canonical URL on a subdomain', claims('https://news.sputnikglobe.com/a.html'), [PAGE_KEY, 'news.sputnikglobe.com/a.html']],
    ['a canonical URL on another site (ignored)', claims('https://example.com/a.html'), [PAGE_KEY]],
    ['a protocol-relative canonical URL on another site (ignored)', claims('//example.com/a.html'), [PAGE_KEY]],
    ['a look-alike host (ignored)', claims('https://sputnikglobe.com.example.net/a.html', 'https://evilsputnikglobe.com/a.html'), [PAGE_KEY]],
    ['a canonical URL equal to the page (deduplicated)', claims(SEED_URL, `${SEED_URL}#top`), [PAGE_KEY]],
    ['canonical and og:url alike (deduplicated)', claims(OTHER, `${OTHER}?utm_medium=x`), [PAGE_KEY, OTHER_KEY]],
    ['an unparsable canonical URL (skipped)', claims('http://[bad', OTHER), [PAGE_KEY, OTHER_KEY]],
    ['a javascript: canonical URL (skipped)', claims('javascript:alert(1)'), [PAGE_KEY]],
    ['empty claims (skipped)', claims('', ''), [PAGE_KEY]],
    ['an unparsable page URL', claims(OTHER, null, 'not a url'), []],
    ['a page that cannot be an article', claims(OTHER, null, 'about:blank'), []],
  ])('%s', (_name, pageClaims, expected) => {
    expect(candidateKeys(pageClaims)).toEqual(expected);
  });
});

describe('sameSite', () => {
  it.each([
    ['sputnikglobe.com', 'sputnikglobe.com', true],
    ['edition.cnn.com', 'cnn.com', true],
    ['cnn.com', 'edition.cnn.com', true],
    ['a.b.cnn.com', 'cnn.com', true],
    ['evilcnn.com', 'cnn.com', false],
    ['cnn.com', 'evilcnn.com', false],
    ['cnn.com.evil.net', 'cnn.com', false],
    ['bbc.co.uk', 'evil.co.uk', false],
    ['sputnikglobe.com', 'sputniknews.com', false],
  ])('%s and %s → %s', (a, b, expected) => {
    expect(sameSite(a, b)).toBe(expected);
  });
});
