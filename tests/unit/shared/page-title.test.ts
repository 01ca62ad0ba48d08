/**
 * A page title without its site's name, as the capture stores a headline and the live
 * comparison reads one. Titles in the forms news sites use (expected values read from each).
 */
import { describe, expect, it } from 'vitest';
import { hostName, mentionsSite, withoutSiteName } from '../../../src/shared/page-title';

describe('withoutSiteName', () => {
  it.each([
    // [title, og:site_name, host, the headline a reader sees]
    ['Harbour plan approved – The Coastal Ledger', 'The Coastal Ledger', 'www.coastal-ledger.example', 'Harbour plan approved'],
    ['Harbour plan approved | The Coastal Ledger', 'The Coastal Ledger', 'www.coastal-ledger.example', 'Harbour plan approved'],
    ['The Coastal Ledger: Harbour plan approved', 'The Coastal Ledger', 'www.coastal-ledger.example', 'Harbour plan approved'],
    ['Dredging bill doubles - Valley Times', 'Valley Times', 'valleytimes.example', 'Dredging bill doubles'],
    ['Ferry strike ends — Ledger', null, 'www.ledger.co.uk', 'Ferry strike ends'],
    ['Ledger: Ferry strike ends', null, 'ledger.example', 'Ferry strike ends'],
    ['Tram line opens | Politics | The Coastal Ledger', 'The Coastal Ledger', null, 'Tram line opens | Politics'],
    ['LE MONDE » Grève des dockers', 'Le Monde', 'www.lemonde.fr', 'Grève des dockers'],
  ])('%s → the headline', (title, site, host, headline) => {
    expect(withoutSiteName(title, site, host)).toBe(headline);
  });

  it.each([
    // A colon or dash inside the headline is the headline's own.
    ['Brexit: what happens next', 'The Coastal Ledger', 'ledger.example'],
    ['Mayor’s plan - a second look', 'The Coastal Ledger', 'ledger.example'],
    // Only the site's name is taken off; a title that is nothing but the name stays.
    ['The Coastal Ledger', 'The Coastal Ledger', 'ledger.example'],
    ['Harbour plan approved | Port News', 'The Coastal Ledger', 'ledger.example'],
    // Nothing known of the site: nothing is guessed.
    ['Harbour plan approved | The Coastal Ledger', null, null],
  ])('keeps %s whole', (title, site, host) => {
    expect(withoutSiteName(title, site, host)).toBe(title);
  });
});

describe('mentionsSite', () => {
  it.each([
    // [text, og:site_name, host, whether it names the site]
    ['The Coastal Ledger may receive compensation for some links.', 'The Coastal Ledger', 'www.coastal-ledger.example', true],
    ['Sign up for the Coastal Ledger’s free newsletter.', 'The Coastal Ledger', null, true],
    ['Sign up for COASTALLEDGER’s free newsletter.', null, 'www.coastalledger.example', true],
    ['The ledger showed a coastal deficit.', 'The Coastal Ledger', 'www.coastalledger.example', false],
    ['Officials said it was time to act.', 'Time', 'time.example', false],
    ['The Coastal Times reported it first.', 'The Coastal Ledger', null, false],
  ])('%s (site %s, host %s): %s', (text, site, host, expected) => {
    expect(mentionsSite(text, site, host)).toBe(expected);
  });
});

describe('hostName: the host’s own label before its public suffix (the Public Suffix List)', () => {
  it.each([
    // [host, the name a reader sees in it]
    ['www.the-ledger.co.uk', 'theledger'],
    ['www.bbc.co.uk', 'bbc'],
    ['www.smh.com.au', 'smh'],
    ['news.abc.net.au', 'abc'],
    // Private suffixes: a github.io or blogspot.com site is named by its own label, not the host's.
    ['the-ledger.github.io', 'theledger'],
    ['valley-times.blogspot.com', 'valleytimes'],
    ['harbour-news.pages.dev', 'harbournews'],
    // A wildcard suffix with its exception: *.kawasaki.jp, but city.kawasaki.jp is a site.
    ['www.city.kawasaki.jp', 'city'],
    ['www.lemonde.fr', 'lemonde'],
    ['ledger.example', 'ledger'],
  ])('%s → %s', (host, name) => {
    expect(hostName(host)).toBe(name);
  });

  it.each([
    // [title, host, the headline]: no og:site_name, so only the host names the site.
    ['Harbour reopens | The Ledger', 'ledger.github.io', 'Harbour reopens'],
    ['Storm closes the port - Valley Times', 'valley-times.blogspot.com', 'Storm closes the port'],
    ['Bushfire warning lifted – SMH', 'www.smh.com.au', 'Bushfire warning lifted'],
    // A section named like the hosting service is not the site: "GitHub" stays on a github.io page.
    ['Release notes | GitHub', 'the-ledger.github.io', 'Release notes | GitHub'],
  ])('%s on %s → %s', (title, host, headline) => {
    expect(withoutSiteName(title, null, host)).toBe(headline);
  });
});
