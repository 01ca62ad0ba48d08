// @vitest-environment happy-dom
/**
 * A captured page compared with itself on the next visit: the headline the capture stored
 * (Readability's title without the site's name, or the heading the page shows) is the one
 * the live comparison reads, so an unchanged page is unchanged, whatever form its <title>
 * has; and a bundled article (its seed's title line, never carrying the site) compares the
 * same way. Pages written after common news templates; expected verdicts read from them.
 */
import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../../../src/content/capture/extract';
import { compareWithLive } from '../../../../src/sidebar/live/live-compare';
import { ARCHIVE_FORMAT_VERSION, type Article } from '../../../../src/shared/archive-format';

const URL_ = 'https://www.coastal-ledger.example/news/2024/harbour-plan';
const HEADLINE = 'Harbour plan approved';
const TEXT = [
  'The council voted on Tuesday evening to approve the long-delayed harbour redevelopment plan after eleven hours of debate.',
  'Councillors from all three groups spoke during the session, which ran past midnight as residents filled the public gallery.',
  'The plan includes a new ferry terminal, a widened breakwater and housing on the former coal yard, revised four times since 2019.',
  'Opponents said the cost estimates were out of date and asked for an independent review, which the council declined late in the evening.',
];

/** A page: its <title>, where it shows the headline, and its og:site_name (if any). */
function page(title: string, shown: string, siteName: string | null = 'The Coastal Ledger'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${siteName ? `<meta property="og:site_name" content="${siteName}">` : ''}</head><body>
<header><h1 class="logo"><a href="/">The Coastal Ledger</a></h1><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>${shown}${TEXT.map((p) => `<p>${p}</p>`).join('\n')}</article></main><footer>© The Coastal Ledger</footer></body></html>`;
}

const TEMPLATES: Array<[string, string]> = [
  ['Headline – Site, the headline in the article’s <h1>', page(`${HEADLINE} – The Coastal Ledger`, `<h1>${HEADLINE}</h1>`)],
  ['Headline | Site Name, the headline in a <div> (no <h1> of its own)', page(`${HEADLINE} | The Coastal Ledger`, `<div class="headline">${HEADLINE}</div>`)],
  ['Site: Headline, no site name in the metadata, no heading', page(`Coastal Ledger: ${HEADLINE}`, '', null)],
  ['Headline | Site Name, the headline in an <h2>', page(`${HEADLINE} | The Coastal Ledger`, `<h2>${HEADLINE}</h2>`)],
];

const ARTICLE: Article = { format: ARCHIVE_FORMAT_VERSION, id: '0123456789abcdef', url: URL_, key: 'coastal-ledger.example/news/2024/harbour-plan', title: '', date: '2024-02-08', host: 'coastal-ledger.example', summary: '', paragraphs: [], entities: [] };

function captured(html: string): Article {
  const reply = captureDocument(new DOMParser().parseFromString(html, 'text/html'), URL_, new Date('2025-06-01T12:00:00Z'));
  if (!reply.ok) throw new Error(`no capture: ${reply.reason}`);
  const { title, summary, paragraphs } = reply.page;
  return { ...ARTICLE, title, summary, paragraphs };
}

const verdict = (article: Article, html: string) => {
  const result = compareWithLive(article, html);
  if (result.status !== 'compared') throw new Error(`not compared: ${result.reason}`);
  return result.changes;
};

describe('the headline of a captured page, on the next visit', () => {
  it.each(TEMPLATES)('%s: stored without the site, and unchanged when the page is', (_name, html) => {
    const article = captured(html);
    expect(article.title).toBe(HEADLINE);
    expect(article.summary).toBe(TEXT[0]);
    const changes = verdict(article, html);
    expect(changes.headline).toBe(false);
    expect(changes.firstChange).toBe(-1);
  });

  it.each(TEMPLATES)('%s: a bundled article (its seed’s title line) is unchanged on that page too', (_name, html) => {
    const bundled: Article = { ...ARTICLE, title: HEADLINE, summary: TEXT[0]!, paragraphs: TEXT.slice(1) };
    expect(verdict(bundled, html).headline).toBe(false);
  });

  it('still sees a headline the site edited', () => {
    const before = page(`${HEADLINE} – The Coastal Ledger`, `<h1>${HEADLINE}</h1>`);
    const after = page('Harbour plan approved after all-night session – The Coastal Ledger', '<h1>Harbour plan approved after all-night session</h1>');
    const changes = verdict(captured(before), after);
    expect(changes.headline).toBe(true);
  });
});
