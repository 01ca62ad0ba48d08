// @vitest-environment happy-dom
/**
 * Reading the article out of a page being archived: title, summary and paragraphs, site,
 * date; nothing to archive on a page with no article text; bounds on huge pages.
 */
import { describe, expect, it, vi } from 'vitest';
import { captureDocument, MAX_ARTICLE_CANDIDATES } from '../../../../src/content/capture/extract';
import { CAPTURE_LIMITS } from '../../../../src/shared/captured-article';
import { DATE_PAGES } from '../../../fixtures/capture/date-pages';

const NOW = new Date('2025-06-01T12:00:00Z');
const URL_ = 'https://www.ledger.example/news/2024/harbour-plan';
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

function ok(reply: ReturnType<typeof captureDocument>) {
  if (!reply.ok) throw new Error(`no capture: ${reply.reason}`);
  return reply.page;
}

describe('captureDocument', () => {
  it('reads the article of a news page: headline, standfirst as summary, paragraphs, site name, date', () => {
    const page = ok(captureDocument(parse(DATE_PAGES[0]!.html), URL_, NOW));
    expect(page.title).toBe('Harbour plan approved after marathon council debate');
    expect(page.site).toBe('The Coastal Ledger');
    expect(page.summary).toMatch(/^The council voted on Tuesday evening/);
    expect(page.paragraphs).toHaveLength(3);
    const text = [page.summary, ...page.paragraphs].join('\n');
    expect(text).toContain('The council voted on Tuesday evening');
    expect(text).toContain('which has asked for further studies.');
    // Page furniture is not the article.
    expect(text).not.toContain('© The Coastal Ledger');
    expect(text).not.toMatch(/\bSport\b/);
    expect(page.published).toEqual({ date: '2024-02-08', source: 'meta', refused: null });
    expect(page.truncated).toBeNull();
    expect(page.url).toBe(URL_);
  });

  it('takes the host for the site name when the page names none, and the headline as shown when the metadata shortens it', () => {
    const page = ok(captureDocument(parse(DATE_PAGES[1]!.html), URL_, NOW));
    expect(page.site).toBe('ledger.example');
    expect(page.title).toBe('Harbour plan approved after marathon council debate');
    expect(page.summary).toMatch(/^The council voted/);
  });

  it('takes the headline the page shows over a short <title> carrying the site’s name, not the site’s logo heading', () => {
    // Readability keeps a title of four words or fewer whole ("… | Site") and takes the <h1> copying it out of the content.
    const article = DATE_PAGES[0]!.html
      .replace(/<title>[^<]*<\/title>/, '<title>Dredging bill doubles overnight | The Coastal Ledger</title>')
      .replace(/<h1>[^<]*<\/h1>/, '<h1>Dredging bill doubles overnight</h1>')
      .replace('<a href="/" class="logo">The Coastal Ledger</a>', '<h1 class="logo"><a href="/">The Coastal Ledger</a></h1>');
    const page = ok(captureDocument(parse(article), URL_, NOW));
    expect(page.title).toBe('Dredging bill doubles overnight');
    expect(page.summary).toMatch(/^The council voted/);
  });

  it('leaves a byline’s datelines out of the text', () => {
    const page = ok(captureDocument(parse(DATE_PAGES[3]!.html), URL_, NOW));
    expect(page.summary).toMatch(/^The council voted/);
    expect([page.summary, ...page.paragraphs].join(' ')).not.toContain('September 2021');
  });

  it('leaves the page itself untouched (Readability reads a copy)', () => {
    const doc = parse(DATE_PAGES[0]!.html);
    const before = doc.documentElement.outerHTML;
    captureDocument(doc, URL_, NOW);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('answers no-article for a page with no article text', () => {
    const shop = parse('<!doctype html><html><head><title>Basket</title></head><body><nav><a href="/">Home</a></nav><h1>Your basket</h1><p>Your basket is empty.</p><button>Checkout</button></body></html>');
    expect(captureDocument(shop, URL_, NOW)).toEqual({ ok: false, reason: 'no-article' });
    expect(captureDocument(parse('<html><body></body></html>'), URL_, NOW)).toEqual({ ok: false, reason: 'no-article' });
  });

  it('on a page of more elements than the limit, keeps its article element and says the page was cut', () => {
    const filler = '<span>x</span>'.repeat(CAPTURE_LIMITS.elements + 10);
    const html = DATE_PAGES[0]!.html.replace('<main>', `<div class="comments">${filler}</div><main>`);
    const page = ok(captureDocument(parse(html), URL_, NOW));
    expect(page.truncated).toBe('elements');
    expect([page.summary, ...page.paragraphs].join(' ')).toContain('The council voted on Tuesday evening');
    expect(page.published.date).toBe('2024-02-08');
  }, 60_000);

  it('on a huge page with no article element within the limit, answers too-large', () => {
    const filler = '<span>x</span>'.repeat(CAPTURE_LIMITS.elements + 10);
    expect(captureDocument(parse(`<html><body><div>${filler}</div><p>${'word '.repeat(100)}</p></body></html>`), URL_, NOW)).toEqual({ ok: false, reason: 'too-large' });
  }, 60_000);

  it('on a huge page of thousands of article elements, weighs only the first few (no quadratic walk)', () => {
    const filler = '<span>x</span>'.repeat(CAPTURE_LIMITS.elements + 10);
    const decoys = '<article><b>ad</b></article>'.repeat(2_000);
    const doc = parse(`<html><body><div>${filler}</div>${decoys}</body></html>`);
    const walk = vi.spyOn(Element.prototype, 'getElementsByTagName');
    try {
      captureDocument(doc, URL_, NOW);
      const weighed = walk.mock.contexts.filter((element) => (element as Element).ownerDocument === doc && (element as Element).tagName === 'ARTICLE');
      expect(weighed.length).toBeGreaterThan(0);
      expect(weighed.length).toBeLessThanOrEqual(MAX_ARTICLE_CANDIDATES);
    } finally {
      walk.mockRestore();
    }
  }, 60_000);

  it('cuts text past the character limit, within the paragraph limit, and says so', () => {
    const paragraph = `${'A long sentence of the report goes on. '.repeat(400)}`;
    const many = Array.from({ length: 40 }, () => `<p>${paragraph}</p>`).join('');
    const page = ok(captureDocument(parse(`<html><head><title>Long read</title></head><body><article><h1>Long read</h1>${many}</article></body></html>`), URL_, NOW));
    expect(page.truncated).toBe('characters');
    const lengths = [page.summary, ...page.paragraphs].map((p) => p.length);
    expect(lengths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CAPTURE_LIMITS.textChars);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(CAPTURE_LIMITS.paragraphChars);
  }, 60_000);

  it('gives the page’s markup back only as text', () => {
    const hostile = DATE_PAGES[0]!.html.replace('<p>The council voted', '<p>&lt;img src=x onerror=alert(1)&gt; The council voted');
    const page = ok(captureDocument(parse(hostile), URL_, NOW));
    expect([page.summary, ...page.paragraphs].join(' ')).toContain('<img src=x onerror=alert(1)> The council voted');
  });
});
